import Foundation
import Testing
@testable import TokenGrid
import Yams

/// YAML documents that once hung or exhausted memory, and syntax errors: each is a located error, found fast.
@Suite("Robustness: YAML limits and syntax")
struct RobustnessYAMLTests {
    typealias Fix = InputFixtures

    /// The billion laughs: `levels` anchors of `width` aliases each, the last one used as `use` (a YAML line).
    static func aliasBomb(levels: Int = 9, width: Int = 10, use: (String) -> String) -> String {
        var lines = ["a0: &a0 [\(Array(repeating: "lol", count: width).joined(separator: ", "))]"]
        for level in 1 ..< levels {
            lines.append("a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n") + "\n" + use("*a\(levels - 1)") + "\n"
    }

    /// 10^9 nodes from 474 bytes used as a mapping key once hung `validate` (Yams hashes keys in full): now one error
    /// at the alias that crosses the limit, before anything is composed.
    @Test(arguments: ["? %@\n: 1", "bomb: {%@: 1}", "description: %@"])
    func aliasBombIsRejectedAtTheAlias(use: String) throws {
        let workspace = try InputWorkspace()
        let bomb = Self.aliasBomb { use.replacingOccurrences(of: "%@", with: $0) }
        let error = try workspace.loadError(plan: bomb + Fix.plan.edited("description: \"A small plan for tests\"\n", ""))
        let diagnostic = try #require(error.errors.first)
        #expect(error.errors.count == 1, "\(error)")
        #expect(diagnostic.message.contains("expands to more than \(InputLimits.maximumNodes) values"), "\(diagnostic)")
        // a0 … a5 hold 1.2 million nodes; the first alias in a6 (line 7) adds 1.1 million more and crosses the limit.
        #expect(diagnostic.line == 7 && diagnostic.column == 10, "\(diagnostic)")
    }

    /// A few small aliases are fine (YAML allows them; the shipped files use none).
    @Test func smallAliasesStillWork() throws {
        let plan = Fix.plan.edited("regions: [alpha, beta]", "regions: &sites [alpha, beta]").edited("served_by: {sites: [alpha, beta]}", "served_by: {sites: *sites}")
        let scenario = try InputWorkspace().load(plan: plan)
        #expect(scenario.sites(serving: scenario.plan.zones[0]).map(\.id) == ["alpha", "beta"])
    }

    @Test func tooManyAliases() throws {
        let workspace = try InputWorkspace()
        let many = "x: &x 1\nmany: [" + Array(repeating: "*x", count: InputLimits.maximumAliases + 1).joined(separator: ", ") + "]\n"
        let error = try workspace.loadError(plan: many + Fix.plan)
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.message.contains("more than \(InputLimits.maximumAliases) aliases"), "\(diagnostic)")
        #expect(diagnostic.line == 2)
    }

    /// Nesting deeper than the limit (100,000 levels once risked the stack): an error at the level that crosses it.
    @Test(arguments: [InputLimits.maximumDepth + 1, 100_000])
    func deepNesting(depth: Int) throws {
        let workspace = try InputWorkspace()
        let nested = "description: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let error = try workspace.loadError(plan: Fix.plan.edited("description: \"A small plan for tests\"\n", nested))
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.message.contains("nested more than \(InputLimits.maximumDepth) levels deep"), "\(diagnostic)")
        // The top-level mapping is the first level, `[` number 64 (column 13 + 64) the first too many. Far deeper,
        // libyaml's scanner, looking ahead, meets its own limit of 1,000 first: the same message, at libyaml's position.
        #expect(diagnostic.line == 2 && diagnostic.column != nil, "\(diagnostic)")
        if depth <= 1000 { #expect(diagnostic.column == 13 + InputLimits.maximumDepth, "\(diagnostic)") }
    }

    /// A 10 MB scalar (ids of that size once ended in allocation failures) is refused by the YAML pass, located.
    @Test func hugeScalar() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("name: test-plan", "name: " + String(repeating: "h", count: 10_000_000))
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "", file: workspace.planPath, line: 1, column: 7, containing: ["10000000 bytes is longer than the limit"])
    }

    @Test func fileLargerThanTheLimit() throws {
        let workspace = try InputWorkspace()
        let padding = "# " + String(repeating: "x", count: InputLimits.maximumFileBytes) + "\n"
        let error = try workspace.loadError(plan: Fix.plan + padding)
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.message.contains("larger than 16 MB"), "\(diagnostic)")
        #expect(error.errors.count == 1)
    }

    /// Syntax errors say where and what, never the text: the offending line's content does not appear.
    @Test func syntaxErrorQuotesNothing() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("description: \"A small plan for tests\"", "description: secret-token-42: value: other")
        let error = try workspace.loadError(plan: plan)
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.line == 2 && diagnostic.column != nil)
        #expect(!diagnostic.description.contains("secret-token-42"), "\(diagnostic)")
        #expect(!diagnostic.description.contains("\n"))
    }

    /// A control character is a YAML reader error: located by its byte offset, and the text is not quoted.
    @Test func controlCharacterIsLocated() throws {
        let workspace = try InputWorkspace()
        let plan = Fix.plan.edited("name: test-plan", "name: test\u{07}-plan")
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "", file: workspace.planPath, line: 1, column: 11, containing: ["YAML syntax", "control characters", "0x7"])
        #expect(error.errors.allSatisfy { !$0.message.contains("test") }, "\(error)")
    }

    /// Bytes that are not UTF-8: located at the first of them.
    @Test func notUTF8IsLocated() throws {
        let workspace = try InputWorkspace()
        let path = try workspace.writePlan("")
        var bytes = Array(Fix.plan.utf8)
        bytes.insert(0xFF, at: Array(Fix.plan.utf8).firstIndex(of: UInt8(ascii: "t"))!)   // line 1, column 7: "name: \u{FF}test-plan"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: InputError.self) { try PlanLoader.load(planAt: path) }
        expectError(error, fieldPath: "", file: path, line: 1, column: 7, containing: ["is not UTF-8 text"])
    }

    /// Two documents in one file: a located error.
    @Test func secondDocument() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(plan: Fix.plan + "---\nname: other\n")
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.message.contains("YAML syntax") && diagnostic.line != nil, "\(diagnostic)")
    }

    /// An undefined alias is a located composer error.
    @Test func undefinedAlias() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(plan: Fix.plan.edited("regions: [alpha, beta]", "regions: *nowhere"))
        expectError(error, fieldPath: "", file: workspace.planPath, line: 6, column: 10, containing: ["YAML syntax", "undefined alias"])
    }

    /// A `--set` value goes through the same limits as a file.
    @Test func setValueHasTheSameLimits() throws {
        let workspace = try InputWorkspace()
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        let error = try workspace.loadError(sets: ["description=\(deep)"])
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.file == "command line" && diagnostic.message.contains("cannot read the value"), "\(diagnostic)")
    }
}

/// The composer makes Yams marks by layout (Yams keeps `Mark`'s initializer internal): a Yams release that changed
/// `Mark` must fail here, not misplace every error.
@Test("a composed Yams mark reads back its line and column") func composedMarkLayout() {
    let mark = YAMLComposer.mark(line: 12_345, column: 678)
    #expect(mark.line == 12_345 && mark.column == 678)
    #expect(MemoryLayout<Yams.Mark>.size == MemoryLayout<(Int, Int)>.size)
}
