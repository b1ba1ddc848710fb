import Foundation
import Testing

/// The output folder is replaced whole: a run killed at any moment leaves the old set or the new one, two runs into
/// one folder do not interleave, and a folder that cannot be written is reported in plain words.
@Suite struct OutputFolderTests {
    /// The folder's files all come from one run: status.csv's objective is plan.json's.
    static func isOneRunsSet(_ out: String) throws -> Bool {
        let status = try CLI.csv("\(out)/status.csv")
        let json = try CLI.json("\(out)/plan.json")
        let objective = (json["result"] as? [String: Any])?["objective_usd"] as? Double
        guard let text = status.first?["objective_usd"], let fromCSV = Double(text), let objective else { return false }
        return abs(fromCSV - objective) <= 1e-9 * abs(objective)
    }

    static func leftovers(of out: String) throws -> [String] {
        let parent = (out as NSString).deletingLastPathComponent, name = (out as NSString).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(".\(name).") }
    }

    /// Two runs with different discount rates start together into one folder: both succeed (the second waits for the
    /// first's write), and the folder then holds one run's complete set.
    @Test func twoRunsIntoOneFolderDoNotInterleave() throws {
        let out = try CLI.temporaryDirectory("together") + "/out"
        let runs = [0.05, 0.09].map { rate in
            CLI.start(["plan", "Plans/quickstart.yaml", "--out", out, "--quiet", "--set", "discount_rate=\(rate)"])
        }
        for run in runs {
            let process = try run.get()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(try Self.isOneRunsSet(out))
        #expect(try Self.leftovers(of: out).isEmpty)
    }

    /// Killed (SIGKILL or SIGTERM) at a range of moments while it overwrites an existing set, a run leaves a complete
    /// set every time: the old one or the new one. SIGTERM leaves no hidden files; SIGKILL's are cleaned by the next run.
    @Test func aKillAtAnyMomentLeavesAWholeSet() throws {
        let out = try CLI.temporaryDirectory("killed") + "/out"
        #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--out", out, "--quiet"]).status == 0)
        for (index, delay) in stride(from: 0.05, through: 0.6, by: 0.05).enumerated() {
            let signal = index % 2 == 0 ? SIGKILL : SIGTERM
            let process = try CLI.start(["plan", "Plans/quickstart.yaml", "--out", out, "--quiet", "--set", "discount_rate=0.0\(index % 9 + 1)"]).get()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(try Self.isOneRunsSet(out), "after \(signal == SIGKILL ? "SIGKILL" : "SIGTERM") at \(delay) s")
            if signal == SIGTERM {
                let left = try Self.leftovers(of: out)
                #expect(left.isEmpty, "SIGTERM at \(delay) s left \(left)")
            }
        }
        #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--out", out, "--quiet"]).status == 0)
        #expect(try Self.leftovers(of: out).isEmpty, "stale staging folders are removed by the next run")
    }

    /// A folder holding files TokenGrid did not write is not replaced.
    @Test func aFolderWithOtherFilesIsRefused() throws {
        let out = try CLI.temporaryDirectory("foreign")
        try "keep me".write(toFile: "\(out)/notes.txt", atomically: true, encoding: .utf8)
        let run = try CLI.run(["plan", "Plans/quickstart.yaml", "--out", out, "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("notes.txt") && run.stderr.contains("did not write"), "\(run.stderr)")
        #expect(try String(contentsOfFile: "\(out)/notes.txt", encoding: .utf8) == "keep me")
    }

    /// An output path below a regular file cannot be created: exit 1 and plain words with the path, no Cocoa error text.
    @Test func anUnwritableFolderIsReportedInPlainWords() throws {
        let folder = try CLI.temporaryDirectory("unwritable")
        try "".write(toFile: "\(folder)/file", atomically: true, encoding: .utf8)
        let run = try CLI.run(["plan", "Plans/quickstart.yaml", "--out", "\(folder)/file/out", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(folder)/file"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Error Domain"), "\(run.stderr)")
    }
}
