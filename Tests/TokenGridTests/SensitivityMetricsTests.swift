import Foundation
import Testing
@testable import TokenGrid

/// Sensitivity ranks each metric on its own, and draws a heatmap for two-parameter grids only.
@Suite("Sensitivity metrics") struct SensitivityMetricsTests {
    /// cost per token = 1 + a, unserved share = 0.1 b, total cost = 100 a + 10 b over a 2 × 3 grid.
    static let table: SweepTable = {
        var rows: [SweepRow] = []
        for a in 0 ..< 2 {
            for b in 0 ..< 3 {
                var row = SweepRow(index: rows.count, values: [Double(a), Double(b)], status: "optimal", objectiveUSD: 1, averageCostUSDPerMTok: 1 + Double(a),
                                   unservedShare: 0.1 * Double(b), largestSite: "x", siteCostUSDPerMTok: [], zoneMarginalUSDPerMTok: [], error: "",
                                   iterations: 0, solveSeconds: 0)
                row.discountedCostUSD = 100 * Double(a) + 10 * Double(b)
                rows.append(row)
            }
        }
        return SweepTable(parameters: ["a", "b"], sites: [], zones: [], lastYear: 2030, rows: rows)
    }()

    @Test func eachMetricHasItsOwnRanking() {
        let cost = Sensitivity(Self.table, metric: .costPerToken), unserved = Sensitivity(Self.table, metric: .unservedShare)
        let total = Sensitivity(Self.table, metric: .discountedCost)
        #expect(cost.bars.map(\.parameter) == ["a", "b"] && abs(cost.bars[0].swing - 1) < 1e-12 && cost.bars[1].swing == 0)
        #expect(unserved.bars.map(\.parameter) == ["b", "a"] && abs(unserved.bars[0].swing - 0.2) < 1e-12)
        #expect(total.bars.map(\.parameter) == ["a", "b"] && abs(total.bars[0].swing - 100) < 1e-12 && abs(total.bars[1].swing - 20) < 1e-12)
        let markdown = SensitivityReport.markdown(Self.table, title: "t")
        #expect(markdown.contains("| `a` | $1.00 | 1 | 0.0 | 2 | $100 | 1 |"))
        #expect(markdown.contains("| `b` | $0.0000 | 2 | 20.0 | 1 | $20 | 2 |"))
    }

    @Test func aTwoParameterGridGetsHeatmaps() throws {
        let grid = try #require(HeatmapGrid(Self.table))
        #expect(grid.rowValues == [0, 1] && grid.columnValues == [0, 1, 2])
        #expect(grid.values(.discountedCost) == [[0, 10, 20], [100, 110, 120]])
        let markdown = SensitivityReport.markdown(Self.table, title: "t")
        #expect(markdown.contains("### Heatmap: unserved share of demand over the horizon"))
        #expect(markdown.contains("| 1 | 0.0% | 10.0% | 20.0% |"))
        let html = SensitivityReport.html(Self.table, title: "t")
        #expect(html.components(separatedBy: "aria-label=\"Heatmap:").count - 1 == 3)
        #expect(html.components(separatedBy: "aria-label=\"Tornado chart:").count - 1 == 3)
    }

    @Test func samplesAndOneParameterGetNoHeatmap() {
        var one = Self.table
        one.parameters = ["a"]
        one.rows = one.rows.map { var row = $0; row.values = [row.values[0]]; return row }
        #expect(HeatmapGrid(one) == nil)
        var sampled = Self.table
        sampled.rows = sampled.rows.enumerated().map { var row = $1; row.values = [Double($0) * 0.37, Double($0) * 1.3]; return row }
        #expect(HeatmapGrid(sampled) == nil)
    }

    @Test func sweepCSVReadsByColumnName() throws {
        let text = Self.table.csv()
        #expect(text.split(separator: "\n")[0].contains("discounted_cost_usd"))
        #expect(try SweepTable.parse(text, file: "s.csv").rows.map(\.discountedCostUSD) == Self.table.rows.map(\.discountedCostUSD))
        // A table from before the column existed still reads, without it.
        let old = "scenario,a,status,objective_usd,average_cost_usd_per_mtok_2030,unserved_share,largest_site_2030,error\n0,1,optimal,5,0.1,0,x,\n"
        let parsed = try SweepTable.parse(old, file: "old.csv")
        #expect(parsed.rows[0].objectiveUSD == 5 && parsed.rows[0].largestSite == "x" && parsed.rows[0].discountedCostUSD.isNaN)
    }
}
