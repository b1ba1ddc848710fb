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

    /// With tolerances no floating-point answer can meet, every GLPK answer is rejected in turn — the requested solve,
    /// the other method unscaled, the requested one unscaled, exact arithmetic — and the plan is reported unverified.
    /// (During development, GLPK's scaled primal simplex did stop at "optimal" 2.5e-4 above the optimum on a generated
    /// 10-site, 96-slice plan, with a column at its upper bound against the sign of its reduced cost; the check caught
    /// it and the unscaled re-solve found the optimum the decomposition agreed on. That plan no longer shows it.)
    @Test func aCheckNoAttemptPassesWalksTheWholeSequence() throws {
        let data = Self.generated(sites: 4, years: 2, slices: .seasons4x6, zones: 2, seed: 5)
        var options = PlacementOptions(strategy: .monolithic)
        options.tolerances = SolutionCheck.Tolerances(primal: 0, dual: 0, gap: 0)
        #expect {
            _ = try PlacementSolver.solve(data, options: options)
        } throws: { error in
            guard case let PlacementSolver.Failure.unverified(result) = error else { return false }
            let labels = result.solver.attempts.map { $0.components(separatedBy: ":")[0] }
            return labels == ["primal with presolve", "dual, unscaled", "primal, unscaled", "exact, unscaled"] && result.status != .optimal
        }
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

    /// Solves build the LP without row and column names; a rejected solution is still located by name (the check is
    /// made again on the model built with names).
    @Test func aRejectedSolutionIsLocatedByName() throws {
        let scenario = try PlanLoader.load(planAt: PlacementHandDerivedTests.twoSites().write())
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let model = PlacementModel.build(data, names: false)
        #expect(model.program.variableNames.allSatisfy { $0.isEmpty })
        var solution = try GLPKProblem(model.program, names: false).solve()
        let last = solution.variableValues.count - 1
        solution.variableValues[last] = -1
        var attempts = Attempts(model: model, tolerances: .standard, tamper: nil)
        #expect(attempts.consider(solution, label: "tampered") == nil)
        let named = PlacementModel.build(data).program
        // A serve column set below zero: the worst violation is at that column or at a row it enters.
        let location = try #require(attempts.checks.first?.primalResidualAt)
        #expect(location.contains("[") && (named.variableNames + named.constraintNames).contains(location), "\(location)")
    }

    /// A number GLPK cannot take (here a NaN build limit that skipped input validation) is refused by name, although the LP
    /// is built without names for the solve.
    @Test func aProgramGLPKRefusesIsNamedInTheError() throws {
        var scenario = SyntheticScenario.make(sites: 2, years: 1, slices: .seasons4x6, zones: 1, seed: 3)
        let region = try #require(scenario.regions.firstIndex { !$0.renewables.isEmpty })
        scenario.regions[region].renewables[0].maxBuildMW.value = .nan
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        #expect {
            _ = try PlacementSolver.solve(data, options: PlacementOptions(strategy: .monolithic))
        } throws: { error in
            guard let error = error as? LinearProgrammingError, error.isProgramError else { return false }
            return "\(error)".contains("[") && !"\(error)".contains("#")
        }
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
