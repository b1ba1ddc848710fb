/// How well a primal–dual pair satisfies a linear program's optimality conditions, measured from the program's own
/// arrays (not from what the solver says about itself), all in relative terms.
///
/// For `min c·x + c₀` subject to `L ≤ A x ≤ U`, `l ≤ x ≤ u` with row duals `y` (GLPK's sign convention, see
/// ``Solution``), reduced costs are recomputed as `d = c − Aᵀy`, and:
/// - **primal residual**: the largest bound violation of a row activity `A x` (recomputed from `x`) or of a column,
///   each divided by `1 + |bound| + Σ_j |a_ij x_j|` (the size of the terms that meet there);
/// - **dual residual**: the largest violation of the dual sign conditions — a row or column whose multiplier pushes
///   against a bound that does not exist, or away from the end of a range its value sits at — each divided by
///   `1 + |c_j| + Σ_i |a_ij y_i|` for columns and `1 + max |y|` for rows;
/// - **duality gap**: `|c·x − (c₀ + Σ_i y_i b_i + Σ_j d_j β_j)| ÷ (1 + |c·x|)`, where `b_i` and `β_j` are the bounds
///   the multipliers' signs select (for a value at the other end of a range, that end). With both residuals at zero,
///   a zero gap is complementary slackness; a multiplier on a value strictly inside its bounds shows only in the gap.
///
/// A maximisation is checked as the minimisation of `−c·x`.
public struct SolutionCheck: Sendable, Hashable, Codable {
    /// Largest relative violation of a row or column bound.
    public var primalResidual: Double
    /// Where it is: the row or column's name ("" when there is none).
    public var primalResidualAt: String
    /// Largest relative violation of a dual sign condition.
    public var dualResidual: Double
    /// Where it is.
    public var dualResidualAt: String
    /// Relative difference between the primal and the dual objective.
    public var dualityGap: Double
    /// The row or column that adds most to the gap: a multiplier on a bound its value does not sit on.
    public var dualityGapAt: String = ""
    /// The primal objective recomputed from `x`, including the constant.
    public var primalObjective: Double
    /// The dual objective recomputed from `y` and `d`, including the constant.
    public var dualObjective: Double

    /// The tolerances a solution must meet to be reported as optimal.
    public struct Tolerances: Sendable, Hashable, Codable {
        public var primal: Double
        public var dual: Double
        public var gap: Double

        /// 1e-6 on every measure: tight enough to catch a "optimal" that is off by 1e-5 of the objective, loose enough
        /// for a decomposition that stops at a 1e-7 gap between its bounds.
        public static let standard = Tolerances(primal: 1e-6, dual: 1e-6, gap: 1e-6)

        public init(primal: Double, dual: Double, gap: Double) {
            self.primal = primal
            self.dual = dual
            self.gap = gap
        }
    }

    /// Whether every measure is within `tolerances`.
    public func passes(_ tolerances: Tolerances = .standard) -> Bool {
        primalResidual <= tolerances.primal && dualResidual <= tolerances.dual && dualityGap <= tolerances.gap
    }

    /// The measures in one line, e.g. for a log: `primal 3.1e-12, dual 0, gap 4.0e-13`.
    public var summary: String {
        func e(_ value: Double) -> String { value == 0 ? "0" : String(format: "%.1e", value) }
        let at = dualityGap > Tolerances.standard.gap && !dualityGapAt.isEmpty ? " (most at \(dualityGapAt))" : ""
        return "primal residual \(e(primalResidual)), dual residual \(e(dualResidual)), duality gap \(e(dualityGap))\(at)"
    }
}

