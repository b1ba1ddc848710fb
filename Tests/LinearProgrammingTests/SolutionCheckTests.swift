import LinearProgramming
import Testing

/// The optimality check recomputes residuals and the duality gap from the program's own arrays.
@Suite("Solution check")
struct SolutionCheckTests {
    /// The hand-derived optima (values and duals from the derivations in TextbookLPs.swift) satisfy every condition
    /// exactly, and so do GLPK's answers, whatever the method.
    @Test("hand-derived optima pass with zero residuals and zero gap", arguments: TextbookLP.feasible)
    func handDerivedOptimaPass(_ lp: TextbookLP) throws {
        let check = SolutionCheck(program: lp.program, values: lp.values, duals: lp.duals)
        #expect(check.primalResidual < 1e-12)
        #expect(check.dualResidual < 1e-12)
        #expect(check.dualityGap < 1e-12, "primal \(check.primalObjective), dual \(check.dualObjective)")
        #expect(isClose(check.primalObjective, lp.objective, relative: 1e-12))
        #expect(isClose(check.dualObjective, lp.objective, relative: 1e-12))
        for method in [SolverOptions.Method.primalSimplex, .dualSimplex, .interiorPoint] {
            let solution = try GLPKProblem(lp.program).solve(SolverOptions(method: method))
            let solved = SolutionCheck(program: lp.program, solution: solution)
            #expect(solved.passes(), "\(method): \(solved.summary)")
        }
    }

    /// Production (max 3 doors + 5 windows + frames): moving doors from 2 to 2.5 breaks plant3 (3·2.5 + 2·6 = 19.5 > 18)
    /// by 1.5, relative to 1 + 18 + (7.5 + 12) = 38.5 → 0.03896; the dual objective stays 36 while the primal rises to
    /// 37.5, a gap of 1.5 ÷ 38.5 = 0.03896.
    @Test func primalViolationIsMeasuredAndLocated() {
        let lp = TextbookLP.production
        let check = SolutionCheck(program: lp.program, values: [2.5, 6, 0], duals: lp.duals)
        #expect(isClose(check.primalResidual, 1.5 / 38.5, relative: 1e-12))
        #expect(check.primalResidualAt == "plant3")
        #expect(check.dualResidual < 1e-12)
        #expect(isClose(check.dualityGap, 1.5 / 38.5, relative: 1e-12))
        #expect(!check.passes())
    }

    /// A dual of the wrong sign on a `≤` row of the maximisation (plant2 at −1.5 instead of +1.5) pushes on a lower
    /// bound that does not exist: residual 1.5 ÷ (1 + max |y| = 2.5) = 0.6, at plant2.
    @Test func wrongDualSignIsMeasuredAndLocated() {
        let lp = TextbookLP.production
        let check = SolutionCheck(program: lp.program, values: lp.values, duals: [0, -1.5, 1])
        #expect(isClose(check.dualResidual, 0.6, relative: 1e-12))
        #expect(check.dualResidualAt == "plant2")
        #expect(!check.passes())
    }

    /// A feasible but suboptimal point (doors 1, windows 6: objective 33) with the optimal duals (dual objective 36):
    /// gap 3 ÷ 34 — complementary slackness fails because plant3 (15 < 18) is slack under a dual of 1.
    @Test func suboptimalPointShowsAsGap() {
        let lp = TextbookLP.production
        let check = SolutionCheck(program: lp.program, values: [1, 6, 0], duals: lp.duals)
        #expect(check.primalResidual == 0)
        #expect(isClose(check.dualityGap, 3.0 / 34.0, relative: 1e-12))
        #expect(!check.passes())
    }

    /// A NaN anywhere makes the check fail.
    @Test func nanNeverPasses() {
        let lp = TextbookLP.production
        let check = SolutionCheck(program: lp.program, values: [.nan, 6, 0], duals: lp.duals)
        #expect(!check.passes())
    }

    /// min x + y with 0 ≤ x + y ≤ 1000 (ranged): optimum 0 at x = y = 0, the row at its lower end. A dual of −1e-7
    /// there (a simplex code's tolerated speck, with the upper end's sign) is a dual infeasibility of 1e-7 ÷ (1 + 1e-7),
    /// as on a one-sided row, not a duality gap of 1e-7 × 1000; a dual of −0.5 is rejected as a dual residual of
    /// 0.5 ÷ 1.5. The same dual on the row strictly inside its range (x = 1: primal 1, dual objective
    /// −0.5 × 1000) is a gap of 501 ÷ 2.
    @Test func wrongSignAtTheOtherEndOfARangeIsADualInfeasibility() {
        var program = LinearProgram(name: "ranged")
        let x = program.addVariable("x", objective: 1), y = program.addVariable("y", objective: 1)
        _ = program.addConstraint("r", terms: [(x, 1), (y, 1)], bounds: .between(0, 1000))
        let speck = SolutionCheck(program: program, values: [0, 0], duals: [-1e-7])
        #expect(isClose(speck.dualResidual, 1e-7 / (1 + 1e-7), relative: 1e-9))
        #expect(speck.dualityGap < 1e-15)
        #expect(speck.passes())
        let large = SolutionCheck(program: program, values: [0, 0], duals: [-0.5])
        #expect(isClose(large.dualResidual, 0.5 / 1.5, relative: 1e-12))
        #expect(!large.passes())
        let inside = SolutionCheck(program: program, values: [1, 0], duals: [-0.5])
        #expect(isClose(inside.dualityGap, 501.0 / 2, relative: 1e-12), "\(inside.dualityGap)")
        #expect(!inside.passes())
    }
}
