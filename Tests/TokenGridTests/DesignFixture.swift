/// The cluster design of the hand-derived test plans, as a design-catalogue entry: 1,000 W accelerators, $1M facility
/// capex per MW of IT, full utilisation allowed and a measured throughput (tokens/s per accelerator, input and output
/// alike), so that 1 MW of IT makes `tokensPerS` × 1,000 tokens/s. Every figure is an assumption "test".
enum DesignFixture {
    static func figure(_ value: Double) -> String { "{value: \(value), assumption: true, reason: test}" }

    /// One `designs:` list element, indented as the catalogue's entries are.
    static func entry(id: String = "unit", accelerator: String = "Unit", priceUSD: Double = 0, lifetimeYears: Double = 1, fixedOMUSD: Double = 0,
                      idleFraction: Double = 0, tokensPerS: Double = 1000) -> String {
        let f = figure
        return """
          - id: \(id)
            accelerator: "\(accelerator)"
            power_w_per_accelerator: \(f(1000))
            accelerator_price_usd: \(f(priceUSD))
            facility_capex_usd_per_mw: \(f(1e6))
            lifetime_years: \(f(lifetimeYears))
            fixed_om_usd_per_mw_year: \(f(fixedOMUSD))
            idle_power_fraction: \(f(idleFraction))
            max_utilisation: \(f(1))
            peak_tflops: \(f(1000))
            prefill_utilisation: \(f(0.5))
            decode_utilisation: \(f(0.1))
            measured:
              - {model_class: m, input_tokens_per_s: \(f(tokensPerS)), output_tokens_per_s: \(f(tokensPerS))}
        """
    }
}
