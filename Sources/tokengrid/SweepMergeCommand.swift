import ArgumentParser
import Foundation
import TokenGrid

/// `tokengrid sweep-merge DIR...`: join the outputs of sweep shards into one sweep.csv and sensitivity report.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep-merge",
        abstract: "Join sweep shard folders (each with a sweep.csv) into one sweep.csv and sensitivity report.",
        discussion: """
        Checks that the shards come from one sweep (same columns) and that no scenario appears twice; reports \
        scenarios missing from the merged set.

        Example:
          tokengrid sweep-merge out/shard-0 out/shard-1 out/shard-2 \\
              --out out/us-grid-sweep --total 200

        \(HelpText.exitCodes([(1, "a shard that cannot be read or does not fit the others"),
                              (2, "scenarios missing (with --total)")]))
        """
    )

    @Argument(help: "Shard folders (or sweep.csv files).")
    var shards: [String]

    @Option(help: "Folder for the merged sweep.csv and sensitivity report.")
    var out: String

    @Option(help: "Number of scenarios in the whole sweep, to list any that are missing.")
    var total: Int?

    func run() throws {
        var tables: [(file: String, table: SweepTable)] = []
        for shard in shards {
            let file = shard.hasSuffix(".csv") ? shard : (shard as NSString).appendingPathComponent("sweep.csv")
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                printError("error: cannot read \(file)")
                throw ExitCode(1)
            }
            do { tables.append((file, try SweepTable.parse(text, file: file))) } catch {
                printError("error: \(error)")
                throw ExitCode(1)
            }
        }
        let merged: SweepTable
        do { merged = try SweepTable.merge(tables) } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        let title = "merged sweep (\(merged.parameters.joined(separator: ", ")))"
        let files = [("sweep.csv", merged.csv()), ("sensitivity.md", SensitivityReport.markdown(merged, title: title)),
                     ("sensitivity.html", SensitivityReport.html(merged, title: title))]
        try writeOutputFolder(out, files.map { ($0.0, Data($0.1.utf8)) })
        print("merged \(tables.count) shard(s): \(merged.rows.count) scenarios into \(out)/sweep.csv")
        if let total {
            let present = Set(merged.rows.map(\.index))
            let missing = (0 ..< total).filter { !present.contains($0) }
            if !missing.isEmpty {
                printError("warning: \(missing.count) scenario(s) missing, e.g. \(missing.prefix(10).map(String.init).joined(separator: ", "))")
                throw ExitCode(2)
            }
        }
    }
}
