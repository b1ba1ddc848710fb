import LinearProgramming
import Testing

/// In-place changes on a loaded problem: invalid ones throw and leave the problem untouched; valid ones
/// give the same optimum as loading the changed program afresh.
@Suite("In-place changes")
struct InPlaceChangeTests {
    /// A named invalid in-place call.
    struct InvalidCall: Sendable, CustomTestStringConvertible {
        let label: String
        let call: @Sendable (GLPKProblem) throws -> Void
        let matches: @Sendable (LinearProgrammingError) -> Bool
        var testDescription: String { label }
    }

    static func outOfRange(_ kind: String, _ index: Int) -> @Sendable (LinearProgrammingError) -> Bool {
        { if case .indexOutOfRange(kind: kind, index: index, _) = $0 { true } else { false } }
    }

    static func badBounds(_ kind: String) -> @Sendable (LinearProgrammingError) -> Bool {
        { if case .invalidBounds(kind: kind, _, _) = $0 { true } else { false } }
    }

    // The production LP: 3 variables (doors, windows, frames), 3 rows (plant1...3).
    static let invalidCalls: [InvalidCall] = [
        InvalidCall(label: "setBounds(variable) index 3 of 3", call: { try $0.setBounds(VariableID(3), .nonNegative) },
                    matches: outOfRange("variable", 3)),
        InvalidCall(label: "setBounds(variable) index -1", call: { try $0.setBounds(VariableID(-1), .nonNegative) },
                    matches: outOfRange("variable", -1)),
        InvalidCall(label: "setBounds(variable) NaN", call: { try $0.setBounds(VariableID(0), Bounds(lower: .nan, upper: 1)) },
                    matches: badBounds("variable")),
        InvalidCall(label: "setBounds(variable) lower > upper", call: { try $0.setBounds(VariableID(0), .between(3, 2)) },
                    matches: badBounds("variable")),
        InvalidCall(label: "setBounds(variable) +inf lower", call: { try $0.setBounds(VariableID(1), .atLeast(.infinity)) },
                    matches: badBounds("variable")),
        InvalidCall(label: "setBounds(variable) -inf upper", call: { try $0.setBounds(VariableID(1), .atMost(-.infinity)) },
                    matches: badBounds("variable")),
        InvalidCall(label: "setBounds(constraint) index 99", call: { try $0.setBounds(ConstraintID(99), .atMost(1)) },
                    matches: outOfRange("constraint", 99)),
        InvalidCall(label: "setBounds(constraint) NaN", call: { try $0.setBounds(ConstraintID(2), .atMost(.nan)) },
                    matches: badBounds("constraint")),
        InvalidCall(label: "setBounds(constraint) lower > upper", call: { try $0.setBounds(ConstraintID(2), .between(20, 18)) },
                    matches: badBounds("constraint")),
        InvalidCall(label: "setObjective index 7", call: { try $0.setObjective(VariableID(7), 1) },
                    matches: outOfRange("variable", 7)),
        InvalidCall(label: "setObjective NaN", call: { try $0.setObjective(VariableID(0), .nan) },
                    matches: { if case .invalidObjective = $0 { true } else { false } }),
        InvalidCall(label: "setObjective +inf", call: { try $0.setObjective(VariableID(0), .infinity) },
                    matches: { if case .invalidObjective = $0 { true } else { false } }),
        InvalidCall(label: "setObjective -inf", call: { try $0.setObjective(VariableID(2), -.infinity) },
                    matches: { if case .invalidObjective = $0 { true } else { false } }),
        InvalidCall(label: "setRow constraint index 3", call: { try $0.setRow(ConstraintID(3), variables: [VariableID(0)], coefficients: [1]) },
                    matches: outOfRange("constraint", 3)),
        InvalidCall(label: "setRow variable index 99", call: { try $0.setRow(ConstraintID(2), variables: [VariableID(0), VariableID(99)], coefficients: [1, 1]) },
                    matches: outOfRange("variable", 99)),
        InvalidCall(label: "setRow NaN coefficient (after a valid one)", call: { try $0.setRow(ConstraintID(2), variables: [VariableID(0), VariableID(1)], coefficients: [7, .nan]) },
                    matches: { if case .invalidCoefficient = $0 { true } else { false } }),
        InvalidCall(label: "setRow inf coefficient", call: { try $0.setRow(ConstraintID(0), variables: [VariableID(1)], coefficients: [.infinity]) },
                    matches: { if case .invalidCoefficient = $0 { true } else { false } }),
        InvalidCall(label: "setRow same variable twice", call: { try $0.setRow(ConstraintID(2), variables: [VariableID(1), VariableID(0), VariableID(1)], coefficients: [1, 2, 3]) },
                    matches: { if case .duplicateEntry = $0 { true } else { false } }),
        InvalidCall(label: "setBasis with one row status too few", call: { problem in
                        var basis = problem.basis()
                        basis.rowStatuses.removeLast()
                        try problem.setBasis(basis)
                    }, matches: outOfRange("basis row", 2)),
        InvalidCall(label: "setBasis with one column status too many", call: { problem in
                        var basis = problem.basis()
                        basis.columnStatuses.append(basis.columnStatuses[0])
                        try problem.setBasis(basis)
                    }, matches: outOfRange("basis column", 4)),
        InvalidCall(label: "setBasis empty", call: { problem in
                        var basis = problem.basis() // Basis has no public initialiser: empty a real one
                        basis.rowStatuses = []
                        basis.columnStatuses = []
                        try problem.setBasis(basis)
                    },
                    matches: { if case .indexOutOfRange = $0 { true } else { false } }),
    ]

