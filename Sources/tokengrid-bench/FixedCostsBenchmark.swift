import Foundation
import LinearProgramming
import TokenGrid

/// The fixed costs of one solve outside the LP solver, on a generated plan, without solving: the placement data from
/// the scenario and its demand projection, the full LP built without names, and results from a solution (made up:
/// every column at some value; extraction reads every column and row either way).
///
///     swift run -c release tokengrid-bench fixed-costs [--variants 20] [--sites 40] [--years 6] [--slices seasons4x24] [--zones 10]
///
/// Each phase is repeated `--variants` times; the mean is printed in ms (the data's first build separately: later ones
/// find the capacity-factor series worked out already, as a sweep's variants do).
enum FixedCostsBenchmark {
    static func run(_ arguments: BenchmarkArguments) {
        let scenario = arguments.scenario(), repeats = max(2, arguments.variants)
        func data() -> PlacementData { PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario)) }
        var start = Date()
        var placement = data()
        let firstData = seconds(since: start)
        start = Date()
        for _ in 1 ..< repeats { placement = data() }
        let dataMean = seconds(since: start) / Double(repeats - 1)
        start = Date()
        var model = PlacementModel.build(placement, names: false)
        for _ in 1 ..< repeats { model = PlacementModel.build(placement, names: false) }
        let buildMean = seconds(since: start) / Double(repeats)
        let program = model.program
        let x = (0 ..< program.variableCount).map { Double($0 % 1013) / 7 }
        let solution = Solution(status: .optimal, objective: program.objectiveValue(at: x), variableValues: x,
                                reducedCosts: Array(repeating: 0, count: program.variableCount),
                                constraintActivities: (0 ..< program.constraintCount).map { program.activity(of: ConstraintID($0), at: x) },
                                constraintDuals: Array(repeating: -0.5, count: program.constraintCount), iterations: 0, solveSeconds: 0, method: .dualSimplex)
        let statistics = PlacementResult.SolverStatistics(rows: program.constraintCount, columns: program.variableCount,
                                                          nonzeros: program.entryCount, iterations: 0, method: "none")
        start = Date()
        var sites = 0
        for _ in 0 ..< repeats { sites += model.results(from: solution, statistics: statistics).sites.count }
        let extractMean = seconds(since: start) / Double(repeats)
        print("fixed costs \(scenario.plan.name) (\(program.constraintCount) rows, \(program.variableCount) columns), mean of \(repeats): data \(ms(dataMean)) ms (first \(ms(firstData)) ms), build \(ms(buildMean)) ms, extract \(ms(extractMean)) ms")
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
}
