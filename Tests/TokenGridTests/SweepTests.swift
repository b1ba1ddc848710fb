import Foundation
import Testing
@testable import TokenGrid

@Suite struct SweepTests {
    static let quickstart = "\(PlacementShippedPlansTests.repository)/Plans/quickstart.yaml"

    @Test func gridListsEveryCombinationFirstParameterSlowest() throws {
        let spec = SweepSpec(parameters: [try .parse("a=0:1:2", requireSteps: true), try .parse("b=10:30:3", requireSteps: true)])
        #expect(spec.scenarios() == [[0, 10], [0, 20], [0, 30], [1, 10], [1, 20], [1, 30]])
    }

    @Test func latinHypercubeIsStratifiedAndReproducible() throws {
        let spec = SweepSpec(parameters: [try .parse("a=0:10", requireSteps: false), try .parse("b=-1:1", requireSteps: false)], samples: 50, seed: 42)
        let samples = spec.scenarios()
        #expect(samples == spec.scenarios())
        #expect(samples != SweepSpec(parameters: spec.parameters, samples: 50, seed: 43).scenarios())
        // Each of the 50 strata of each parameter holds exactly one sample.
        for (p, parameter) in spec.parameters.enumerated() {
            let strata = samples.map { Int(($0[p] - parameter.low) / (parameter.high - parameter.low) * 50) }
            #expect(Set(strata) == Set(0 ..< 50))
        }
    }

    /// Samples are solved in a nearest-neighbour chain from the first (each step to the closest sample not yet solved,
    /// in each parameter's range), every sample once; a grid keeps its own order (neighbours already one step apart).
    @Test func samplesAreSolvedNearestNeighbourFirst() throws {
        let parameters = [try SweepSpec.Parameter.parse("a=0:10", requireSteps: false), try .parse("b=0:1000", requireSteps: false)]
        let spec = SweepSpec(parameters: parameters, samples: 40, seed: 7)
        let samples = spec.scenarios()
        let order = spec.solveOrder(samples.indices, of: samples)
        #expect(order.first == 0 && order.sorted() == Array(samples.indices))
        #expect(order == spec.solveOrder(samples.indices, of: samples))
        func distance(_ a: Int, _ b: Int) -> Double {
            let x = (samples[a][0] - samples[b][0]) / 10, y = (samples[a][1] - samples[b][1]) / 1000
            return x * x + y * y
        }
        for step in 1 ..< order.count {
            let rest = order[step...]
            #expect(distance(order[step - 1], order[step]) <= rest.map { distance(order[step - 1], $0) }.min()!)
        }
        // A chain's total length is well below index order's, where each step jumps across the space.
        func length(_ indices: [Int]) -> Double { zip(indices, indices.dropFirst()).reduce(0) { $0 + distance($1.0, $1.1).squareRoot() } }
        #expect(length(order) < 0.5 * length(Array(samples.indices)))
        // A shard's block is ordered within itself.
        #expect(spec.solveOrder(10 ..< 20, of: samples).sorted() == Array(10 ..< 20))
        let grid = SweepSpec(parameters: [try .parse("a=0:1:3", requireSteps: true), try .parse("b=0:1:3", requireSteps: true)])
        #expect(grid.solveOrder(0 ..< 9, of: grid.scenarios()) == Array(0 ..< 9))
    }

    @Test func badParametersAndShardsAreRejected() {
        #expect(throws: SweepError.self) { try SweepSpec.Parameter.parse("a=1:0:3", requireSteps: true) }
        #expect(throws: SweepError.self) { try SweepSpec.Parameter.parse("a=0:1", requireSteps: true) }
        #expect(throws: SweepError.self) { try SweepSpec.Parameter.parse("a0:1:3", requireSteps: true) }
        #expect(throws: SweepError.self) { try SweepSpec.Parameter.parse("a=0:1:0", requireSteps: true) }
    }

    @Test func shardsCoverEveryScenarioExactlyOnce() {
        for total in [0, 1, 7, 200] {
            for count in [1, 3, 8] {
                let covered = (0 ..< count).flatMap { Array(SweepSpec.shard($0, of: count, total: total)) }
                #expect(covered == Array(0 ..< total))
            }
        }
    }

