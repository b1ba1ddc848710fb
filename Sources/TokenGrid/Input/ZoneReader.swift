/// Reads one demand zone of a plan file.
enum ZoneReader {
    static func read(_ field: YAMLField) -> DemandZone? {
        field.expectMapping(keys: ["id", "name", "location", "utc_offset_hours", "base", "growth", "shape", "served_by", "network_cost_usd_per_mtok",
                                   "network_cost_usd_per_mtok_per_1000_km", "route_factor", "pairs", "deferrable"])
        let id = field["id"].identifier()
        let name = field["name"].string(required: false)
        let location = RegionReader.readLocation(field["location"], required: false)
        let base = field["base"].isPresent ? readVolume(field["base"], sourced: true) : nil
        let growth = readGrowth(field["growth"])
        // A 12 × 24 shape is written in the zone's local time, so it needs the zone's clock; a flat or hourly one does not.
        let hasLocalShape = field["shape"].isPresent && field["shape"].node?.mapping?["csv"] == nil
        let offset = RegionReader.readUTCOffset(field["utc_offset_hours"], required: hasLocalShape)
        let shape = ShapeReader.read(field["shape"], kind: .demandShape, utcOffsetHours: offset)
        let servedBy = readServedBy(field["served_by"])
        let networkCost = field["network_cost_usd_per_mtok"].number(required: false, in: 0 ... 1e4, unit: "$ per million tokens") ?? 0
        let deferrable = readDeferrable(field["deferrable"])
        let perDistance = Figure(reading: field["network_cost_usd_per_mtok_per_1000_km"], in: 0 ... 1e4, unit: "$ per million tokens per 1,000 km", default: 0)
        let routeFactor = Figure(reading: field["route_factor"], in: 1 ... 10, unit: "route km per great-circle km", default: DemandZone.defaultRouteFactor)
        let pairs = ZonePairReader.read(field["pairs"])
        var grows = true
        if case .cagr = growth, base == nil {
            // A base that is written but wrong has its own errors; the zone cannot grow from nothing either way.
            if !field["base"].isPresent { field["base"].error("missing required base volume; the cagr growth model starts from it") }
            grows = false
        }
        if servedBy?.maxLatencyMS != nil, location == nil {
            field["location"].error("missing required location {lat, lon}; served_by.max_latency_ms needs it")
        } else if let perDistance, perDistance.value > 0, location == nil {
            field["location"].error("missing required location {lat, lon}; network_cost_usd_per_mtok_per_1000_km needs it")
        }
        guard let id, let growth, let servedBy, let shape, let perDistance, let routeFactor, let pairs, grows, deferrable != nil || !field["deferrable"].isPresent else { return nil }
        return DemandZone(id: id, name: name ?? id, location: location, base: base, growth: growth, utcOffsetHours: offset ?? 0,
                          shape: shape.profile, shapeFile: shape.file, shapeHourly: shape.hourly, servedBy: servedBy, networkCostUSDPerMTok: networkCost,
                          networkCostUSDPerMTokPer1000KM: perDistance, routeFactor: routeFactor, pairs: pairs,
                          deferrable: deferrable)
    }

    static func readVolume(_ field: YAMLField, sourced: Bool) -> TokenVolume? {
        field.expectMapping(keys: sourced ? ["tokens", "per", "date", "source"] : ["tokens", "per", "date"])
        // Observations are fitted on a log scale, so they must be positive; a base volume may be zero.
        let tokens = field["tokens"].number(in: (sourced ? 0 : 1e-9) ... 1e30, unit: "tokens")
        let per = field["per"].choice(TokenVolume.Period.allCases.map(\.rawValue))
        let date = field["date"].date()
        let source = sourced ? field["source"].string(required: false) : nil
        if sourced && source == nil { field.warning("base volume has no source") }
        guard let tokens, let per, let date else { return nil }
        return TokenVolume(tokens: tokens, per: TokenVolume.Period(rawValue: per)!, date: date, source: source)
    }

