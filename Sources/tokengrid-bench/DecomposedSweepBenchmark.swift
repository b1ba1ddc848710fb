import Foundation
import TokenGrid

/// Variants of a generated decomposed plan (default 40 sites × 6 years × 96 slices × 10 zones) solved in one
/// ``PlacementSession`` — warm: block problems, bases, the master's basis and binding cuts carried from variant to
/// variant — against a new session per variant (cold), per variant.
///
///     swift run -c release tokengrid-bench decomposed-sweep [--variants 100] [--cold-variants 10] [--threads 2]
///         [--pattern grid|cycle|prices|samples|samples4|samples4-unordered]
///
/// Patterns (n variants; a site's power price scaled 0.7–1.3×, a zone's growth 0.8–1.2×: for the generated plans'
/// anchored growth, its demand after the first year):
/// - `grid`: a √n × √n grid over site 1's price (slowest) and zone 1's growth, in the order `tokengrid sweep` runs a
///   grid: neighbouring variants differ in one step of one parameter.
/// - `cycle`: variant v scales site (v mod sites)'s price and zone (v mod zones)'s growth, both factors rising with
///   v: neighbours differ at two sites and two zones.
/// - `prices`: as `cycle`, prices only (what this benchmark measured before growth was applied to anchored zones).
/// - `samples`: n Latin-hypercube samples over the grid's two parameters, in the order `tokengrid sweep` solves
///   samples (nearest neighbour first, ``SweepSpec/solveOrder(_:of:)``).
/// - `samples4`: as `samples` over four parameters: sites 1 and 2's prices, zones 1 and 2's growth.
/// - `samples4-unordered`: the same samples in index order (each variant a jump across the space).
enum DecomposedSweepBenchmark {
    enum Pattern: String { case grid, cycle, prices, samples, samples4, samples4Unordered = "samples4-unordered" }

    static func run(_ arguments: BenchmarkArguments) {
        let base = arguments.scenario()
        let pattern = Pattern(rawValue: arguments.pattern) ?? .cycle
        var options = PlacementOptions(strategy: .decomposed)
        options.threads = arguments.threads
        let count = arguments.variants
        // Worked out once, outside the timed solves (the samples and their chain are the same for every variant).
        let changes = Self.changes(base, count: count, pattern: pattern)
        print("decomposed sweep \(base.plan.name), pattern \(pattern.rawValue): \(count) variants warm, \(arguments.coldVariants) cold, \(arguments.threads) thread(s)")
        let warm = PlacementSession(options: options)
        var warmSeconds: [Double] = [], warmObjectives: [Double] = [], warmIterations: [Int] = []
        let warmStart = Date()
        for v in 0 ..< count {
            let start = Date()
            let result: PlacementResult
            do {
                result = try warm.solve(data(base, changes[v]))
            } catch {
                print("  warm variant \(v) failed: \(error)")
                return
            }
            warmSeconds.append(seconds(since: start))
            warmObjectives.append(result.objectiveUSD)
            warmIterations.append(benders(result))
            if v < 3 || v == count - 1 {
                print("  warm variant \(v): \(format(warmSeconds.last!)) s (build \(format(result.timings.buildSeconds)) s, master \(format(result.timings.masterSeconds)) s, blocks \(format(result.timings.blockSeconds)) s, check \(format(result.timings.checkSeconds)) s, extract \(format(result.timings.extractSeconds)) s), \(result.solver.attempts.joined(separator: " / "))")
            }
        }
        let warmTotal = seconds(since: warmStart)
        // Cold variants spread over the sweep.
        var coldSeconds: [Double] = [], coldIterations: [Int] = [], worst = 0.0
        for k in 0 ..< min(arguments.coldVariants, count) {
            let v = k * count / max(1, arguments.coldVariants)
            let start = Date()
            guard let result = try? PlacementSession(options: options).solve(data(base, changes[v])) else {
                print("  cold variant \(v) failed")
                return
            }
            coldSeconds.append(seconds(since: start))
            coldIterations.append(benders(result))
            worst = max(worst, abs(result.objectiveUSD - warmObjectives[v]) / abs(result.objectiveUSD))
        }
        let warmMean = warmTotal / Double(count), coldMean = coldSeconds.reduce(0, +) / Double(max(1, coldSeconds.count))
        let warmAfterFirst = warmSeconds.dropFirst().reduce(0, +) / Double(max(1, warmSeconds.count - 1))
        let sorted = warmSeconds.dropFirst().sorted()
        print("  warm: \(format(warmTotal)) s for \(count) variants, \(format(warmMean)) s per variant (\(format(warmAfterFirst)) s after the first; median \(format(sorted.isEmpty ? 0 : sorted[sorted.count / 2])) s, slowest \(format(sorted.last ?? 0)) s); Benders iterations \(format(mean(warmIterations.dropFirst()))) per variant after the first")
        print("  cold: \(format(coldMean)) s per variant (mean of \(coldSeconds.count)); Benders iterations \(format(mean(coldIterations[...])))")
        print("  speed-up per variant: ×\(format(coldMean / warmMean)) (×\(format(coldMean / warmAfterFirst)) after the first); largest objective difference warm vs cold \(worst); peak memory \(format(peakMemoryMB())) MB")
    }