    /// Warm-started re-solves reach the same optimum as solving every scenario from scratch.
    @Test func warmStartsGiveTheColdOptimum() throws {
        let spec = SweepSpec(parameters: [try .parse("regions.ercot.grid.price_usd_per_mwh=40:100:4", requireSteps: true),
                                          try .parse("zones.world.growth.rate_per_year=0.5:1.5:2", requireSteps: true)])
        let warm = try SweepRunner(planPath: Self.quickstart, spec: spec, jobs: 2, warmStart: true).run()
        let cold = try SweepRunner(planPath: Self.quickstart, spec: spec, jobs: 1, warmStart: false).run()
        #expect(warm.rows.count == 8 && cold.rows.count == 8)
        for (a, b) in zip(warm.rows, cold.rows) {
            #expect(a.index == b.index && a.values == b.values && a.status == "optimal")
            #expect(abs(a.objectiveUSD - b.objectiveUSD) <= 1e-7 * abs(b.objectiveUSD), "scenario \(a.index)")
            #expect(abs(a.averageCostUSDPerMTok - b.averageCostUSDPerMTok) <= 1e-6 * b.averageCostUSDPerMTok)
        }
        // Warm starts need far fewer simplex iterations once the chain is going (iterations are kept in the rows and
        // written to sweep-timings.csv, not sweep.csv).
        #expect(warm.rows.reduce(0) { $0 + $1.iterations } < cold.rows.reduce(0) { $0 + $1.iterations })
    }

    /// A sampled sweep, solved in its nearest-neighbour chain, reports its rows in index order with the cold optima.
    @Test func sampledSweepsReportInIndexOrderWithTheColdOptima() throws {
        let spec = SweepSpec(parameters: [try .parse("regions.ercot.grid.price_usd_per_mwh=40:100", requireSteps: false),
                                          try .parse("zones.world.growth.rate_per_year=0.5:1.5", requireSteps: false)], samples: 6, seed: 3)
        let warm = try SweepRunner(planPath: Self.quickstart, spec: spec, jobs: 1, warmStart: true).run()
        let cold = try SweepRunner(planPath: Self.quickstart, spec: spec, jobs: 1, warmStart: false).run()
        #expect(warm.rows.map(\.index) == Array(0 ..< 6))
        for (a, b) in zip(warm.rows, cold.rows) {
            #expect(a.values == b.values && a.status == "optimal")
            #expect(abs(a.objectiveUSD - b.objectiveUSD) <= 1e-7 * abs(b.objectiveUSD), "scenario \(a.index)")
        }
    }

    /// Sweeps solve through the placement solver: decomposed (warm, with cuts kept from the previous variant) they
    /// give the whole LP's optima, carbon cap included, and each variant's answer passes the check.
    @Test func decomposedSweepsGiveTheWholeLPOptimaWithACarbonCap() throws {
        let spec = SweepSpec(parameters: [try .parse("regions.ercot.grid.price_usd_per_mwh=40:100:3", requireSteps: true)])
        let cap = ["carbon_cap_t_per_year={2030: 40000}"]
        var decomposed = PlacementOptions(strategy: .decomposed)
        decomposed.threads = 2
        let split = try SweepRunner(planPath: Self.quickstart, baseSets: cap, spec: spec, options: decomposed).run()
        let whole = try SweepRunner(planPath: Self.quickstart, baseSets: cap, spec: spec, warmStart: false,
                                    options: PlacementOptions(strategy: .monolithic)).run()
        for (a, b) in zip(split.rows, whole.rows) {
            #expect(a.status == "optimal" && b.status == "optimal", "\(a.error) \(b.error)")
            #expect(abs(a.objectiveUSD - b.objectiveUSD) <= 1e-6 * abs(b.objectiveUSD), "scenario \(a.index): \(a.objectiveUSD) vs \(b.objectiveUSD)")
        }
    }

    /// A stopped sweep marks the scenarios it did not reach as interrupted, in the table and in the report.
    @Test func anInterruptedSweepSaysSo() throws {
        let spec = SweepSpec(parameters: [try .parse("regions.ercot.grid.price_usd_per_mwh=40:100:4", requireSteps: true)])
        var runner = SweepRunner(planPath: Self.quickstart, spec: spec)
        let done = Counter()
        runner.onProgress = { _, _ in done.add() }
        runner.isCancelled = { done.value >= 2 }
        let table = try runner.run()
        #expect(table.rows.map(\.status) == ["optimal", "optimal", "interrupted", "interrupted"])
        #expect(table.csv().contains(",interrupted,"))
        let report = SensitivityReport.markdown(table, title: "t")
        #expect(report.contains("**Interrupted:**") && report.contains("2 of its 4 scenarios"))
        #expect(SensitivityReport.html(table, title: "t").contains("Interrupted:"))
        #expect(Sensitivity(table).failed == 0)
    }