    private static func readGrowth(_ field: YAMLField) -> GrowthModel? {
        guard field.isPresent else {
            field.error("missing required growth model {model: cagr | logistic | anchors | fit, ...}")
            return nil
        }
        guard let model = field["model"].choice(["cagr", "logistic", "anchors", "fit"]) else {
            field.expectMapping(keys: ["model"])
            return nil
        }
        switch model {
        case "cagr":
            field.expectMapping(keys: ["model", "rate_per_year"])
            return field["rate_per_year"].number(in: -0.99 ... 1000, unit: "fraction per year").map { .cagr(ratePerYear: $0) }
        case "logistic":
            field.expectMapping(keys: ["model", "ceiling_tokens_per_year", "midpoint_year", "rate_per_year"])
            let ceiling = field["ceiling_tokens_per_year"].number(in: 1 ... 1e30, unit: "tokens per year")
            let midpoint = field["midpoint_year"].number(in: 1990 ... 2200, unit: "year")
            let rate = field["rate_per_year"].number(in: 1e-6 ... 100, unit: "per year")
            guard let ceiling, let midpoint, let rate else { return nil }
            return .logistic(ceilingTokensPerYear: ceiling, midpointYear: midpoint, ratePerYear: rate)
        case "anchors":
            field.expectMapping(keys: ["model", "points"])
            guard let points = YearMap(reading: field["points"], in: 1 ... 1e30, unit: "tokens per year") else {
                if !field["points"].isPresent {
                    field["points"].error("missing required points {year: tokens per year, ...}; expected at least two years")
                }
                return nil
            }
            if points.points.count < 2 { field["points"].error("expected at least two anchor years") }
            return .anchors(points.points)
        default:
            field.expectMapping(keys: ["model", "kind", "observations"])
            let kind = field["kind"].choice(GrowthModel.FitKind.allCases.map(\.rawValue))
            let observations = field["observations"].list().compactMap { readVolume($0, sourced: false) }
            guard let kind else { return nil }
            let needed = kind == "logistic" ? 4 : 2
            if observations.count < needed {
                field["observations"].error("a \(kind) fit needs at least \(needed) observations, found \(observations.count)")
                return nil
            }
            if Set(observations.map(\.date)).count < 2 {
                field["observations"].error("observations must span at least two different dates")
                return nil
            }
            return .fit(GrowthModel.FitKind(rawValue: kind)!, observations.sorted { $0.date < $1.date })
        }
    }

    /// `deferrable: {share, max_delay_hours}`: the share of each hour's tokens that may be served up to that many hours later.
    private static func readDeferrable(_ field: YAMLField) -> DeferrableDemand? {
        guard field.isPresent, field.expectMapping(keys: ["share", "max_delay_hours", "delay_cost_usd_per_mtok_hour"]) else { return nil }
        let share = field["share"].number(in: 0 ... 1, unit: "fraction of each hour's tokens")
        let delay = field["max_delay_hours"].number(in: 0 ... 24, unit: "hours (a wait stays within its day)")
        if let delay, delay <= 0 { field["max_delay_hours"].error("\(YAMLField.format(delay)) is not a delay above 0 hours") }
        let cost = field["delay_cost_usd_per_mtok_hour"].number(required: false, in: 0 ... 1e4, unit: "$ per million tokens per hour")
            ?? DeferrableDemand.defaultDelayCostUSDPerMTokHour
        guard let share, let delay, delay > 0 else { return nil }
        return DeferrableDemand(share: share, maxDelayHours: delay, delayCostUSDPerMTokHour: cost)
    }

    private static func readServedBy(_ field: YAMLField) -> DemandZone.ServedBy? {
        guard field.isPresent else {
            field.error("missing required served_by: {sites: [region ids]} or {max_latency_ms: number}")
            return nil
        }
        guard field.expectMapping(keys: ["sites", "max_latency_ms"]) else { return nil }
        let limit = field["max_latency_ms"].isPresent || !field["sites"].isPresent ? field["max_latency_ms"].number(in: 0.1 ... 10_000, unit: "ms") : nil
        guard field["sites"].isPresent else { return limit.map { .maxLatencyMS($0) } }
        let ids = field["sites"].list().compactMap { $0.identifier() }
        if field["sites"].node?.sequence?.isEmpty == true { field["sites"].error("expected at least one site id") }
        guard !ids.isEmpty else { return nil }
        if field["max_latency_ms"].isPresent {
            // Both: the listed sites within the limit.
            return limit.map { .sitesWithin(sites: ids, maxLatencyMS: $0) }
        }
        return .sites(ids)
    }
}
