import LinearProgramming
import Testing

/// `GLPKProblem.addConstraint` (cuts on a loaded problem) and `GLPKProblem.update(from:to:)` (same-shape scenarios).
@Suite("addConstraint and update in place")
struct AddConstraintAndUpdateTests {
    // MARK: addConstraint

    @Test("a cut added after a solve: warm re-solve = cold solve of the program with that row")
    func cutMatchesColdSolve() throws {
        var program = TextbookLP.production.program
        let problem = try GLPKProblem(program)
        let before = try problem.solve()
        // doors + windows ≤ 7 cuts off the optimum (2, 6).
        let cut = try problem.addConstraint("cut", variables: [VariableID(0), VariableID(1)], coefficients: [1, 1], bounds: .atMost(7))
        #expect(cut == ConstraintID(3))
        #expect(problem.constraintCount == 4)
        #expect(problem.entryCount == program.entryCount + 2)
        program.addConstraint("cut", variables: [VariableID(0), VariableID(1)], coefficients: [1, 1], bounds: .atMost(7))
        assertSameProgram(problem.program(), program)

        let warm = try problem.solve(SolverOptions(warmStart: true))
        let cold = try GLPKProblem(program).solve()
        #expect(warm.status == .optimal && cold.status == .optimal)
        #expect(isClose(warm.objective, cold.objective, relative: 1e-12), "warm \(warm.objective), cold \(cold.objective)")
        #expect(warm.objective < before.objective)
        #expect(warm.activity(cut) <= 7 + 1e-9)
        #expect(warm.constraintDuals.count == 4)
    }

    struct InvalidCut: Sendable, CustomTestStringConvertible {
        let label: String
        let name: String
        let variables: [Int]
        let coefficients: [Double]
        let bounds: Bounds
        var testDescription: String { label }
    }

    static let invalidCuts = [
        InvalidCut(label: "empty name", name: "", variables: [0], coefficients: [1], bounds: .atMost(1)),
        InvalidCut(label: "name with a space", name: "a cut", variables: [0], coefficients: [1], bounds: .atMost(1)),
        InvalidCut(label: "name of 256 bytes", name: String(repeating: "c", count: 256), variables: [0], coefficients: [1], bounds: .atMost(1)),
        InvalidCut(label: "NaN bound", name: "cut", variables: [0], coefficients: [1], bounds: .atMost(.nan)),
        InvalidCut(label: "lower > upper", name: "cut", variables: [0], coefficients: [1], bounds: .between(2, 1)),
        InvalidCut(label: "NaN coefficient", name: "cut", variables: [0, 1], coefficients: [1, .nan], bounds: .atMost(1)),
        InvalidCut(label: "variable out of range", name: "cut", variables: [0, 99], coefficients: [1, 1], bounds: .atMost(1)),
        InvalidCut(label: "variable twice", name: "cut", variables: [1, 1], coefficients: [1, 1], bounds: .atMost(1)),
    ]

