import Foundation
import LinearProgramming
import Testing
@testable import TokenGrid

/// Benders decomposition over time slices gives the full LP's optimum, a feasible plan and the same marginal costs.
@Suite struct PlacementDecompositionTests {
    static let synthetic: [(sites: Int, years: Int, slices: TimeSlicePreset, zones: Int)] = [
        (4, 2, .seasons4x6, 2), (6, 3, .seasons4x6, 3), (8, 2, .seasons4x24, 3),
    ]

    static func compare(_ data: PlacementData) throws {
        let whole = try PlacementSolver.solve(data, options: PlacementOptions(strategy: .monolithic))
        var options = PlacementOptions(strategy: .decomposed)
        options.threads = 2
        let split = try PlacementSolver.solve(data, options: options)
        #expect(split.solver.method.hasPrefix("benders"))
        // Both answers passed the check against the full LP (GLPK's primal simplex stopping 5e-6 above the optimum on the
        // 8-site generated plan is caught there and solved again), so they agree to the decomposition's stopping gap.
        #expect(abs(split.objectiveUSD - whole.objectiveUSD) <= 1e-6 * abs(whole.objectiveUSD), "decomposed \(split.objectiveUSD) vs whole \(whole.objectiveUSD)")
        #expect(split.objectiveUSD <= whole.objectiveUSD * (1 + 1e-6), "the decomposition (stopping at a 1e-7 gap) must not be worse than the whole LP")
        for (a, b) in zip(whole.zones, split.zones) {
            #expect(abs(a.marginalUSDPerMTok - b.marginalUSDPerMTok) <= 1e-4 * max(1, abs(a.marginalUSDPerMTok)), "\(a.zone) \(a.year): marginal \(a.marginalUSDPerMTok) vs \(b.marginalUSDPerMTok)")
        }
        #expect(abs(split.totalServedTokens - whole.totalServedTokens) <= 1e-4 * max(1, whole.totalServedTokens))
    }

    @Test(arguments: 0 ..< synthetic.count)
    func matchesTheFullLPOnGeneratedPlans(case index: Int) throws {
        let size = Self.synthetic[index]
        let scenario = SyntheticScenario.make(sites: size.sites, years: size.years, slices: size.slices, zones: size.zones, seed: UInt64(index + 3))
        try Self.compare(PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario)))
    }

    @Test(arguments: ["quickstart", "us-grid-2030"])
    func matchesTheFullLPOnShippedPlans(plan name: String) throws {
        let scenario = try PlanLoader.load(planAt: "\(PlacementShippedPlansTests.repository)/Plans/\(name).yaml")
        try Self.compare(PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario)))
    }

    /// The assembled solution satisfies every row and bound of the full LP, and its objective is the reported one.
    @Test func assembledSolutionIsFeasibleForTheFullLP() throws {
        let scenario = SyntheticScenario.make(sites: 6, years: 3, slices: .seasons4x6, zones: 3, seed: 11)
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let full = PlacementModel.build(data)
        let outcome = try BendersSolver(options: SolverOptions(), threads: 2, relativeGap: 1e-8, maxIterations: 500).solve(data, full: full)
        let program = full.program
        let x = outcome.solution.variableValues
        for j in 0 ..< program.variableCount {
            let bounds = program.variableBounds[j]
            #expect(x[j] >= bounds.lower - 1e-6 && x[j] <= bounds.upper + 1e-6, "\(program.variableNames[j]) = \(x[j]) outside its bounds")
        }
        for i in 0 ..< program.constraintCount {
            let activity = program.activity(of: ConstraintID(i), at: x), bounds = program.constraintBounds[i]
            let tolerance = 1e-6 * max(1, abs(activity))
            #expect(activity >= bounds.lower - tolerance && activity <= bounds.upper + tolerance, "\(program.constraintNames[i]): \(activity) outside [\(bounds.lower), \(bounds.upper)]")
        }
        #expect(abs(program.objectiveValue(at: x) - outcome.solution.objective) <= 1e-7 * abs(outcome.solution.objective))
    }

    /// A carbon cap links the blocks of a year; decomposed, it is shared out as per-block allowances decided in the
    /// master. On the hand-derived cap case and on generated plans with a binding cap, the decomposition gives the
    /// whole LP's optimum and the cap's dual, and its answer passes the check against the full LP.
    @Test func carbonCapIsDecomposedExactly() throws {
        var fixture = PlacementHandDerivedTests.twoSites()
        fixture.carbonCap = 219_000
        let scenario = try PlanLoader.load(planAt: fixture.write())
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        try Self.compare(data)
        for seed in [3, 7] as [UInt64] {
            var generated = SyntheticScenario.make(sites: 5, years: 2, slices: .seasons4x6, zones: 2, seed: seed)
            let uncapped = try PlacementSolver.solve(generated, options: PlacementOptions(strategy: .monolithic))
            let emissions = uncapped.sites.filter { $0.year == 2026 }.reduce(0) { $0 + $1.emissionsTonnes }
            generated.plan.carbonCapTonnesPerYear = YearMap([2026: 0.6 * emissions])
            let capped = PlacementData(scenario: generated, demand: DemandProjection(scenario: generated))
            try Self.compare(capped)
            var options = PlacementOptions(strategy: .decomposed)
            options.threads = 2
            let split = try PlacementSolver.solve(capped, options: options)
            #expect(split.solver.method.hasPrefix("benders"), "\(split.solver.attempts)")
            #expect(split.bindingConstraints.contains { $0.family == "carbon_cap" }, "the cap binds")
        }
    }
}
