import Foundation

/// A growth curve fitted to observations, with its parameters and goodness of fit.
public struct CurveFit: Sendable, Hashable, Codable {
    public var curve: GrowthCurve
    /// Coefficient of determination on the logarithm of the annualised observations.
    public var rSquaredLog: Double
    /// Root-mean-square error of the logarithm (≈ relative error).
    public var rmseLog: Double
    /// Number of observations used.
    public var observationCount: Int

    /// Growth per year implied at the last observation, as a fraction (e.g. 2.0 = ×3 per year).
    public var impliedGrowthPerYear: Double

    /// Fits `ln rate = a + b t` by ordinary least squares to annualised observations.
    public static func exponential(_ observations: [TokenVolume]) -> CurveFit? {
        let points = observations.map { ($0.date.decimalYear, log($0.tokensPerYear)) }
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let meanT = points.reduce(0) { $0 + $1.0 } / n, meanY = points.reduce(0) { $0 + $1.1 } / n
        let stt = points.reduce(0) { $0 + ($1.0 - meanT) * ($1.0 - meanT) }
        guard stt > 0 else { return nil }
        let b = points.reduce(0) { $0 + ($1.0 - meanT) * ($1.1 - meanY) } / stt
        let a = meanY - b * meanT
        let curve = GrowthCurve.exponential(a: a, b: b)
        return make(curve, points: points, growth: expm1(b))
    }

    /// Fits a logistic curve by Levenberg–Marquardt on log residuals, from several starting ceilings.
    public static func logistic(_ observations: [TokenVolume]) -> CurveFit? {
        let points = observations.map { ($0.date.decimalYear, log($0.tokensPerYear)) }
        guard points.count >= 3, let start = exponential(observations), case let .exponential(_, b0) = start.curve else { return nil }
        let (lastT, lastY) = points.max { $0.0 < $1.0 }!
        let maxY = points.map(\.1).max()!
        var best: (params: [Double], sse: Double)?
        for multiplier in [1.5, 3, 10, 30, 100, 1000] {
            let logCeiling = maxY + log(multiplier)
            let rate = max(abs(b0), 0.05) * multiplier / (multiplier - 1)
            let midpoint = lastT + log(exp(logCeiling - lastY) - 1) / rate
            let fitted = levenbergMarquardt(start: [logCeiling, midpoint, rate], points: points)
            if best == nil || fitted.sse < best!.sse { best = fitted }
        }
        guard let best, best.params.allSatisfy(\.isFinite), best.params[2] > 0 else { return nil }
        let curve = GrowthCurve.logistic(ceiling: exp(best.params[0]), midpoint: best.params[1], rate: best.params[2])
        let growth = curve.rate(at: lastT + 1) / curve.rate(at: lastT) - 1
        return make(curve, points: points, growth: growth)
    }

    private static func make(_ curve: GrowthCurve, points: [(Double, Double)], growth: Double) -> CurveFit {
        let meanY = points.reduce(0) { $0 + $1.1 } / Double(points.count)
        let sse = points.reduce(0) { $0 + pow($1.1 - log(curve.rate(at: $1.0)), 2) }
        let sst = points.reduce(0) { $0 + pow($1.1 - meanY, 2) }
        return CurveFit(curve: curve, rSquaredLog: sst > 0 ? 1 - sse / sst : 1, rmseLog: (sse / Double(points.count)).squareRoot(),
                        observationCount: points.count, impliedGrowthPerYear: growth)
    }

    /// Residual of a log-logistic model with parameters [ln K, t0, k] at one point.
    private static func residual(_ p: [Double], _ point: (Double, Double)) -> Double {
        point.1 - (p[0] - softplus(-p[2] * (point.0 - p[1])))
    }

    private static func levenbergMarquardt(start: [Double], points: [(Double, Double)]) -> (params: [Double], sse: Double) {
        var params = start
        var lambda = 1e-3
        func sse(_ p: [Double]) -> Double { points.reduce(0) { $0 + pow(residual(p, $1), 2) } }
        var current = sse(params)
        for _ in 0 ..< 500 {
            // Jacobian of the residuals by central differences (3 parameters, a handful of points).
            var jtj = [[Double]](repeating: [0, 0, 0], count: 3), jtr = [0.0, 0, 0]
            for point in points {
                var gradient = [0.0, 0, 0]
                for k in 0 ..< 3 {
                    let h = 1e-6 * max(1, abs(params[k]))
                    var up = params, down = params
                    up[k] += h
                    down[k] -= h
                    gradient[k] = (residual(up, point) - residual(down, point)) / (2 * h)
                }
                let r = residual(params, point)
                for i in 0 ..< 3 {
                    jtr[i] += gradient[i] * r
                    for j in 0 ..< 3 { jtj[i][j] += gradient[i] * gradient[j] }
                }
            }
            var improved = false
            while lambda < 1e12 {
                var a = jtj
                for i in 0 ..< 3 { a[i][i] += lambda * max(jtj[i][i], 1e-12) }
                guard let step = solve3(a, jtr.map { -$0 }) else { lambda *= 10; continue }
                let candidate = (0 ..< 3).map { params[$0] + step[$0] }
                let value = candidate[2] > 0 ? sse(candidate) : .infinity
                if value < current {
                    let change = current - value
                    params = candidate
                    current = value
                    lambda = max(lambda / 10, 1e-12)
                    improved = change > 1e-15 * max(1, current)
                    break
                }
                lambda *= 10
            }
            if !improved { break }
        }
        return (params, current)
    }

    /// Solves a 3×3 linear system by Gaussian elimination with partial pivoting.
    private static func solve3(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
        var a = matrix, b = rhs
        for column in 0 ..< 3 {
            let pivot = (column ..< 3).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            guard abs(a[pivot][column]) > 1e-300 else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in column + 1 ..< 3 {
                let factor = a[row][column] / a[column][column]
                for k in column ..< 3 { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [0.0, 0, 0]
        for row in stride(from: 2, through: 0, by: -1) {
            x[row] = (b[row] - (row + 1 ..< 3).reduce(0) { $0 + a[row][$1] * x[$1] }) / a[row][row]
        }
        return x
    }
}
