/// Reads a region file's YAML into a ``Region``, reporting every problem to the log.
enum RegionReader {
    static func read(_ root: YAMLField, expectedID: String) -> Region? {
        guard root.expectMapping(keys: ["id", "name", "country", "location", "utc_offset_hours", "grid", "data_centre", "renewables", "cluster_designs"] + GridEdgeReader.keys,
                                 document: "region file") else { return nil }
        let id = root["id"].identifier()
        if let id, id != expectedID { root["id"].error("id '\(id)' does not match the file name; expected '\(expectedID)'") }
        let name = root["name"].string()
        let country = root["country"].string()
        if let country, country.count != 2 || !country.unicodeScalars.allSatisfy({ ("A" ... "Z").contains($0) }) {
            root["country"].error("\(TextQuote.quoted(country)) is not an ISO 3166 alpha-2 code; expected two capital letters such as CN or US")
        }
        let location = readLocation(root["location"], required: true)
        let offset = readUTCOffset(root["utc_offset_hours"], required: true)
        let grid = readGrid(root["grid"], utcOffsetHours: offset)
        let dataCentre = readDataCentre(root["data_centre"])
        let renewables = readRenewables(root["renewables"], utcOffsetHours: offset)
        let gridEdge = GridEdgeReader.read(root)
        var hostedIDs = Set<String>()
        let designs = root["cluster_designs"].list().compactMap { element -> Region.HostedDesign? in
            element.expectMapping(keys: ["design", "capex_multiplier"])
            let design = element["design"].identifier()
            let multiplier = Figure(reading: element["capex_multiplier"], in: 0.1 ... 10, default: 1)
            guard let design, let multiplier else { return nil }
            guard hostedIDs.insert(design).inserted else {
                element["design"].error("design '\(design)' is listed twice; list each design once")
                return nil
            }
            return Region.HostedDesign(design: design, capexMultiplier: multiplier)
        }
        if root["cluster_designs"].isPresent && designs.isEmpty {
            root["cluster_designs"].error("expected at least one cluster design")
        }
        guard let id, let name, let country, let location, let offset, let grid, let dataCentre, let renewables, let gridEdge else { return nil }
        return Region(id: id, name: name, country: country, location: location, utcOffsetHours: offset, grid: grid, dataCentre: dataCentre,
                      renewables: renewables, clusterDesigns: designs, gridEdge: gridEdge, file: root.file)
    }

    /// A fixed offset of a local clock from UTC, hours (−12 … 14, a whole or half or quarter hour).
    static func readUTCOffset(_ field: YAMLField, required: Bool) -> Double? {
        guard let offset = field.number(required: required, in: -12 ... 14, unit: "hours ahead of UTC, e.g. -6 for US Central standard time or 8 for China") else { return nil }
        guard (offset * 4).rounded() == offset * 4 else {
            field.error("\(offset) is not a whole, half or quarter hour; expected an offset such as -6, 5.5 or 5.75")
            return nil
        }
        return offset
    }

    static func readLocation(_ field: YAMLField, required: Bool) -> GeoLocation? {
        guard field.isPresent else {
            if required { field.error("missing required location {lat, lon} in degrees") }
            return nil
        }
        guard field.expectMapping(keys: ["lat", "lon"]) else { return nil }
        let lat = field["lat"].number(in: -90 ... 90, unit: "degrees")
        let lon = field["lon"].number(in: -180 ... 180, unit: "degrees")
        guard let lat, let lon else { return nil }
        return GeoLocation(lat: lat, lon: lon)
    }

    private static func readGrid(_ field: YAMLField, utcOffsetHours: Double?) -> Region.Grid? {
        guard field.isPresent else {
            field.error("missing required section 'grid'")
            return nil
        }
        field.expectMapping(keys: ["base_year", "firm_capacity_mw", "firm_capacity_growth_per_year", "peak_load_mw",
                                   "peak_load_growth_per_year", "min_reserve_margin", "price_usd_per_mwh",
                                   "price_escalation_per_year", "carbon_t_per_mwh", "load_shape"])
        let baseYear = field["base_year"].integer(in: 1990 ... 2100)
        let capacity = Figure(reading: field["firm_capacity_mw"], in: 0 ... 1e7, unit: "MW")
        let capacityGrowth = Figure(reading: field["firm_capacity_growth_per_year"], in: -0.5 ... 1, unit: "fraction per year", default: 0)
        let peak = Figure(reading: field["peak_load_mw"], in: 0 ... 1e7, unit: "MW")
        let peakGrowth = Figure(reading: field["peak_load_growth_per_year"], in: -0.5 ... 1, unit: "fraction per year", default: 0)
        let margin = Figure(reading: field["min_reserve_margin"], in: 0 ... 5, unit: "fraction")
        let price = Figure(reading: field["price_usd_per_mwh"], in: 0 ... 10_000, unit: "$/MWh")
        let escalation = Figure(reading: field["price_escalation_per_year"], in: -0.5 ... 1, unit: "fraction per year", default: 0)
        let carbon = Figure(reading: field["carbon_t_per_mwh"], in: 0 ... 2, unit: "tCO2/MWh")
        let shape = ShapeReader.read(field["load_shape"], kind: .loadMW, utcOffsetHours: utcOffsetHours)
        if let capacity, let peak, capacity.value <= 0 || peak.value <= 0 {
            field.error("firm_capacity_mw and peak_load_mw must be positive")
        }
        guard let baseYear, let capacity, let capacityGrowth, let peak, let peakGrowth, let margin, let price, let escalation, let carbon,
              let shape else { return nil }
        return Region.Grid(baseYear: baseYear, firmCapacityMW: capacity, firmCapacityGrowthPerYear: capacityGrowth, peakLoadMW: peak,
                           peakLoadGrowthPerYear: peakGrowth, minReserveMargin: margin, priceUSDPerMWh: price,
                           priceEscalationPerYear: escalation, carbonTonnesPerMWh: carbon, loadShape: shape.profile,
                           loadShapeFile: shape.file, loadHourly: shape.hourly)
    }

