import Foundation

/// A demand curve in closed form: the annual token rate at any time, and its integral over a calendar year.
public enum GrowthCurve: Sendable, Hashable, Codable {
    /// rate(t) = e^(a + b t), tokens per year; `b` is the continuous growth rate.
    case exponential(a: Double, b: Double)
    /// rate(t) = K ÷ (1 + e^(−k (t − t0))), tokens per year.
    case logistic(ceiling: Double, midpoint: Double, rate: Double)
    /// Annual totals at given years, log-linear between them, extrapolated with the nearest segment.
    case anchors([YearMap.YearValue])

    /// Tokens asked for in calendar year `year` (from 1 January of `year` to 1 January of `year + 1`).
    public func tokens(inYear year: Int) -> Double {
        let t = Double(year)
        switch self {
        case let .exponential(a, b):
            // ∫_t^{t+1} e^{a+bs} ds = e^{a+bt} (e^b − 1)/b, → e^{a+bt} as b → 0.
            let growthFactor = abs(b) < 1e-12 ? 1 : expm1(b) / b
            return exp(a + b * t) * growthFactor
        case let .logistic(ceiling, midpoint, rate):
            // ∫ K/(1+e^{−k(s−t0)}) ds = (K/k) softplus(k(s−t0)).
            return ceiling / rate * (softplus(rate * (t + 1 - midpoint)) - softplus(rate * (t - midpoint)))
        case let .anchors(points):
            return Self.interpolate(points, at: t)
        }
    }

    /// The instantaneous annual rate at decimal year `t`, tokens per year.
    public func rate(at t: Double) -> Double {
        switch self {
        case let .exponential(a, b): return exp(a + b * t)
        case let .logistic(ceiling, midpoint, rate): return ceiling / (1 + exp(-rate * (t - midpoint)))
        case let .anchors(points): return Self.interpolate(points, at: t - 0.5)
        }
    }

    private static func interpolate(_ points: [YearMap.YearValue], at t: Double) -> Double {
        guard points.count >= 2 else { return points.first?.value ?? 0 }
        // Choose the segment containing t, or the nearest one for extrapolation.
        var index = points.count - 2
        for i in 0 ..< points.count - 1 where t <= Double(points[i + 1].year) {
            index = i
            break
        }
        let lower = points[index], upper = points[index + 1]
        let fraction = (t - Double(lower.year)) / Double(upper.year - lower.year)
        return exp(log(lower.value) + fraction * (log(upper.value) - log(lower.value)))
    }

    /// Growth of annual tokens from `year` to `year + 1`, as a multiplier.
    public func growthFactor(from year: Int) -> Double {
        tokens(inYear: year + 1) / tokens(inYear: year)
    }
}

/// log(1 + e^x) without overflow.
func softplus(_ x: Double) -> Double {
    x > 30 ? x + log1p(exp(-x)) : log1p(exp(x))
}
