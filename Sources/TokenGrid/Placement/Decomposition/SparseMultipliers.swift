/// A block's row multipliers as kept with each Benders cut: only the nonzero ones, exactly. Most rows of a block
/// are slack at its optimum, so this is a small share of the dense vector; a full-year plan keeps thousands of cuts
/// per iteration, and dense copies were most of its memory growth.
struct SparseMultipliers: Sendable {
    /// Length of the dense vector.
    let count: Int
    let indices: [Int32]
    let values: [Double]

    init(_ dense: [Double]) {
        count = dense.count
        var indices: [Int32] = [], values: [Double] = []
        for (k, value) in dense.enumerated() where value != 0 {
            indices.append(Int32(k))
            values.append(value)
        }
        self.indices = indices
        self.values = values
    }

    /// Adds `weight` × these multipliers to `sum` (of length ``count``).
    func add(times weight: Double, to sum: inout [Double]) {
        for (k, value) in zip(indices, values) { sum[Int(k)] += weight * value }
    }
}
