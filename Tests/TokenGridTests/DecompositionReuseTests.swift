import Foundation
import LinearProgramming
import Testing
@testable import TokenGrid

/// What the decomposition carries from one solve to the next, and how it holds its blocks: block LPs read off the
/// full LP, blocks taking turns in one GLPK problem per worker, a start from merged month × hour slices, and sweeps that
/// keep the master's basis and remake its binding cuts.
@Suite struct DecompositionReuseTests {
    static func data(_ scenario: Scenario) -> PlacementData {
        PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
    }

    /// A variant of `base` as a sweep makes one: one site pays `factor` × its power price, one zone grows faster.
    static func variant(_ base: Scenario, site: Int, factor: Double) -> Scenario {
        var scenario = base
        scenario.regions[site].grid.priceUSDPerMWh.value *= factor
        if case .anchors(let anchors) = scenario.plan.zones[0].growth {
            scenario.plan.zones[0].growth = .anchors(anchors.map { YearMap.YearValue(year: $0.year, value: $0.value * factor) })
        }
        return scenario
    }

    /// Read off the next variant's full LP, each block LP has exactly the numbers a block model built for that variant
    /// has, the objective constant aside (the master carries it); under a carbon cap (a row of the block's own) blocks
    /// are built instead.
    @Test func blocksReadOffTheFullLPAreTheBuiltBlocks() throws {
        let base = SyntheticScenario.make(sites: 5, years: 2, slices: .seasons4x6, zones: 2, seed: 5)
        let first = Self.data(base), next = Self.data(Self.variant(base, site: 1, factor: 1.3))
        let full = PlacementModel.build(first), nextFull = PlacementModel.build(next)
        for y in first.years.indices {
            for b in first.blocks.indices {
                let block = try BlockProblem(data: first, year: y, block: b, resident: true)
                // The first variant loaded is built (and shows how to read the block off the full LP); the next is read off.
                try block.load(first, full: full)
                #expect(!block.isDerived)
                try block.load(next, full: nextFull)
                #expect(block.isDerived)
                let built = try CompactProgram(PlacementModel.build(next, scope: .block(year: y, block: b), names: false).program)
                let derived = block.program
                #expect(derived.hasSamePattern(as: built))
                #expect(derived.objectiveCoefficients == built.objectiveCoefficients && derived.variableBounds == built.variableBounds)
                #expect(derived.constraintBounds == built.constraintBounds && derived.entryValues == built.entryValues)
                #expect(derived.objectiveConstant == 0 && built.objectiveConstant > 0)
            }
        }
        var capped = base
        capped.plan.carbonCapTonnesPerYear = YearMap([2026: 1e6])
        let cappedData = Self.data(capped)
        let block = try BlockProblem(data: cappedData, year: 1, block: 0, resident: true)
        for _ in 0 ..< 2 {
            try block.load(cappedData, full: PlacementModel.build(cappedData))
            #expect(!block.isDerived)
        }
    }

    /// Blocks taking turns in one GLPK problem per worker (each starting from its own saved basis) give the whole LP's
    /// optimum, on single-slice blocks and on 45 representative days (day blocks, started from merged slices).
    @Test func blocksSharingOneProblemPerWorkerGiveTheWholeLPOptimum() throws {
        let generated = Self.data(SyntheticScenario.make(sites: 6, years: 2, slices: .seasons4x6, zones: 3, seed: 8))
        let hourly = HourlyPlan.data(try HourlyDecompositionTests.plan("{representative_days: 45, seed: 5}").load())
        for data in [generated, hourly] {
            let whole = try PlacementSolver.solve(data, options: PlacementOptions(strategy: .monolithic))
            var options = PlacementOptions(strategy: .decomposed)
            options.threads = 2
            options.residentBlockEntryLimit = 0
            let split = try PlacementSolver.solve(data, options: options)
            #expect(split.solver.method.hasPrefix("benders") && split.solver.check?.passes() == true, "\(split.solver.attempts)")
            #expect(abs(split.objectiveUSD - whole.objectiveUSD) <= 1e-6 * abs(whole.objectiveUSD), "shared \(split.objectiveUSD) vs whole \(whole.objectiveUSD)")
        }
    }

    /// The chronological year merged by month and hour of day is the months12x24 preset: the same hours in each cell,
    /// weights summing to 8,760 h.
    @Test func theYearMergedByMonthAndHourIsTheMonthlyPreset() {
        let merged = CoarseStart.merged(TimeSlicePreset.hours.slices)
        let monthly = TimeSlicePreset.months12x24.slices
        #expect(merged.count == 288)
        #expect(zip(merged, monthly).allSatisfy { $0.yearHours == $1.yearHours.sorted() && $0.weightHours == $1.weightHours })
        #expect(abs(merged.totalHours - 8760) < 1e-9)
        #expect(Set(merged.map(\.block)).count == 288)
    }

