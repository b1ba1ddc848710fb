import Foundation
import LinearProgramming
import Testing

/// One invalid program and the error it must produce.
struct InvalidProgram: Sendable, CustomTestStringConvertible {
    let label: String
    let program: LinearProgram
    /// Whether the thrown error is the expected case.
    let matches: @Sendable (LinearProgrammingError) -> Bool
    /// A word the error's description must contain (usually the offending name).
    let mentions: String

    var testDescription: String { label }

    /// A valid two-variable, two-row program that each case spoils in one way.
    static func base(_ spoil: (inout LinearProgram) -> Void) -> LinearProgram {
        var lp = LinearProgram(name: "base", sense: .minimize)
        let x = lp.addVariable("x", objective: 1)
        let y = lp.addVariable("y", bounds: .between(0, 10), objective: 2)
        lp.addConstraint("c1", terms: [(x, 1), (y, 1)], bounds: .atLeast(1))
        lp.addConstraint("c2", terms: [(x, 1), (y, -1)], bounds: .between(-3, 3))
        spoil(&lp)
        return lp
    }

    static func bounds(_ kind: String, _ name: String) -> @Sendable (LinearProgrammingError) -> Bool {
        { if case let .invalidBounds(k, n, _) = $0 { return k == kind && n == name } else { return false } }
    }

    static func badName(_ kind: String, _ index: Int) -> @Sendable (LinearProgrammingError) -> Bool {
        { if case let .invalidName(k, i, _, _) = $0 { return k == kind && i == index } else { return false } }
    }

