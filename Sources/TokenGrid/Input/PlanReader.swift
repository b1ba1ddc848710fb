/// Reads a plan file's YAML into a ``Plan`` (the regions and designs it names are read separately).
enum PlanReader {
    static let keys = ["name", "description", "regions_dir", "designs_file", "years", "discount_rate", "unserved_penalty_usd_per_mtok",
                       "carbon_price_usd_per_t", "carbon_cap_t_per_year", "budget_usd_per_year", "regions", "time_slices",
                       "model_mix", "zones", "market_prices_usd_per_mtok", "connection_rule", "overrides", "cost_attribution"]

    static func read(_ root: YAMLField, overridesApplied: [String]) -> Plan? {
        guard root.expectMapping(keys: keys, document: "plan") else { return nil }
        let name = root["name"].identifier()
        let description = root["description"].string(required: false, maximumLength: InputLimits.maximumDescriptionLength) ?? ""
        let (firstYear, lastYear) = readYears(root["years"])
        let discountRate = root["discount_rate"].number(required: false, in: 0 ... 1, unit: "fraction per year",
                                                        smallestNonZero: InputLimits.smallestNonZeroDiscountRate) ?? 0.08
        // 1e5 $/Mtok (10 cents a token) is five orders above any token's price; beyond it the penalty dwarfs every
        // other cost so far that GLPK's floating-point simplex leaves duals the solution check rejects, and only the
        // exact simplex (seconds to minutes) verifies an answer.
        let penalty = root["unserved_penalty_usd_per_mtok"].number(required: false, in: 0 ... 1e5, unit: "$ per million tokens") ?? 100
        let carbonPrice = YearMap(reading: root["carbon_price_usd_per_t"], in: 0 ... 1e5, unit: "$/tCO2")
        let carbonCap = YearMap(reading: root["carbon_cap_t_per_year"], in: 0 ... 1e12, unit: "tCO2 per year")
        let budget = YearMap(reading: root["budget_usd_per_year"], in: 0 ... 1e15, unit: "$ per year")
        var regionIDs: [String] = []
        var listedRegions = Set<String>()
        for element in root["regions"].list() {
            guard let id = element.identifier() else { continue }
            if listedRegions.insert(id).inserted { regionIDs.append(id) } else { element.error("region '\(id)' is listed twice") }
        }
        if root["regions"].isPresent && regionIDs.isEmpty { root["regions"].error("expected at least one region") }
        let representation = readTimeRepresentation(root["time_slices"])
        let mix = readModelMix(root["model_mix"], years: firstYear ... max(firstYear, lastYear))
        var zoneIDs = Set<String>()
        let zones = root["zones"].identifiedList().compactMap { field -> DemandZone? in
            guard let zone = ZoneReader.read(field) else { return nil }
            if !zoneIDs.insert(zone.id).inserted {
                field["id"].error("zone id '\(zone.id)' is used twice; ids must be unique")
                return nil
            }
            return zone
        }
        if root["zones"].isPresent && zones.isEmpty && !root.log.hasErrors { root["zones"].error("expected at least one demand zone") }
        let prices = root["market_prices_usd_per_mtok"].list(required: false).compactMap { field -> MarketPrice? in
            field.expectMapping(keys: ["model", "input", "output", "source"])
            let model = field["model"].string()
            let input = field["input"].number(in: 0 ... 1e4, unit: "$ per million tokens")
            let output = field["output"].number(in: 0 ... 1e4, unit: "$ per million tokens")
            guard let model, let input, let output else { return nil }
            return MarketPrice(model: model, inputUSDPerMTok: input, outputUSDPerMTok: output, source: field["source"].string(required: false))
        }
        let connectionRule = root["connection_rule"].isPresent
            ? root["connection_rule"].choice(ConnectionRule.allCases.map(\.rawValue)).flatMap(ConnectionRule.init(rawValue:)) : nil
        let attribution = CostAttributionReader.read(root["cost_attribution"], years: firstYear ... max(firstYear, lastYear), regionIDs: regionIDs)
        guard let name, let representation, let mix else { return nil }
        // Representative days are chosen from the regions' and zones' series, once those are read (PlanLoader).
        let slices: [TimeSlice]
        if case .representativeDays = representation { slices = [] } else { slices = (try? representation.slices(series: [], peakSeries: [])) ?? [] }
        return Plan(name: name, description: description, file: root.file, firstYear: firstYear, lastYear: lastYear,
                    discountRate: discountRate, unservedPenaltyUSDPerMTok: penalty, carbonPriceUSDPerTonne: carbonPrice,
                    carbonCapTonnesPerYear: carbonCap, budgetUSDPerYear: budget, regionIDs: regionIDs, timeRepresentation: representation, timeSlices: slices,
                    modelMix: mix, zones: zones, marketPrices: prices, overridesApplied: overridesApplied, connectionRule: connectionRule,
                    costAttribution: attribution)
    }

