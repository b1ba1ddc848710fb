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
        // Magnitudes GLPK can abort on (see LinearProgram.safeMagnitudes)
        InvalidProgram(label: "matrix coefficient 1e308",
                       program: base { $0.addConstraint("c3", terms: [(VariableID(0), 1e308)], bounds: .atMost(1)) },
                       matches: { if case .invalidCoefficient(constraint: "c3", variable: "x", value: 1e308) = $0 { true } else { false } },
                       mentions: "1e+308"),
        InvalidProgram(label: "matrix coefficient -2e50 (just outside)",
                       program: base { $0.addConstraint("c3", terms: [(VariableID(1), -2e50)], bounds: .atMost(1)) },
                       matches: { if case .invalidCoefficient(constraint: "c3", variable: "y", _) = $0 { true } else { false } },
                       mentions: "magnitude"),
        InvalidProgram(label: "denormal matrix coefficient 5e-324",
                       program: base { $0.addConstraint("c3", terms: [(VariableID(0), Double.leastNonzeroMagnitude)], bounds: .atMost(1)) },
                       matches: { if case .invalidCoefficient(constraint: "c3", variable: "x", _) = $0 { true } else { false } },
                       mentions: "5e-324"),
        InvalidProgram(label: "matrix coefficient 1e-60",
                       program: base { $0.addConstraint("c3", terms: [(VariableID(0), 1e-60)], bounds: .atMost(1)) },
                       matches: { if case .invalidCoefficient(constraint: "c3", _, _) = $0 { true } else { false } }, mentions: "1e-60"),
        InvalidProgram(label: "objective coefficient 1e300", program: base { $0.setObjective(VariableID(1), 1e300) },
                       matches: { if case .invalidObjective(name: "y", value: 1e300) = $0 { true } else { false } }, mentions: "y"),
        InvalidProgram(label: "denormal objective coefficient 1e-310", program: base { $0.setObjective(VariableID(0), Double.leastNormalMagnitude / 1000) },
                       matches: { if case .invalidObjective(name: "x", _) = $0 { true } else { false } }, mentions: "magnitude"),
        InvalidProgram(label: "objective constant 1e60", program: base { $0.objectiveConstant = 1e60 },
                       matches: { if case .invalidObjective(name: "(constant)", _) = $0 { true } else { false } }, mentions: "1e+60"),
        InvalidProgram(label: "variable upper bound 1e300", program: base { $0.setBounds(VariableID(1), .between(0, 1e300)) },
                       matches: bounds("variable", "y"), mentions: "upper bound 1e+300"),
        InvalidProgram(label: "constraint lower bound -1e55", program: base { $0.setBounds(ConstraintID(0), .atLeast(-1e55)) },
                       matches: bounds("constraint", "c1"), mentions: "lower bound -1e+55"),
        InvalidProgram(label: "denormal constraint bound 4e-320", program: base { $0.setBounds(ConstraintID(1), .between(-3, Double.leastNormalMagnitude / 1e12)) },
                       matches: bounds("constraint", "c2"), mentions: "upper bound"),
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
        InvalidProgram(label: "name starting with $ (a comment in MPS)", program: base { $0.addVariable("$cost") },
                       matches: badName("variable", 2), mentions: "comment"),
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
            lp.addVariable("tiny_and_huge", bounds: .between(-1e50, 1e-50), objective: -1e-50) // the ends of safeMagnitudes
            lp.addConstraint("edges", terms: [(VariableID(0), 1e50), (VariableID(1), -1e-50)], bounds: .atMost(1e50))
            lp.addVariable("fixed", bounds: .equal(to: -2.5))
            lp.addVariable("upper_only", bounds: .atMost(-1))
            lp.addConstraint("x", terms: [], bounds: .free) // a row may share a column's name
            lp.addConstraint("fixed_row", terms: [(VariableID(0), 0)], bounds: .equal(to: 0)) // zero dropped
        }
        try program.validate()
        let problem = try GLPKProblem(program)
        #expect(problem.variableCount == 8)
        #expect(problem.constraintCount == 5)
        #expect(problem.entryCount == 6)
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