    @Test("an invalid in-place change throws and leaves the problem as it was", arguments: invalidCalls)
    func invalidCallThrowsAndChangesNothing(_ invalid: InvalidCall) throws {
        let textbook = TextbookLP.production
        let problem = try GLPKProblem(textbook.program)
        let before = try problem.solve()
        let basisBefore = problem.basis()
        let error = #expect(throws: LinearProgrammingError.self) { try invalid.call(problem) }
        let caught = try #require(error)
        #expect(invalid.matches(caught), "unexpected error: \(caught)")
        #expect(!caught.description.isEmpty)
        // Nothing reached GLPK: same program, same basis, same optimum on a warm re-solve (no iterations).
        assertSameProgram(problem.program(), textbook.program)
        #expect(problem.basis() == basisBefore)
        let after = try problem.solve(SolverOptions(warmStart: true))
        #expect(after.status == .optimal)
        #expect(after.objective == before.objective)
        #expect(after.iterations == 0)
    }

    /// Out-of-range status codes in a basis are replaced (basic for rows, at-lower for columns) instead of being
    /// handed to GLPK, which would abort. The solve then repairs the basis and still finds the optimum.
    @Test("setBasis with nonsense status codes does not crash and the solve still finds the optimum")
    func nonsenseBasisStatuses() throws {
        let textbook = TextbookLP.transportation
        let problem = try GLPKProblem(textbook.program)
        var basis = problem.basis()
        basis.rowStatuses = [0, 99, -1, 6, Int32.max]
        basis.columnStatuses = Array(repeating: 42, count: 6)
        try problem.setBasis(basis)
        for config in SolverConfig.simplex {
            var options = config.options
            options.warmStart = true
            let solution = try problem.solve(options)
            #expect(solution.status == .optimal, "\(config.testDescription)")
            #expect(isClose(solution.objective, textbook.objective))
        }
    }

