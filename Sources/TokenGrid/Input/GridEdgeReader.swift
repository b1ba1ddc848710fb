/// Reads a region file's grid-edge sections — `flexible_connection`, `onsite_generation`, `battery`, `grid_upgrade` —
/// into a ``GridEdge``, reporting every problem at its place.
enum GridEdgeReader {
    /// The region file's top-level keys this reader owns.
    static let keys = ["flexible_connection", "onsite_generation", "battery", "grid_upgrade"]

    /// The levers written in `root` (a region file); nil when one of them is malformed (its errors are in the log).
    static func read(_ root: YAMLField) -> GridEdge? {
        var edge = GridEdge(), failed = false
        if root["flexible_connection"].isPresent {
            if let value = readFlexibleConnection(root["flexible_connection"]) { edge.flexibleConnection = value } else { failed = true }
        }
        if root["onsite_generation"].isPresent {
            if let value = readOnsiteGeneration(root["onsite_generation"]) { edge.onsiteGeneration = value } else { failed = true }
        }
        if root["battery"].isPresent {
            if let value = readBattery(root["battery"]) { edge.battery = value } else { failed = true }
        }
        if root["grid_upgrade"].isPresent {
            if let value = readGridUpgrade(root["grid_upgrade"]) { edge.gridUpgrade = value } else { failed = true }
        }
        return failed ? nil : edge
    }

    private static func readFlexibleConnection(_ field: YAMLField) -> FlexibleConnection? {
        guard field.expectMapping(keys: ["max_curtailment_share"]) else { return nil }
        return Figure(reading: field["max_curtailment_share"], in: 0 ... 1, unit: "fraction of the year's energy at the full connection")
            .map(FlexibleConnection.init(maxCurtailmentShare:))
    }

    private static func readOnsiteGeneration(_ field: YAMLField) -> OnsiteGeneration? {
        guard field.expectMapping(keys: ["technology", "capex_usd_per_mw", "fixed_om_usd_per_mw_year", "variable_om_usd_per_mwh", "heat_rate_mmbtu_per_mwh",
                                         "fuel_price_usd_per_mmbtu", "fuel_escalation_per_year", "carbon_t_per_mwh", "max_mw", "lead_time_years",
                                         "lifetime_years"]) else { return nil }
        let technology = field["technology"].identifier()
        let capex = Figure(reading: field["capex_usd_per_mw"], in: 0 ... 1e8, unit: "$/MW")
        let fixedOM = Figure(reading: field["fixed_om_usd_per_mw_year"], in: 0 ... 1e7, unit: "$/MW-year")
        let variableOM = Figure(reading: field["variable_om_usd_per_mwh"], in: 0 ... 1e4, unit: "$/MWh", default: 0)
        let heatRate = Figure(reading: field["heat_rate_mmbtu_per_mwh"], in: 0 ... 50, unit: "MMBtu/MWh")
        // A heat rate burns fuel, so its price must be given: a silent 0 would make the turbine's power free.
        let fuelPrice: Figure?
        if field["fuel_price_usd_per_mmbtu"].isPresent || (heatRate?.value ?? 0) == 0 {
            fuelPrice = Figure(reading: field["fuel_price_usd_per_mmbtu"], in: 0 ... 1e3, unit: "$/MMBtu", default: 0)
        } else {
            field["fuel_price_usd_per_mmbtu"].error("missing required fuel price ($/MMBtu): heat_rate_mmbtu_per_mwh burns fuel, so its price must be given")
            fuelPrice = nil
        }
        let escalation = Figure(reading: field["fuel_escalation_per_year"], in: -0.5 ... 1, unit: "fraction per year", default: 0)
        let carbon = Figure(reading: field["carbon_t_per_mwh"], in: 0 ... 2, unit: "tCO2/MWh")
        let maxMW = Figure(reading: field["max_mw"], in: 0 ... 1e6, unit: "MW")
        let leadTime = Figure(reading: field["lead_time_years"], in: 0 ... 30, unit: "years", default: 0)
        let lifetime = Figure(reading: field["lifetime_years"], in: 1 ... 100, unit: "years")
        guard let technology, let capex, let fixedOM, let variableOM, let heatRate, let fuelPrice, let escalation, let carbon, let maxMW,
              let leadTime, let lifetime else { return nil }
        return OnsiteGeneration(technology: technology, capexUSDPerMW: capex, fixedOMUSDPerMWYear: fixedOM, variableOMUSDPerMWh: variableOM,
                                heatRateMMBtuPerMWh: heatRate, fuelPriceUSDPerMMBtu: fuelPrice, fuelEscalationPerYear: escalation,
                                carbonTonnesPerMWh: carbon, maxMW: maxMW, leadTimeYears: leadTime, lifetimeYears: lifetime)
    }

