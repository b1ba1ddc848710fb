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
    /// Highest sustainable fraction of peak throughput. Applies to derived throughputs and to measured ones marked
    /// `peak: true`; a measured figure is otherwise already a sustained production rate and is not derated again.
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
        /// Whether the figures are peak (benchmark-burst) rates, to be derated by `max_utilisation` like derived ones.
        /// By default a measurement is a sustained production figure and is used as it is.
        public var isPeak: Bool

        public init(modelClass: String, inputTokensPerS: Figure, outputTokensPerS: Figure, isPeak: Bool = false) {
            self.modelClass = modelClass
            self.inputTokensPerS = inputTokensPerS
            self.outputTokensPerS = outputTokensPerS
            self.isPeak = isPeak
        }
    }

    /// Accelerators per MW of IT load.
    public var acceleratorsPerMW: Double { 1e6 / powerWPerAccelerator.value }

    /// Capex per MW of IT: accelerators plus facility, $/MW (before a site's multiplier).
    public var capexUSDPerMW: Double { acceleratorPriceUSD.value * acceleratorsPerMW + facilityCapexUSDPerMW.value }

    /// Input and output tokens per second of one accelerator on `modelClass` at full power, measured if given, else
    /// derived: peak FLOP/s × utilisation ÷ (2 × active parameters).
    public func throughput(for modelClass: ModelClass) -> (inputTokensPerS: Double, outputTokensPerS: Double) {
        if let figure = measured.first(where: { $0.modelClass == modelClass.id }) {
            return (figure.inputTokensPerS.value, figure.outputTokensPerS.value)
        }
        let flopsPerToken = 2 * modelClass.activeParamsB * 1e9
        let peak = peakTFLOPS.value * 1e12
        return (peak * prefillUtilisation.value / flopsPerToken, peak * decodeUtilisation.value / flopsPerToken)
    }

    /// The fraction of ``throughput(for:)`` that can be produced on average: 1 for a sustained measurement,
    /// `max_utilisation` for a derived figure or a measurement marked `peak: true`.
    public func sustainableFraction(for modelClass: ModelClass) -> Double {
        if let figure = measured.first(where: { $0.modelClass == modelClass.id }), !figure.isPeak { return 1 }
        return maxUtilisation.value
    }

    /// Blended tokens per second of one accelerator at full power, for a mix in a given year:
    /// 1 ÷ Σ_c share_c × (input_share ÷ input_c + (1 − input_share) ÷ output_c).
    public func blendedTokensPerS(mix: ModelMix, year: Int) -> Double {
        blendedTokensPerS(mix: mix, year: year, sustained: false)
    }

    /// Blended tokens per second one accelerator can sustain: each class's throughput times its
    /// ``sustainableFraction(for:)``, blended as in ``blendedTokensPerS(mix:year:)``.
    public func sustainedTokensPerS(mix: ModelMix, year: Int) -> Double {
        blendedTokensPerS(mix: mix, year: year, sustained: true)
    }

    private func blendedTokensPerS(mix: ModelMix, year: Int, sustained: Bool) -> Double {
        var secondsPerToken = 0.0
        for modelClass in mix.classes {
            let share = mix.share(of: modelClass, in: year)
            guard share > 0 else { continue }
            let (input, output) = throughput(for: modelClass)
            let fraction = sustained ? sustainableFraction(for: modelClass) : 1
            secondsPerToken += share * (mix.inputShare / input + (1 - mix.inputShare) / output) / fraction
        }
        return secondsPerToken > 0 ? 1 / secondsPerToken : 0
    }

    /// Tokens per second one MW of IT produces at full power (no utilisation cap), for the mix in `year`.
    /// Power is charged against this rate: producing r tokens/s draws (idle + (1 − idle) × r ÷ this) of full power.
    public func tokensPerSPerMW(mix: ModelMix, year: Int) -> Double {
        blendedTokensPerS(mix: mix, year: year) * acceleratorsPerMW
    }

    /// Tokens per second one MW of IT can sustain (the capacity the LP sizes against), for the mix in `year`.
    public func sustainedTokensPerSPerMW(mix: ModelMix, year: Int) -> Double {
        sustainedTokensPerS(mix: mix, year: year) * acceleratorsPerMW
    }

    /// IT energy per token at full load, J (before PUE).
    public func joulesPerToken(mix: ModelMix, year: Int) -> Double {
        powerWPerAccelerator.value / blendedTokensPerS(mix: mix, year: year)
    }
}

extension ClusterDesign {
    /// `designs` by id, the first of a repeated id kept (loading reports the repeat).
    public static func byID(_ designs: [ClusterDesign]) -> [String: ClusterDesign] {
        Dictionary(designs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