    /// A basis with too many basic variables is the right shape but not a basis; the solver must rebuild one.
    @Test("an all-basic basis of the right shape is repaired, not fatal")
    func singularBasis() throws {
        let textbook = TextbookLP.diet
        let problem = try GLPKProblem(textbook.program)
        var basis = problem.basis()
        let basicCode = basis.rowStatuses[0] // every row starts basic
        basis.columnStatuses = Array(repeating: basicCode, count: 3) // 6 basic variables for 3 rows
        try problem.setBasis(basis)
        let solution = try problem.solve(SolverOptions(method: .primalSimplex, warmStart: true))
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objective, textbook.objective))
    }

    @Test("valid in-place changes give the optimum of the changed program loaded afresh")
    func validChangesMatchAFreshLoad() throws {
        var program = TextbookLP.production.program
        let problem = try GLPKProblem(program)
        _ = try problem.solve()

        // 3 doors + 1 window ≤ 18 in plant3 (and frames dropped from it): windows = 6, 3 doors ≤ 12 and
        // doors ≤ 4 → doors = 4, objective 12 + 30 = 42.
        try problem.setRow(ConstraintID(2), variables: [VariableID(0), VariableID(1)], coefficients: [3, 1])
        var rebuilt = LinearProgram(name: program.name, sense: program.sense)
        for j in 0 ..< program.variableCount {
            rebuilt.addVariable(program.variableNames[j], bounds: program.variableBounds[j], objective: program.objectiveCoefficients[j])
        }
        rebuilt.addConstraint("plant1", terms: program.terms(of: ConstraintID(0)), bounds: program.constraintBounds[0])
        rebuilt.addConstraint("plant2", terms: program.terms(of: ConstraintID(1)), bounds: program.constraintBounds[1])
        rebuilt.addConstraint("plant3", terms: [(VariableID(0), 3), (VariableID(1), 1)], bounds: program.constraintBounds[2])
        program = rebuilt
        assertSameProgram(problem.program(), program)
        let afterRow = try problem.solve(SolverOptions(warmStart: true))
        #expect(afterRow.status == .optimal)
        #expect(isClose(afterRow.objective, 42))
        expectClose(afterRow.variableValues, [4, 6, 0], "values after setRow")

        // Then a bound, a row bound and an objective coefficient.
        try problem.setBounds(VariableID(1), .between(0, 5))
        program.setBounds(VariableID(1), .between(0, 5))
        try problem.setBounds(ConstraintID(0), .atMost(3))
        program.setBounds(ConstraintID(0), .atMost(3))
        try problem.setObjective(VariableID(2), 10)
        program.setObjective(VariableID(2), 10)
        assertSameProgram(problem.program(), program)
        let warm = try problem.solve(SolverOptions(warmStart: true))
        let cold = try GLPKProblem(program).solve()
        #expect(warm.status == .optimal && cold.status == .optimal)
        #expect(isClose(warm.objective, cold.objective, relative: 1e-9))
    }

    @Test("setRow with an empty row clears it")
    func setRowEmpty() throws {
        let problem = try GLPKProblem(TextbookLP.production.program)
        try problem.setRow(ConstraintID(0), variables: [], coefficients: [])
        #expect(problem.program().terms(of: ConstraintID(0)).isEmpty)
        // plant1 gone: doors limited by plant3 alone → windows = 6, doors = 2 still (plant1 was slack).
        let solution = try problem.solve()
        #expect(isClose(solution.objective, 36))
    }
}

/// Records an issue for each difference between two programs (names, bounds, objective, matrix).
func assertSameProgram(_ actual: LinearProgram, _ expected: LinearProgram, checkName: Bool = true,
                       sourceLocation: SourceLocation = #_sourceLocation) {
    if checkName { #expect(actual.name == expected.name, sourceLocation: sourceLocation) }
    #expect(actual.sense == expected.sense, sourceLocation: sourceLocation)
    #expect(actual.objectiveConstant == expected.objectiveConstant, sourceLocation: sourceLocation)
    #expect(actual.variableNames == expected.variableNames, sourceLocation: sourceLocation)
    #expect(actual.variableBounds == expected.variableBounds, sourceLocation: sourceLocation)
    #expect(actual.objectiveCoefficients == expected.objectiveCoefficients, sourceLocation: sourceLocation)
    #expect(actual.constraintNames == expected.constraintNames, sourceLocation: sourceLocation)
    #expect(actual.constraintBounds == expected.constraintBounds, sourceLocation: sourceLocation)
    guard actual.constraintCount == expected.constraintCount else { return }
    for i in 0 ..< expected.constraintCount {
        // Row entries may come back in another order: compare them sorted by column.
        let a = actual.terms(of: ConstraintID(i)).sorted { $0.0 < $1.0 }
        let e = expected.terms(of: ConstraintID(i)).sorted { $0.0 < $1.0 }
        #expect(a.map(\.0) == e.map(\.0), "row \(expected.constraintNames[i]) columns", sourceLocation: sourceLocation)
        #expect(a.map(\.1) == e.map(\.1), "row \(expected.constraintNames[i]) coefficients", sourceLocation: sourceLocation)
    }
}
