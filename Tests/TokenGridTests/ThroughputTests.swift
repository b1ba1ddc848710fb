import Foundation
import Testing
@testable import TokenGrid

/// Throughput, energy per token, capex per MW and compute requirements of a cluster design, by hand.
@Suite("Cluster design throughput and energy")
struct ThroughputTests {
    static func figure(_ value: Double) -> Figure { Figure(value, assumption: true, reason: "test") }

    /// 1,000 W per accelerator, $30,000 each, $10M/MW facility, 1,000 TFLOPS dense, prefill 0.5, decode 0.1,
    /// idle 0.3, max utilisation 0.8.
    static func design(measured: [ClusterDesign.MeasuredThroughput] = []) -> ClusterDesign {
        ClusterDesign(id: "hand", accelerator: "Hand", powerWPerAccelerator: figure(1000), acceleratorPriceUSD: figure(30_000),
                      facilityCapexUSDPerMW: figure(10_000_000), lifetimeYears: figure(5), fixedOMUSDPerMWYear: figure(1_000_000),
                      idlePowerFraction: figure(0.3), maxUtilisation: figure(0.8), peakTFLOPS: figure(1000),
                      prefillUtilisation: figure(0.5), decodeUtilisation: figure(0.1), measured: measured)
    }

    static let m10 = ModelClass(id: "m10", name: "10B active", activeParamsB: 10, totalParamsB: 230, share: YearMap([2025: 1]))
    static let m50 = ModelClass(id: "m50", name: "50B dense", activeParamsB: 50, totalParamsB: 50, share: YearMap([2025: 0]))
    static let mix10 = ModelMix(inputShare: 0.8, classes: [m10])

    /// input tok/s = 1e15 FLOP/s × 0.5 ÷ (2 × 1e10 FLOP/token) = 25,000; output = 1e15 × 0.1 ÷ 2e10 = 5,000.
    @Test func derivedThroughputPerAccelerator() {
        let (input, output) = Self.design().throughput(for: Self.m10)
        #expect(TestSupport.close(input, 25_000, relative: 1e-12))
        #expect(TestSupport.close(output, 5_000, relative: 1e-12))
        // 50B active: five times the FLOPs per token → 5,000 in, 1,000 out.
        let (input50, output50) = Self.design().throughput(for: Self.m50)
        #expect(TestSupport.close(input50, 5_000, relative: 1e-12))
        #expect(TestSupport.close(output50, 1_000, relative: 1e-12))
    }

    /// blended = 1 ÷ (0.8/25,000 + 0.2/5,000) = 1 ÷ (3.2e-5 + 4e-5) = 1 ÷ 7.2e-5 = 13,888.9 tok/s;
    /// J/token = 1,000 W ÷ 13,888.9 = 0.072; accelerators per MW = 1e6/1,000 = 1,000;
    /// tokens/s per MW = 13,888.9 × 1,000 = 1.38889e7; capex/MW = 30,000 × 1,000 + 10e6 = $40M.
    @Test func energyPerTokenAndCapexByHand() {
        let design = Self.design()
        #expect(TestSupport.close(design.blendedTokensPerS(mix: Self.mix10, year: 2025), 13_888.888888888889, relative: 1e-12))
        #expect(TestSupport.close(design.joulesPerToken(mix: Self.mix10, year: 2025), 0.072, relative: 1e-12))
        #expect(design.acceleratorsPerMW == 1000)
        #expect(TestSupport.close(design.tokensPerSPerMW(mix: Self.mix10, year: 2025), 1.3888888888888889e7, relative: 1e-12))
        #expect(design.capexUSDPerMW == 40_000_000)
    }

