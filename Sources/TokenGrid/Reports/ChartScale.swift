import Foundation

/// A value axis: maps values to pixels, linearly or on log10, and picks round tick values.
struct ChartScale {
    /// The domain (positive on a log axis).
    let low: Double
    let high: Double
    let logarithmic: Bool
    /// Pixels of `low` and `high` (a y axis runs from bottom to top, so `from` > `to` there).
    let from: Double
    let to: Double
    let ticks: [Double]

    func position(_ value: Double) -> Double {
        let fraction = logarithmic
            ? (log10(max(value, low)) - log10(low)) / (log10(high) - log10(low))
            : (value - low) / (high - low)
        return from + fraction * (to - from)
    }

    /// A linear axis over `values` and zero, widened to round ticks 1, 2 or 5 × 10^k apart.
    static func linear(_ values: [Double], from: Double, to: Double, ticks target: Int = 5) -> ChartScale {
        let finite = values.filter(\.isFinite)
        var low = min(0, finite.min() ?? 0), high = max(0, finite.max() ?? 0)
        if high - low <= 0 { high = low + 1 }
        let step = niceStep((high - low) / Double(target))
        let first = Int((low / step).rounded(.down)), last = Int((high / step).rounded(.up))
        low = Double(first) * step
        high = Double(last) * step
        return ChartScale(low: low, high: high, logarithmic: false, from: from, to: to, ticks: (first ... last).map { Double($0) * step })
    }

    /// A log10 axis from the decade below the smallest positive value to the decade above the largest; ticks at each
    /// decade, and at 2 and 5 times it when the axis spans three decades or fewer.
    static func logarithmic(_ values: [Double], from: Double, to: Double) -> ChartScale {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        let lowExponent = Int(log10(positive.min() ?? 1).rounded(.down))
        var highExponent = Int(log10(positive.max() ?? 10).rounded(.up))
        if highExponent <= lowExponent { highExponent = lowExponent + 1 }
        let multiples: [Double] = highExponent - lowExponent <= 3 ? [1, 2, 5] : [1]
        var ticks: [Double] = []
        for exponent in lowExponent ... highExponent {
            for multiple in multiples where exponent < highExponent || multiple == 1 {
                ticks.append(multiple * pow(10, Double(exponent)))
            }
        }
        return ChartScale(low: pow(10, Double(lowExponent)), high: pow(10, Double(highExponent)), logarithmic: true, from: from, to: to, ticks: ticks)
    }

    /// 1, 2 or 5 × 10^k, the smallest at least `raw`.
    private static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, log10(raw).rounded(.down))
        let fraction = raw / magnitude
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude
    }
}
