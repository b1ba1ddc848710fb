import Foundation
import LinearProgramming
import Testing
@testable import TokenGrid

/// Every solution is checked against the full LP before it is reported; one that fails is solved again another way,
/// and a plan whose every solve fails the check is never reported as optimal.
@Suite struct PlacementVerificationTests {
    static func generated(sites: Int, years: Int, slices: TimeSlicePreset, zones: Int, seed: UInt64) -> PlacementData {
        let scenario = SyntheticScenario.make(sites: sites, years: years, slices: slices, zones: zones, seed: seed)
        return PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
    }

    /// GLPK's primal simplex with presolve (the whole-LP default) stops at "optimal" 5e-6 above the optimum on this
    /// generated plan (8 sites, 2 years, 96 slices, 3 zones). The check sees the duality gap, rejects it, and the
    /// dual simplex re-solve is accepted, at the optimum the decomposition agrees on.
    @Test func primalSimplexStoppingShortIsCaughtAndResolved() throws {
        let data = Self.generated(sites: 8, years: 2, slices: .seasons4x24, zones: 3, seed: 5)
        let result = try PlacementSolver.solve(data, options: PlacementOptions(strategy: .monolithic))
        // Seen: "primal with presolve: optimal, primal residual 1.8e-16, dual residual 8.3e-03, … — rejected", then
        // "dual, unscaled: optimal, …, dual residual 1.9e-15, duality gap 4.3e-15 — accepted".
        #expect(result.solver.attempts.count == 2, "\(result.solver.attempts)")
        #expect(result.solver.attempts.first?.hasPrefix("primal with presolve") == true)
        #expect(result.solver.attempts.first?.hasSuffix("rejected") == true)
        #expect(result.solver.method == "dual")
        let check = try #require(result.solver.check)
        #expect(check.passes())
        #expect(result.status == .optimal)
        var split = PlacementOptions(strategy: .decomposed)
        split.threads = 2
        let decomposed = try PlacementSolver.solve(data, options: split)
        #expect(abs(decomposed.objectiveUSD - result.objectiveUSD) <= 1e-7 * abs(result.objectiveUSD), "\(decomposed.objectiveUSD) vs \(result.objectiveUSD)")
    }

    /// A candidate changed after the solve (one serve column moved off its optimum) fails the check; the next solve
    /// is accepted, and both attempts are listed.
    @Test func tamperedSolutionIsRejectedAndSolvedAgain() throws {
        let scenario = try PlanLoader.load(planAt: PlacementHandDerivedTests.twoSites().write())
        var options = PlacementOptions(strategy: .monolithic)
        options.tamper = { solution, attempt in
            if attempt == 0 { solution.variableValues[solution.variableValues.count - 1] += 1 }
        }
        let result = try PlacementSolver.solve(scenario, options: options)
        #expect(result.solver.attempts.count == 2)
        #expect(result.solver.attempts.first?.hasSuffix("rejected") == true, "\(result.solver.attempts)")
        #expect(result.solver.attempts.last?.hasSuffix("accepted") == true, "\(result.solver.attempts)")
        #expect(result.solver.check?.passes() == true)
    }

    /// When every candidate fails the check the plan is not reported: the solver throws `unverified`, listing the attempts.
    @Test func everyAttemptFailingIsNeverOptimal() throws {
        let scenario = try PlanLoader.load(planAt: PlacementHandDerivedTests.twoSites().write())
        var options = PlacementOptions(strategy: .monolithic)
        options.tamper = { solution, _ in solution.variableValues[0] = .nan }
        #expect {
            _ = try PlacementSolver.solve(scenario, options: options)
        } throws: { error in
            guard case let PlacementSolver.Failure.unverified(result) = error else { return false }
            return result.status != .optimal && result.solver.attempts.count >= 2 && "\(error)".contains("optimality check")
        }
    }

    /// A decomposed solution is checked against the full LP too, and passes.
    @Test func decomposedSolutionPassesTheCheck() throws {
        let data = Self.generated(sites: 6, years: 3, slices: .seasons4x6, zones: 3, seed: 11)
        var options = PlacementOptions(strategy: .decomposed)
        options.threads = 2
        let result = try PlacementSolver.solve(data, options: options)
        #expect(result.solver.method.hasPrefix("benders"))
        let check = try #require(result.solver.check)
        #expect(check.passes(), "\(check.summary) at \(check.primalResidualAt) / \(check.dualResidualAt)")
        #expect(result.solver.attempts.count == 1)
    }
}
