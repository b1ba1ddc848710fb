import LinearProgramming
import Testing
@testable import TokenGrid

/// The box a warm sweep variant's first master answers are kept in: where it is, when an answer touches it, how it
/// widens, and that its own bounds come back.
@Suite struct TrustRegionTests {
    /// Two columns: x in [0, 1000] centred at 200 (box 180 … 220), y in [0, 5] centred at 0 (box 0 … 1: its lower
    /// side is y's own bound, which an answer may sit on without touching the box).
    static func program() -> LinearProgram {
        var program = LinearProgram()
        _ = program.addVariable("x", bounds: .between(0, 1000), objective: 1)
        _ = program.addVariable("y", bounds: .between(0, 5), objective: 1)
        return program
    }

    /// min ±x + y on `problem`: reads x's two bounds (y sits at its lower bound 0 either way).
    static func xRange(_ problem: GLPKProblem) throws -> (lower: Double, upper: Double) {
        try problem.setObjective(VariableID(0), 1)
        let lower = try problem.solve(SolverOptions(method: .primalSimplex)).objective
        try problem.setObjective(VariableID(0), -1)
        let upper = try -problem.solve(SolverOptions(method: .primalSimplex)).objective
        return (lower, upper)
    }

    @Test func theBoxSitsAroundTheCentreInsideTheColumnsOwnBounds() throws {
        let program = Self.program()
        let problem = try GLPKProblem(program)
        let region = TrustRegion(columns: [VariableID(0), VariableID(1)], program: program, centre: [200, 0])
        try region.apply(to: problem)
        #expect(try Self.xRange(problem) == (180, 220))
        try region.remove(from: problem)
        #expect(try Self.xRange(problem) == (0, 1000))
    }

    @Test func anAnswerOnASideWidensThatSideFourfoldAndIsNoLowerBound() throws {
        let program = Self.program()
        var region = TrustRegion(columns: [VariableID(0), VariableID(1)], program: program, centre: [200, 0])
        // y at its own lower bound 0 is not on the box; x at 180 is.
        #expect(region.record([180, 0]) == true)
        let problem = try GLPKProblem(program)
        try region.apply(to: problem)
        #expect(try Self.xRange(problem) == (120, 220))
        // Inside the box everywhere: the boxed optimum is the unboxed one.
        #expect(region.record([150, 0.5]) == false)
        #expect(region.iterations == 2)
    }
}
