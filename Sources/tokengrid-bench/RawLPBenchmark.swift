import Foundation
import LinearProgramming
import TokenGrid

/// Builds and solves a generated sparse LP (~100k variables, ~50k constraints): time to build the model in
/// Swift and load it into GLPK, against time inside GLPK.
enum RawLPBenchmark {
    static func run(_ arguments: BenchmarkArguments) {
        // A banded covering LP: 50k ≥ rows, 100k bounded columns, each column in 4 neighbouring rows.
        // (A random sparse pattern makes an LP GLPK needs an hour for; the band keeps the LU factors sparse, as in
        // the placement LP, where rows of one slice touch only that slice's columns.)
        let rows = 50_000, columns = 100_000
        var random = SplitMix64(seed: 7)
        let buildStart = Date()
        var program = LinearProgram(name: "generated", sense: .minimize)
        program.reserveCapacity(variables: columns, constraints: rows, entries: columns * 4)
        var rowTerms = [[(VariableID, Double)]](repeating: [], count: rows)
        for j in 0 ..< columns {
            let variable = program.addVariable("x\(j)", bounds: .between(0, random.uniform(5, 20)), objective: random.uniform(1, 10))
            let first = j / 2
            for offset in 0 ..< 4 { rowTerms[(first + offset) % rows].append((variable, random.uniform(0.5, 2))) }
        }
        for i in 0 ..< rows {
            // ≥ rows with a right-hand side well inside what the bounded columns can reach.
            let reach = rowTerms[i].reduce(0) { $0 + $1.1 * 5 }
            program.addConstraint("r\(i)", terms: rowTerms[i], bounds: .atLeast(0.3 * reach))
        }
        let modelSeconds = seconds(since: buildStart)
        let loadStart = Date()
        let problem = try! GLPKProblem(program)
        let loadSeconds = seconds(since: loadStart)
        let solution = try! problem.solve(SolverOptions(method: arguments.method == "primal" ? .primalSimplex : .dualSimplex))
        print("raw LP: \(rows) rows, \(columns) columns, \(program.entryCount) nonzeros")
        print("  build model (Swift) \(format(modelSeconds)) s; validate + load into GLPK \(format(loadSeconds)) s; GLPK solve \(format(solution.solveSeconds)) s (\(solution.status.rawValue), \(solution.iterations) iterations)")
        print("  build share of solve: \(format((modelSeconds + loadSeconds) / max(solution.solveSeconds, 1e-9) * 100)) %; peak memory \(format(peakMemoryMB())) MB")
    }
}
