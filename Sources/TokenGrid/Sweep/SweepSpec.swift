/// What a sweep varies and which scenarios it runs: a grid over parameters, or Latin-hypercube samples.
public struct SweepSpec: Sendable, Hashable, Codable {
    /// One varied field, by dotted override path, over a range.
    public struct Parameter: Sendable, Hashable, Codable {
        public var path: String
        public var low: Double
        public var high: Double
        /// Grid points (grid sweeps only), ≥ 1.
        public var steps: Int

        public init(path: String, low: Double, high: Double, steps: Int) {
            self.path = path
            self.low = low
            self.high = high
            self.steps = steps
        }

        /// Parses `path=lo:hi:steps` (or `path=lo:hi` for sampling).
        public static func parse(_ text: String, requireSteps: Bool) throws -> Parameter {
            guard let equals = text.firstIndex(of: "=") else { throw SweepError.badParameter(text, "expected path=lo:hi:steps") }
            let path = String(text[..<equals])
            let parts = text[text.index(after: equals)...].split(separator: ":").map(String.init)
            guard !path.isEmpty, parts.count == 3 || (!requireSteps && parts.count == 2),
                  let low = Double(parts[0]), let high = Double(parts[1]), low.isFinite, high.isFinite else {
                throw SweepError.badParameter(text, requireSteps ? "expected path=lo:hi:steps, e.g. regions.ercot.grid.price_usd_per_mwh=40:90:6" : "expected path=lo:hi")
            }
            let steps = parts.count == 3 ? Int(parts[2]) : 1
            guard let steps, steps >= 1, steps <= 10_000 else { throw SweepError.badParameter(text, "steps must be a whole number from 1 to 10000") }
            guard low <= high else { throw SweepError.badParameter(text, "lo must not exceed hi") }
            return Parameter(path: path, low: low, high: high, steps: steps)
        }

        /// The i-th of `steps` evenly spaced values.
        func gridValue(_ index: Int) -> Double {
            steps == 1 ? low : low + (high - low) * Double(index) / Double(steps - 1)
        }
    }

    public var parameters: [Parameter]
    /// Latin-hypercube samples instead of a grid, when set.
    public var samples: Int?
    public var seed: UInt64

    public init(parameters: [Parameter], samples: Int? = nil, seed: UInt64 = 1) {
        self.parameters = parameters
        self.samples = samples
        self.seed = seed
    }

    /// Every scenario's parameter values, in a fixed order: grid points with the first parameter varying slowest,
    /// or Latin-hypercube samples drawn from `seed` (same seed → same samples).
    public func scenarios() -> [[Double]] {
        if let samples { return latinHypercube(samples) }
        var rows: [[Double]] = [[]]
        for parameter in parameters {
            rows = rows.flatMap { row in (0 ..< parameter.steps).map { row + [parameter.gridValue($0)] } }
        }
        return rows
    }

    private func latinHypercube(_ count: Int) -> [[Double]] {
        var random = SplitMix64(seed: seed)
        var columns: [[Double]] = []
        for parameter in parameters {
            // One value per stratum, strata shuffled (Fisher–Yates) so the columns pair at random.
            var strata = Array(0 ..< count)
            for i in stride(from: count - 1, to: 0, by: -1) { strata.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            columns.append(strata.map { stratum in
                parameter.low + (parameter.high - parameter.low) * (Double(stratum) + random.uniform(0, 1)) / Double(count)
            })
        }
        return (0 ..< count).map { row in columns.map { $0[row] } }
    }

    /// The scenario indices of shard `index` of `count`: a contiguous block, so neighbouring grid points stay
    /// together and warm starts stay effective.
    public static func shard(_ index: Int, of count: Int, total: Int) -> Range<Int> {
        (total * index / count) ..< (total * (index + 1) / count)
    }
}

/// Why a sweep could not be set up or merged.
public enum SweepError: Error, CustomStringConvertible, Equatable {
    case badParameter(String, String)
    case badShard(String)
    case mergeMismatch(String)

    public var description: String {
        switch self {
        case let .badParameter(text, reason): return "--vary \(text): \(reason)"
        case let .badShard(text): return "--shard \(text): expected i/N with 0 ≤ i < N, e.g. 3/8"
        case let .mergeMismatch(reason): return "cannot merge sweep shards: \(reason)"
        }
    }
}
