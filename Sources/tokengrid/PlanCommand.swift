import ArgumentParser
import Foundation
import LinearProgramming
import TokenGrid

/// `tokengrid plan PLAN`: validate, project demand, solve the placement LP and write the reports.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Solve a plan: where to build compute, when, and what a token costs at each site.",
        discussion: """
        Validates the plan, projects demand, solves the placement LP with GLPK and writes the report set into \
        --out (default out/<plan-name>/): report.md, report.html, CSV files and plan.json. The whole file set is \
        written into a hidden sibling folder and swapped in at once, so a failed or killed run leaves the folder as \
        it was; a second run into the same folder waits for the first. Timings go to the terminal and to \
        timings.csv, never into the reports. dispatch.csv (per site, year and slice) comes with the csv format \
        while it would be at most about 50 MB; --dispatch writes it whatever its size.

        The terminal summary and the reports give the total discounted cost without the penalty on unserved \
        tokens, and the penalty on its own.

        Examples:
          tokengrid plan Plans/quickstart.yaml --out out/quickstart --format md,html
          tokengrid plan Plans/us-grid-2030.yaml --dispatch
          tokengrid plan Plans/us-grid-2030.yaml --method dual --time-limit 600 \\
              --set discount_rate=0.06 --out out/us-grid-6pc

        \(HelpText.exitCodes([
            (1, "invalid input, or an output folder that cannot be written"),
            (2, "infeasible, or more unserved than --max-unserved (reports written)"),
            (3, "solver stopped without an optimum, or none passed the check"),
        ]))
        """
    )

    @OptionGroup var input: PlanInputOptions

    @Option(help: "Folder for the reports (default out/<plan-name>/).")
    var out: String?

    @Option(help: "Comma-separated report formats.")
    var format: ReportFormatList = .all

    @OptionGroup(title: "Solver") var solving: PlacementFlags

    @Option(name: .customLong("max-unserved"), help: "Largest acceptable share of demand left unserved over the horizon, as a fraction (exit 2 above it).")
    var maxUnserved: Double = 1

    @Flag(help: "Print no progress.")
    var quiet = false

    @Flag(help: "Print progress and GLPK's output even when stderr is not a terminal.")
    var verbose = false

    @Flag(help: "Write dispatch.csv (every site, year and slice) whatever its size and --format; without it, it comes with the csv format when it would be at most about 50 MB.")
    var dispatch = false

    @Flag(help: "Put the run's date and time into the reports (off by default so that reports are reproducible).")
    var stamp = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
        if !(0 ... 1).contains(maxUnserved) { throw ValidationError("--max-unserved must be a fraction from 0 to 1") }
    }

    func run() throws {
        let progress = Progress(enabled: verbose || (!quiet && isatty(2) == 1))
        progress.phase("load \(input.plan)")
        let scenario = try input.load(warnings: !quiet)
        progress.phase("project demand for \(scenario.plan.zones.count) zones")
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        progress.phase("build and solve the placement LP")
        let result: PlacementResult
        do {
            var placementOptions = solving.options(verbose: verbose)
            if progress.enabled {
                placementOptions.onAttempt = { line in progress.phase("check: \(line)") }
                placementOptions.onIteration = { iteration, lower, upper in
                    progress.phase("Benders iteration \(iteration): bounds \(lower) … \(upper) M$, gap \(NumberFormat.percent((upper - lower) / max(1e-9, abs(upper))))")
                }
            }
            result = try PlacementSolver.solve(data, options: placementOptions)
        } catch let failure as PlacementSolver.Failure {
            printError("error: \(failure)")
            switch failure {
            case .infeasible: throw ExitCode(2)
            case .solverStopped, .unverified: throw ExitCode(3)
            }
        } catch let error as LinearProgrammingError {
            printError("error: \(error)")
            throw ExitCode(3)
        }
        let t = result.timings
        progress.phase("solved: \(result.solver.rows) rows, \(result.solver.columns) columns, \(result.solver.iterations) iterations; build \(NumberFormat.fixed(t.buildSeconds, 2)) s, solve \(NumberFormat.fixed(t.solveSeconds, 2)) s, check \(NumberFormat.fixed(t.checkSeconds, 3)) s; \(result.solver.check?.summary ?? "")")
        let directory = out ?? "out/\(scenario.plan.name)"
        let formats = format.formats
        let report = Report(scenario: scenario, demand: data.demand, result: result, stampedAt: stamp ? Date() : nil)
        let policy: DispatchPolicy = dispatch ? .always : .automatic
        progress.phase("write \(directory)")
        let written: [String]
        do {
            written = try ReportWriter.write(report, formats: formats, to: directory, dispatch: policy) {
                printError("waiting: another tokengrid run is writing \(directory)")
            }
        } catch let error as OutputFolder.WriteError {
            printError("error: \(error); nothing was written")
            throw ExitCode(1)
        }
        if policy.leavesOut(result.dispatch, formats: formats) {
            printError("note: dispatch.csv left out: \(result.dispatch.rowCount) rows, about \(DispatchPolicy.estimatedBytes(result.dispatch) / 1_000_000) MB (over \(DispatchPolicy.automaticMaxBytes / 1_000_000) MB); add --dispatch to write it")
        }
        print(ReportSummary.text(report))
        print("reports: \(written.map { (directory as NSString).appendingPathComponent($0) }.joined(separator: ", "))")
        let unservedShare = result.metrics.unservedShare
        if unservedShare > maxUnserved + 1e-12 {
            printError("error: \(String(format: "%.1f", unservedShare * 100))% of demand is unserved, above --max-unserved \(maxUnserved)")
            throw ExitCode(2)
        }
    }
}

/// Phase messages on stderr, with elapsed time.
final class Progress: @unchecked Sendable {
    let enabled: Bool
    let start = Date()
    init(enabled: Bool) { self.enabled = enabled }
    func phase(_ text: String) {
        guard enabled else { return }
        printError(String(format: "[%6.2fs] ", Date().timeIntervalSince(start)) + text)
    }
}
