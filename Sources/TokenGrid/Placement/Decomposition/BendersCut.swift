import LinearProgramming

/// A Benders optimality cut for one block, θ ≥ constant + Σ_k gradient_k × linking_k, from multipliers of the
/// block LP's rows.
///
/// For any multipliers y of the rows L ≤ A z + B x ≤ U of the block LP min c·z (bounds l ≤ z ≤ u, linking columns x
/// fixed), weak duality gives the Lagrangian bound
///
///   Q(x) ≥ Σ_i (y_i > 0 ? y_i L_i : y_i U_i) + Σ_j min(d_j l_j, d_j u_j) + Σ_k g_k x_k,   d = c − Aᵀy,  g = −Bᵀy,
///
/// valid whatever the data, as long as every term is finite. So a cut found for one variant of a plan can be
/// re-evaluated, exactly, against the next variant's block LP: that is how sweeps start each decomposition warm.
struct BendersCut: Sendable {
    var constant: Double
    var gradient: [Double]

    /// The cut `multipliers` (one per row of `program`) give against `program`, whose `linking` columns are the fixed
    /// ones. `impliedUpper` gives columns an upper bound their rows imply (a valid stand-in in the Lagrangian, where the
    /// rows are relaxed); nil when the bound is −∞ (a multiplier pushes on a missing bound).
    init?(multipliers: [Double], program: LinearProgram, linking: [VariableID], impliedUpper: [Int: Double] = [:]) {
        guard multipliers.count == program.constraintCount else { return nil }
        var reduced = program.objectiveCoefficients, scale = program.objectiveCoefficients.map { 1 + abs($0) }
        var constant = program.objectiveConstant
        for i in 0 ..< program.constraintCount {
            let y = multipliers[i]
            guard y != 0 else { continue }
            let bounds = program.constraintBounds[i]
            let bound = y > 0 ? bounds.lower : bounds.upper
            guard bound.isFinite else { return nil }
            constant += y * bound
            for k in program.rowStarts[i] ..< program.rowStarts[i + 1] {
                let j = Int(program.entryColumns[k])
                reduced[j] -= program.entryValues[k] * y
                scale[j] += abs(program.entryValues[k] * y)
            }
        }
        var isLinking = [Bool](repeating: false, count: program.variableCount)
        for column in linking { isLinking[column.index] = true }
        for j in 0 ..< program.variableCount where !isLinking[j] {
            let d = reduced[j], bounds = program.variableBounds[j]
            if d > 0 {
                if bounds.lower.isFinite { constant += d * bounds.lower } else { return nil }
            } else if d < 0 {
                let upper = min(bounds.upper, impliedUpper[j] ?? .infinity)
                if upper.isFinite {
                    constant += d * upper
                } else if -d > 1e-9 * scale[j] {
                    return nil
                }
                // (A reduced cost within rounding of zero is taken as zero.)
            }
        }
        self.constant = constant
        gradient = linking.map { reduced[$0.index] }
    }

    init(constant: Double, gradient: [Double]) {
        self.constant = constant
        self.gradient = gradient
    }

    /// The cut from one solve: θ ≥ Q + g·(x − x̄).
    init(outcome: BlockProblem.Outcome, at point: [Double]) {
        constant = outcome.objective - zip(outcome.gradient, point).reduce(0) { $0 + $1.0 * $1.1 }
        gradient = outcome.gradient
    }

    func value(at point: [Double]) -> Double { constant + zip(gradient, point).reduce(0) { $0 + $1.0 * $1.1 } }
}
