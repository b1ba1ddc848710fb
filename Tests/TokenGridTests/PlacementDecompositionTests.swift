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
        let outcome = try BendersPlacement(data: data, options: SolverOptions(), threads: 2, relativeGap: 1e-8, maxIterations: 500).solve()
        let program = outcome.model.program
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

    /// A carbon cap links the slices of a year, so the automatic strategy keeps such plans whole.
    @Test func carbonCapKeepsThePlanWhole() throws {
        var fixture = PlacementHandDerivedTests.twoSites()
        fixture.carbonCap = 219_000
        let scenario = try PlanLoader.load(planAt: fixture.write())
        var options = PlacementOptions(strategy: .decomposed)
        options.decompositionThreshold = 0
        let result = try PlacementSolver.solve(scenario, options: options)
        #expect(!result.solver.method.hasPrefix("benders"))
    }
}
