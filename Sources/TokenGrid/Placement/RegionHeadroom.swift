import Foundation

/// How much new load a region's grid can connect, firm or with curtailment, from its hourly load against its reserve
/// floor: the `tokengrid headroom` command, in the manner of Norris et al., *Rethinking Load Growth* (Duke, 2025).
///
/// Hour by hour, the headroom for new load is h = firm ÷ (1 + minimum margin) − background peak × load factor − existing
/// data centres, never below 0. As in the placement LP, the published peak includes the existing clusters of the base
/// year, so the background peak is the published one less their draw then (`Region.backgroundPeakLoadMW(in:designs:mix:)`); with no
/// plan, hence no model mix, the clusters are counted at full power (PUE × IT MW), the most they can draw. A flat new load of X MW is curtailed by
/// max(0, X − h) in each hour; the connectable load at share S is the largest X whose curtailed energy is at most
/// S × X × 8,760 h (``ConnectableLoad``).
public struct RegionHeadroom: Sendable, Codable {
    public var region: String
    public var year: Int
    /// Headroom for new load in each UTC hour of the typical year, MW.
    public var hourlyHeadroomMW: [Double]
    /// One row per curtailment share asked for.
    public var rows: [Row]

    public struct Row: Sendable, Codable, Hashable {
        /// Share of the connection's energy that may be curtailed, fraction.
        public var curtailmentShare: Double
        /// The largest new load connectable at that share, MW.
        public var connectableMW: Double
        /// Hours a year, and energy, the grid curtails it.
        public var curtailedHours: Double
        public var curtailedMWh: Double
        /// The longest run of consecutive curtailed hours.
        public var longestEventHours: Int
        /// The deepest cut in one hour, as a share of the connection.
        public var deepestCutShare: Double
    }

    /// The shares the command reports by default: firm, then 0.25 %, 0.5 %, 1 % and 5 % (Duke's grid).
    public static let defaultShares = [0, 0.0025, 0.005, 0.01, 0.05]

    /// The analysis of `region` in `year`; `designs` give existing clusters' lifetimes (retired ones connect nothing).
    public init(region: Region, year: Int, designs: [ClusterDesign], shares: [Double] = RegionHeadroom.defaultShares) {
        let grid = region.grid
        let catalogue = ClusterDesign.byID(designs)
        // Existing clusters at full power: the most they can draw, whatever the mix.
        func existingMW(in year: Int) -> Double { region.existingDrawMW(in: year, designs: catalogue) { _ in 1 } }
        let floorCapacity = grid.reserveFloorMW(in: year)
        let existing = existingMW(in: year)
        let peak = region.backgroundPeakLoadMW(in: [year], baseYearExistingDrawMW: existingMW(in: grid.baseYear))[0]
        let load = region.loadFactorSeries
        let headroom = (0 ..< HourlySeries.hoursPerYear).map { max(0, floorCapacity - peak * load[$0] - existing) }
        let weights = [Double](repeating: 1, count: headroom.count)
        self.region = region.id
        self.year = year
        hourlyHeadroomMW = headroom
        rows = shares.map { share in
            let connectable = ConnectableLoad.largestMW(headroomMW: headroom, weightHours: weights, curtailmentShare: share)
            let (hours, energy) = ConnectableLoad.curtailment(connectionMW: connectable, headroomMW: headroom, weightHours: weights)
            var longest = 0, run = 0, deepest = 0.0
            for h in headroom {
                let cut = connectable - h
                if cut > 1e-9 * max(1, connectable) {
                    run += 1
                    longest = max(longest, run)
                    deepest = max(deepest, cut / connectable)
                } else {
                    run = 0
                }
            }
            return Row(curtailmentShare: share, connectableMW: connectable, curtailedHours: hours, curtailedMWh: energy, longestEventHours: longest,
                       deepestCutShare: deepest)
        }
    }

    /// The analysis as JSON (sorted keys, reproducible).
    public func json() throws -> Data {
        var data = try JSONKeys.encoder().encode(self)
        data.append(contentsOf: Array("\n".utf8))
        return data
    }

    /// The rows as a text table.
    public func table() -> String {
        let firm = rows.first { $0.curtailmentShare == 0 }?.connectableMW
        let header = ["curtailment", "connectable MW", "× firm", "curtailed h/yr", "curtailed MWh/yr", "longest event h", "deepest cut"]
        let lines = rows.map { row -> [String] in
            let ratio = firm.map { $0 > 0 ? NumberFormat.fixed(row.connectableMW / $0, 2) : "–" } ?? "–"
            return [row.curtailmentShare == 0 ? "0 % (firm)" : NumberFormat.fixed(row.curtailmentShare * 100, 2) + " %",
                    NumberFormat.fixed(row.connectableMW, 0), ratio, NumberFormat.fixed(row.curtailedHours, 0), NumberFormat.fixed(row.curtailedMWh, 0),
                    String(row.longestEventHours), NumberFormat.percent(row.deepestCutShare)]
        }
        return DemandTable.table(header: header, rows: lines).joined(separator: "\n") + "\n"
    }
}
