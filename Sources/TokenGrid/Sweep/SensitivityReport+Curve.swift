import Foundation

/// For a sweep of one parameter (a curtailment share, a price), the curve itself: IT installed and cost per token
/// against the parameter's value — at the site the parameter belongs to (`regions.<id>.…`) and over all sites.
extension SensitivityReport {
    struct CurvePoint {
        var value: Double
        /// IT installed in the last year over all sites, and at the parameter's site (nil when it names none), MW.
        var totalITMW: Double
        var siteITMW: Double?
        /// Token-weighted cost per million tokens over all sites, and at the parameter's site, $.
        var cost: Double
        var siteCost: Double?
        var unserved: Double
    }

    /// The solved scenarios of a one-parameter sweep, by parameter value, and the site the parameter names; nil for
    /// other sweeps.
    static func curve(_ table: SweepTable) -> (site: String?, points: [CurvePoint])? {
        guard table.parameters.count == 1 else { return nil }
        let parts = table.parameters[0].split(separator: ".").map(String.init)
        let siteIndex = parts.count > 2 && parts[0] == "regions" ? table.sites.firstIndex(of: parts[1]) : nil
        let points = table.rows.filter { $0.status == "optimal" }.sorted { $0.values[0] < $1.values[0] }.map { row in
            CurvePoint(value: row.values[0], totalITMW: row.siteITMW.reduce(0, +),
                       siteITMW: siteIndex.flatMap { row.siteITMW.indices.contains($0) ? row.siteITMW[$0] : nil }, cost: row.averageCostUSDPerMTok,
                       siteCost: siteIndex.map { row.siteCostUSDPerMTok[$0] }, unserved: row.unservedShare)
        }
        return points.count >= 2 ? (siteIndex.map { table.sites[$0] }, points) : nil
    }

    /// A parameter value as written in a plan (0.0025, 60, 1.5e+14).
    static func valueText(_ value: Double) -> String { String(format: "%g", value) }

    /// The curve as a Markdown section (empty when the sweep has more than one parameter).
    static func curveMarkdown(_ table: SweepTable) -> [String] {
        guard let (site, points) = curve(table) else { return [] }
        let last = table.lastYear
        var header = "| \(table.parameters[0]) |"
        if let site { header += " IT at \(site) \(last) (MW) | cost at \(site) \(last) ($/M tokens) |" }
        header += " IT, all sites \(last) (MW) | cost, all sites \(last) ($/M tokens) | unserved (% of demand) |"
        var lines = ["", "## " + curveHeading(table), "", header, "|" + String(repeating: "---:|", count: site == nil ? 4 : 6)]
        for point in points {
            var line = "| \(valueText(point.value)) |"
            if site != nil {
                line += " \(NumberFormat.fixed(point.siteITMW ?? .nan, 0)) | \((point.siteCost ?? .nan).isFinite ? NumberFormat.usdPerMTok(point.siteCost!) : "–") |"
            }
            line += " \(NumberFormat.fixed(point.totalITMW, 0)) | \(NumberFormat.usdPerMTok(point.cost)) | \(NumberFormat.percent(point.unserved)) |"
            lines.append(line)
        }
        return lines
    }

    /// The curve's heading (its figure goes under it in the HTML page).
    static func curveHeading(_ table: SweepTable) -> String { "The curve: `\(table.parameters.first ?? "")`" }

    /// The curve as two inline SVG line charts; nil when the sweep has more than one parameter.
    static func curveSVG(_ table: SweepTable) -> String? {
        guard let (site, points) = curve(table) else { return nil }
        let categories = points.map { valueText($0.value) }, last = table.lastYear
        var capacitySeries = [SVGChart.Series(name: "all sites", values: points.map(\.totalITMW), color: "#9cc3e4")]
        var costSeries = [SVGChart.Series(name: "all sites", values: points.map(\.cost), color: "#e8a09a")]
        if let site {
            capacitySeries.append(SVGChart.Series(name: site, values: points.map { $0.siteITMW ?? 0 }, color: "#2f5f98"))
            costSeries.append(SVGChart.Series(name: site, values: points.map { $0.siteCost ?? 0 }, color: "#c0392b"))
        }
        let capacity = SVGChart.lines(categories: categories, series: capacitySeries, logarithmic: false, yTitle: "MW IT, \(last)",
                                      label: "IT installed against \(table.parameters[0])")
        let cost = SVGChart.lines(categories: categories, series: costSeries, logarithmic: false, yTitle: "$ per million tokens, \(last)",
                                  label: "Cost per million tokens against \(table.parameters[0])")
        return "<div style=\"display:flex;flex-wrap:wrap;gap:1em\">\(capacity)\(cost)</div>"
    }
}