    /// `years: {first, last}`; absent, the default 2025–2030. When the mapping is given, both keys are required: a
    /// lone `first: 2035` must not silently end in the default 2030.
    private static func readYears(_ field: YAMLField) -> (Int, Int) {
        guard field.isPresent else { return (2025, 2030) }
        guard field.expectMapping(keys: ["first", "last"]) else { return (2025, 2030) }
        for key in ["first", "last"] where !field[key].isPresent {
            field[key].error("missing required year; years needs both first and last, e.g. {first: 2025, last: 2030}")
        }
        let first = field["first"].integer(required: false, in: 2000 ... 2100), last = field["last"].integer(required: false, in: 2000 ... 2100)
        guard let first, let last else { return (2025, 2030) }
        if last < first {
            field["last"].error("last year \(last) is before first year \(first); years must be in order")
            return (first, first)
        }
        if last - first > 50 { field["last"].error("the horizon \(first)–\(last) is longer than 50 years") }
        return (first, last)
    }

    /// `time_slices`: `{preset: NAME}`, `{representative_days: N, seed: S}` or `{slices: [{name, months, hours}, …]}`
    /// (UTC month × hour-of-day cells covering the year once). Absent: seasons4x6.
    static func readTimeRepresentation(_ field: YAMLField) -> TimeRepresentation? {
        guard field.isPresent else { return .preset(.seasons4x6) }
        guard field.expectMapping(keys: ["preset", "slices", "representative_days", "seed"]) else { return nil }
        let given = ["preset", "slices", "representative_days"].filter { field[$0].isPresent }
        if given.count > 1 { field.error("give one of 'preset', 'representative_days' or 'slices', not \(given.joined(separator: " and "))") }
        if field["seed"].isPresent && !field["representative_days"].isPresent { field["seed"].error("'seed' goes with 'representative_days'") }
        if field["preset"].isPresent {
            guard let preset = field["preset"].choice(TimeSlicePreset.allCases.map(\.rawValue)) else { return nil }
            return .preset(TimeSlicePreset(rawValue: preset)!)
        }
        if field["representative_days"].isPresent {
            let count = field["representative_days"].integer(in: 1 ... HourlySeries.daysPerYear)
            let seed = field["seed"].integer(required: false, in: 0 ... Int(Int32.max)) ?? 1
            guard let count else { return nil }
            return .representativeDays(count: count, seed: UInt64(seed))
        }
        return readTimeSlices(field).map { .cells($0) }
    }

