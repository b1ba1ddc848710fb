import Foundation
import LinearProgramming
import TokenGrid

/// Builds and solves a generated placement plan of the chosen size, timing build, solve and result extraction,
/// and optionally glpsol on the same exported model.
enum PlacementBenchmark {
    static func run(_ arguments: BenchmarkArguments) {
        let scenario = SyntheticScenario.make(sites: arguments.sites, years: arguments.years, slices: arguments.slices,
                                              zones: arguments.zones, sitesPerZone: arguments.sitesPerZone)
        let projectStart = Date()
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let projectSeconds = seconds(since: projectStart)
        let buildStart = Date()
        let model = PlacementModel.build(data)
        let problem = try! GLPKProblem(model.program)
        let buildSeconds = seconds(since: buildStart)
        let options = SolverOptions(method: arguments.method == "primal" ? .primalSimplex : (arguments.method == "interior" ? .interiorPoint : .dualSimplex))
        let solution = try! problem.solve(options)
        let extractStart = Date()
        let statistics = PlacementResult.SolverStatistics(rows: model.program.constraintCount, columns: model.program.variableCount,
                                                          nonzeros: model.program.entryCount, iterations: solution.iterations, method: options.method.rawValue,
                                                          buildSeconds: buildSeconds, solveSeconds: solution.solveSeconds, extractSeconds: 0)
        let result = model.results(from: solution, statistics: statistics)
        let report = Report(scenario: scenario, demand: data.demand, result: result)
        let files = CSVReport.render(report)
        let json = try! JSONReport.render(report)
        let extractSeconds = seconds(since: extractStart)
        print("placement \(scenario.plan.name): \(model.program.constraintCount) rows, \(model.program.variableCount) columns, \(model.program.entryCount) nonzeros")
        print("  project demand \(format(projectSeconds)) s; build LP + load \(format(buildSeconds)) s; GLPK \(options.method.rawValue) \(format(solution.solveSeconds)) s (\(solution.status.rawValue), \(solution.iterations) iterations); extract + render \(files.count + 1) files \(format(extractSeconds)) s (\(json.count / 1024) KB JSON)")
        print("  build + extract share of solve: \(format((buildSeconds + extractSeconds) / max(solution.solveSeconds, 1e-9) * 100)) %; peak memory \(format(peakMemoryMB())) MB")
        print("  objective \(solution.objective) M$; unserved \(format(result.totalUnservedTokens / max(1, result.zones.reduce(0) { $0 + $1.demandTokens }) * 100)) %")
        if arguments.glpsol { runGlpsol(problem, name: scenario.plan.name, method: arguments.method) }
    }

    static func runGlpsol(_ problem: GLPKProblem, name: String, method: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).mps").path
        try! problem.write(to: path, format: .mps)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = ["--freemps", path, method == "primal" ? "--primal" : "--dual", "-o", "/dev/null"]
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try! process.run()
        process.waitUntilExit()
        print("  glpsol --\(method == "primal" ? "primal" : "dual") on the exported MPS: \(format(seconds(since: start))) s wall (incl. reading the file)")
    }
}
