import ArgumentParser
import Dispatch
import Foundation
import LinearProgramming
import TokenGrid

/// `tokengrid sweep PLAN --vary path=lo:hi:steps ...`: many variants of one plan, warm-started, in parallel.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Solve many variants of a plan (a grid or Latin-hypercube samples over dotted fields) and rank what moves the cost per token.",
        discussion: """
        Writes sweep.csv (one row per scenario: the varied values, status, total discounted cost, token-weighted \
        cost per million tokens, unserved share, cost per million tokens per site and marginal cost per zone) and \
        sensitivity.md / sensitivity.html: which inputs move the total cost, the unserved share and the cost per \
        token most (tornados), a heatmap of each over a two-parameter grid, and where the largest site changes. \
        Each worker re-solves from the previous optimal basis. A failed scenario is recorded with its reason; \
        Ctrl-C stops and writes what is finished. --shard i/N runs a deterministic block of the scenarios; join \
        shard folders with `tokengrid sweep-merge`.

        Examples:
          tokengrid sweep Plans/us-grid-2030.yaml --jobs 2 \\
              --vary regions.pjm-northern-virginia.grid.price_usd_per_mwh=60:120:4 \\
              --vary zones.us-east.growth.rate_per_year=0.5:1.5:5
          tokengrid sweep Plans/us-grid-2030.yaml --samples 200 --seed 7 \\
              --vary discount_rate=0.04:0.12 \\
              --vary regions.ercot.grid.min_reserve_margin=0.1:0.3 --shard 3/8

        \(HelpText.exitCodes([(1, "invalid input, or an output folder that cannot be written"),
                              (130, "interrupted with Ctrl-C (what finished is written)")]))
        """
    )

    @OptionGroup var input: PlanInputOptions

    @Option(name: .customLong("vary"), help: ArgumentHelp("A field to vary: dotted path, low and high value, and grid steps (steps are ignored with --samples); repeatable.", valueName: "path=lo:hi:steps"))
    var vary: [String] = []

    @Option(help: "Draw this many Latin-hypercube samples over the ranges instead of a grid.")
    var samples: Int?

    @Option(help: "Seed for the samples (same seed, same samples, same results).")
    var seed: UInt64 = 1

    @Option(help: "Worker threads, each with its own GLPK problem.")
    var jobs: Int = 1

    @Option(help: "Run only block i of N of the scenarios (0-based), for batch systems.", transform: { $0 })
    var shard: String?

    @Option(help: "Folder for sweep.csv and the sensitivity report (default out/<plan-name>-sweep/).")
    var out: String?

    @OptionGroup(title: "Solver") var solving: PlacementFlags

    @Flag(name: .customLong("cold"), help: "Build and solve every scenario from scratch instead of warm-starting (for comparison).")
    var cold = false

    @Flag(help: "Print no progress.")
    var quiet = false

    func validate() throws {
        if vary.isEmpty { throw ValidationError("give at least one --vary path=lo:hi:steps") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1") }
        if let shard { _ = try parseShard(shard) }
    }

    func run() throws {
        let parameters = try vary.map { try SweepSpec.Parameter.parse($0, requireSteps: samples == nil) }
        let spec = SweepSpec(parameters: parameters, samples: samples, seed: seed)
        let scenario = try input.load(warnings: false)
        let total = spec.scenarios().count
        let range = try shard.map { text -> Range<Int> in
            let (index, count) = try parseShard(text)
            return SweepSpec.shard(index, of: count, total: total)
        } ?? 0 ..< total
        var runner = SweepRunner(planPath: input.plan, baseSets: input.sets, spec: spec, jobs: jobs, warmStart: !cold, options: solving.options())
        let stop = StopFlag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { stop.set() }
        source.resume()
        runner.isCancelled = { stop.isSet }
        let start = Date()
        let showProgress = !quiet && isatty(2) == 1
        runner.onProgress = { done, count in
            guard showProgress || done == count else { return }
            guard !quiet else { return }
            let elapsed = Date().timeIntervalSince(start)
            let rate = Double(done) / max(elapsed, 1e-9)
            printError(String(format: "\r%d/%d scenarios, %.1f/s, ETA %.0f s   ", done, count, rate, Double(count - done) / max(rate, 1e-9)) + (done == count ? "\n" : ""))
        }
        let table = try runner.run(indices: range)
        source.cancel()
        let directory = out ?? "out/\(scenario.plan.name)-sweep"
        let title = "\(scenario.plan.name) (\(parameters.map(\.path).joined(separator: ", ")))"
        let files = [("sweep.csv", table.csv()), ("sensitivity.md", SensitivityReport.markdown(table, title: title)),
                     ("sensitivity.html", SensitivityReport.html(table, title: title)), ("sweep-timings.csv", table.timingsCSV())]
        try writeOutputFolder(directory, files.map { ($0.0, Data($0.1.utf8)) })
        let failed = table.rows.filter { $0.status != "optimal" }.count
        let seconds = Date().timeIntervalSince(start)
        print("sweep \(scenario.plan.name): \(table.rows.count) of \(range.count) scenarios in \(NumberFormat.fixed(seconds, 2)) s (\(NumberFormat.fixed(seconds / Double(max(table.rows.count, 1)) * 1000, 1)) ms each, \(jobs) job(s), \(cold ? "cold" : "warm-started")), \(failed) failed")
        print("wrote \(directory)/sweep.csv, sensitivity.md, sensitivity.html, sweep-timings.csv")
        if stop.isSet {
            printError("interrupted: \(table.interruptedCount) scenario(s) not run, marked \"interrupted\" in every output")
            throw ExitCode(130)
        }
    }

    private func parseShard(_ text: String) throws -> (Int, Int) {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (0 ..< parts[1]).contains(parts[0]) else { throw ValidationError(SweepError.badShard(text).description) }
        return (parts[0], parts[1])
    }
}

/// Set once by the Ctrl-C handler, read by the workers between scenarios.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
