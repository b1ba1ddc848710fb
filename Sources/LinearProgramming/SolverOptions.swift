/// How to solve a linear program.
public struct SolverOptions: Sendable, Equatable {
    /// The algorithm.
    public enum Method: String, Sendable, CaseIterable, Codable {
        /// GLPK's primal simplex.
        case primalSimplex = "primal"
        /// GLPK's dual simplex, falling back to primal when the dual fails.
        case dualSimplex = "dual"
        /// GLPK's interior point (no basis, so no warm start; duals are still reported).
        case interiorPoint = "interior"
        /// Primal simplex in floating point, then GLPK's simplex in exact rational arithmetic (`glp_exact`) from
        /// the basis it found: the answer is exactly optimal for the numbers as stored (no round-off in the
        /// solver), which makes it a check of a floating-point solve. Slow beyond small LPs (a few thousand
        /// rows); presolve, scaling and warm start do not apply to the exact phase.
        case exactSimplex = "exact"
    }

    /// The algorithm; dual simplex by default.
    public var method: Method = .dualSimplex
    /// Use GLPK's LP presolver (simplex only). Ignored on a warm start, which needs the current basis.
    public var presolve: Bool = true
    /// Scale the problem (GLPK's automatic scaling) before the first solve.
    public var scaling: Bool = true
    /// Start from the basis left by the previous solve instead of building one afresh (simplex only).
    public var warmStart: Bool = false
    /// Stop after this many seconds (simplex and exact simplex only), reporting ``SolveStatus/timeLimit``.
    public var timeLimitSeconds: Double? = nil
    /// Stop after this many simplex iterations, reporting ``SolveStatus/iterationLimit``.
    public var iterationLimit: Int? = nil
    /// Print GLPK's progress to standard output.
    public var verbose: Bool = false

    /// Default options: dual simplex with presolve and scaling, quiet, no limits.
    public init(method: Method = .dualSimplex, presolve: Bool = true, scaling: Bool = true, warmStart: Bool = false,
                timeLimitSeconds: Double? = nil, iterationLimit: Int? = nil, verbose: Bool = false) {
        self.method = method
        self.presolve = presolve
        self.scaling = scaling
        self.warmStart = warmStart
        self.timeLimitSeconds = timeLimitSeconds
        self.iterationLimit = iterationLimit
        self.verbose = verbose
    }
}

/// How a solve ended.
public enum SolveStatus: String, Sendable, Codable, CaseIterable {
    /// An optimal solution was found.
    case optimal
    /// The constraints cannot all hold at once.
    case infeasible
    /// The objective can improve without limit.
    case unbounded
    /// The dual has no feasible solution, so the primal is infeasible or unbounded (the solver did not tell which).
    case infeasibleOrUnbounded = "infeasible_or_unbounded"
    /// The iteration limit stopped the solver.
    case iterationLimit = "iteration_limit"
    /// The time limit stopped the solver.
    case timeLimit = "time_limit"
    /// The solver stopped without a conclusion (numerical difficulty).
    case undetermined

    /// Whether the solution's values and duals are meaningful.
    public var isOptimal: Bool { self == .optimal }
}
