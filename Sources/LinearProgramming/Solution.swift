/// What a solve returned: status, objective, primal values, duals and counters.
///
/// Sign convention for duals (GLPK's): a row's dual is the change of the objective per unit increase
/// of the row's active bound, and a reduced cost is the change per unit increase of the variable.
/// For a minimisation, the dual of a binding `≤` row is ≤ 0 and of a binding `≥` row is ≥ 0.
public struct Solution: Sendable {
    /// How the solve ended. Values below are meaningful only when it is ``SolveStatus/optimal``.
    public var status: SolveStatus
    /// Objective value including its constant; when the solve did not end optimal, the objective of the last
    /// point the solver held (useful to see how far it got, not a bound).
    public var objective: Double
    /// Value of each variable, by ``VariableID/index``.
    public var variableValues: [Double]
    /// Reduced cost of each variable.
    public var reducedCosts: [Double]
    /// Activity (value of the linear form) of each constraint, by ``ConstraintID/index``.
    public var constraintActivities: [Double]
    /// Dual value (shadow price) of each constraint.
    public var constraintDuals: [Double]
    /// Simplex iterations spent by this solve (0 for interior point).
    public var iterations: Int
    /// Wall-clock seconds spent inside GLPK.
    public var solveSeconds: Double
    /// The algorithm used.
    public var method: SolverOptions.Method
    /// Why the solve ended without an optimum, in plain words with GLPK's own return code or status (and the
    /// message GLPK printed, if it printed one); `nil` when the status is ``SolveStatus/optimal``.
    public var message: String?

    /// A solution from its parts (the solver builds these; so may a decomposition that assembles one).
    public init(status: SolveStatus, objective: Double, variableValues: [Double], reducedCosts: [Double],
                constraintActivities: [Double], constraintDuals: [Double], iterations: Int, solveSeconds: Double,
                method: SolverOptions.Method, message: String? = nil) {
        self.status = status
        self.objective = objective
        self.variableValues = variableValues
        self.reducedCosts = reducedCosts
        self.constraintActivities = constraintActivities
        self.constraintDuals = constraintDuals
        self.iterations = iterations
        self.solveSeconds = solveSeconds
        self.method = method
        self.message = message
    }

    /// The value of one variable.
    public subscript(variable: VariableID) -> Double { variableValues[variable.index] }
    /// The dual of one constraint.
    public func dual(_ constraint: ConstraintID) -> Double { constraintDuals[constraint.index] }
    /// The activity of one constraint.
    public func activity(_ constraint: ConstraintID) -> Double { constraintActivities[constraint.index] }
}

/// A constraint that holds with equality at a bound, or nearly so.
public struct BindingConstraint: Sendable, Hashable {
    /// Which constraint.
    public var constraint: ConstraintID
    /// Which bound it sits on.
    public var side: Side
    /// Distance from the bound (≥ 0, within tolerance).
    public var slack: Double
    /// The constraint's dual value.
    public var dual: Double

    public enum Side: String, Sendable, Hashable, Codable { case lower, upper, equality }
}

extension Solution {
    /// Slack of each constraint: distance from its activity to the nearest finite bound (∞ for a free row).
    public func slacks(in program: LinearProgram) -> [Double] {
        (0 ..< program.constraintCount).map { i in
            let bounds = program.constraintBounds[i]
            let activity = constraintActivities[i]
            return min(activity - bounds.lower, bounds.upper - activity)
        }
    }

    /// Inequality and equality constraints that sit on a bound.
    ///
    /// A row binds when its slack is within `tolerance × (1 + |bound|)`. With `requireNonzeroDual`,
    /// only rows whose dual is non-zero (they change the optimum) are listed; equality rows are then
    /// included only with a non-zero dual, otherwise always.
    public func bindingConstraints(in program: LinearProgram, tolerance: Double = 1e-7,
                                   requireNonzeroDual: Bool = false) -> [BindingConstraint] {
        var result: [BindingConstraint] = []
        for i in 0 ..< program.constraintCount {
            let bounds = program.constraintBounds[i]
            let activity = constraintActivities[i]
            let dual = constraintDuals[i]
            if requireNonzeroDual && abs(dual) <= tolerance { continue }
            if bounds.isFixed {
                result.append(BindingConstraint(constraint: ConstraintID(i), side: .equality, slack: abs(activity - bounds.lower), dual: dual))
            } else if bounds.upper.isFinite, bounds.upper - activity <= tolerance * (1 + abs(bounds.upper)) {
                result.append(BindingConstraint(constraint: ConstraintID(i), side: .upper, slack: max(0, bounds.upper - activity), dual: dual))
            } else if bounds.lower.isFinite, activity - bounds.lower <= tolerance * (1 + abs(bounds.lower)) {
                result.append(BindingConstraint(constraint: ConstraintID(i), side: .lower, slack: max(0, activity - bounds.lower), dual: dual))
            }
        }
        return result
    }
}