    private static func readDataCentre(_ field: YAMLField) -> Region.DataCentre? {
        guard field.isPresent else {
            field.error("missing required section 'data_centre'")
            return nil
        }
        field.expectMapping(keys: ["pue", "max_it_mw_per_year", "max_it_mw_total", "earliest_build_year", "existing"])
        let pue = Figure(reading: field["pue"], in: 1 ... 3)
        let perYear = Figure(reading: field["max_it_mw_per_year"], in: 0 ... 1e7, unit: "MW")
        let total = Figure(reading: field["max_it_mw_total"], in: 0 ... 1e7, unit: "MW")
        let earliest = Figure(reading: field["earliest_build_year"], in: 1990 ... 2100, unit: "year")
        let existing = field["existing"].list(required: false).compactMap { element -> Region.ExistingCluster? in
            element.expectMapping(keys: ["design", "it_mw", "built_year"])
            let design = element["design"].identifier()
            let itMW = Figure(reading: element["it_mw"], in: 0 ... 1e7, unit: "MW")
            let built = element["built_year"].integer(in: 1990 ... 2100)
            guard let design, let itMW, let built else { return nil }
            return Region.ExistingCluster(design: design, itMW: itMW, builtYear: built)
        }
        guard let pue, let perYear, let total, let earliest else { return nil }
        return Region.DataCentre(pue: pue, maxITMWPerYear: perYear, maxITMWTotal: total, earliestBuildYear: earliest, existing: existing)
    }

    private static func readRenewables(_ field: YAMLField, utcOffsetHours: Double?) -> [RenewableResource]? {
        guard field.isPresent else { return [] }
        guard field.expectMapping(keys: RenewableResource.Kind.allCases.map(\.rawValue)) else { return nil }
        var result: [RenewableResource] = []
        for kind in RenewableResource.Kind.allCases {
            let block = field[kind.rawValue]
            guard block.isPresent else { continue }
            block.expectMapping(keys: ["existing_mw", "max_build_mw", "capex_usd_per_mw", "fixed_om_usd_per_mw_year",
                                       "lifetime_years", "capacity_factor", "profile"])
            let existing = Figure(reading: block["existing_mw"], in: 0 ... 1e7, unit: "MW", default: 0)
            let maxBuild = Figure(reading: block["max_build_mw"], in: 0 ... 1e7, unit: "MW")
            let capex = Figure(reading: block["capex_usd_per_mw"], in: 0 ... 1e8, unit: "$/MW")
            let om = Figure(reading: block["fixed_om_usd_per_mw_year"], in: 0 ... 1e7, unit: "$/MW-year")
            let lifetime = Figure(reading: block["lifetime_years"], in: 1 ... 100, unit: "years")
            let factor = Figure(reading: block["capacity_factor"], in: 0 ... 1, unit: "fraction")
            if let factor, factor.value > 0, factor.value < InputLimits.smallestNonZeroCapacityFactor {
                block["capacity_factor"].figureValue.error("\(YAMLField.format(factor.value)) is too small to compute with; expected 0 or at least \(YAMLField.format(InputLimits.smallestNonZeroCapacityFactor)) (a fraction)")
                continue
            }
            let profile = ShapeReader.read(block["profile"], kind: .capacityFactor, utcOffsetHours: utcOffsetHours)
            guard let existing, let maxBuild, let capex, let om, let lifetime, let factor, let profile else { continue }
            // An hourly file sets every hour, and so the mean: the written factor is not used, which a user who
            // changes it would not see.
            if let hourly = profile.hourly, abs(hourly.mean - factor.value) > 0.01 {
                block["capacity_factor"].figureValue.warning("\(YAMLField.format(factor.value)) differs from \(YAMLField.format((hourly.mean * 1000).rounded() / 1000)), the mean of the hourly file \(profile.file ?? "profile.csv"); the file's hours are used and this figure is not")
            }
            result.append(RenewableResource(kind: kind, existingMW: existing, maxBuildMW: maxBuild, capexUSDPerMW: capex,
                                            fixedOMUSDPerMWYear: om, lifetimeYears: lifetime, capacityFactor: factor, profile: profile.profile,
                                            profileFile: profile.file, profileHourly: profile.hourly))
        }
        return result
    }
}