    /// A measured figure for the class replaces the derived one: 40,000 in and 8,000 out
    /// → blended 1 ÷ (0.8/40,000 + 0.2/8,000) = 1 ÷ (2e-5 + 2.5e-5) = 22,222.2 tok/s, J/token = 1,000/22,222.2 = 0.045.
    /// Other classes still use the derived figure.
    @Test func measuredOverridesDerived() {
        let measured = ClusterDesign.MeasuredThroughput(modelClass: "m10", inputTokensPerS: Self.figure(40_000), outputTokensPerS: Self.figure(8_000))
        let design = Self.design(measured: [measured])
        let (input, output) = design.throughput(for: Self.m10)
        #expect(input == 40_000 && output == 8_000)
        #expect(TestSupport.close(design.blendedTokensPerS(mix: Self.mix10, year: 2025), 22_222.222222222223, relative: 1e-12))
        #expect(TestSupport.close(design.joulesPerToken(mix: Self.mix10, year: 2025), 0.045, relative: 1e-12))
        let (input50, _) = design.throughput(for: Self.m50)
        #expect(TestSupport.close(input50, 5_000, relative: 1e-12))
    }

    /// Two classes, shares by year {2025: m10 1, m50 0} → {2030: m10 0, m50 1}, linear between.
    /// Seconds per token: m10 = 7.2e-5 (above); m50 = 0.8/5,000 + 0.2/1,000 = 1.6e-4 + 2e-4 = 3.6e-4.
    ///   2025: 1/7.2e-5 = 13,888.9;  2030: 1/3.6e-4 = 2,777.8;
    ///   2027: shares 0.6/0.4 → 1/(0.6 × 7.2e-5 + 0.4 × 3.6e-4) = 1/(4.32e-5 + 1.44e-4) = 1/1.872e-4 = 5,341.88.
    /// A class with share 0 in a year is skipped. Mean active parameters in 2027 = 0.6 × 10 + 0.4 × 50 = 26B.
    @Test func blendOverClassesFollowsTheSharesByYear() {
        var m10 = Self.m10, m50 = Self.m50
        m10.share = YearMap([2025: 1, 2030: 0])
        m50.share = YearMap([2025: 0, 2030: 1])
        let mix = ModelMix(inputShare: 0.8, classes: [m10, m50])
        let design = Self.design()
        #expect(TestSupport.close(design.blendedTokensPerS(mix: mix, year: 2025), 13_888.888888888889, relative: 1e-12))
        #expect(TestSupport.close(design.blendedTokensPerS(mix: mix, year: 2030), 2_777.7777777777778, relative: 1e-12))
        #expect(TestSupport.close(design.blendedTokensPerS(mix: mix, year: 2027), 5_341.880341880342, relative: 1e-12))
        #expect(TestSupport.close(mix.meanActiveParamsB(in: 2027), 26, relative: 1e-12))
        // Equal shares: 1/(0.5 × 7.2e-5 + 0.5 × 3.6e-4) = 1/2.16e-4 = 4,629.63.
        m10.share = YearMap([2025: 0.5]); m50.share = YearMap([2025: 0.5])
        #expect(TestSupport.close(design.blendedTokensPerS(mix: ModelMix(inputShare: 0.8, classes: [m10, m50]), year: 2025),
                                  4_629.62962962963, relative: 1e-12))
    }

    /// `max_utilisation` (0.8) derates derived throughput and measurements marked `peak: true`, never a sustained
    /// measurement: with 40,000/8,000 tok/s measured on m10, sustained = full power = 22,222.2 tok/s per accelerator
    /// (2.22222e7 per MW); marked as peak, sustained = 0.8 × 22,222.2 = 17,777.8; derived: 0.8 × 13,888.9 = 11,111.1.
    /// Power is charged against the full-power rate in every case, so J/token stays 1,000 ÷ 22,222.2 = 0.045.
    @Test func utilisationDeratesOnlyDerivedAndPeakFigures() {
        let sustained = ClusterDesign.MeasuredThroughput(modelClass: "m10", inputTokensPerS: Self.figure(40_000), outputTokensPerS: Self.figure(8_000))
        var peak = sustained
        peak.isPeak = true
        let measured = Self.design(measured: [sustained]), peaked = Self.design(measured: [peak]), derived = Self.design()
        #expect(measured.sustainableFraction(for: Self.m10) == 1)
        #expect(peaked.sustainableFraction(for: Self.m10) == 0.8)
        #expect(TestSupport.close(measured.sustainedTokensPerS(mix: Self.mix10, year: 2025), 22_222.222222222223, relative: 1e-12))
        #expect(TestSupport.close(measured.sustainedTokensPerSPerMW(mix: Self.mix10, year: 2025), 2.2222222222222223e7, relative: 1e-12))
        #expect(TestSupport.close(peaked.sustainedTokensPerS(mix: Self.mix10, year: 2025), 17_777.777777777777, relative: 1e-12))
        #expect(TestSupport.close(derived.sustainedTokensPerS(mix: Self.mix10, year: 2025), 11_111.111111111111, relative: 1e-12))
        #expect(TestSupport.close(peaked.joulesPerToken(mix: Self.mix10, year: 2025), 0.045, relative: 1e-12))
        // A blend of a sustained measurement (m10, 7.2e-5 → 4.5e-5 s/token) and a derived class (m50, 3.6e-4 s/token at
        // full power, 4.5e-4 sustained) at equal shares: 1 ÷ (0.5 × 4.5e-5 + 0.5 × 4.5e-4) = 1 ÷ 2.475e-4 = 4,040.4 tok/s.
        var m10 = Self.m10, m50 = Self.m50
        m10.share = YearMap([2025: 0.5]); m50.share = YearMap([2025: 0.5])
        let blend = ModelMix(inputShare: 0.8, classes: [m10, m50])
        #expect(TestSupport.close(measured.sustainedTokensPerS(mix: blend, year: 2025), 4_040.404040404040, relative: 1e-12))
    }

    /// A sustained measurement sizes capacity at its own rate: serving a peak of 2.5e7 tok/s on the measured design
    /// needs 2.5e7 ÷ 2.22222e7 = 1.125 MW, not 1.125 ÷ 0.8 = 1.406 MW (the old double derating, ×1.25 here).
    @Test func measuredDesignIsSizedWithoutDeratingAgain() {
        let sustained = ClusterDesign.MeasuredThroughput(modelClass: "m10", inputTokensPerS: Self.figure(40_000), outputTokensPerS: Self.figure(8_000))
        let requirement = ComputeRequirement(design: Self.design(measured: [sustained]), mix: Self.mix10, year: 2025,
                                             tokensPerYear: 1e7 * 31_536_000, peakTokensPerS: 2.5e7, pue: 1.2)
        #expect(TestSupport.close(requirement.itMW, 1.125, relative: 1e-12))
    }

    /// Serving a peak of 2.5e7 tok/s and 1e7 tok/s on average (3.1536e14 tokens in the year) on the hand design, PUE 1.2:
    ///   MW IT = peak ÷ (tokens/s per MW × max utilisation) = 2.5e7 ÷ (1.38889e7 × 0.8) = 2.5e7 ÷ 1.11111e7 = 2.25 MW
    ///   accelerator-hours = 3.1536e14 ÷ 13,888.9 tok/s ÷ 3,600 = 3.1536e14 ÷ 5e7 = 6,307,200 h
    ///   busy MWh = 3.1536e14 ÷ 1.38889e7 ÷ 3,600 = 3.1536e14 ÷ 5e10 = 6,307.2 MWh (= 6,307,200 h × 1 kW)
    ///   energy = PUE × (idle × MW × 8,760 + (1 − idle) × busy) = 1.2 × (0.3 × 2.25 × 8,760 + 0.7 × 6,307.2)
    ///          = 1.2 × (5,913 + 4,415.04) = 1.2 × 10,328.04 = 12,393.648 MWh
    @Test func computeRequirementByHand() {
        let requirement = ComputeRequirement(design: Self.design(), mix: Self.mix10, year: 2025,
                                             tokensPerYear: 1e7 * 31_536_000, peakTokensPerS: 2.5e7, pue: 1.2)
        #expect(requirement.designID == "hand")
        #expect(TestSupport.close(requirement.itMW, 2.25, relative: 1e-12))
        #expect(TestSupport.close(requirement.acceleratorHours, 6_307_200, relative: 1e-12))
        #expect(TestSupport.close(requirement.energyMWh, 12_393.648, relative: 1e-12))
        // With no idle draw and PUE 1, energy is exactly the busy accelerator-hours × 1 kW.
        var frugal = Self.design()
        frugal.idlePowerFraction = Self.figure(0)
        let busyOnly = ComputeRequirement(design: frugal, mix: Self.mix10, year: 2025, tokensPerYear: 1e7 * 31_536_000, peakTokensPerS: 2.5e7, pue: 1)
        #expect(TestSupport.close(busyOnly.energyMWh, 6_307.2, relative: 1e-12))
    }

    /// The fixture's designs file read back: `d1` matches the hand design's figures, `d2` carries its measured throughput
    /// (1,500 W, 40,000/8,000 tok/s on m10 → J/token = 1,500 ÷ 22,222.2 = 0.0675), and capex/MW of d2 =
    /// 45,000 × (1e6/1,500) + 12e6 = 30e6 + 12e6 = $42M.
    @Test func loadedDesignsMatchTheFile() throws {
        let scenario = try InputWorkspace().load()
        let d1 = try #require(scenario.design("d1"))
        let d2 = try #require(scenario.design("d2"))
        let mix = ModelMix(inputShare: 0.8, classes: [Self.m10])
        #expect(TestSupport.close(d1.joulesPerToken(mix: mix, year: 2025), 0.072, relative: 1e-12))
        #expect(d1.capexUSDPerMW == 40_000_000)
        #expect(d2.measured.count == 1)
        #expect(d2.measured.first?.inputTokensPerS.source == "test benchmark")
        #expect(d2.measured.first?.isPeak == false)
        #expect(TestSupport.close(d2.joulesPerToken(mix: mix, year: 2025), 0.0675, relative: 1e-12))
        #expect(TestSupport.close(d2.capexUSDPerMW, 42_000_000, relative: 1e-12))
    }

    /// `peak: true` on a measurement is read, and makes `max_utilisation` apply to it.
    @Test func peakFlagIsRead() throws {
        let workspace = try InputWorkspace(designs: InputFixtures.designs.replacingOccurrences(
            of: "output_tokens_per_s: {value: 8000, source: \"test benchmark\", year: 2025}",
            with: "output_tokens_per_s: {value: 8000, source: \"test benchmark\", year: 2025}\n        peak: true"))
        let d2 = try #require(try workspace.load().design("d2"))
        #expect(d2.measured.first?.isPeak == true)
        #expect(d2.sustainableFraction(for: Self.m10) == d2.maxUtilisation.value)
    }

    /// The calibration table in `Regions/designs.yaml`'s header, recomputed from the shipped figures for DeepSeek-V3 (37B active):
    /// h100-sxm derived 1,979e12 × 0.35 ÷ 74e9 = 9,360 in, 1,979e12 × 0.08 ÷ 74e9 = 2,139 out; its measured 6,537 / 2,787 wins.
    @Test func shippedDesignCalibrationMatchesItsComment() throws {
        let catalogue = try RegionCatalogue.load(directory: TestSupport.repositoryPath("Regions"))
        let h100 = try #require(catalogue.designs.first { $0.id == "h100-sxm" })
        let v3 = ModelClass(id: "moe-37b-671b", name: "V3", activeParamsB: 37, totalParamsB: 671, share: YearMap([2025: 1]))
        var derivedOnly = h100
        derivedOnly.measured = []
        let (input, output) = derivedOnly.throughput(for: v3)
        #expect(input.rounded() == 9_360)
        #expect(output.rounded() == 2_139)
        let (measuredIn, measuredOut) = h100.throughput(for: v3)
        #expect(measuredIn == 6_537 && measuredOut == 2_787)
        // 10,200 W / 8 = 1,275 W per GPU → 784.3 accelerators per MW.
        #expect(TestSupport.close(h100.acceleratorsPerMW, 1e6 / 1275, relative: 1e-12))
    }
}
