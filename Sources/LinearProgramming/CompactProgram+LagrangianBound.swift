/// Lower bounds on a program's optimum from row multipliers that need not be optimal for it.
extension CompactProgram {
    /// A lower bound on this minimisation's optimum, linear in the columns `fixed`, from row multipliers `y` (given
    /// by their nonzero `rows` and `values`, GLPK's sign convention: positive on a lower bound, negative on an upper).
    ///
    /// For every value of the fixed columns, weak duality gives
    /// `optimum ≥ c₀ + Σ_i y_i b_i + Σ_{j ∉ fixed} min(d_j l_j, d_j u_j) + Σ_{k ∈ fixed} d_k x_k`, where `d = c − Aᵀy` and
    /// `b_i` is the row bound `y_i`'s sign selects. This is a Benders cut made without solving: exact where `y` is
    /// optimal, a valid (perhaps loose) bound anywhere else.
    /// - Returns: the constant and the slopes on `fixed` (in its order); nil when the bound is −∞ — a multiplier on a
    ///   bound its row does not have, or a reduced cost that pushes an unbounded column (beyond 1e-9 of the terms
    ///   that make it, which is rounding) — and for a maximisation or an index out of range.
    public func lagrangianBound(rows: [Int32], values: [Double], fixed: [Int]) -> (constant: Double, slopes: [Double])? {
        guard sense == .minimize, rows.count == values.count else { return nil }
        var constant = objectiveConstant
        var reduced = objectiveCoefficients
        var size = objectiveCoefficients.map(abs)
        for (row, value) in zip(rows, values) where value != 0 {
            let i = Int(row)
            guard i >= 0, i < constraintCount else { return nil }
            let bound = value > 0 ? constraintBounds[i].lower : constraintBounds[i].upper
            guard bound.isFinite else { return nil }
            constant += value * bound
            for k in entries(ofRow: i) {
                let j = Int(entryColumns[k])
                reduced[j] -= value * entryValues[k]
                size[j] += abs(value * entryValues[k])
            }
        }
        var isFixed = [Bool](repeating: false, count: variableCount)
        for k in fixed {
            guard k >= 0, k < variableCount else { return nil }
            isFixed[k] = true
        }
        for j in 0 ..< variableCount where !isFixed[j] && reduced[j] != 0 {
            let bound = reduced[j] > 0 ? variableBounds[j].lower : variableBounds[j].upper
            if bound.isFinite {
                constant += reduced[j] * bound
            } else if abs(reduced[j]) > 1e-9 * size[j] {
                return nil
            }
        }
        return (constant, fixed.map { reduced[$0] })
    }
}