    static func mean(_ values: ArraySlice<Int>) -> Double { values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count) }

    /// The Benders iterations a result's accepted solve took, from its attempt line ("benders-…, 12 iterations …").
    static func benders(_ result: PlacementResult) -> Int {
        guard let line = result.solver.attempts.last, let range = line.range(of: #"\d+ iterations"#, options: .regularExpression) else { return 0 }
        return Int(line[range].split(separator: " ")[0]) ?? 0
    }

    /// What each of `count` variants in `pattern` changes: sites' power prices and zones' growth, as factors.
    struct Change {
        var prices: [(site: Int, factor: Double)] = []
        var growths: [(zone: Int, factor: Double)] = []
    }

    /// The changes of variants 0 ..< `count` in `pattern`.
    static func changes(_ base: Scenario, count: Int, pattern: Pattern) -> [Change] {
        let (site1, zone1) = (min(1, base.regions.count - 1), min(1, base.plan.zones.count - 1))
        let (site2, zone2) = (min(2, base.regions.count - 1), min(2, base.plan.zones.count - 1))
        switch pattern {
        case .grid:
            let side = max(1, Int(Double(count).squareRoot().rounded(.up)))
            return (0 ..< count).map { v in
                let (row, column) = (v / side, v % side)
                return Change(prices: [(site1, 0.7 + 0.6 * Double(row) / Double(max(1, side - 1)))],
                              growths: [(zone1, 0.8 + 0.4 * Double(column) / Double(max(1, side - 1)))])
            }
        case .cycle, .prices:
            return (0 ..< count).map { v in
                let position = Double(v) / Double(max(1, count - 1))
                return Change(prices: [(v % base.regions.count, 0.7 + 0.6 * position)],
                              growths: pattern == .cycle ? [(v % base.plan.zones.count, 0.8 + 0.4 * position)] : [])
            }
        case .samples, .samples4, .samples4Unordered:
            let four = pattern != .samples
            let price = SweepSpec.Parameter(path: "price", low: 0.7, high: 1.3, steps: 1)
            let growth = SweepSpec.Parameter(path: "growth", low: 0.8, high: 1.2, steps: 1)
            let spec = SweepSpec(parameters: four ? [price, price, growth, growth] : [price, growth], samples: count)
            let samples = spec.scenarios()
            let order = pattern == .samples4Unordered ? Array(samples.indices) : spec.solveOrder(samples.indices, of: samples)
            return order.map { index in
                let values = samples[index]
                return four ? Change(prices: [(site1, values[0]), (site2, values[1])], growths: [(zone1, values[2]), (zone2, values[3])])
                    : Change(prices: [(site1, values[0])], growths: [(zone1, values[1])])
            }
        }
    }

    /// `base` with `change` applied.
    static func data(_ base: Scenario, _ change: Change) -> PlacementData {
        var scenario = base
        for (site, factor) in change.prices { scenario.regions[site].grid.priceUSDPerMWh.value *= factor }
        for (zone, factor) in change.growths { scenario.plan.zones[zone].growth = scaled(scenario.plan.zones[zone].growth, by: factor) }
        return PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
    }

    /// `growth` with `factor` × its growth: a constant rate scaled; anchored growth (the generated plans') with every
    /// anchor after the first scaled, so that the zone asks `factor` × as much in the later years.
    static func scaled(_ growth: GrowthModel, by factor: Double) -> GrowthModel {
        switch growth {
        case .cagr(let rate): return .cagr(ratePerYear: rate * factor)
        case .anchors(let anchors) where !anchors.isEmpty:
            return .anchors([anchors[0]] + anchors.dropFirst().map { YearMap.YearValue(year: $0.year, value: $0.value * factor) })
        default: return growth
        }
    }
}
