import Foundation
import LinearProgramming
import TokenGrid

// tokengrid-bench: build and solve generated LPs and placement plans, timing each phase.
// Run with `swift run -c release tokengrid-bench [lp|placement|export|sweep|decomposed-sweep|fixed-costs|all] [options]`; see BenchmarkArguments.
let arguments = BenchmarkArguments(CommandLine.arguments.dropFirst())
switch arguments.mode {
case "lp": RawLPBenchmark.run(arguments)
case "placement", "export": PlacementBenchmark.run(arguments)
case "sweep": SweepBenchmark.run(arguments)
case "decomposed-sweep": DecomposedSweepBenchmark.run(arguments)
case "fixed-costs": FixedCostsBenchmark.run(arguments)
default:
    RawLPBenchmark.run(arguments)
    PlacementBenchmark.run(arguments)
    SweepBenchmark.run(arguments)
}
