import Foundation
import LinearProgramming
import TokenGrid

/// Builds and solves a generated placement plan of the chosen size, timing build, solve and result extraction,
/// and optionally glpsol on the same exported model.
enum PlacementBenchmark {
    static func run(_ arguments: BenchmarkArguments) {
        let scenario = arguments.scenario()
        if arguments.mode == "export" {
            // The whole LP only, for another solver, without solving it here first.
            let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
            guard let path = arguments.export else { return print("export needs --export file.mps") }
            do {
                try GLPKProblem(PlacementModel.build(data).program, names: false).write(to: path, format: .mps)
                print("\(scenario.plan.name): whole LP written to \(path)")
            } catch {
                print("could not write \(path): \(error)")
            }
            return
        }
        let start = Date()
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let projectSeconds = seconds(since: start)
        var options = PlacementOptions(solver: SolverOptions(method: arguments.method == "primal" ? .primalSimplex : .dualSimplex, presolve: arguments.presolve),
                                       strategy: arguments.strategy)
        options.threads = arguments.threads
        if ProcessInfo.processInfo.environment["TOKENGRID_BENCH_TRACE"] != nil {
            options.onIteration = { iteration, lower, upper in print("    Benders \(iteration): \(lower) … \(upper)") }
        }
        let result: PlacementResult
        do {
            result = try PlacementSolver.solve(data, options: options)
        } catch {
            print("placement \(scenario.plan.name): failed: \(error)")
            return
        }
        let writeStart = Date()
        let report = Report(scenario: scenario, demand: data.demand, result: result)
        let files = CSVReport.render(report)
        let json = try! JSONReport.render(report)
        let writeSeconds = seconds(since: writeStart)
        let total = seconds(since: start)
        let s = result.solver, t = result.timings
        print("placement \(scenario.plan.name) [\(s.method), \(arguments.threads) thread(s)]: \(s.rows) rows, \(s.columns) columns, \(s.nonzeros) nonzeros")
        print("  project \(format(projectSeconds)) s; build \(format(t.buildSeconds)) s; solve \(format(t.solveSeconds)) s (\(s.iterations) simplex iterations); check \(format(t.checkSeconds)) s; extract \(format(t.extractSeconds)) s; render \(files.count + 1) files \(format(writeSeconds)) s (\(json.count / 1024) KB JSON); end to end \(format(total)) s")
        print("  build + extract + render share of solve: \(format((t.buildSeconds + t.checkSeconds + t.extractSeconds + writeSeconds) / max(t.solveSeconds, 1e-9) * 100)) %; peak memory \(format(peakMemoryMB())) MB")
        print("  check: \(s.check?.summary ?? "none"); attempts: \(s.attempts.joined(separator: " | "))")
        print("  objective \(result.objectiveUSD / 1e6) M$; unserved \(format(result.metrics.unservedShare * 100)) %")
        if let path = arguments.export {
            do {
                try GLPKProblem(PlacementModel.build(data).program).write(to: path, format: .mps)
                print("  whole LP written to \(path)")
            } catch {
                print("  could not write \(path): \(error)")
            }
        }
        if arguments.glpsol {
            let model = PlacementModel.build(data)
            runGlpsol(try! GLPKProblem(model.program), name: scenario.plan.name, method: arguments.method)
        }
    }

    /// Times glpsol on the exported MPS. Its files go to a fresh temporary folder that is removed afterwards:
    /// glpsol replaces the file it writes rather than writing into it (`-o /dev/null` once turned the machine's
    /// /dev/null into a regular file), so it is never given a device path.
    static func runGlpsol(_ problem: GLPKProblem, name: String, method: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tokengrid-bench-glpsol-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("\(name).mps").path
        try! problem.write(to: path, format: .mps)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = ["--freemps", path, method == "primal" ? "--primal" : "--dual", "-o", folder.appendingPathComponent("\(name).txt").path]
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try! process.run()
        process.waitUntilExit()
        print("  glpsol --\(method == "primal" ? "primal" : "dual") on the exported MPS: \(format(seconds(since: start))) s wall (incl. reading the file)")
    }
}
