import CGLPK
import Foundation

/// What reading a model file found besides the problem: the format it was read in and the conventions applied.
public struct ModelFileReport: Sendable, Equatable {
    /// The format the file was read in: ``ModelFileFormat/freeMPS`` or ``ModelFileFormat/fixedMPS`` for an MPS
    /// file (auto-detection resolved), or ``ModelFileFormat/lp``.
    public var format: ModelFileFormat
    /// The right-hand side the file gives the objective row, when it gives one. The objective constant is its
    /// negative (the convention of HiGHS, CPLEX and Gurobi: the objective row reads `c·x − rhs`); glpsol reads it
    /// as `+rhs`, so glpsol's objective for such a file differs from this reader's by `2 × rhs`.
    public var objectiveRowRHS: Double?
    /// The sense an `OBJSENSE` section sets, when the file has one (GLPK's reader has no such section).
    public var objectiveSenseSection: ObjectiveSense?
    /// Sentences on the above and on GLPK's warnings, for printing.
    public var notes: [String]
}

extension GLPKProblem {
    /// Reads a problem from an MPS (free or fixed) or CPLEX LP file; see ``readReporting(from:format:)``.
    public static func read(from path: String, format: ModelFileFormat) throws -> GLPKProblem {
        try readReporting(from: path, format: format).problem
    }

    /// Reads a problem from a model file and says how it was read.
    ///
    /// - ``ModelFileFormat/mps`` tries free MPS, then fixed MPS when free fails (a Netlib file with blanks in its
    ///   names, or with an empty RHS set name, is fixed MPS).
    /// - MPS numbers are read as written (GLPK's reader would zero anything below 1e-12).
    /// - An `OBJSENSE` section (`MAX`, `MAXIMIZE`, `MIN`, `MINIMIZE`, on its own line or after the keyword) before
    ///   `ROWS` sets the sense; GLPK itself refuses such a file.
    /// - A right-hand side on the objective row becomes the objective constant `−rhs` (HiGHS/CPLEX/Gurobi); GLPK's
    ///   reader makes it `+rhs`, which is corrected here and reported in ``ModelFileReport/objectiveRowRHS``.
    /// - Every number must pass ``LinearProgram/validateNumbers()`` before the problem is returned, so nothing
    ///   GLPK would abort on reaches a solve.
    /// - Throws: ``LinearProgrammingError/file(path:message:)`` with GLPK's message (it names the line at fault) or
    ///   the check's (it names the row or column and the value).
    public static func readReporting(from path: String, format: ModelFileFormat) throws -> (problem: GLPKProblem, report: ModelFileReport) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw LinearProgrammingError.file(path: path, message: "no such file, or it cannot be read")
        }
        var notes: [String] = []
        var sense: ObjectiveSense?
        let problem: GLPKProblem, readFormat: ModelFileFormat
        if format == .lp {
            problem = try readWithGLPK(path, shownAs: path, format: .lp, notes: &notes)
            readFormat = .lp
        } else {
            let section = try MPSObjectiveSense.find(inFileAt: path)
            sense = section?.sense
            let copy = try section.map { try $0.copyWithoutSection(of: path) }
            defer { copy.map { try? FileManager.default.removeItem(atPath: $0) } }
            (problem, readFormat) = try readMPS(copy ?? path, shownAs: path, format: format, notes: &notes)
        }
        var report = ModelFileReport(format: readFormat, objectiveRowRHS: nil, objectiveSenseSection: sense, notes: notes)
        if let sense {
            glp_set_obj_dir(problem.pointer, sense == .maximize ? GLP_MAX : GLP_MIN)
            report.notes.append("OBJSENSE section: \(sense == .maximize ? "maximise" : "minimise") (glpsol cannot read this file)")
        }
        let rhs = glp_get_obj_coef(problem.pointer, 0)
        if readFormat.isMPS && rhs != 0 {
            // GLPK's reader stores the objective row's right-hand side as the constant +rhs; the convention is −rhs.
            glp_set_obj_coef(problem.pointer, 0, -rhs)
            report.objectiveRowRHS = rhs
            report.notes.append("the objective row has right-hand side \(rhs): read as objective constant \(-rhs) (HiGHS/CPLEX convention; glpsol reads \(rhs))")
        }
        do {
            try problem.program().validateNumbers()
        } catch let error as LinearProgrammingError {
            throw LinearProgrammingError.file(path: path, message: "\(error)")
        }
        return (problem, report)
    }

    /// Reads MPS in `format`, or for ``ModelFileFormat/mps`` free MPS and then fixed MPS.
    private static func readMPS(_ path: String, shownAs shown: String, format: ModelFileFormat,
                                notes: inout [String]) throws -> (GLPKProblem, ModelFileFormat) {
        guard format == .mps else { return (try readWithGLPK(path, shownAs: shown, format: format, notes: &notes), format) }
        do {
            return (try readWithGLPK(path, shownAs: shown, format: .freeMPS, notes: &notes), .freeMPS)
        } catch let LinearProgrammingError.file(_, freeMessage) {
            do {
                let problem = try readWithGLPK(path, shownAs: shown, format: .fixedMPS, notes: &notes)
                notes.insert("read as fixed MPS (as free MPS: \(freeMessage))", at: 0)
                return (problem, .fixedMPS)
            } catch let LinearProgrammingError.file(_, fixedMessage) {
                throw LinearProgrammingError.file(path: shown, message: "\(freeMessage) (as free MPS); \(fixedMessage) (as fixed MPS)")
            }
        }
    }

    /// One GLPK read; GLPK's messages name `path`, which is replaced by `shown` (the file the caller named).
    private static func readWithGLPK(_ path: String, shownAs shown: String, format: ModelFileFormat,
                                     notes: inout [String]) throws -> GLPKProblem {
        guard let pointer = glp_create_prob() else {
            throw LinearProgrammingError.solverFailure(code: -1, message: "glp_create_prob returned NULL")
        }
        let capture = TerminalCapture(echo: false)
        let code = capture.run { () -> Int32 in
            switch format {
            case .lp:
                return glp_read_lp(pointer, nil, path)
            case .mps, .freeMPS, .fixedMPS:
                var parameters = glp_mpscp()
                glp_init_mpscp(&parameters)
                parameters.tol_mps = 0 // keep every number as written
                return glp_read_mps(pointer, format == .fixedMPS ? GLP_MPS_DECK : GLP_MPS_FILE, &parameters, path)
            }
        }
        let lines = capture.text.split(separator: "\n").map { $0.replacingOccurrences(of: path, with: shown) }
        guard code == 0 else {
            glp_delete_prob(pointer)
            throw LinearProgrammingError.file(path: shown, message: lines.last?.trimmingCharacters(in: .whitespaces) ?? "cannot read")
        }
        notes += lines.filter { $0.contains("warning:") }
        return GLPKProblem(adopting: pointer)
    }
}

