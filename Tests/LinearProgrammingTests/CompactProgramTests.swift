import LinearProgramming
import Testing

/// Programs held as numbers only (``CompactProgram``): loaded into GLPK they solve as the full program does, and one
/// loaded problem is changed in place into another of the same pattern, keeping its basis.
@Suite("Compact programs")
struct CompactProgramTests {
    @Test("a compact program solves to the textbook optimum", arguments: TextbookLP.feasible)
    func solvesLikeTheProgram(_ lp: TextbookLP) throws {
        let solution = try GLPKProblem(CompactProgram(lp.program)).solve(SolverOptions(method: .primalSimplex))
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objective, lp.objective, relative: 1e-9))
        expectClose(solution.variableValues, lp.values, "values")
        expectClose(solution.constraintDuals, lp.duals, "duals")
    }

    /// The production LP with plant2's capacity 12 → 10 and doors' profit 3 → 4: plant2 and plant3 still bind, so
    /// windows = 10 / 2 = 5, 3 doors = 18 − 10 → doors = 8/3; objective 4 · 8/3 + 5 · 5 = 35.67.
    static func changedProduction() -> LinearProgram {
        var lp = LinearProgram(name: "production", sense: .maximize)
        let doors = lp.addVariable("doors", objective: 4)
        let windows = lp.addVariable("windows", objective: 5)
        let frames = lp.addVariable("frames", objective: 1)
        lp.addConstraint("plant1", terms: [(doors, 1), (frames, 1)], bounds: .atMost(4))
        lp.addConstraint("plant2", terms: [(windows, 2)], bounds: .atMost(10))
        lp.addConstraint("plant3", terms: [(doors, 3), (windows, 2), (frames, 2)], bounds: .atMost(18))
        return lp
    }

    @Test("loading a program of the same pattern in place keeps the basis and gives the new optimum")
    func loadInPlace() throws {
        let old = try CompactProgram(TextbookLP.production.program), new = try CompactProgram(Self.changedProduction())
        let problem = try GLPKProblem(old)
        _ = try problem.solve()
        let basis = problem.basis()
        #expect(problem.load(new, replacing: old))
        #expect(problem.basis() == basis)
        let warm = try problem.solve(SolverOptions(method: .primalSimplex, presolve: false, warmStart: true))
        #expect(warm.status == .optimal)
        #expect(isClose(warm.objective, 4 * 8.0 / 3 + 25, relative: 1e-12))
        expectClose(warm.variableValues, [8.0 / 3, 5, 0], "values")
        #expect(warm.iterations <= 1, "one pivot at most from the old optimal basis")
    }

    @Test("a program of another pattern is not loaded in place")
    func otherPatternIsRefused() throws {
        let production = try CompactProgram(TextbookLP.production.program), diet = try CompactProgram(TextbookLP.diet.program)
        #expect(!production.hasSamePattern(as: diet))
        let problem = try GLPKProblem(production)
        #expect(!problem.load(diet, replacing: production))
        #expect(problem.constraintCount == production.constraintCount && problem.variableCount == production.variableCount)
        let solution = try problem.solve()
        #expect(isClose(solution.objective, TextbookLP.production.objective, relative: 1e-12))
    }

    @Test("numbers given for a pattern are checked as a program's are")
    func numbersAreChecked() throws {
        let program = try CompactProgram(TextbookLP.production.program)
        let objective = program.objectiveCoefficients, columns = program.variableBounds, rows = program.constraintBounds
        let values = program.entryValues
        #expect(throws: LinearProgrammingError.self) {
            try program.with(objectiveConstant: 0, objectiveCoefficients: [.nan, 5, 1], variableBounds: columns, constraintBounds: rows, entryValues: values)
        }
        #expect(throws: LinearProgrammingError.self) {
            try program.with(objectiveConstant: 0, objectiveCoefficients: objective, variableBounds: columns,
                             constraintBounds: [.atMost(4), .between(3, 2), .atMost(18)], entryValues: values)
        }
        #expect(throws: LinearProgrammingError.self) {
            try program.with(objectiveConstant: 0, objectiveCoefficients: objective, variableBounds: columns, constraintBounds: rows,
                             entryValues: values.map { $0 * 1e300 })
        }
        #expect(throws: LinearProgrammingError.self) {
            try program.with(objectiveConstant: 0, objectiveCoefficients: [1], variableBounds: columns, constraintBounds: rows, entryValues: values)
        }
        let same = try program.with(objectiveConstant: 0, objectiveCoefficients: objective, variableBounds: columns, constraintBounds: rows, entryValues: values)
        #expect(same.hasSamePattern(as: program))
    }

    @Test("a program without names loads when names are not kept, and is refused when they are")
    func unnamedProgram() throws {
        var program = LinearProgram(name: "unnamed", sense: .minimize)
        let x = program.addVariable("", objective: 1), y = program.addVariable("", objective: 2)
        program.addConstraint("", terms: [(x, 1), (y, 1)], bounds: .atLeast(3))
        #expect(throws: LinearProgrammingError.self) { try GLPKProblem(program) }
        let solution = try GLPKProblem(program, names: false).solve()
        #expect(solution.status == .optimal && isClose(solution.objective, 3, relative: 1e-12))
        program.addConstraint("", terms: [(x, .nan)], bounds: .atMost(1))
        #expect(throws: LinearProgrammingError.self) { try GLPKProblem(program, names: false) }
    }
}
