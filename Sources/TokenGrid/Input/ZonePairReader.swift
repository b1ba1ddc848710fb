/// Reads a zone's `pairs`: per-site network cost, latency, or a rule that forbids the pair.
enum ZonePairReader {
    static let keys = ["site", "network_cost_usd_per_mtok", "latency_ms", "forbidden", "reason"]

    /// The pairs in file order, or nil when one is unreadable (each problem is reported at its place).
    static func read(_ field: YAMLField) -> [DemandZone.SitePair]? {
        var pairs: [DemandZone.SitePair] = [], seen = Set<String>(), readable = field.node?.sequence != nil || !field.isPresent
        for element in field.list(required: false) {
            guard let pair = readPair(element) else {
                readable = false
                continue
            }
            guard seen.insert(pair.site).inserted else {
                element["site"].error("site \(TextQuote.quoted(pair.site)) has a pair already; give each site one entry")
                readable = false
                continue
            }
            pairs.append(pair)
        }
        return readable ? pairs : nil
    }

    private static func readPair(_ field: YAMLField) -> DemandZone.SitePair? {
        guard field.expectMapping(keys: keys) else { return nil }
        let site = field["site"].identifier()
        let cost = field["network_cost_usd_per_mtok"].isPresent
            ? Figure(reading: field["network_cost_usd_per_mtok"], in: 0 ... 1e4, unit: "$ per million tokens") : nil
        let latency = field["latency_ms"].isPresent ? Figure(reading: field["latency_ms"], in: 0.1 ... 10_000, unit: "ms") : nil
        let flag = field["forbidden"].bool(required: false)
        let reason = field["reason"].string(required: false)
        guard flag != nil || !field["forbidden"].isPresent, reason != nil || !field["reason"].isPresent else { return nil }
        let forbidden = flag ?? false
        var valid = site != nil && (cost != nil || !field["network_cost_usd_per_mtok"].isPresent) && (latency != nil || !field["latency_ms"].isPresent)
        if forbidden {
            if reason == nil {
                field["reason"].error("missing required reason; a forbidden pair says which rule forbids it (it is shown in the report)")
                valid = false
            }
            if field["network_cost_usd_per_mtok"].isPresent || field["latency_ms"].isPresent {
                field["forbidden"].error("a forbidden pair carries no network cost or latency; give either forbidden or those")
                valid = false
            }
        } else if field["reason"].isPresent {
            field["reason"].error("reason belongs to a forbidden pair; cite a cost or latency in its figure's source or reason")
            valid = false
        } else if !field["network_cost_usd_per_mtok"].isPresent && !field["latency_ms"].isPresent {
            field.error("a pair needs network_cost_usd_per_mtok, latency_ms or forbidden: true")
            valid = false
        }
        guard valid, let site else { return nil }
        return DemandZone.SitePair(site: site, networkCostUSDPerMTok: cost, latencyMS: latency, forbidden: forbidden, reason: reason)
    }
}
