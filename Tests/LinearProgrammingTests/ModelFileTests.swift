import Foundation
import LinearProgramming
import Testing

/// Writing and reading free MPS and CPLEX LP files.
@Suite("Model files")
struct ModelFileTests {
    /// The formats written to files named by extension (`.mps`, `.lp`), which the reader then detects.
    static let fileFormats: [ModelFileFormat] = [.mps, .lp]

    /// Free MPS keeps the sense (OBJSENSE for a maximisation), every number and the constant (as a column
    /// `objective_constant` fixed at 1). Free rows are written as further N rows, which readers drop, so the
    /// program read back is the original without its free rows and with the constant as that column.
    @Test("free MPS: write → read gives the same program (name, sense, names, bounds, coefficients; the constant as a column) and optimum",
          arguments: TextbookLP.feasible)
    func mpsRoundTrip(_ original: TextbookLP) throws {
        let lp = original.withoutFreeRows()
        let expected = lp.program.constantAsColumn()
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("model.mps")
        try GLPKProblem(original.program).write(to: path, format: .mps)
        for format in [ModelFileFormat.mps, .freeMPS] {
            let (problem, report) = try GLPKProblem.readReporting(from: path, format: format)
            #expect(report.format == .freeMPS)
            #expect(report.objectiveRowRHS == nil)
            #expect(report.objectiveSenseSection == (lp.program.sense == .maximize ? .maximize : nil))
            #expect(problem.variableCount == expected.variableCount)
            #expect(problem.constraintCount == expected.constraintCount)
            #expect(problem.entryCount == expected.entryCount)
            assertSameProgram(problem.program(), expected)
            let solution = try problem.solve()
            #expect(solution.status == .optimal)
            #expect(isClose(solution.objective, lp.objective, relative: 1e-12))
            expectClose(solution.constraintDuals, lp.duals, "duals after MPS round trip")
        }
        // LinearProgram's own read/write convenience gives the same.
        let again = directory.path("again.mps")
        try original.program.write(to: again, format: .mps)
        assertSameProgram(try LinearProgram.read(from: again, format: .mps), expected)
        #expect(try String(contentsOfFile: again, encoding: .utf8) == String(contentsOfFile: path, encoding: .utf8))
    }