    @Test("an invalid cut throws and leaves the problem unchanged", arguments: invalidCuts)
    func invalidCut(_ cut: InvalidCut) throws {
        let program = TextbookLP.production.program
        let problem = try GLPKProblem(program)
        let before = try problem.solve()
        #expect(throws: LinearProgrammingError.self) {
            try problem.addConstraint(cut.name, variables: cut.variables.map(VariableID.init), coefficients: cut.coefficients, bounds: cut.bounds)
        }
        #expect(problem.constraintCount == program.constraintCount)
        #expect(problem.entryCount == program.entryCount)
        assertSameProgram(problem.program(), program)
        let after = try problem.solve(SolverOptions(warmStart: true))
        #expect(after.objective == before.objective)
        #expect(after.constraintDuals.count == program.constraintCount)
    }

    /// `LinearProgram.validate()` insists on unique constraint names, because exported files need them; a cut added
    /// in place under an existing name is accepted, and the exported MPS file then has two rows of one name.
    @Test("a cut named like an existing row is refused")
    func duplicateCutName() throws {
        let problem = try GLPKProblem(TextbookLP.production.program)
        #expect(throws: LinearProgrammingError.self) {
            try problem.addConstraint("plant1", variables: [VariableID(0)], coefficients: [1], bounds: .atMost(3))
        }
    
    }

    /// GLPK drops zero coefficients in glp_set_mat_row; the wrapper's `entryCount` should count what GLPK holds.
    @Test("entryCount after a cut with a zero coefficient matches the matrix GLPK holds")
    func cutWithZeroCoefficient() throws {
        let problem = try GLPKProblem(TextbookLP.production.program)
        try problem.addConstraint("cut", variables: [VariableID(0), VariableID(1)], coefficients: [1, 0], bounds: .atMost(3))
        let held = problem.program().entryCount
        #expect(problem.entryCount == held, "entryCount \(problem.entryCount), GLPK holds \(held)")
    
    }

    // MARK: update(from:to:)

    @Test("update(from:to:) with the same shape applies bounds, costs, coefficients, constant and sense")
    func updateSameShape() throws {
        let old = TextbookLP.transportation.program
        let problem = try GLPKProblem(old)
        _ = try problem.solve()
        // Rebuild with the same pattern but different numbers.
        var new = LinearProgram(name: old.name, sense: .minimize)
        new.objectiveConstant = 100
        for j in 0 ..< old.variableCount {
            new.addVariable(old.variableNames[j], bounds: j == 1 ? .between(0, 12) : old.variableBounds[j],
                            objective: old.objectiveCoefficients[j] + Double(j % 2))
        }
        for i in 0 ..< old.constraintCount {
            let terms = old.terms(of: ConstraintID(i)).map { ($0.0, i == 3 ? 2 * $0.1 : $0.1) }
            new.addConstraint(old.constraintNames[i], terms: terms, bounds: i == 1 ? .atMost(45) : old.constraintBounds[i])
        }
        #expect(try problem.update(from: old, to: new))
        assertSameProgram(problem.program(), new)
        let warm = try problem.solve(SolverOptions(warmStart: true))
        let cold = try GLPKProblem(new).solve()
        #expect(warm.status == .optimal && cold.status == .optimal)
        #expect(isClose(warm.objective, cold.objective, relative: 1e-12), "warm \(warm.objective), cold \(cold.objective)")

        // And the sense: maximising the same costs over a bounded region.
        var flipped = new
        flipped.sense = .maximize
        for j in 0 ..< flipped.variableCount { flipped.setBounds(VariableID(j), .between(0, 30)) }
        #expect(try problem.update(from: new, to: flipped))
        #expect(problem.program().sense == .maximize)
        let warmMax = try problem.solve(SolverOptions(warmStart: true))
        let coldMax = try GLPKProblem(flipped).solve()
        #expect(warmMax.status == coldMax.status)
        #expect(isClose(warmMax.objective, coldMax.objective, relative: 1e-12))
    }

    @Test("update(from:to:) with another shape returns false and changes nothing")
    func updateOtherShape() throws {
        let old = TextbookLP.diet.program
        let problem = try GLPKProblem(old)
        var extraRow = old
        extraRow.addConstraint("extra", terms: [(VariableID(0), 1)], bounds: .atMost(10))
        #expect(try problem.update(from: old, to: extraRow) == false)
        var extraColumn = old
        extraColumn.addVariable("extra")
        #expect(try problem.update(from: old, to: extraColumn) == false)
        #expect(try problem.update(from: old, to: TextbookLP.production.program) == false)
        assertSameProgram(problem.program(), old)
    }

    @Test("update(from:to:) to an invalid program throws and changes nothing")
    func updateInvalid() throws {
        let old = TextbookLP.diet.program
        let problem = try GLPKProblem(old)
        var invalid = old
        invalid.setBounds(VariableID(0), .between(3, 1))
        invalid.setObjective(VariableID(1), 99) // a valid change that must not be applied either
        #expect(throws: LinearProgrammingError.self) { try problem.update(from: old, to: invalid) }
        var nanCost = old
        nanCost.setObjective(VariableID(2), .nan)
        #expect(throws: LinearProgrammingError.self) { try problem.update(from: old, to: nanCost) }
        assertSameProgram(problem.program(), old)
    }
}