    static let cases: [InvalidProgram] = [
        // Objective
        InvalidProgram(label: "NaN objective coefficient", program: base { $0.setObjective(VariableID(1), .nan) },
                       matches: { if case .invalidObjective(name: "y", _) = $0 { true } else { false } }, mentions: "y"),
        InvalidProgram(label: "+inf objective coefficient", program: base { $0.setObjective(VariableID(0), .infinity) },
                       matches: { if case .invalidObjective(name: "x", value: .infinity) = $0 { true } else { false } }, mentions: "x"),
        InvalidProgram(label: "-inf objective coefficient", program: base { $0.setObjective(VariableID(0), -.infinity) },
                       matches: { if case .invalidObjective(name: "x", _) = $0 { true } else { false } }, mentions: "x"),
        InvalidProgram(label: "NaN objective constant", program: base { $0.objectiveConstant = .nan },
                       matches: { if case .invalidObjective(name: "(constant)", _) = $0 { true } else { false } }, mentions: "constant"),
        // Matrix
        InvalidProgram(label: "NaN matrix coefficient",
                       program: base { $0.addConstraint("c3", terms: [(VariableID(0), .nan)], bounds: .atMost(1)) },
                       matches: { if case .invalidCoefficient(constraint: "c3", variable: "x", _) = $0 { true } else { false } },
                       mentions: "c3"),
        InvalidProgram(label: "+inf matrix coefficient",
                       program: base { $0.addConstraint("c3", terms: [(VariableID(1), .infinity)], bounds: .atMost(1)) },
                       matches: { if case .invalidCoefficient(constraint: "c3", variable: "y", value: .infinity) = $0 { true } else { false } },
                       mentions: "c3"),
        InvalidProgram(label: "-inf matrix coefficient (parallel-array builder)",
                       program: base { $0.addConstraint("c3", variables: [VariableID(0)], coefficients: [-.infinity], bounds: .atMost(1)) },
                       matches: { if case .invalidCoefficient(constraint: "c3", _, _) = $0 { true } else { false } }, mentions: "c3"),
        InvalidProgram(label: "variable index out of range (VariableID(99))",
                       program: base { $0.addConstraint("c3", terms: [(VariableID(0), 1), (VariableID(99), 1)], bounds: .atMost(1)) },
                       matches: { if case .variableOutOfRange(constraint: "c3", index: 99, variableCount: 2) = $0 { true } else { false } },
                       mentions: "c3"),
        InvalidProgram(label: "negative variable index (VariableID(-1))",
                       program: base { $0.addConstraint("c3", terms: [(VariableID(-1), 1)], bounds: .atMost(1)) },
                       matches: { if case .variableOutOfRange(constraint: "c3", index: -1, _) = $0 { true } else { false } },
                       mentions: "c3"),
        InvalidProgram(label: "same variable twice in one row",
                       program: base { $0.addConstraint("c3", terms: [(VariableID(1), 1), (VariableID(0), 2), (VariableID(1), 3)], bounds: .atMost(1)) },
                       matches: { if case .duplicateEntry(constraint: "c3", variable: "y") = $0 { true } else { false } },
                       mentions: "y"),
        // Bounds
        InvalidProgram(label: "NaN variable lower bound", program: base { $0.setBounds(VariableID(0), Bounds(lower: .nan, upper: 1)) },
                       matches: bounds("variable", "x"), mentions: "NaN"),
        InvalidProgram(label: "NaN variable upper bound", program: base { $0.setBounds(VariableID(1), Bounds(lower: 0, upper: .nan)) },
                       matches: bounds("variable", "y"), mentions: "NaN"),
        InvalidProgram(label: "NaN constraint bound", program: base { $0.setBounds(ConstraintID(1), Bounds(lower: .nan, upper: .nan)) },
                       matches: bounds("constraint", "c2"), mentions: "NaN"),
        InvalidProgram(label: "variable lower > upper", program: base { $0.setBounds(VariableID(1), .between(5, 4)) },
                       matches: bounds("variable", "y"), mentions: "above"),
        InvalidProgram(label: "constraint lower > upper", program: base { $0.setBounds(ConstraintID(0), .between(2, 1)) },
                       matches: bounds("constraint", "c1"), mentions: "above"),
        InvalidProgram(label: "variable lower = +inf", program: base { $0.setBounds(VariableID(0), .atLeast(.infinity)) },
                       matches: bounds("variable", "x"), mentions: "+infinity"),
        InvalidProgram(label: "variable upper = -inf", program: base { $0.setBounds(VariableID(0), .atMost(-.infinity)) },
                       matches: bounds("variable", "x"), mentions: "-infinity"),
        InvalidProgram(label: "constraint lower = +inf", program: base { $0.setBounds(ConstraintID(1), Bounds(lower: .infinity, upper: .infinity)) },
                       matches: bounds("constraint", "c2"), mentions: "+infinity"),
        InvalidProgram(label: "constraint upper = -inf", program: base { $0.setBounds(ConstraintID(1), .atMost(-.infinity)) },
                       matches: bounds("constraint", "c2"), mentions: "-infinity"),
        // Names
        InvalidProgram(label: "empty variable name", program: base { $0.addVariable("") },
                       matches: badName("variable", 2), mentions: "empty"),
        InvalidProgram(label: "empty constraint name", program: base { $0.addConstraint("", terms: [], bounds: .free) },
                       matches: badName("constraint", 2), mentions: "empty"),
        InvalidProgram(label: "variable name with a space", program: base { $0.addVariable("two words") },
                       matches: badName("variable", 2), mentions: "two words"),
        InvalidProgram(label: "constraint name with a tab", program: base { $0.addConstraint("a\tb", terms: [], bounds: .free) },
                       matches: badName("constraint", 2), mentions: "white space"),
        InvalidProgram(label: "name with a newline", program: base { $0.addVariable("a\nb") },
                       matches: badName("variable", 2), mentions: "white space"),
        InvalidProgram(label: "name of 256 ASCII bytes", program: base { $0.addVariable(String(repeating: "v", count: 256)) },
                       matches: badName("variable", 2), mentions: "255"),
        // 128 × "é" is only 128 characters but 256 UTF-8 bytes: the limit is in bytes.
        InvalidProgram(label: "name of 128 characters but 256 UTF-8 bytes",
                       program: base { $0.addConstraint(String(repeating: "é", count: 128), terms: [], bounds: .free) },
                       matches: badName("constraint", 2), mentions: "255"),
        InvalidProgram(label: "duplicate variable name", program: base { $0.addVariable("x") },
                       matches: { if case .duplicateName(kind: "variable", name: "x", firstIndex: 0, secondIndex: 2) = $0 { true } else { false } },
                       mentions: "x"),
        InvalidProgram(label: "duplicate constraint name", program: base { $0.addConstraint("c1", terms: [], bounds: .free) },
                       matches: { if case .duplicateName(kind: "constraint", name: "c1", firstIndex: 0, secondIndex: 2) = $0 { true } else { false } },
                       mentions: "c1"),
        InvalidProgram(label: "empty problem name", program: base { $0.name = "" },
                       matches: badName("problem", 0), mentions: "empty"),
        InvalidProgram(label: "problem name with a space", program: base { $0.name = "my plan" },
                       matches: badName("problem", 0), mentions: "my plan"),
    ]
}

