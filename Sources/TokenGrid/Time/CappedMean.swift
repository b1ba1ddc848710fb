/// The mean of `min(1, factor × value)` over a series, compared with a threshold for many factors (the bisection of
/// ``Region/capacityFactorSeries(_:)``, some 90 steps over 8,760 hours) without making the capped series, and with the
/// same answer as summing it in the series' order: `capped.reduce(0, +) / count < threshold`.
struct CappedMean {
    /// The values that are not 0, in the series' order (the others add nothing to the sum).
    private let producing: [Double]
    private let count: Double
    /// Whether every value is > 0: the running sum then only grows.
    private let growing: Bool

    init(_ values: [Double]) {
        producing = values.filter { $0 != 0 }
        count = Double(values.count)
        growing = producing.allSatisfy { $0 > 0 }
    }

    /// Whether the mean of `min(1, factor × value)`, summed in the series' order, is below `threshold`.
    func isBelow(_ threshold: Double, factor: Double) -> Bool {
        var sum = 0.0, next = 0
        while next < producing.count {
            for value in producing[next ..< min(next + 512, producing.count)] { sum += min(1, factor * value) }
            next += 512
            // A growing sum that reaches the threshold stays there.
            if growing && sum / count >= threshold { return false }
        }
        return sum / count < threshold
    }
}
