/// In `plan.json`: `{"kind": "exponential", "a": …, "b": …}` (tokens per year at time t, in years, is e^(a + b·t)),
/// `{"kind": "logistic", "ceiling": …, "midpoint": …, "rate": …}` or `{"kind": "anchors", "points": [{"year", "value"}]}`.
extension GrowthCurve {
    private enum CodingKeys: String, CodingKey {
        case kind, a, b, ceiling, midpoint, rate, points
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .exponential(a, b):
            try container.encode("exponential", forKey: .kind)
            try container.encode(a, forKey: .a)
            try container.encode(b, forKey: .b)
        case let .logistic(ceiling, midpoint, rate):
            try container.encode("logistic", forKey: .kind)
            try container.encode(ceiling, forKey: .ceiling)
            try container.encode(midpoint, forKey: .midpoint)
            try container.encode(rate, forKey: .rate)
        case .anchors(let points):
            try container.encode("anchors", forKey: .kind)
            try container.encode(points, forKey: .points)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "exponential": self = .exponential(a: try container.decode(Double.self, forKey: .a), b: try container.decode(Double.self, forKey: .b))
        case "logistic":
            self = .logistic(ceiling: try container.decode(Double.self, forKey: .ceiling), midpoint: try container.decode(Double.self, forKey: .midpoint),
                             rate: try container.decode(Double.self, forKey: .rate))
        case "anchors": self = .anchors(try container.decode([YearMap.YearValue].self, forKey: .points))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown growth curve \(other)")
        }
    }
}
