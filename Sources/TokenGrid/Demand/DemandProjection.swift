import Foundation

/// Token demand of every zone in every planning year and time slice, and the compute and energy it needs.
public struct DemandProjection: Sendable, Codable {
    /// One zone's projection.
    public struct Zone: Sendable, Codable {
        public var zoneID: String
        /// The curve demand follows.
        public var curve: GrowthCurve
        /// The fit, for zones whose growth model is fitted to observations.
        public var fit: CurveFit?
        public var years: [ZoneYear]
    }

    /// One zone in one year.
    public struct ZoneYear: Sendable, Codable {
        public var year: Int
        /// Tokens asked for in the year.
        public var tokensPerYear: Double
        /// Tokens per second in each time slice, in the plan's slice order.
        public var sliceTokensPerS: [Double]
        /// Mean over the year, tokens/s.
        public var averageTokensPerS: Double { tokensPerYear / Self.secondsPerYear }
        /// Highest slice, tokens/s.
        public var peakTokensPerS: Double { sliceTokensPerS.max() ?? 0 }

        static let secondsPerYear = 8760.0 * 3600
    }

    public var zones: [Zone]

    public func zone(_ id: String) -> Zone? { zones.first { $0.zoneID == id } }

    /// Projects every zone of `scenario` over its planning years.
    public init(scenario: Scenario) {
        let plan = scenario.plan
        zones = plan.zones.map { zone in
            let (curve, fit) = Self.curve(for: zone)
            let slices = plan.timeSlices
            // Slice factors normalised to an hour-weighted mean of 1, so a year's tokens are conserved.
            let shape = zone.demandShapeSeries
            let raw = slices.map { $0.mean(of: shape) }
            let mean = zip(slices, raw).reduce(0) { $0 + $1.0.weightHours * $1.1 } / slices.totalHours
            let factors = raw.map { mean > 0 ? $0 / mean : 1 }
            let years = plan.years.map { year -> ZoneYear in
                let tokens = curve.tokens(inYear: year)
                let average = tokens / ZoneYear.secondsPerYear
                return ZoneYear(year: year, tokensPerYear: tokens, sliceTokensPerS: factors.map { average * $0 })
            }
            return Zone(zoneID: zone.id, curve: curve, fit: fit, years: years)
        }
    }

    /// The closed-form curve of a zone's growth model (fitting it when asked to).
    public static func curve(for zone: DemandZone) -> (GrowthCurve, CurveFit?) {
        switch zone.growth {
        case .cagr(let rate):
            let base = zone.base!
            let b = log1p(rate)
            return (.exponential(a: log(base.tokensPerYear) - b * base.date.decimalYear, b: b), nil)
        case let .logistic(ceiling, midpoint, rate):
            return (.logistic(ceiling: ceiling, midpoint: midpoint, rate: rate), nil)
        case .anchors(let points):
            return (.anchors(points), nil)
        case let .fit(kind, observations):
            let fit = kind == .exponential ? CurveFit.exponential(observations) : CurveFit.logistic(observations)
            guard let fit else {
                // Readers guarantee enough distinct dates; a degenerate fit falls back to flat demand at the mean.
                let mean = observations.reduce(0) { $0 + $1.tokensPerYear } / Double(observations.count)
                return (.exponential(a: log(mean), b: 0), nil)
            }
            return (fit.curve, fit)
        }
    }
}

/// What serving a volume of tokens takes on one cluster design at one site.
public struct ComputeRequirement: Sendable, Codable, Hashable {
    public var designID: String
    /// IT capacity needed to serve the peak slice at the design's sustained rate (derived figures derated by `max_utilisation`), MW.
    public var itMW: Double
    /// Accelerator-hours spent producing the year's tokens at full speed.
    public var acceleratorHours: Double
    /// Energy at the meter (with PUE) over the year, MWh: idle draw of the installed MW plus the load-dependent part.
    public var energyMWh: Double

    /// - Parameters:
    ///   - design: the cluster design that serves the tokens.
    ///   - mix: the model mix the tokens come from.
    ///   - year: the calendar year.
    ///   - tokensPerYear: tokens in the year.
    ///   - peakTokensPerS: highest slice rate, tokens/s.
    ///   - pue: the site's power usage effectiveness.
    public init(design: ClusterDesign, mix: ModelMix, year: Int, tokensPerYear: Double, peakTokensPerS: Double, pue: Double) {
        designID = design.id
        let perMW = design.tokensPerSPerMW(mix: mix, year: year)
        itMW = peakTokensPerS / design.sustainedTokensPerSPerMW(mix: mix, year: year)
        acceleratorHours = tokensPerYear / design.blendedTokensPerS(mix: mix, year: year) / 3600
        let idle = design.idlePowerFraction.value
        let busyMWh = tokensPerYear / perMW / 3600
        energyMWh = pue * (idle * itMW * 8760 + (1 - idle) * busyMWh)
    }
}
