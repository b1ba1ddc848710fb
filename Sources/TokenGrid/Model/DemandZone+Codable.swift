/// In `plan.json` as in a plan file: `{"sites": ["ercot", …]}`, `{"max_latency_ms": 50}` or both.
extension DemandZone.ServedBy {
    private enum CodingKeys: String, CodingKey {
        case sites, maxLatencyMS
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .sites(let ids): try container.encode(ids, forKey: .sites)
        case .maxLatencyMS(let limit): try container.encode(limit, forKey: .maxLatencyMS)
        case let .sitesWithin(ids, limit):
            try container.encode(ids, forKey: .sites)
            try container.encode(limit, forKey: .maxLatencyMS)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ids = try container.decodeIfPresent([String].self, forKey: .sites), limit = try container.decodeIfPresent(Double.self, forKey: .maxLatencyMS)
        if let ids, let limit {
            self = .sitesWithin(sites: ids, maxLatencyMS: limit)
        } else if let ids {
            self = .sites(ids)
        } else {
            self = .maxLatencyMS(try container.decode(Double.self, forKey: .maxLatencyMS))
        }
    }
}
