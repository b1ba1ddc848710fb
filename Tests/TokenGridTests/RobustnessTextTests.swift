import Foundation
import Testing
@testable import TokenGrid

/// Ids and text: length limits with located errors, and messages that quote only a short, single-line excerpt.
@Suite("Robustness: ids and text")
struct RobustnessTextTests {
    typealias Fix = InputFixtures

    /// Ids of up to 64 characters are fine; 65 is an error at the id (long ids once reached the solver's names).
    @Test func idLengthLimit() throws {
        let workspace = try InputWorkspace()
        let longest = String(repeating: "z", count: InputLimits.maximumIDLength)
        #expect(try workspace.load(plan: Fix.plan.edited("- id: z\n", "- id: \(longest)\n")).plan.zones.first?.id == longest)
        let plan = Fix.plan.edited("- id: z\n", "- id: \(longest)z\n")
        let error = try workspace.loadError(plan: plan)
        let diagnostic = try #require(error.errors.first { $0.message.contains("longer than the limit of 64") }, "\(error)")
        #expect(diagnostic.line == TestSupport.line(of: "- id: zz", in: plan) && diagnostic.column == 9, "\(diagnostic)")
        #expect(diagnostic.message == "an id of 65 characters is longer than the limit of 64 characters")
        #expect(diagnostic.fieldPath.count < 100, "the path quotes the id in full: \(diagnostic.fieldPath)")
    }

    /// Text fields hold at most 1,000 characters, the description 10,000; the error says how long the text is.
    @Test func textLengthLimits() throws {
        let workspace = try InputWorkspace()
        let long = String(repeating: "n", count: InputLimits.maximumTextLength + 1)
        let error = try workspace.loadError(plan: Fix.plan.edited("name: \"Zone Z\"", "name: \"\(long)\""))
        expectError(error, fieldPath: "zones[z].name", file: workspace.planPath, line: TestSupport.line(of: "name: \"Zone Z\"", in: Fix.plan), column: 11,
                    containing: ["a text of 1001 characters is longer than the limit of 1000 characters"])
        let description = String(repeating: "d", count: InputLimits.maximumTextLength + 1)
        #expect(try workspace.load(plan: Fix.plan.edited("A small plan for tests", description)).plan.description == description)
        let tooLong = try workspace.loadError(plan: Fix.plan.edited("A small plan for tests", String(repeating: "d", count: InputLimits.maximumDescriptionLength + 1)))
        #expect(tooLong.errors(at: "description").first?.message.contains("limit of 10000 characters") == true, "\(tooLong)")
    }

    /// Control characters in a value are escaped in the message: a newline cannot start a fake diagnostic line.
    @Test func controlCharactersAreEscaped() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(plan: Fix.plan.edited("input_share: 0.8", #"input_share: "x\nPlans/evil.yaml:1:1: error: \u001b[2J""#))
        let diagnostic = try #require(error.errors(at: "model_mix.input_share").first)
        #expect(!diagnostic.description.contains("\n") && !diagnostic.description.contains("\u{1B}"), "\(diagnostic)")
        #expect(diagnostic.description.contains("\\u{A}"), "\(diagnostic)")
    }

    /// Values quoted in messages are cut to 40 characters with their length.
    @Test func longValuesAreExcerpted() throws {
        let workspace = try InputWorkspace()
        let word = String(repeating: "w", count: 5_000)
        let error = try workspace.loadError(plan: Fix.plan.edited("input_share: 0.8", "input_share: \(word)"))
        let diagnostic = try #require(error.errors(at: "model_mix.input_share").first)
        #expect(diagnostic.message == "expected a number in fraction, found '\(String(repeating: "w", count: 40))… (5000 characters)'", "\(diagnostic)")
    }

    /// The did-you-mean search is skipped for keys too long to be typos, and still works for short ones.
    @Test func hintSearchIsBounded() {
        #expect(YAMLField.closest(to: "discount_rat", in: PlanReader.keys) == "discount_rate")
        #expect(YAMLField.closest(to: String(repeating: "d", count: 100_000), in: PlanReader.keys) == nil)
        #expect(YAMLField.closest(to: "name", in: (0 ..< 1_000).map { "n\($0)" }) == nil)
    }
}
