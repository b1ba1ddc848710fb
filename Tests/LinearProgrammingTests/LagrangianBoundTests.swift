import LinearProgramming
import Testing

/// Benders cuts made from row multipliers without solving (``CompactProgram/lagrangianBound(rows:values:fixed:)``),
/// on Q(x) = min y s.t. y ≥ x, y ≥ 2 − x, 0 ≤ y ≤ ymax: Q(x) = max(x, 2 − x) for x in [0, 2].
@Suite("Lagrangian bounds")
struct LagrangianBoundTests {
    /// Rows `above_x`: y − x ≥ 0 and `above_2_minus_x`: y + x ≥ 2; x is column 1, held fixed.
    static func program(yUpper: Double = 10) throws -> CompactProgram {
        var lp = LinearProgram(name: "q")
        let y = lp.addVariable("y", bounds: .between(0, yUpper), objective: 1)
        let x = lp.addVariable("x", bounds: .equal(to: 1))
        lp.addConstraint("above_x", terms: [(y, 1), (x, -1)], bounds: .atLeast(0))
        lp.addConstraint("above_2_minus_x", terms: [(y, 1), (x, 1)], bounds: .atLeast(2))
        return try CompactProgram(lp)
    }

    @Test("an optimal multiplier gives the tangent: (1, 0) → θ ≥ x, (0, 1) → θ ≥ 2 − x")
    func optimalMultipliersGiveTheTangents() throws {
        let p = try Self.program()
        let right = try #require(p.lagrangianBound(rows: [0], values: [1], fixed: [1]))
        #expect(right.constant == 0 && right.slopes == [1])
        let left = try #require(p.lagrangianBound(rows: [1], values: [1], fixed: [1]))
        #expect(left.constant == 2 && left.slopes == [-1])
    }

    @Test("a mix of them is valid and flat: (½, ½) → θ ≥ 1, the minimum of Q")
    func aMixIsFlat() throws {
        let bound = try #require(try Self.program().lagrangianBound(rows: [0, 1], values: [0.5, 0.5], fixed: [1]))
        #expect(bound.constant == 1 && bound.slopes == [0])
    }

    /// y's reduced cost is 1 − 2 = −1: it pushes y to its upper bound, which is paid for (−1 × 10 in the constant);
    /// θ ≥ 2x − 10 holds below Q everywhere. Without that bound the Lagrangian is −∞: no cut.
    @Test("a multiplier too large is valid but loose with a bounded column, and gives no cut without the bound")
    func aTooLargeMultiplierNeedsTheBound() throws {
        let bound = try #require(try Self.program().lagrangianBound(rows: [0], values: [2], fixed: [1]))
        #expect(bound.constant == -10 && bound.slopes == [2])
        for x in stride(from: 0.0, through: 2, by: 0.25) { #expect(bound.constant + bound.slopes[0] * x <= max(x, 2 - x)) }
        #expect(try Self.program(yUpper: .infinity).lagrangianBound(rows: [0], values: [2], fixed: [1]) == nil)
    }

    @Test("a multiplier on a bound the row does not have gives no cut")
    func aMultiplierOnAMissingBound() throws {
        #expect(try Self.program().lagrangianBound(rows: [0], values: [-1], fixed: [1]) == nil)
    }

    /// The multipliers GLPK returns at x = 1.5 (row above_x binds) make, for the program with x moved, the same
    /// tangent as a solve there: the cut of a block whose right-hand side changed is made without solving it.
    @Test("GLPK's own multipliers give the cut a solve gives")
    func glpkMultipliersGiveTheSolvedCut() throws {
        var lp = LinearProgram(name: "q")
        let y = lp.addVariable("y", bounds: .between(0, 10), objective: 1)
        let x = lp.addVariable("x", bounds: .equal(to: 1.5))
        lp.addConstraint("above_x", terms: [(y, 1), (x, -1)], bounds: .atLeast(0))
        lp.addConstraint("above_2_minus_x", terms: [(y, 1), (x, 1)], bounds: .atLeast(2))
        let solution = try GLPKProblem(lp).solve(SolverOptions(method: .primalSimplex))
        #expect(solution.objective == 1.5 && solution.reducedCosts[1] == 1)
        let rows = solution.constraintDuals.indices.filter { solution.constraintDuals[$0] != 0 }
        let bound = try #require(try CompactProgram(lp).lagrangianBound(rows: rows.map { Int32($0) }, values: rows.map { solution.constraintDuals[$0] }, fixed: [1]))
        #expect(bound.constant == 0 && bound.slopes == [1])
    }
}