    /// A sweep of a decomposed generated plan in one session: from the second variant on the binding cuts are made
    /// again and the blocks read off the full LP, and every variant's optimum is the one a fresh solve finds.
    @Test func warmDecomposedVariantsGiveTheColdOptima() throws {
        let base = SyntheticScenario.make(sites: 8, years: 2, slices: .seasons4x24, zones: 3, seed: 4)
        var options = PlacementOptions(strategy: .decomposed)
        options.threads = 2
        let session = PlacementSession(options: options)
        for (number, (site, factor)) in [(0, 1.0), (2, 0.8), (5, 1.25), (2, 1.1)].enumerated() {
            let data = Self.data(Self.variant(base, site: site, factor: factor))
            let warm = try session.solve(data)
            let cold = try PlacementSolver.solve(data, options: options)
            #expect(abs(warm.objectiveUSD - cold.objectiveUSD) <= 1e-6 * abs(cold.objectiveUSD), "variant \(number): warm \(warm.objectiveUSD) vs cold \(cold.objectiveUSD)")
            #expect(warm.solver.check?.passes() == true)
            if number > 0 { #expect(warm.solver.attempts.first?.contains("warm:") == true, "\(warm.solver.attempts)") }
        }
    }

    /// Variants that change only demand (right-hand sides of the blocks) keep every block's multipliers dual feasible:
    /// the kept cuts are made from them without solving (all but a few), the master keeps its basis and no box is
    /// needed, and each optimum is the whole LP's.
    @Test func demandOnlyVariantsMakeTheirKeptCutsWithoutSolving() throws {
        let base = SyntheticScenario.make(sites: 8, years: 2, slices: .seasons4x24, zones: 3, seed: 4)
        let options = PlacementOptions(strategy: .decomposed)
        let solver = BendersSolver(options: options.solver, threads: 2, relativeGap: options.relativeGap, maxIterations: options.maxIterations)
        for (number, factor) in [1.0, 1.1, 0.95].enumerated() {
            var scenario = base
            if case .anchors(let anchors) = scenario.plan.zones[0].growth {
                scenario.plan.zones[0].growth = .anchors(anchors.map { YearMap.YearValue(year: $0.year, value: $0.value * factor) })
            }
            let data = Self.data(scenario)
            let full = PlacementModel.build(data, names: false)
            let outcome = try solver.solve(data, full: full)
            let whole = try GLPKProblem(full.program, names: false).solve(SolverOptions(method: .primalSimplex))
            #expect(abs(outcome.solution.objective - whole.objective) <= 1e-6 * abs(whole.objective), "variant \(number)")
            #expect(SolutionCheck(program: full.program, solution: outcome.solution).passes())
            if number > 0 {
                #expect(outcome.cutsReused > 0 && 10 * outcome.cutsSolved < outcome.cutsReused, "\(outcome.cutsSolved) of \(outcome.cutsReused) solved")
            }
        }
    }

    /// A price that falls leaves the kept multipliers no finite bound, so the kept cuts' blocks are solved again at
    /// their points — from the bases stored with the cuts, where a small fall leaves those optimal: the cuts come back
    /// with their own multipliers, without a pivot.
    @Test func keptCutsSolvedAgainStartFromTheirOwnBases() throws {
        let base = SyntheticScenario.make(sites: 8, years: 2, slices: .seasons4x24, zones: 3, seed: 4)
        let options = PlacementOptions(strategy: .decomposed)
        let solver = BendersSolver(options: options.solver, threads: 2, relativeGap: options.relativeGap, maxIterations: options.maxIterations)
        for (number, factor) in [1.0, 0.999].enumerated() {
            var scenario = base
            for site in scenario.regions.indices { scenario.regions[site].grid.priceUSDPerMWh.value *= factor }
            let data = Self.data(scenario)
            let full = PlacementModel.build(data, names: false)
            let outcome = try solver.solve(data, full: full)
            let whole = try GLPKProblem(full.program, names: false).solve(SolverOptions(method: .primalSimplex))
            #expect(abs(outcome.solution.objective - whole.objective) <= 1e-6 * abs(whole.objective), "variant \(number)")
            if number > 0 {
                #expect(outcome.cutsSolved > outcome.cutsReused / 2, "\(outcome.cutsSolved) of \(outcome.cutsReused) solved")
                #expect(10 * outcome.cutPivots < outcome.cutsSolved, "\(outcome.cutPivots) pivots for \(outcome.cutsSolved) cuts")
            }
        }
    }
}