/// Model files carrying numbers GLPK can abort on: reading refuses them, naming the row or column and the value.
@Suite("Numbers in model files")
struct ModelFileNumberTests {
    struct BadFile: Sendable, CustomTestStringConvertible {
        let label: String
        let format: ModelFileFormat
        let text: String
        /// Pieces the error must contain: the names at fault and the value.
        let mentions: [String]
        var testDescription: String { label }
    }

    static let badFiles: [BadFile] = [
        BadFile(label: "LP: coefficient 1e308", format: .lp,
                text: "Minimize\n obj: x + 2 y\nSubject To\n c1: 1e308 x + y >= 1\nEnd\n", mentions: ["\"x\"", "\"c1\"", "1e+308"]),
        BadFile(label: "LP: objective 1e300", format: .lp,
                text: "Minimize\n obj: 1e300 x + 2 y\nSubject To\n c1: x + y >= 1\nEnd\n", mentions: ["\"x\"", "1e+300"]),
        BadFile(label: "LP: right-hand side 1e308", format: .lp,
                text: "Minimize\n obj: x + 2 y\nSubject To\n c1: x + y >= 1e308\nEnd\n", mentions: ["\"c1\"", "1e+308"]),
        BadFile(label: "LP: bound 1e300", format: .lp,
                text: "Minimize\n obj: x + 2 y\nSubject To\n c1: x + y >= 1\nBounds\n x <= 1e300\nEnd\n", mentions: ["\"x\"", "1e+300"]),
        BadFile(label: "MPS: coefficient 1e-200 (next to 1: GLPK's scaling aborts)", format: .mps,
                text: "NAME t\nROWS\n N c\n G r\nCOLUMNS\n x c 1 r 1e-200\n y c 1 r 1\nRHS\n RHS r 1\nENDATA\n", mentions: ["\"x\"", "\"r\"", "1e-200"]),
        BadFile(label: "MPS: cost 2.5e-307", format: .mps,
                text: "NAME t\nROWS\n N c\n G r\nCOLUMNS\n x c 2.5e-307 r 1\nRHS\n RHS r 1\nENDATA\n", mentions: ["\"x\"", "2.5e-307"]),
        BadFile(label: "MPS: objective-row RHS 1e300 (the constant)", format: .mps,
                text: "NAME t\nROWS\n N c\n G r\nCOLUMNS\n x c 1 r 1\nRHS\n RHS c 1e300 r 1\nENDATA\n", mentions: ["constant", "1e+300"]),
        BadFile(label: "fixed MPS: bound 1e200", format: .fixedMPS,
                text: "NAME          T\nROWS\n N  C\n G  R 1\nCOLUMNS\n    X ONE     C         1              R 1       1\nRHS\n    RHS       R 1       1\nBOUNDS\n UP BND       X ONE     1e200\nENDATA\n",
                mentions: ["\"XONE\"", "1e+200"]),
    ]

    /// GLPK's number parser (str2num) turns a subnormal number (below 2.2e-308, e.g. 5e-324) into 0 in either
    /// format, so such an entry vanishes from the problem instead of reaching a solve.
    @Test("subnormal numbers in a file are read as 0 by GLPK", arguments: [ModelFileFormat.mps, .lp])
    func subnormalsReadAsZero(_ format: ModelFileFormat) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("subnormal.\(format.rawValue)")
        let text = format == .lp
            ? "Minimize\n obj: 1e-310 x + y\nSubject To\n r: 5e-324 x + y >= 1\nEnd\n"
            : "NAME t\nROWS\n N c\n G r\nCOLUMNS\n x c 1e-310 r 5e-324\n y c 1 r 1\nRHS\n RHS r 1\nENDATA\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let program = try LinearProgram.read(from: path, format: format)
        #expect(program.entryCount == 1)
        #expect(program.objectiveCoefficients.sorted() == [0, 1])
        #expect(isClose(try GLPKProblem(program).solve().objective, 1))
    }

    @Test("reading a file with a number outside the safe range throws, naming where and what", arguments: badFiles)
    func refused(_ bad: BadFile) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("bad.\(bad.format == .lp ? "lp" : "mps")")
        try bad.text.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: LinearProgrammingError.self) { try GLPKProblem.read(from: path, format: bad.format) }
        guard case let .file(errorPath, message) = try #require(error) else {
            Issue.record("expected .file, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        for piece in bad.mentions + ["magnitude"] {
            #expect(message.contains(piece), "\"\(message)\" should mention \(piece)")
        }
    }
}
