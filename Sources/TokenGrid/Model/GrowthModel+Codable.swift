/// In `plan.json` as in a plan file: `{"model": "cagr", "rate_per_year": 1}`, `{"model": "logistic",
/// "ceiling_tokens_per_year": …, "midpoint_year": …, "rate_per_year": …}`, `{"model": "anchors", "points": [{"year",
/// "value"}]}` or `{"model": "fit", "kind": "exponential", "observations": [{"tokens", "per", "date"}]}`.
extension GrowthModel {
    private enum CodingKeys: String, CodingKey {
        case model, ratePerYear, ceilingTokensPerYear, midpointYear, points, kind, observations
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .cagr(let rate):
            try container.encode("cagr", forKey: .model)
            try container.encode(rate, forKey: .ratePerYear)
        case let .logistic(ceiling, midpoint, rate):
            try container.encode("logistic", forKey: .model)
            try container.encode(ceiling, forKey: .ceilingTokensPerYear)
            try container.encode(midpoint, forKey: .midpointYear)
            try container.encode(rate, forKey: .ratePerYear)
        case .anchors(let points):
            try container.encode("anchors", forKey: .model)
            try container.encode(points, forKey: .points)
        case let .fit(kind, observations):
            try container.encode("fit", forKey: .model)
            try container.encode(kind, forKey: .kind)
            try container.encode(observations, forKey: .observations)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .model) {
        case "cagr": self = .cagr(ratePerYear: try container.decode(Double.self, forKey: .ratePerYear))
        case "logistic":
            self = .logistic(ceilingTokensPerYear: try container.decode(Double.self, forKey: .ceilingTokensPerYear),
                             midpointYear: try container.decode(Double.self, forKey: .midpointYear),
                             ratePerYear: try container.decode(Double.self, forKey: .ratePerYear))
        case "anchors": self = .anchors(try container.decode([YearMap.YearValue].self, forKey: .points))
        case "fit": self = .fit(try container.decode(FitKind.self, forKey: .kind), try container.decode([TokenVolume].self, forKey: .observations))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .model, in: container, debugDescription: "unknown growth model \(other)")
        }
    }
}
