import Foundation

/// The text table `tokengrid demand` prints.
public enum DemandTable {
    public static func render(scenario: Scenario, projection: DemandProjection) -> String {
        var lines: [String] = []
        let plan = scenario.plan
        lines.append("Demand projection for \(plan.name) (\(plan.firstYear)–\(plan.lastYear), \(plan.timeSlices.count) time slices)")
        for zone in plan.zones {
            guard let projected = projection.zone(zone.id) else { continue }
            lines.append("")
            lines.append("zone \(zone.id) — growth model \(zone.growth.name)")
            if let fit = projected.fit {
                lines.append("  fit: \(describe(fit.curve)); R² (log) \(NumberFormat.fixed(fit.rSquaredLog, 4)), RMSE (log) \(NumberFormat.fixed(fit.rmseLog, 4)), \(fit.observationCount) observations, implied growth \(NumberFormat.percent(fit.impliedGrowthPerYear))/yr")
            }
            let sites = scenario.sites(serving: zone)
            let best = bestDesign(scenario: scenario, sites: sites, year: plan.firstYear)
            let header = ["year", "tokens/yr", "mean tok/s", "peak tok/s", "growth", "design", "MW IT", "accel-hours", "GWh"]
            var rows: [[String]] = []
            var previous: Double?
            for year in projected.years {
                var row = [String(year.year), NumberFormat.scaled(year.tokensPerYear), NumberFormat.scaled(year.averageTokensPerS),
                           NumberFormat.scaled(year.peakTokensPerS), previous.map { "×" + NumberFormat.fixed(year.tokensPerYear / $0, 3) } ?? "–"]
                if let (design, pue) = best {
                    let need = ComputeRequirement(design: design, mix: plan.modelMix, year: year.year, tokensPerYear: year.tokensPerYear,
                                                  peakTokensPerS: year.peakTokensPerS, pue: pue)
                    row += [design.id, NumberFormat.fixed(need.itMW, 1), NumberFormat.scaled(need.acceleratorHours), NumberFormat.fixed(need.energyMWh / 1000, 1)]
                } else {
                    row += ["(no site)", "–", "–", "–"]
                }
                rows.append(row)
                previous = year.tokensPerYear
            }
            lines += table(header: header, rows: rows).map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The design with the least energy per token among those the sites host, and the PUE of the best site hosting it.
    static func bestDesign(scenario: Scenario, sites: [Region], year: Int) -> (ClusterDesign, Double)? {
        var best: (ClusterDesign, Double, Double)?
        for site in sites {
            for hosted in site.clusterDesigns {
                guard let design = scenario.design(hosted.design) else { continue }
                let joules = design.joulesPerToken(mix: scenario.plan.modelMix, year: year) * site.dataCentre.pue.value
                if best == nil || joules < best!.2 { best = (design, site.dataCentre.pue.value, joules) }
            }
        }
        return best.map { ($0.0, $0.1) }
    }

    static func describe(_ curve: GrowthCurve) -> String {
        switch curve {
        case let .exponential(a, b):
            return "exponential, rate e^(\(NumberFormat.fixed(a, 3)) + \(NumberFormat.fixed(b, 4)) t) tokens/yr (×\(NumberFormat.fixed(exp(b), 3))/yr)"
        case let .logistic(ceiling, midpoint, rate):
            return "logistic, ceiling \(NumberFormat.scaled(ceiling)) tokens/yr, midpoint \(NumberFormat.fixed(midpoint, 2)), rate \(NumberFormat.fixed(rate, 3))/yr"
        case .anchors(let points):
            return "anchors " + points.map { "\($0.year): \(NumberFormat.scaled($0.value))" }.joined(separator: ", ")
        }
    }

    /// Left-aligned first column, right-aligned others, padded to the widest cell.
    public static func table(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)
    }
}