    private static func readBattery(_ field: YAMLField) -> Battery? {
        guard field.expectMapping(keys: ["capex_usd_per_mw", "capex_usd_per_mwh", "fixed_om_usd_per_mw_year", "round_trip_efficiency",
                                         "min_duration_hours", "max_duration_hours", "max_mw", "lifetime_years"]) else { return nil }
        let capexPower = Figure(reading: field["capex_usd_per_mw"], in: 0 ... 1e8, unit: "$/MW")
        let capexEnergy = Figure(reading: field["capex_usd_per_mwh"], in: 0 ... 1e8, unit: "$/MWh")
        let fixedOM = Figure(reading: field["fixed_om_usd_per_mw_year"], in: 0 ... 1e7, unit: "$/MW-year", default: 0)
        let efficiency = positive(Figure(reading: field["round_trip_efficiency"], in: 0 ... 1, unit: "fraction"), field["round_trip_efficiency"],
                                  "a round-trip efficiency in (0, 1]")
        let minDuration = positive(Figure(reading: field["min_duration_hours"], in: 0 ... 8760, unit: "hours"), field["min_duration_hours"],
                                   "a duration above 0 hours")
        let maxDuration = positive(Figure(reading: field["max_duration_hours"], in: 0 ... 8760, unit: "hours"), field["max_duration_hours"],
                                   "a duration above 0 hours")
        if let minDuration, let maxDuration, minDuration.value > maxDuration.value {
            field["max_duration_hours"].figureValue.error("max_duration_hours \(YAMLField.format(maxDuration.value)) is below min_duration_hours \(YAMLField.format(minDuration.value)); expected min ≤ max")
            return nil
        }
        let maxMW = Figure(reading: field["max_mw"], in: 0 ... 1e6, unit: "MW")
        let lifetime = Figure(reading: field["lifetime_years"], in: 1 ... 100, unit: "years")
        guard let capexPower, let capexEnergy, let fixedOM, let efficiency, let minDuration, let maxDuration, let maxMW, let lifetime else { return nil }
        return Battery(capexUSDPerMW: capexPower, capexUSDPerMWh: capexEnergy, fixedOMUSDPerMWYear: fixedOM, roundTripEfficiency: efficiency,
                       minDurationHours: minDuration, maxDurationHours: maxDuration, maxMW: maxMW, lifetimeYears: lifetime)
    }

    private static func readGridUpgrade(_ field: YAMLField) -> GridUpgrade? {
        guard field.expectMapping(keys: ["max_mw", "cost_usd_per_mw_year", "capex_usd_per_mw", "lifetime_years", "earliest_year"]) else { return nil }
        let maxMW = Figure(reading: field["max_mw"], in: 0 ... 1e6, unit: "MW")
        let earliest = Figure(reading: field["earliest_year"], in: 1990 ... 2100, unit: "year")
        let cost: GridUpgrade.Cost?
        switch (field["cost_usd_per_mw_year"].isPresent, field["capex_usd_per_mw"].isPresent) {
        case (true, false):
            if field["lifetime_years"].isPresent { field["lifetime_years"].error("lifetime_years goes with capex_usd_per_mw, not with cost_usd_per_mw_year") }
            cost = Figure(reading: field["cost_usd_per_mw_year"], in: 0 ... 1e8, unit: "$/MW-year").map { .annual($0) }
        case (false, true):
            let capex = Figure(reading: field["capex_usd_per_mw"], in: 0 ... 1e9, unit: "$/MW")
            let lifetime = Figure(reading: field["lifetime_years"], in: 1 ... 100, unit: "years")
            cost = capex.flatMap { capex in lifetime.map { .capex(capex, lifetimeYears: $0) } }
        case (true, true):
            field.error("give either cost_usd_per_mw_year or capex_usd_per_mw with lifetime_years, not both")
            cost = nil
        case (false, false):
            field.error("missing required cost: cost_usd_per_mw_year ($/MW-year), or capex_usd_per_mw with lifetime_years")
            cost = nil
        }
        guard let maxMW, let cost, let earliest else { return nil }
        return GridUpgrade(maxMW: maxMW, cost: cost, earliestYear: earliest)
    }

    /// `figure` when its value is above zero; otherwise an error at the value saying what was `expected`.
    private static func positive(_ figure: Figure?, _ field: YAMLField, _ expected: String) -> Figure? {
        guard let figure else { return nil }
        guard figure.value > 0 else {
            field.figureValue.error("\(YAMLField.format(figure.value)) is not \(expected)")
            return nil
        }
        return figure
    }
}