/// An `OBJSENSE` section before `ROWS` (a CPLEX extension of MPS that HiGHS and Gurobi share and GLPK lacks).
struct MPSObjectiveSense {
    /// The sense it sets.
    let sense: ObjectiveSense
    /// Its lines, 0-based.
    let lines: [Int]

    /// How much of a file's head is searched for the section (it stands before ROWS, right after NAME).
    static let headBytes = 1 << 20

    /// Looks for the section in the head of the file at `path`.
    /// - Throws: ``LinearProgrammingError/file(path:message:)`` for a section without a valid sense.
    static func find(inFileAt path: String) throws -> MPSObjectiveSense? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: headBytes)) ?? Data()
        return try find(in: String(decoding: head, as: UTF8.self), path: path)
    }

    /// Looks for the section in `text`, the head of a file.
    static func find(in text: String, path: String) throws -> MPSObjectiveSense? {
        var sectionLines: [Int] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("*") || fields.isEmpty { continue }
            let isIndicator = !(line.first == " " || line.first == "\t")
            if isIndicator {
                if !sectionLines.isEmpty || fields[0] == "ROWS" { break }
                guard fields[0].uppercased() == "OBJSENSE" else { continue }
                sectionLines.append(index)
                if fields.count > 1 { return try make(fields[1], lines: sectionLines, path: path) }
            } else if !sectionLines.isEmpty {
                sectionLines.append(index)
                return try make(fields[0], lines: sectionLines, path: path)
            }
        }
        if let first = sectionLines.first {
            throw LinearProgrammingError.file(path: path, message: "\(path):\(first + 1): OBJSENSE is not followed by MAX or MIN")
        }
        return nil
    }

    private static func make(_ word: Substring, lines: [Int], path: String) throws -> MPSObjectiveSense {
        switch word.uppercased() {
        case "MAX", "MAXIMIZE", "MAXIMISE": return MPSObjectiveSense(sense: .maximize, lines: lines)
        case "MIN", "MINIMIZE", "MINIMISE": return MPSObjectiveSense(sense: .minimize, lines: lines)
        default:
            throw LinearProgrammingError.file(path: path, message: "\(path):\(lines.last! + 1): OBJSENSE \(word): expected MAX or MIN")
        }
    }

    /// A temporary copy of the file in which the section's lines are comments (so GLPK reads it, and its messages
    /// keep the line numbers). The caller removes it.
    func copyWithoutSection(of path: String) throws -> String {
        guard var data = FileManager.default.contents(atPath: path) else {
            throw LinearProgrammingError.file(path: path, message: "cannot be read")
        }
        var line = 0, start = data.startIndex
        let newline = UInt8(ascii: "\n")
        var position = data.startIndex
        while position < data.endIndex, line <= lines.last! {
            if data[position] == newline {
                if lines.contains(line) { data[start] = UInt8(ascii: "*") }
                line += 1
                start = position + 1
            }
            position += 1
        }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("objsense-\(UUID().uuidString).mps").path
        guard FileManager.default.createFile(atPath: copy, contents: data) else {
            throw LinearProgrammingError.file(path: path, message: "cannot write a temporary copy to \(copy)")
        }
        return copy
    }
}
