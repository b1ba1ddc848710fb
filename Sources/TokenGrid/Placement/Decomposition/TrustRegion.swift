import LinearProgramming

/// A box around the previous variant's optimum on the master's capacity columns, for the first iterations of a warm
/// sweep variant.
///
/// A variant that changes one parameter has its optimum near the previous one, but the master's first answers, made on
/// the few cuts kept, swing far from it, and every block is then solved (and cut) where the optimum is not. Inside the
/// box the answers stay where the kept cuts are tight. The boxed master's objective is a lower bound only when no
/// column sits on a side of the box tighter than its own bounds (an optimum of a convex program inside the box is then
/// one without it), so the loop takes no lower bound from a boxed answer that touches the box; a side that is touched
/// is widened, and the box goes when untouched or after ``iterationLimit`` iterations.
struct TrustRegion {
    /// Half-width of the box at first, as a share of the column's value at the centre (at least ``floor``). On 12–20
    /// warm variants of the generated 40-site plan (docs/performance.md): 0.1 → 11.5–11.7 iterations, 0.25 → 12.4,
    /// 0.03 → 14.0, no box 13.9.
    static let initialShare = 0.1
    /// Smallest half-width, in the column's unit (MW).
    static let floor = 1.0
    /// Iterations after which the box goes whatever the answer.
    static let iterationLimit = 5

    private let columns: [VariableID]
    private let original: [Bounds]
    private let centre: [Double]
    private var below: [Double]
    private var above: [Double]
    private(set) var iterations = 0

    /// A box around `point` on `columns`, inside their bounds in `program`.
    init(columns: [VariableID], program: LinearProgram, centre point: [Double]) {
        self.columns = columns
        original = columns.map { program.variableBounds[$0.index] }
        centre = columns.map { point[$0.index] }
        below = centre.map { max(Self.floor, Self.initialShare * abs($0)) }
        above = below
    }

    /// Sets the box's bounds on `problem`.
    func apply(to problem: GLPKProblem) throws {
        for k in columns.indices {
            let bounds = Bounds.between(max(original[k].lower, centre[k] - below[k]), min(original[k].upper, centre[k] + above[k]))
            try problem.setBounds(columns[k], bounds)
        }
    }

    /// Gives `problem` its columns' own bounds back.
    func remove(from problem: GLPKProblem) throws {
        for (column, bounds) in zip(columns, original) { try problem.setBounds(column, bounds) }
    }

    /// Takes the master's boxed answer: widens (×4) each side it touches that is tighter than the column's own bound.
    /// - Returns: whether the answer touched the box (its objective is then no lower bound).
    mutating func record(_ answer: [Double]) -> Bool {
        iterations += 1
        var touched = false
        for k in columns.indices {
            let value = answer[columns[k].index], tolerance = 1e-7 * (1 + abs(value))
            let low = centre[k] - below[k], high = centre[k] + above[k]
            if low > original[k].lower, value <= low + tolerance { below[k] *= 4; touched = true }
            if high < original[k].upper, value >= high - tolerance { above[k] *= 4; touched = true }
        }
        return touched
    }
}