extension SolutionCheck {
    /// Checks the point `x` with row duals `y` against `program`. Runs in O(rows + columns + entries).
    /// - Precondition: `x` has one value per variable and `y` one per constraint.
    public init(program: LinearProgram, values x: [Double], duals y: [Double]) {
        precondition(x.count == program.variableCount && y.count == program.constraintCount, "one value per column and one dual per row")
        let sign: Double = program.sense == .minimize ? 1 : -1
        var primal = Worst(), dual = Worst(), slackness = Worst()
        var objective = program.objectiveConstant
        for j in 0 ..< program.variableCount { objective += program.objectiveCoefficients[j] * x[j] }
        // Reduced costs d = c − Aᵀy (in minimisation form) and the size of the terms that make them up.
        var reduced = program.objectiveCoefficients.map { sign * $0 }
        var reducedScale = program.objectiveCoefficients.map { 1 + abs($0) }
        var dualObjective = sign * program.objectiveConstant
        let largestDual = y.reduce(0) { max($0, abs($1)) }
        for i in 0 ..< program.constraintCount {
            let bounds = program.constraintBounds[i], multiplier = sign * y[i]
            var activity = 0.0, size = 0.0
            for k in program.rowStarts[i] ..< program.rowStarts[i + 1] {
                let j = Int(program.entryColumns[k]), a = program.entryValues[k]
                activity += a * x[j]
                size += abs(a * x[j])
                reduced[j] -= a * multiplier
                reducedScale[j] += abs(a * multiplier)
            }
            primal.note(Self.violation(activity, bounds) / (1 + size + Self.finiteMagnitude(bounds)), program.constraintNames[i])
            let (term, wrongSign) = Self.multiplierTerm(multiplier, bounds, at: activity)
            dualObjective += term
            dual.note(wrongSign / (1 + largestDual), program.constraintNames[i])
            slackness.note(abs(multiplier * activity - term), program.constraintNames[i])
        }
        for j in 0 ..< program.variableCount {
            let bounds = program.variableBounds[j]
            primal.note(Self.violation(x[j], bounds) / (1 + abs(x[j]) + Self.finiteMagnitude(bounds)), program.variableNames[j])
            let (term, wrongSign) = Self.multiplierTerm(reduced[j], bounds, at: x[j])
            dualObjective += term
            dual.note(wrongSign / reducedScale[j], program.variableNames[j])
            slackness.note(abs(reduced[j] * x[j] - term), program.variableNames[j])
        }
        dualObjective *= sign
        self.init(primalResidual: primal.value, primalResidualAt: primal.location, dualResidual: dual.value, dualResidualAt: dual.location,
                  dualityGap: abs(objective - dualObjective) / (1 + abs(objective)), primalObjective: objective, dualObjective: dualObjective)
        dualityGapAt = slackness.location
    }

    /// Checks a solver's answer against the program it solved.
    public init(program: LinearProgram, solution: Solution) {
        self.init(program: program, values: solution.variableValues, duals: solution.constraintDuals)
    }

    /// How far `value` lies outside `bounds` (0 inside).
    private static func violation(_ value: Double, _ bounds: Bounds) -> Double {
        max(0, bounds.lower - value, value - bounds.upper)
    }

    private static func finiteMagnitude(_ bounds: Bounds) -> Double {
        max(bounds.lower.isFinite ? abs(bounds.lower) : 0, bounds.upper.isFinite ? abs(bounds.upper) : 0)
    }

    /// A multiplier's share of the dual objective (multiplier × the bound its sign selects: positive pushes on the
    /// lower bound, negative on the upper) and how far it breaks the sign conditions by pushing on a bound that does
    /// not exist. (A multiplier on a bound the value does not sit on breaks complementary slackness; the duality gap
    /// measures that.)
    ///
    /// One exception: a value sitting at one end of a range under a multiplier with the other end's sign. That is a
    /// dual infeasibility, as the same sign is at a one-sided row's only bound, and is counted as one; charging it as
    /// multiplier × the far end would turn a simplex code's tolerated specks (GLPK: up to 1e-7) into a duality gap as
    /// wide as the range, summed over every such row.
    private static func multiplierTerm(_ multiplier: Double, _ bounds: Bounds, at value: Double) -> (term: Double, wrongSign: Double) {
        guard multiplier != 0 else { return (0, 0) }
        let bound = multiplier > 0 ? bounds.lower : bounds.upper, otherEnd = multiplier > 0 ? bounds.upper : bounds.lower
        guard bound.isFinite else { return (0, abs(multiplier)) }
        if bound != otherEnd, otherEnd.isFinite, abs(value - otherEnd) <= 1e-9 * (1 + abs(otherEnd)), abs(value - bound) > 1e-9 * (1 + abs(bound)) {
            return (multiplier * value, abs(multiplier))
        }
        return (multiplier * bound, 0)
    }
}

/// The largest value seen so far and where it was.
private struct Worst {
    var value = 0.0
    var location = ""

    mutating func note(_ candidate: Double, _ name: String) {
        // NaN counts as the worst possible value: a solution with a NaN in it is never acceptable.
        if candidate.isNaN {
            value = .infinity
            location = name
        } else if candidate > value {
            value = candidate
            location = name
        }
    }
}