    /// An infeasible variant is recorded with the limits that contradict each other.
    @Test func anInfeasibleScenarioCarriesItsReasons() throws {
        // 100 MW of existing H100s in ERCOT with no renewables to cover their idle draw: a zero cap cannot hold.
        let existing = ["regions.ercot.data_centre.existing=[{design: h100-sxm, it_mw: {value: 100, assumption: true, reason: t}, built_year: 2024}]",
                        "regions.ercot.renewables={}", "carbon_cap_t_per_year={2026: 0}"]
        let spec = SweepSpec(parameters: [try .parse("discount_rate=0.05:0.1:2", requireSteps: true)])
        let table = try SweepRunner(planPath: Self.quickstart, baseSets: existing, spec: spec).run()
        #expect(table.rows.map(\.status) == ["infeasible", "infeasible"])
        #expect(table.rows[0].error.contains("below the emissions of existing capacity's idle power"), "\(table.rows[0].error)")
    }

    @Test func aFailedScenarioIsRecordedAndTheSweepGoesOn() throws {
        // A negative price is out of range for the first scenario only.
        let spec = SweepSpec(parameters: [try .parse("regions.ercot.grid.price_usd_per_mwh=-10:50:2", requireSteps: true)])
        let table = try SweepRunner(planPath: Self.quickstart, spec: spec).run()
        #expect(table.rows[0].status == "error")
        #expect(table.rows[0].error.contains("price_usd_per_mwh"))
        #expect(table.rows[1].status == "optimal")
    }

    @Test func csvRoundTripsAndMergeChecksShards() throws {
        let spec = SweepSpec(parameters: [try .parse("regions.ercot.grid.price_usd_per_mwh=40:100:3", requireSteps: true)])
        let runner = SweepRunner(planPath: Self.quickstart, spec: spec)
        let first = try runner.run(indices: 0 ..< 1), second = try runner.run(indices: 1 ..< 3)
        let parsed = try SweepTable.parse(first.csv(), file: "a.csv")
        #expect(parsed.csv() == first.csv())
        let merged = try SweepTable.merge([("a.csv", parsed), ("b.csv", try SweepTable.parse(second.csv(), file: "b.csv"))])
        #expect(merged.rows.map(\.index) == [0, 1, 2])
        #expect(throws: SweepError.self) { try SweepTable.merge([("a.csv", parsed), ("again.csv", parsed)]) }
    }

    /// The tornado ranks inputs by how far group means of the metric move; the largest site's changes are listed.
    @Test func sensitivityRanksInputsAndFindsSwitches() {
        func row(_ index: Int, _ a: Double, _ b: Double, cost: Double, site: String) -> SweepRow {
            SweepRow(index: index, values: [a, b], status: "optimal", objectiveUSD: 1, averageCostUSDPerMTok: cost, unservedShare: 0, largestSite: site,
                     siteCostUSDPerMTok: [], zoneMarginalUSDPerMTok: [], error: "", iterations: 0, solveSeconds: 0)
        }
        // cost = 1 + a + 0.1 b; the largest site changes when a goes from 1 to 2.
        var rows: [SweepRow] = []
        for a in 0 ..< 3 { for b in 0 ..< 3 { rows.append(row(rows.count, Double(a), Double(b), cost: 1 + Double(a) + 0.1 * Double(b), site: a < 2 ? "x" : "y")) } }
        let sensitivity = Sensitivity(SweepTable(parameters: ["a", "b"], sites: [], zones: [], lastYear: 2030, rows: rows))
        #expect(sensitivity.bars.map(\.parameter) == ["a", "b"])
        #expect(abs(sensitivity.bars[0].swing - 2) < 1e-12 && abs(sensitivity.bars[1].swing - 0.2) < 1e-12)
        #expect(sensitivity.switches == [Sensitivity.Switch(parameter: "a", fromSite: "x", toSite: "y", after: 1, before: 2)])
        #expect(SensitivityReport.html(SweepTable(parameters: ["a", "b"], sites: [], zones: [], lastYear: 2030, rows: rows), title: "t").contains("<svg"))
    }
}

/// A thread-safe counter for progress callbacks in tests.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