@Suite("Validation of programs")
struct ValidationTests {
    @Test("an invalid program throws the matching LinearProgrammingError from GLPKProblem.init", arguments: InvalidProgram.cases)
    func invalidProgramThrows(_ invalid: InvalidProgram) throws {
        let error = #expect(throws: LinearProgrammingError.self) { try GLPKProblem(invalid.program) }
        let caught = try #require(error)
        #expect(invalid.matches(caught), "unexpected error: \(caught)")
        #expect(caught.description.contains(invalid.mentions), "\"\(caught.description)\" should mention \(invalid.mentions)")
    }

    /// `validate()` is what `GLPKProblem.init` runs, except for the problem name, which only the loader checks.
    @Test("validate() throws the same error", arguments: InvalidProgram.cases.filter { $0.program.name == "base" })
    func validateThrows(_ invalid: InvalidProgram) throws {
        let error = #expect(throws: LinearProgrammingError.self) { try invalid.program.validate() }
        #expect(error.map(invalid.matches) == true, "unexpected error: \(String(describing: error))")
    }

    @Test("writing an invalid program throws and creates no file", arguments: InvalidProgram.cases)
    func invalidProgramIsNotWritten(_ invalid: InvalidProgram) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        for format in ModelFileFormat.allCases {
            let path = directory.path("invalid.\(format.rawValue)")
            #expect(throws: LinearProgrammingError.self) { try invalid.program.write(to: path, format: format) }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("the untouched base program and edge-case valid inputs are accepted")
    func validInputsAccepted() throws {
        _ = try GLPKProblem(InvalidProgram.base { _ in })
        // Exactly 255 bytes, punctuation, non-ASCII, infinite ends on the right sides, zero-width ranges.
        let program = InvalidProgram.base { lp in
            lp.addVariable(String(repeating: "n", count: 255))
            lp.addVariable(String(repeating: "é", count: 127)) // 254 bytes
            lp.addVariable("a.b[1,2]_#$%", bounds: .free)
            lp.addVariable("fixed", bounds: .equal(to: -2.5))
            lp.addVariable("upper_only", bounds: .atMost(-1))
            lp.addConstraint("x", terms: [], bounds: .free) // a row may share a column's name
            lp.addConstraint("fixed_row", terms: [(VariableID(0), 0)], bounds: .equal(to: 0)) // zero dropped
        }
        try program.validate()
        let problem = try GLPKProblem(program)
        #expect(problem.variableCount == 7)
        #expect(problem.constraintCount == 4)
        #expect(problem.entryCount == 4)
        let solution = try problem.solve()
        #expect(solution.status == .optimal)
    }

    @Test("Bounds.problem names each defect and accepts every valid shape")
    func boundsProblem() {
        #expect(Bounds(lower: .nan, upper: 1).problem != nil)
        #expect(Bounds(lower: 1, upper: .nan).problem != nil)
        #expect(Bounds(lower: .infinity, upper: .infinity).problem != nil)
        #expect(Bounds(lower: -.infinity, upper: -.infinity).problem != nil)
        #expect(Bounds.between(1, 0).problem != nil)
        for valid in [Bounds.free, .nonNegative, .atLeast(-3), .atMost(7), .equal(to: 2), .between(-1, 1), .between(0, 0)] {
            #expect(valid.problem == nil, "\(valid)")
        }
        #expect(Bounds.equal(to: 2).isFixed)
        #expect(!Bounds.between(1, 2).isFixed)
    }

    /// VariableID holds an `Int`, but the builder stores column indices as `Int32(truncatingIfNeeded:)`:
    /// VariableID(1 << 32) becomes column 0, a different, existing variable, and validation cannot notice.
    @Test("a VariableID beyond Int32 is rejected, not silently wrapped onto another variable")
    func variableIDBeyondInt32() throws {
        var lp = InvalidProgram.base { _ in }
        lp.addConstraint("wrapped", terms: [(VariableID(1 << 32), 1)], bounds: .atMost(1))
        #expect(throws: LinearProgrammingError.self) { try lp.validate() }
    
    }
}
