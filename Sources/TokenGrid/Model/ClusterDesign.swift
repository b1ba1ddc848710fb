/// A compute cluster design: an accelerator, how much power it draws, what it costs and how fast it serves each model class.
public struct ClusterDesign: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// Display name of the accelerator.
    public var accelerator: String
    /// Wall power per accelerator at full load, incl. its share of host, network and storage (before PUE), W.
    public var powerWPerAccelerator: Figure
    /// Price of one accelerator incl. its share of the server, $.
    public var acceleratorPriceUSD: Figure
    /// Building, power and cooling per MW of IT, $/MW.
    public var facilityCapexUSDPerMW: Figure
    /// Economic life, years.
    public var lifetimeYears: Figure
    /// Fixed operation and maintenance, $/MW of IT per year.
    public var fixedOMUSDPerMWYear: Figure
    /// Power drawn when idle, fraction of full power.
    public var idlePowerFraction: Figure
    /// Highest sustainable fraction of peak throughput.
    public var maxUtilisation: Figure
    /// Dense peak at the serving precision, TFLOP/s.
    public var peakTFLOPS: Figure
    /// Model-FLOP utilisation on input (prefill) tokens, fraction.
    public var prefillUtilisation: Figure
    /// Model-FLOP utilisation on output (decode) tokens, fraction.
    public var decodeUtilisation: Figure
    /// Measured throughputs that replace the derived ones for a model class.
    public var measured: [MeasuredThroughput]

    /// Throughput of one accelerator on one model class, measured.
    public struct MeasuredThroughput: Sendable, Hashable, Codable {
        public var modelClass: String
        /// Input tokens per second per accelerator.
        public var inputTokensPerS: Figure
        /// Output tokens per second per accelerator.
        public var outputTokensPerS: Figure
    }

    /// Accelerators per MW of IT load.
    public var acceleratorsPerMW: Double { 1e6 / powerWPerAccelerator.value }

    /// Capex per MW of IT: accelerators plus facility, $/MW (before a site's multiplier).
    public var capexUSDPerMW: Double { acceleratorPriceUSD.value * acceleratorsPerMW + facilityCapexUSDPerMW.value }

    /// Input and output tokens per second of one accelerator on `modelClass`, measured if given, else derived:
    /// peak FLOP/s × utilisation ÷ (2 × active parameters).
    public func throughput(for modelClass: ModelClass) -> (inputTokensPerS: Double, outputTokensPerS: Double) {
        if let figure = measured.first(where: { $0.modelClass == modelClass.id }) {
            return (figure.inputTokensPerS.value, figure.outputTokensPerS.value)
        }
        let flopsPerToken = 2 * modelClass.activeParamsB * 1e9
        let peak = peakTFLOPS.value * 1e12
        return (peak * prefillUtilisation.value / flopsPerToken, peak * decodeUtilisation.value / flopsPerToken)
    }

    /// Blended tokens per second of one accelerator at full load, for a mix in a given year:
    /// 1 ÷ Σ_c share_c × (input_share ÷ input_c + (1 − input_share) ÷ output_c).
    public func blendedTokensPerS(mix: ModelMix, year: Int) -> Double {
        var secondsPerToken = 0.0
        for modelClass in mix.classes {
            let share = mix.share(of: modelClass, in: year)
            guard share > 0 else { continue }
            let (input, output) = throughput(for: modelClass)
            secondsPerToken += share * (mix.inputShare / input + (1 - mix.inputShare) / output)
        }
        return secondsPerToken > 0 ? 1 / secondsPerToken : 0
    }

    /// Tokens per second one MW of IT produces at full load (no utilisation cap), for the mix in `year`.
    public func tokensPerSPerMW(mix: ModelMix, year: Int) -> Double {
        blendedTokensPerS(mix: mix, year: year) * acceleratorsPerMW
    }

    /// IT energy per token at full load, J (before PUE).
    public func joulesPerToken(mix: ModelMix, year: Int) -> Double {
        powerWPerAccelerator.value / blendedTokensPerS(mix: mix, year: year)
    }
}