    /// GLPK's own free MPS writer (api/mps.c) treats the first free row as the objective: with a free row it wrote
    /// no objective row at all, and the file read back had the free row's coefficients as objective (ranged LP: 2.0
    /// instead of 3.5). The objective row now always comes first, the free row after it.
    @Test("free MPS export of a program with a free row keeps the objective")
    func mpsFreeRowKeepsObjective() throws {
        let lp = TextbookLP.rangedWithConstant
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("ranged.mps")
        try lp.program.write(to: path, format: .mps)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("ROWS\n N obj\n"), "the objective row comes first")
        #expect(text.contains("\n N total\n"), "the free row is kept as an N row")
        let back = try LinearProgram.read(from: path, format: .mps)
        #expect(back.constraintNames == ["range", "link"]) // readers drop further N rows
        #expect(back.objectiveCoefficients == lp.program.objectiveCoefficients + [10])
        #expect(back.variableNames.last == "objective_constant" && back.variableBounds.last == .equal(to: 1))
        #expect(back.objectiveConstant == 0)
        let solution = try GLPKProblem(back).solve()
        #expect(isClose(solution.objective, lp.objective), "objective \(solution.objective), expected \(lp.objective)")
    }

    /// GLPK's free MPS has no objective sense (its reader assumes minimisation): a maximisation used to read back as a
    /// minimisation with another optimum (production: 0 instead of 36). The writer now adds an OBJSENSE section,
    /// which the reader honours.
    @Test("free MPS round trip of a maximisation keeps the optimum")
    func mpsRoundTripOfMaximisation() throws {
        let lp = TextbookLP.production
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("production.mps")
        try GLPKProblem(lp.program).write(to: path, format: .mps)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\nOBJSENSE\n    MAX\nROWS\n"))
        let problem = try GLPKProblem.read(from: path, format: .mps)
        let back = problem.program()
        #expect(back.variableNames == lp.program.variableNames)
        #expect(back.constraintBounds == lp.program.constraintBounds)
        #expect(back.objectiveCoefficients == lp.program.objectiveCoefficients)
        #expect(back.sense == .maximize)
        let solution = try problem.solve()
        #expect(isClose(solution.objective, lp.objective), "objective \(solution.objective) after MPS round trip, expected \(lp.objective)")
        // A minimisation gets no OBJSENSE section, so glpsol reads it too.
        try TextbookLP.diet.program.write(to: directory.path("diet.mps"), format: .mps)
        #expect(try !String(contentsOfFile: directory.path("diet.mps"), encoding: .utf8).contains("OBJSENSE"))
    }

    /// CPLEX LP keeps the sense but not everything else verbatim: GLPK writes a ranged row as an equality
    /// with an extra column `~r_N`, the problem name only as a comment, no free rows, and (the wrapper's
    /// workaround) the objective constant as a column `objective_constant` fixed at 1. Programs without ranged rows
    /// or constants come back exactly (up to the problem name).
    @Test("CPLEX LP: write → read gives the same program and optimum",
          arguments: [TextbookLP.production, .transportation, .diet])
    func lpRoundTrip(_ lp: TextbookLP) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("model.lp")
        try GLPKProblem(lp.program).write(to: path, format: .lp)
        let (problem, report) = try GLPKProblem.readReporting(from: path, format: .lp)
        #expect(report.format == .lp && report.notes.isEmpty)
        assertSameProgram(problem.program(), lp.program, checkName: false)
        let solution = try problem.solve()
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objective, lp.objective, relative: 1e-9))
        expectClose(solution.variableValues, lp.values, "values after LP round trip")
        expectClose(solution.constraintDuals, lp.duals, "duals after LP round trip")
    }

    @Test("CPLEX LP: ranged row and objective constant survive as far as the optimum is concerned")
    func lpRoundTripRangedAndConstant() throws {
        // GLPK's CPLEX LP writer leaves free rows out (they constrain nothing), so compare without them.
        let lp = TextbookLP.rangedWithConstant.withoutFreeRows()
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("ranged.lp")
        try lp.program.write(to: path, format: .lp)
        let back = try LinearProgram.read(from: path, format: .lp)
        #expect(back.sense == .minimize)
        #expect(Array(back.variableNames.prefix(4)) == lp.program.variableNames)
        #expect(back.constraintNames == lp.program.constraintNames)
        let solution = try GLPKProblem(back).solve()
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objective, lp.objective, relative: 1e-9), "objective \(solution.objective), expected \(lp.objective)")
        expectClose(Array(solution.variableValues.prefix(4)), lp.values, "values of the original columns")
        expectClose(solution.constraintDuals, lp.duals, "duals")
    }

    @Test("a generated 12×15 transportation LP survives MPS and LP round trips", arguments: Self.fileFormats)
    func generatedRoundTrip(_ format: ModelFileFormat) throws {
        let generated = makeRandomTransportation(sources: 12, sinks: 15, seed: 7)
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("transport.\(format.rawValue)")
        try generated.program.write(to: path, format: format)
        let back = try LinearProgram.read(from: path, format: format)
        assertSameProgram(back, generated.program, checkName: format == .mps)
        let original = try GLPKProblem(generated.program).solve()
        let reread = try GLPKProblem(back).solve()
        #expect(original.status == .optimal && reread.status == .optimal)
        #expect(isClose(original.objective, reread.objective, relative: 1e-12))
    }

    @Test("free bounds, fixed and upper-only variables and a column in no row survive MPS and LP", arguments: Self.fileFormats)
    func unusualBounds(_ format: ModelFileFormat) throws {
        var lp = LinearProgram(name: "bounds", sense: .minimize)
        let free = lp.addVariable("free", bounds: .free, objective: 0)
        let fixed = lp.addVariable("fixed", bounds: .equal(to: -2.5), objective: 1)
        let upper = lp.addVariable("upper", bounds: .atMost(-1), objective: -1)
        let boxed = lp.addVariable("boxed", bounds: .between(-4, 4), objective: 0.5)
        lp.addVariable("unused", bounds: .between(1, 2), objective: 3) // in no row
        lp.addVariable("idle", bounds: .between(0, 7), objective: 0) // in no row, no cost: written with a zero cost
        lp.addConstraint("r", terms: [(free, 1), (fixed, 1), (upper, 2), (boxed, -1)], bounds: .atLeast(-10))
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("bounds.\(format.rawValue)")
        try lp.write(to: path, format: format)
        let back = try LinearProgram.read(from: path, format: format)
        // CPLEX LP lists columns in order of first appearance (objective first), so compare by name.
        func byName(_ p: LinearProgram) -> [String: (Bounds, Double)] {
            Dictionary(uniqueKeysWithValues: (0 ..< p.variableCount).map { (p.variableNames[$0], (p.variableBounds[$0], p.objectiveCoefficients[$0])) })
        }
        let expected = byName(lp), actual = byName(back)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (name, (bounds, cost)) in expected {
            #expect(actual[name]?.0 == bounds, "bounds of \(name)")
            #expect(actual[name]?.1 == cost, "cost of \(name)")
        }
        if format == .mps {
            #expect(back.variableNames == lp.variableNames) // MPS keeps the column order
        }
        let a = try GLPKProblem(lp).solve(), b = try GLPKProblem(back).solve()
        // free absorbs the row; fixed = −2.5, upper = −1 (cost −1), boxed = −4 (cost 0.5), unused = 1 (cost 3):
        // −2.5 + 1 − 2 + 3 = −0.5.
        #expect(a.status == .optimal && b.status == .optimal)
        #expect(isClose(a.objective, -0.5) && isClose(b.objective, -0.5), "\(a.objective), \(b.objective)")
    }

    /// The objective row is named `obj`, or `obj_2` when a constraint already has that name; GLPK's own writer
    /// named it `R0000000`, which clashed with a constraint of that name. Likewise the constant's column.
    @Test("constraints named like the objective row and a column named like the constant's keep their names")
    func namesLikeTheWritersOwn() throws {
        var lp = LinearProgram(name: "clash", sense: .minimize)
        lp.objectiveConstant = 2
        let x = lp.addVariable("x", objective: 1)
        let y = lp.addVariable("objective_constant", bounds: .between(0, 1), objective: 1)
        lp.addConstraint("obj", terms: [(x, 1)], bounds: .atLeast(3))
        lp.addConstraint("R0000000", terms: [(x, 1), (y, 1)], bounds: .atLeast(3.5))
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("clash.mps")
        try lp.write(to: path, format: .mps)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(" N obj_2\n") && text.contains(" FX BND objective_constant_2 1\n"), "\(text)")
        let back = try LinearProgram.read(from: path, format: .mps)
        #expect(back.constraintNames == ["obj", "R0000000"])
        #expect(back.variableNames == ["x", "objective_constant", "objective_constant_2"])
        // x = 3, y = 0.5: 3 + 0.5 + 2 = 5.5.
        #expect(isClose(try GLPKProblem(back).solve().objective, 5.5))
        try lp.write(to: directory.path("clash.lp"), format: .lp)
        #expect(isClose(try GLPKProblem(LinearProgram.read(from: directory.path("clash.lp"), format: .lp)).solve().objective, 5.5))
    }

    /// Free MPS is written with the shortest text that reads back as the same double, and read without GLPK's
    /// `tol_mps` (which zeroed anything below 1e-12): every number comes back exactly, down to the ends of
    /// ``LinearProgram/safeMagnitudes``. (GLPK's own writer kept 12 characters: only 7 digits of −6.02214076e23.)
    /// CPLEX LP is written by GLPK with 15 significant digits.
    @Test("numbers survive a round trip: exactly in MPS, to 15 digits in LP", arguments: Self.fileFormats)
    func numericPrecision(_ format: ModelFileFormat) throws {
        let awkward = [1.0 / 3, Double.pi, -2.0 / 7 * 1e5, 123_456.789_012_345, -6.02214076e23, 1.602176634e-19,
                       -1.2345678901234567e-45, 9.87654321012345e49]
        let short = [0.5, -12.25, 1e-3, 250_000, 0.1, 1e-9, 1e-50, -1e50]
        let values = awkward + short
        var lp = LinearProgram(name: "precision")
        let variables = values.indices.map { lp.addVariable("v\($0)", bounds: .between(-1, values[$0].magnitude), objective: 1) }
        lp.addConstraint("row", variables: variables, coefficients: values, bounds: .atMost(1e6))
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("precision.\(format.rawValue)")
        try lp.write(to: path, format: format)
        let back = try LinearProgram.read(from: path, format: format)
        let read = Dictionary(uniqueKeysWithValues: back.terms(of: ConstraintID(0)).map { (back.variableNames[$0.0.index], $0.1) })
        for (j, value) in short.enumerated() {
            let name = "v\(awkward.count + j)"
            #expect(read[name] == value, "\(name): wrote \(value), read \(String(describing: read[name]))")
        }
        for (j, value) in awkward.enumerated() {
            let got = try #require(read["v\(j)"])
            if format == .mps {
                #expect(got == value, "v\(j): wrote \(value), read \(got)")
            } else {
                #expect(isClose(got, value, relative: 1e-14, absolute: 0), "v\(j): wrote \(value), read \(got)")
            }
        }
        if format == .mps {
            #expect(back.variableBounds == lp.variableBounds)
        }
    }

    /// A ranged row is `G lower` with range `r`, read as `[lower, lower + |r|]` (or `L upper`, `[upper − |r|, upper]`);
    /// the writer picks the form and `r` so that the far end comes back exactly.
    @Test("ranged rows with awkward ends come back exactly from MPS")
    func rangedRowsExact() throws {
        let ranges: [(Double, Double)] = [(0.1, 0.3), (-0.7, 0.2), (1e-30, 1e30), (1.0 / 3, 2.0 / 3), (-1e10, 1e-10), (2, 6), (-5, -1)]
        var lp = LinearProgram(name: "ranges")
        let x = lp.addVariable("x", bounds: .free, objective: 1)
        for (k, (lower, upper)) in ranges.enumerated() {
            lp.addConstraint("r\(k)", terms: [(x, 1)], bounds: .between(lower, upper))
        }
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try lp.write(to: directory.path("ranges.mps"), format: .mps)
        let back = try LinearProgram.read(from: directory.path("ranges.mps"), format: .mps)
        #expect(back.constraintBounds == lp.constraintBounds)
    }

    /// Writing opens the path, it never replaces it: exporting to /dev/stdout (or through a link) must not put a
    /// regular file in its place, as glpsol's `-o /dev/null` once did to the machine's /dev/null.
    @Test("writing through a symbolic link writes the target and keeps the link", arguments: Self.fileFormats)
    func writesThroughLinks(_ format: ModelFileFormat) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let target = directory.path("target.\(format.rawValue)"), link = directory.path("link.\(format.rawValue)")
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try TextbookLP.diet.program.write(to: link, format: format)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(isClose(try GLPKProblem.read(from: target, format: format).solve().objective, TextbookLP.diet.objective))
    }

    @Test("writing fixed MPS is refused with a message; ModelFileFormat.writable leaves it out")
    func fixedMPSIsReadOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("model.mps")
        let error = #expect(throws: LinearProgrammingError.self) { try TextbookLP.diet.program.write(to: path, format: .fixedMPS) }
        #expect(error?.description.contains("read only") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(ModelFileFormat.writable == [.mps, .freeMPS, .lp])
    }

    // MARK: - Failures

    @Test("reading a missing file throws .file with a message", arguments: ModelFileFormat.allCases)
    func missingFile(_ format: ModelFileFormat) throws {
        let path = "/nonexistent-\(UUID().uuidString)/model.\(format.rawValue)"
        let error = #expect(throws: LinearProgrammingError.self) { try GLPKProblem.read(from: path, format: format) }
        guard case let .file(errorPath, message) = try #require(error) else {
            Issue.record("expected .file, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect(!message.isEmpty)
        #expect(throws: LinearProgrammingError.self) { try LinearProgram.read(from: path, format: format) }
    }

    struct MalformedFile: Sendable, CustomTestStringConvertible {
        let label: String
        let format: ModelFileFormat
        let text: String
        /// A piece GLPK's message should contain (e.g. the line at fault).
        let mentions: String?
        var testDescription: String { label }
    }

    static let malformedFiles: [MalformedFile] = [
        MalformedFile(label: "MPS: unknown row type", format: .mps,
                      text: "NAME bad\nROWS\n N obj\n Q r1\nCOLUMNS\n x obj 1\nENDATA\n", mentions: ":4:"),
        MalformedFile(label: "MPS: column in an unknown row", format: .mps,
                      text: "NAME bad\nROWS\n N obj\n L r1\nCOLUMNS\n x nowhere 1\nRHS\n RHS r1 4\nENDATA\n", mentions: ":6:"),
        MalformedFile(label: "MPS: number that is not a number", format: .mps,
                      text: "NAME bad\nROWS\n N obj\n L r1\nCOLUMNS\n x r1 one\nENDATA\n", mentions: ":6:"),
        MalformedFile(label: "MPS: missing ENDATA", format: .mps,
                      text: "NAME bad\nROWS\n N obj\n L r1\nCOLUMNS\n x r1 1\n", mentions: nil),
        MalformedFile(label: "MPS: empty file", format: .mps, text: "", mentions: nil),
        MalformedFile(label: "MPS: binary garbage", format: .mps, text: "\u{01}\u{02}\u{7F}ÿþ\n\u{00}\n", mentions: nil),
        MalformedFile(label: "LP: missing variable name", format: .lp,
                      text: "Minimize\n obj: 3 x + 2\nSubject To\n c1: x >= 1\nEnd\n", mentions: "missing variable name"),
        MalformedFile(label: "LP: no objective section", format: .lp, text: "Subject To\n c1: x >= 1\nEnd\n", mentions: nil),
        MalformedFile(label: "LP file read as MPS", format: .mps,
                      text: "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n", mentions: nil),
    ]

    @Test("a malformed file throws .file with GLPK's message", arguments: malformedFiles)
    func malformedFile(_ malformed: MalformedFile) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("bad.\(malformed.format.rawValue)")
        try malformed.text.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: LinearProgrammingError.self) { try GLPKProblem.read(from: path, format: malformed.format) }
        guard case let .file(errorPath, message) = try #require(error) else {
            Issue.record("expected .file, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect(!message.isEmpty)
        if let mentions = malformed.mentions {
            // GLPK prints "FILE:LINE: what is wrong" before a generic closing line; the message should carry the former.
            #expect(message.contains(mentions), "message \"\(message)\" should name the line (\(mentions))")
        }
    }

    @Test("reading a directory as a model file throws .file", arguments: ModelFileFormat.allCases)
    func directoryAsFile(_ format: ModelFileFormat) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        #expect(throws: LinearProgrammingError.self) { try GLPKProblem.read(from: directory.url.path, format: format) }
    }

    @Test("writing into a missing directory throws .file", arguments: ModelFileFormat.writable)
    func unwritablePath(_ format: ModelFileFormat) throws {
        let path = "/nonexistent-\(UUID().uuidString)/model.\(format.rawValue)"
        let error = #expect(throws: LinearProgrammingError.self) {
            try GLPKProblem(TextbookLP.diet.program).write(to: path, format: format)
        }
        guard case .file(path: path, message: let message) = try #require(error) else {
            Issue.record("expected .file, got \(String(describing: error))")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test("ModelFileFormat(path:) follows the extension; raw values are the CLI's --format words")
    func formatFromPath() {
        #expect(ModelFileFormat.allCases.map(\.rawValue) == ["mps", "free-mps", "fixed-mps", "lp"])
        #expect(ModelFileFormat(path: "a/b/plan.mps") == .mps)
        #expect(ModelFileFormat(path: "PLAN.MPS") == .mps)
        #expect(ModelFileFormat(path: "x.lp") == .lp)
        #expect(ModelFileFormat(path: "x.txt") == nil)
        #expect(ModelFileFormat(path: "mps") == nil)
    }
}

extension LinearProgram {
    /// The program as an exported model file holds it: the objective constant moved into a column
    /// `objective_constant` fixed at 1 (nothing changes without a constant).
    func constantAsColumn() -> LinearProgram {
        guard objectiveConstant != 0 else { return self }
        var copy = self
        copy.objectiveConstant = 0
        copy.addVariable("objective_constant", bounds: .equal(to: 1), objective: objectiveConstant)
        return copy
    }
}
