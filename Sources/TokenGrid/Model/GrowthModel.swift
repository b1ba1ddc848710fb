/// How a zone's token demand grows.
public enum GrowthModel: Sendable, Hashable, Codable {
    /// Compound growth from the zone's base volume: rate(t) = base × (1 + r)^(t − base date).
    case cagr(ratePerYear: Double)
    /// Logistic: rate(t) = K ÷ (1 + e^(−k (t − t0))), tokens per year.
    case logistic(ceilingTokensPerYear: Double, midpointYear: Double, ratePerYear: Double)
    /// Given annual totals, log-linear between them and extrapolated with the nearest segment's rate.
    case anchors([YearMap.YearValue])
    /// Least-squares fit to dated observations.
    case fit(FitKind, [TokenVolume])

    public enum FitKind: String, Sendable, Hashable, Codable, CaseIterable { case exponential, logistic }

    /// Name of the model as written in plan files.
    public var name: String {
        switch self {
        case .cagr: return "cagr"
        case .logistic: return "logistic"
        case .anchors: return "anchors"
        case .fit(let kind, _): return "fit-\(kind.rawValue)"
        }
    }
}
