import Foundation

/// How many of the regions' figures carry a source and a year, region by region and for the five grid figures that
/// set headroom and cost (`tokengrid regions --sources`).
public struct SourceCensus: Sendable, Codable, Hashable {
    /// The grid figures counted field by field: firm capacity, peak load, minimum margin, price, carbon.
    public static let gridFields: [(key: String, label: String, figure: @Sendable (Region.Grid) -> Figure)] = [
        ("firm_capacity_mw", "firm", { $0.firmCapacityMW }),
        ("peak_load_mw", "peak", { $0.peakLoadMW }),
        ("min_reserve_margin", "margin", { $0.minReserveMargin }),
        ("price_usd_per_mwh", "price", { $0.priceUSDPerMWh }),
        ("carbon_t_per_mwh", "carbon", { $0.carbonTonnesPerMWh }),
    ]

    /// One region's count.
    public struct RegionCount: Sendable, Codable, Hashable {
        public var region: String
        /// Per grid field key (`firm_capacity_mw` …) that carries a source and year: that year. A field left out is an assumption.
        public var gridSourceYears: [String: Int]
        /// Figures written in the region file (defaults left out), and how many of them carry a source and a year.
        public var figures: Int
        public var sourcedFigures: Int
        public var gridSourced: Int { gridSourceYears.count }
    }

    public var regions: [RegionCount]
    /// Figures of the design catalogue, and how many carry a source and a year.
    public var designFigures: Int
    public var designSourcedFigures: Int

    public init(regions: [Region], designs: [ClusterDesign] = []) {
        (designFigures, designSourcedFigures) = Self.count(designs)
        self.regions = regions.map { region in
            let (figures, sourced) = Self.count(region)
            var years: [String: Int] = [:]
            for field in Self.gridFields {
                let figure = field.figure(region.grid)
                if figure.isSourced { years[field.key] = figure.year }
            }
            return RegionCount(region: region.id, gridSourceYears: years, figures: figures, sourcedFigures: sourced)
        }
    }

    /// Figures written in `value` (defaults left out) and how many carry a source and a year.
    private static func count(_ value: Any) -> (figures: Int, sourced: Int) {
        var figures = 0, sourced = 0
        FigureWalk.walk(value) { _, figure, _ in
            guard let figure, !figure.isDefault else { return }
            figures += 1
            if figure.isSourced { sourced += 1 }
        }
        return (figures, sourced)
    }

    /// Grid figures with a source and year, of all grid figures.
    public var gridSourced: (sourced: Int, total: Int) {
        (regions.reduce(0) { $0 + $1.gridSourced }, regions.count * Self.gridFields.count)
    }

    /// Region figures with a source and year, of all figures written.
    public var allSourced: (sourced: Int, total: Int) {
        (regions.reduce(0) { $0 + $1.sourcedFigures }, regions.reduce(0) { $0 + $1.figures })
    }

    /// A table: each grid field's source year (or `assumed`) per region, the region's counts, and a total row.
    public func table() -> String {
        let header = ["region"] + Self.gridFields.map(\.label) + ["grid sourced", "all sourced"]
        func ratio(_ part: Int, _ whole: Int) -> String {
            "\(part)/\(whole) (\(NumberFormat.percent(whole > 0 ? Double(part) / Double(whole) : 0)))"
        }
        var rows = regions.map { count -> [String] in
            [count.region] + Self.gridFields.map { count.gridSourceYears[$0.key].map(String.init) ?? "assumed" }
                + [ratio(count.gridSourced, Self.gridFields.count), ratio(count.sourcedFigures, count.figures)]
        }
        let perField = Self.gridFields.map { field in regions.filter { $0.gridSourceYears[field.key] != nil }.count }
        rows.append(["total"] + perField.map { "\($0)/\(regions.count)" } + [ratio(gridSourced.sourced, gridSourced.total), ratio(allSourced.sourced, allSourced.total)])
        if designFigures > 0 {
            rows.append(["designs.yaml"] + Self.gridFields.map { _ in "–" } + ["–", ratio(designSourcedFigures, designFigures)])
        }
        let legend = "Grid figures: the source's year, or `assumed` (an assumption with its reason). Sourced = a source and a year.\n"
        return legend + DemandTable.table(header: header, rows: rows).joined(separator: "\n") + "\n"
    }

    /// The census as JSON (sorted keys, reproducible).
    public func json() throws -> Data {
        var data = try JSONKeys.encoder().encode(self)
        data.append(contentsOf: Array("\n".utf8))
        return data
    }

    private enum CodingKeys: String, CodingKey { case regions, designFigures, designSourcedFigures }
}
