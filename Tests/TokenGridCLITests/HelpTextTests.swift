import Foundation
import Testing

/// Every command's help can be copied from: examples stay whole on an 80-column terminal, the files they name exist,
/// the plans they run validate with their overrides, and every exit code is listed.
@Suite struct HelpTextTests {
    static let commands = ["plan", "validate", "demand", "export", "regions", "sweep", "sweep-merge", "compare", "solve-lp"]

    /// The example commands of a help text, continuation lines joined.
    static func examples(_ help: String) -> [String] {
        var commands: [String] = [], current = "", inExamples = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Example") { inExamples = true; continue }
            guard inExamples else { continue }
            if line.isEmpty { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            current += (current.isEmpty ? "" : " ") + (text.hasSuffix("\\") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text)
            if !text.hasSuffix("\\") { commands.append(current); current = "" }
        }
        return commands
    }

    @Test(arguments: commands) func examplesAreWholeAndRun(command: String) throws {
        let help = try CLI.run([command, "--help"])
        #expect(help.status == 0)
        let block = help.stdout.components(separatedBy: "Example").dropFirst().first ?? ""
        for line in block.split(separator: "\n").prefix { !$0.hasPrefix("Exit codes") } where line.hasPrefix(" ") {
            #expect(line.count <= 80, "\(command): \(line)")
            #expect(line.hasPrefix("  tokengrid") || line.hasPrefix("  scripts/") || line.hasPrefix("  glpsol") || line.hasPrefix("      "),
                    "\(command): a re-wrapped line: \(line)")
        }
        let examples = Self.examples(help.stdout)
        #expect(!examples.isEmpty, "\(command) has no example")
        for example in examples where example.hasPrefix("tokengrid ") {
            let words = example.split(separator: " ").map(String.init)
            for word in words where (word.hasSuffix(".yaml") || word.hasSuffix(".mps")) && !word.hasPrefix("/tmp") {
                #expect(FileManager.default.fileExists(atPath: "\(CLI.repository)/\(word)"), "\(command): \(word) does not exist")
            }
            // A plan with its overrides (and the low end of each varied range) validates.
            guard let plan = words.first(where: { $0.hasPrefix("Plans/") }) else { continue }
            var sets: [String] = []
            for (index, word) in words.enumerated() where index + 1 < words.count && (word == "--set" || word == "--vary") {
                let value = words[index + 1]
                sets += ["--set", word == "--set" ? value : String(value.prefix { $0 != ":" })]
            }
            let validate = try CLI.run(["validate", plan] + sets)
            #expect(validate.status == 0, "\(command): \(example): \(validate.stderr)")
        }
        #expect(help.stdout.contains("Exit codes:") && help.stdout.contains("  0   success") && help.stdout.contains("  64  command-line usage error"))
    }

    /// The parser's usage errors exit 64, as documented.
    @Test func usageErrorsExit64() throws {
        #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--no-such-flag"]).status == 64)
        #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--format", "md,pdf"]).status == 64)
        #expect(try CLI.run(["compare", "only-one"]).status == 64)
        let top = try CLI.run(["--help"])
        for code in ["0 ", "1 ", "2 ", "3 ", "64 ", "130 "] { #expect(top.stdout.contains("  \(code)"), "exit code \(code)") }
    }
}
