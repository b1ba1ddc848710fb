extension SweepSpec {
    /// Most scenarios a sampled sweep orders by nearest neighbour (the chain costs n² distances); beyond, index order.
    static let orderedSampleLimit = 5_000

    /// The order to solve the scenarios at `indices` of `scenarios` (this spec's ``scenarios()``) in, so that each warm
    /// start begins from a near neighbour: a grid's in index order (neighbours differ in one step of one parameter);
    /// samples in a greedy nearest-neighbour chain from the first, each parameter measured in its range (Latin-hypercube
    /// samples in index order jump across the whole space between neighbours, and a warm variant's Benders iterations
    /// grow with the jump). Deterministic: ties go to the lower index.
    public func solveOrder(_ indices: Range<Int>, of scenarios: [[Double]]) -> [Int] {
        guard samples != nil, indices.count > 2, indices.count <= Self.orderedSampleLimit else { return Array(indices) }
        let scale = parameters.map { $0.high > $0.low ? 1 / ($0.high - $0.low) : 0 }
        func distance(_ a: Int, _ b: Int) -> Double {
            var sum = 0.0
            for (k, factor) in scale.enumerated() {
                let step = (scenarios[a][k] - scenarios[b][k]) * factor
                sum += step * step
            }
            return sum
        }
        var remaining = Array(indices.dropFirst())
        var order = [indices.lowerBound]
        order.reserveCapacity(indices.count)
        while !remaining.isEmpty {
            let last = order[order.count - 1]
            var best = 0, nearest = distance(last, remaining[0])
            for k in 1 ..< remaining.count {
                let d = distance(last, remaining[k])
                if d < nearest { (best, nearest) = (k, d) }
            }
            order.append(remaining.remove(at: best))
        }
        return order
    }
}