    static func readTimeSlices(_ field: YAMLField) -> [TimeSlice]? {
        let elements = field["slices"].list()
        var slices: [TimeSlice] = []
        var names = Set<String>()
        for element in elements {
            element.expectMapping(keys: ["name", "months", "hours"])
            let name = element["name"].identifier()
            let months = distinct(element["months"].list(), in: 1 ... 12, kind: "month")
            let hours = distinct(element["hours"].list(), in: 0 ... 23, kind: "hour")
            if element["months"].node?.sequence?.isEmpty == true { element["months"].error("expected at least one month (1–12)") }
            if element["hours"].node?.sequence?.isEmpty == true { element["hours"].error("expected at least one hour (0–23)") }
            guard let name, !months.isEmpty, !hours.isEmpty else { continue }
            if !names.insert(name).inserted { element["name"].error("time slice name '\(name)' is used twice") }
            slices.append(TimeSlice(name: name, months: months, hours: hours, block: slices.count))
        }
        guard !slices.isEmpty else {
            if elements.isEmpty && field["slices"].node?.sequence != nil { field["slices"].error("expected at least one time slice") }
            return nil
        }
        var cellCount = [Int](repeating: 0, count: 12 * 24)
        for slice in slices { for m in slice.months { for h in slice.hoursOfDay { cellCount[(m - 1) * 24 + h] += 1 } } }
        let total = slices.totalHours
        if total != 8760 || cellCount.contains(where: { $0 != 1 }) {
            let twice = cellCount.filter { $0 > 1 }.count, missing = cellCount.filter { $0 == 0 }.count
            field["slices"].error("slice weights sum to \(YAMLField.format(total)) hours; expected 8760 (every month-hour in exactly one slice: \(missing) month-hours missing, \(twice) covered more than once)")
            return nil
        }
        return slices
    }

    /// Whole numbers in `range`, each once: a repeat is an error at the repeat (and 20,000 repeats cannot make the
    /// month × hour coverage check cost 400 million steps).
    private static func distinct(_ elements: [YAMLField], in range: ClosedRange<Int>, kind: String) -> [Int] {
        var seen = Set<Int>()
        return elements.compactMap { element in
            guard let value = element.integer(in: range) else { return nil }
            guard seen.insert(value).inserted else {
                element.error("\(kind) \(value) is listed twice; list each \(kind) once")
                return nil
            }
            return value
        }
    }

    private static func readModelMix(_ field: YAMLField, years: ClosedRange<Int>) -> ModelMix? {
        guard field.isPresent else {
            field.error("missing required section 'model_mix'")
            return nil
        }
        field.expectMapping(keys: ["input_share", "classes"])
        let inputShare = field["input_share"].number(in: 0 ... 1, unit: "fraction")
        var ids = Set<String>()
        let classes = field["classes"].identifiedList().compactMap { element -> ModelClass? in
            element.expectMapping(keys: ["id", "name", "active_params_b", "total_params_b", "share"])
            let id = element["id"].identifier()
            let name = element["name"].string(required: false)
            let active = element["active_params_b"].number(in: 0.001 ... 1e5, unit: "billion parameters")
            let total = element["total_params_b"].number(in: 0.001 ... 1e5, unit: "billion parameters")
            let share = YearMap(reading: element["share"], in: 0 ... 1, unit: "fraction")
            if !element["share"].isPresent {
                element["share"].error("missing required share (a fraction, or a year map such as {2025: 0.5, 2030: 0.7})")
            }
            if let active, let total, active > total {
                element["active_params_b"].error("active parameters \(YAMLField.format(active))B exceed total parameters \(YAMLField.format(total))B")
            }
            guard let id, let active, let total, let share else { return nil }
            if !ids.insert(id).inserted { element["id"].error("model class id '\(id)' is used twice") }
            return ModelClass(id: id, name: name ?? id, activeParamsB: active, totalParamsB: total, share: share)
        }
        guard let inputShare, !classes.isEmpty else {
            if field["classes"].isPresent && classes.isEmpty && !field.log.hasErrors { field["classes"].error("expected at least one model class") }
            return nil
        }
        let mix = ModelMix(inputShare: inputShare, classes: classes)
        for year in years {
            let sum = classes.reduce(0) { $0 + mix.share(of: $1, in: year) }
            if abs(sum - 1) > 1e-6 {
                field["classes"].error("model class shares sum to \(String(format: "%.4f", sum)) in \(year); expected 1")
                break
            }
        }
        return mix
    }
}
