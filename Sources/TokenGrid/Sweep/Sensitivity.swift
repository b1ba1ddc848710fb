/// Which varied inputs move a metric most (a tornado), and where the largest site changes.
///
/// Each parameter's scenarios are grouped by its value (grid points, or 5 quantile bins for samples) and the metric
/// (by default the token-weighted cost per million tokens in the last year; see ``SweepMetric``) is averaged per
/// group, the other parameters averaging out. A bar spans the lowest to the highest group mean.
public struct Sensitivity: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        public var parameter: String
        /// Mean metric in the group with the parameter's lowest values, and with its highest.
        public var atLow: Double
        public var atHigh: Double
        /// Lowest and highest group mean.
        public var minimum: Double
        public var maximum: Double
        public var swing: Double { maximum - minimum }
    }

    /// The largest site changing between neighbouring groups of one parameter.
    public struct Switch: Sendable, Hashable {
        public var parameter: String
        public var fromSite: String
        public var toSite: String
        /// Between these parameter values.
        public var after: Double
        public var before: Double
    }

    /// The metric ranked.
    public var metric: SweepMetric
    /// Median of the metric over the successful scenarios.
    public var median: Double
    public var bars: [Bar]
    public var switches: [Switch]
    public var succeeded: Int
    public var failed: Int

    public init(_ table: SweepTable, metric: SweepMetric = .costPerToken) {
        self.metric = metric
        let good = table.rows.filter { $0.status == "optimal" && metric.value($0).isFinite }
        succeeded = good.count
        failed = table.rows.count - good.count - table.interruptedCount
        let sorted = good.map(metric.value).sorted()
        median = sorted.isEmpty ? .nan : sorted[sorted.count / 2]
        var bars: [Bar] = [], switches: [Switch] = []
        for (p, parameter) in table.parameters.enumerated() {
            let groups = Self.groups(good, parameter: p)
            guard !groups.isEmpty else { continue }
            let means = groups.map { group in group.rows.reduce(0) { $0 + metric.value($1) } / Double(group.rows.count) }
            bars.append(Bar(parameter: parameter, atLow: means.first!, atHigh: means.last!, minimum: means.min()!, maximum: means.max()!))
            let leaders = groups.map { Self.mode($0.rows.map(\.largestSite)) }
            for k in 1 ..< max(leaders.count, 1) where leaders[k] != leaders[k - 1] {
                switches.append(Switch(parameter: parameter, fromSite: leaders[k - 1], toSite: leaders[k], after: groups[k - 1].upper, before: groups[k].lower))
            }
        }
        self.bars = bars.sorted { ($0.swing, $1.parameter) > ($1.swing, $0.parameter) }
        self.switches = switches
    }

    private struct Group { var lower: Double; var upper: Double; var rows: [SweepRow] }

    /// Scenarios grouped by one parameter: by distinct value when there are at most 12, else in 5 quantile bins.
    private static func groups(_ rows: [SweepRow], parameter p: Int) -> [Group] {
        let ordered = rows.sorted { ($0.values[p], $0.index) < ($1.values[p], $1.index) }
        let distinct = Array(Set(ordered.map { $0.values[p] })).sorted()
        if distinct.count <= 12 {
            return distinct.map { value in Group(lower: value, upper: value, rows: ordered.filter { $0.values[p] == value }) }
        }
        let bins = 5
        return (0 ..< bins).compactMap { bin in
            let slice = Array(ordered[(ordered.count * bin / bins) ..< (ordered.count * (bin + 1) / bins)])
            guard let first = slice.first, let last = slice.last else { return nil }
            return Group(lower: first.values[p], upper: last.values[p], rows: slice)
        }
    }

    /// The most frequent site, ties broken by name so that output is deterministic.
    private static func mode(_ sites: [String]) -> String {
        var counts: [String: Int] = [:]
        for site in sites { counts[site, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
    }
}
