import LinearProgramming

/// A Benders optimality cut for one block, θ ≥ constant + Σ_k gradient_k × linking_k, from one solve of the block LP
/// at linking values x̄: θ ≥ Q(x̄) + g·(x − x̄), with g the reduced costs of the fixed linking columns.
struct BendersCut: Sendable {
    var constant: Double
    var gradient: [Double]

    func value(at point: [Double]) -> Double { constant + zip(gradient, point).reduce(0) { $0 + $1.0 * $1.1 } }
}

extension BendersCut {
    /// The cut from one solve at `point`.
    init(outcome: BlockProblem.Outcome, at point: [Double]) {
        self.init(constant: 0, gradient: outcome.gradient)
        constant = outcome.objective - value(at: point)
    }
}
