/// Reads the cluster design catalogue (`designs.yaml`).
enum DesignReader {
    static func read(_ root: YAMLField) -> [ClusterDesign] {
        guard root.expectMapping(keys: ["designs"], document: "design catalogue") else { return [] }
        var seen = Set<String>()
        if root["designs"].node?.sequence?.isEmpty == true { root["designs"].error("expected at least one cluster design") }
        return root["designs"].identifiedList().compactMap { field in
            let design = readDesign(field)
            if let design, !seen.insert(design.id).inserted {
                field["id"].error("design id '\(design.id)' is used twice; ids must be unique")
                return nil
            }
            return design
        }
    }

    private static func readDesign(_ field: YAMLField) -> ClusterDesign? {
        field.expectMapping(keys: ["id", "accelerator", "power_w_per_accelerator", "accelerator_price_usd", "facility_capex_usd_per_mw",
                                   "lifetime_years", "fixed_om_usd_per_mw_year", "idle_power_fraction", "max_utilisation",
                                   "peak_tflops", "prefill_utilisation", "decode_utilisation", "measured"])
        let id = field["id"].identifier()
        let accelerator = field["accelerator"].string()
        let power = Figure(reading: field["power_w_per_accelerator"], in: 1 ... 1e5, unit: "W")
        let price = Figure(reading: field["accelerator_price_usd"], in: 0 ... 1e7, unit: "$")
        let facility = Figure(reading: field["facility_capex_usd_per_mw"], in: 0 ... 1e9, unit: "$/MW")
        let lifetime = Figure(reading: field["lifetime_years"], in: 1 ... 50, unit: "years")
        let om = Figure(reading: field["fixed_om_usd_per_mw_year"], in: 0 ... 1e8, unit: "$/MW-year")
        let idle = Figure(reading: field["idle_power_fraction"], in: 0 ... 1, unit: "fraction")
        let utilisation = Figure(reading: field["max_utilisation"], in: 0.01 ... 1, unit: "fraction")
        let peak = Figure(reading: field["peak_tflops"], in: 0.001 ... 1e6, unit: "TFLOP/s")
        let prefill = Figure(reading: field["prefill_utilisation"], in: 0.0001 ... 1, unit: "fraction")
        let decode = Figure(reading: field["decode_utilisation"], in: 0.0001 ... 1, unit: "fraction")
        let measured = field["measured"].list(required: false).compactMap { element -> ClusterDesign.MeasuredThroughput? in
            element.expectMapping(keys: ["model_class", "input_tokens_per_s", "output_tokens_per_s", "peak"])
            let modelClass = element["model_class"].identifier()
            let input = Figure(reading: element["input_tokens_per_s"], in: 1e-6 ... 1e9, unit: "tokens/s")
            let output = Figure(reading: element["output_tokens_per_s"], in: 1e-6 ... 1e9, unit: "tokens/s")
            let isPeak = element["peak"].bool(required: false) ?? false
            guard let modelClass, let input, let output else { return nil }
            return ClusterDesign.MeasuredThroughput(modelClass: modelClass, inputTokensPerS: input, outputTokensPerS: output, isPeak: isPeak)
        }
        guard let id, let accelerator, let power, let price, let facility, let lifetime, let om, let idle, let utilisation,
              let peak, let prefill, let decode else { return nil }
        return ClusterDesign(id: id, accelerator: accelerator, powerWPerAccelerator: power, acceleratorPriceUSD: price,
                             facilityCapexUSDPerMW: facility, lifetimeYears: lifetime, fixedOMUSDPerMWYear: om,
                             idlePowerFraction: idle, maxUtilisation: utilisation, peakTFLOPS: peak,
                             prefillUtilisation: prefill, decodeUtilisation: decode, measured: measured)
    }
}
