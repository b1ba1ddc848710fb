/// In `plan.json` as in a plan file: `{"sites": ["ercot", …]}` or `{"max_latency_ms": 50}`.
extension DemandZone.ServedBy {
    private enum CodingKeys: String, CodingKey {
        case sites, maxLatencyMS
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .sites(let ids): try container.encode(ids, forKey: .sites)
        case .maxLatencyMS(let limit): try container.encode(limit, forKey: .maxLatencyMS)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let ids = try container.decodeIfPresent([String].self, forKey: .sites) {
            self = .sites(ids)
        } else {
            self = .maxLatencyMS(try container.decode(Double.self, forKey: .maxLatencyMS))
        }
    }
}
