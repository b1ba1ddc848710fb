import Foundation
import TokenGrid

/// Variants of a generated decomposed plan (default 40 sites × 6 years × 96 slices × 10 zones) solved in one
/// ``PlacementSession`` — warm: block problems, bases and binding cuts carried from variant to variant — against a
/// new session per variant (cold). Each variant scales one site's power price and one zone's demand growth.
///
///     swift run -c release tokengrid-bench decomposed-sweep [--variants 100] [--cold-variants 10] [--threads 2]
enum DecomposedSweepBenchmark {
    static func run(_ arguments: BenchmarkArguments) {
        let base = arguments.scenario()
        var options = PlacementOptions(strategy: .decomposed)
        options.threads = arguments.threads
        print("decomposed sweep \(base.plan.name): \(arguments.variants) variants warm, \(arguments.coldVariants) cold, \(arguments.threads) thread(s)")
        let warm = PlacementSession(options: options)
        var warmSeconds: [Double] = [], warmObjectives: [Double] = []
        let warmStart = Date()
        for v in 0 ..< arguments.variants {
            let start = Date()
            let result: PlacementResult
            do {
                result = try warm.solve(data(base, variant: v, of: arguments.variants))
            } catch {
                print("  warm variant \(v) failed: \(error)")
                return
            }
            warmSeconds.append(seconds(since: start))
            warmObjectives.append(result.objectiveUSD)
            if v < 5 || v == arguments.variants - 1 || warmSeconds.last! > 2 * warmSeconds[0] {
                print("  warm variant \(v): \(format(warmSeconds.last!)) s (build \(format(result.timings.buildSeconds)) s, master \(format(result.timings.masterSeconds)) s, blocks \(format(result.timings.blockSeconds)) s, check \(format(result.timings.checkSeconds)) s, extract \(format(result.timings.extractSeconds)) s), \(result.solver.attempts.joined(separator: " / "))")
            }
        }
        let warmTotal = seconds(since: warmStart)
        var coldSeconds: [Double] = [], worst = 0.0
        for v in 0 ..< arguments.coldVariants {
            let start = Date()
            guard let result = try? PlacementSession(options: options).solve(data(base, variant: v, of: arguments.variants)) else {
                print("  cold variant \(v) failed")
                return
            }
            coldSeconds.append(seconds(since: start))
            worst = max(worst, abs(result.objectiveUSD - warmObjectives[v]) / abs(result.objectiveUSD))
        }
        let warmMean = warmTotal / Double(arguments.variants), coldMean = coldSeconds.reduce(0, +) / Double(max(1, coldSeconds.count))
        let warmAfterFirst = warmSeconds.dropFirst().reduce(0, +) / Double(max(1, warmSeconds.count - 1))
        print("  warm: \(format(warmTotal)) s for \(arguments.variants) variants, \(format(warmMean)) s per variant (\(format(warmAfterFirst)) s after the first)")
        print("  cold: \(format(coldMean)) s per variant (mean of \(coldSeconds.count))")
        print("  speed-up per variant: ×\(format(coldMean / warmMean)) (×\(format(coldMean / warmAfterFirst)) after the first); largest objective difference warm vs cold \(worst); peak memory \(format(peakMemoryMB())) MB")
    }

    /// Variant `v`: site (v mod sites) pays 0.7–1.3 × its power price, zone (v mod zones) grows 0.8–1.2 × as fast
    /// (its growth rate scaled; for the generated plans' anchored growth, every anchor after the first scaled so that
    /// the growth from the first one is).
    static func data(_ base: Scenario, variant v: Int, of count: Int) -> PlacementData {
        var scenario = base
        let position = Double(v) / Double(max(1, count - 1))
        scenario.regions[v % scenario.regions.count].grid.priceUSDPerMWh.value *= 0.7 + 0.6 * position
        let z = v % scenario.plan.zones.count, growth = 0.8 + 0.4 * position
        switch scenario.plan.zones[z].growth {
        case .cagr(let rate): scenario.plan.zones[z].growth = .cagr(ratePerYear: rate * growth)
        case .anchors(let anchors) where !anchors.isEmpty:
            let first = anchors[0]
            scenario.plan.zones[z].growth = .anchors(anchors.map {
                YearMap.YearValue(year: $0.year, value: first.value * pow($0.value / first.value, growth))
            })
        default: break
        }
        return PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
    }
}
