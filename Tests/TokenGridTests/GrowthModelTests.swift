import Foundation
import Testing
@testable import TokenGrid

/// Every growth model against values computed by hand (arithmetic in the comments).
@Suite("Growth models")
struct GrowthModelTests {
    static func zone(_ growth: GrowthModel, base: TokenVolume? = nil) -> DemandZone {
        DemandZone(id: "z", name: "Z", location: nil, base: base, growth: growth, shape: .flat,
                   servedBy: .sites(["a"]), networkCostUSDPerMTok: 0)
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    // MARK: - cagr

    /// Base 7e12 tokens per week on 2026-07-02. That date is day 182 of 365 (31+28+31+30+31+30 = 181 days before July,
    /// + 1 day), taken at mid-day: t0 = 2026 + 182.5/365 = 2026.5 exactly.
    /// R0 = 7e12 × 365/7 = 3.65e14 tokens per year. With r = 1 (g = 2):
    ///   rate(t) = R0 · 2^(t − 2026.5); tokens(Y) = ∫_Y^{Y+1} rate = R0 · 2^(Y − 2026.5) · (2 − 1)/ln 2
    ///   tokens(2026) = 3.65e14 × 2^(−0.5)/ln 2 = 3.65e14 × 1.0201394466 = 3.72350898e14
    ///   tokens(2027) = 3.65e14 × 2^(0.5)/ln 2 = 3.65e14 × 2.0402788932 = 7.44701796e14
    @Test func cagrIntegratesTheRateOverTheCalendarYear() throws {
        let base = TokenVolume(tokens: 7e12, per: .week, date: Self.date(2026, 7, 2), source: nil)
        #expect(base.date.decimalYear == 2026.5)
        #expect(base.tokensPerYear == 3.65e14)
        let (curve, fit) = DemandProjection.curve(for: Self.zone(.cagr(ratePerYear: 1.0), base: base))
        #expect(fit == nil)
        #expect(TestSupport.close(curve.tokens(inYear: 2026), 3.65e14 * 1.0201394465967897, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2026), 3.72350898007828e14, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2027), 7.44701796015656e14, relative: 1e-12))
        // The instantaneous rate at the base date is the base volume, annualised.
        #expect(TestSupport.close(curve.rate(at: 2026.5), 3.65e14, relative: 1e-12))
        // Each year is (1 + r) = 2 times the one before.
        for year in 2020 ... 2035 { #expect(TestSupport.close(curve.growthFactor(from: year), 2, relative: 1e-12)) }
    }

    /// r = 2 (g = 3): tokens(2027) = 3.65e14 × 3^0.5 × (3 − 1)/ln 3 = 3.65e14 × 1.7320508 × 2/1.0986123
    ///   = 3.65e14 × 3.1531611751 = 1.150903829e15; each year ×3.
    @Test func cagrTripling() throws {
        let base = TokenVolume(tokens: 7e12, per: .week, date: Self.date(2026, 7, 2), source: nil)
        let (curve, _) = DemandProjection.curve(for: Self.zone(.cagr(ratePerYear: 2.0), base: base))
        #expect(TestSupport.close(curve.tokens(inYear: 2027), 1.150903828918715e15, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2030) / curve.tokens(inYear: 2027), 27, relative: 1e-12))
    }

    /// The base volume's period is annualised before growth: per day × 365, per week × 365/7, per month × 12, per year × 1.
    /// With r = 0 the curve is flat, so tokens(any year) = the annualised base:
    /// 1e12/day × 365 = 3.65e14; 7e12/week × 365/7 = 3.65e14; (3.65e14/12)/month × 12 = 3.65e14; 3.65e14/year × 1.
    @Test(arguments: [(TokenVolume.Period.day, 1e12), (.week, 7e12), (.month, 3.65e14 / 12), (.year, 3.65e14)])
    func basePeriodIsAnnualised(period: TokenVolume.Period, tokens: Double) throws {
        let base = TokenVolume(tokens: tokens, per: period, date: Self.date(2025, 3, 1), source: nil)
        let (curve, _) = DemandProjection.curve(for: Self.zone(.cagr(ratePerYear: 0), base: base))
        // b = ln(1 + 0) = 0: the (e^b − 1)/b factor takes its limit 1.
        #expect(TestSupport.close(curve.tokens(inYear: 2025), 3.65e14, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2040), 3.65e14, relative: 1e-12))
    }

    /// exponential(a, b) directly, with b = ln 4 and a = ln(1e15) − 2025 b, so rate(2025.0) = 1e15:
    /// tokens(2025) = 1e15 × (e^b − 1)/b = 1e15 × (4 − 1)/ln 4 = 1e15 × 2.1640425613.
    @Test func exponentialCurveIntegral() {
        let b = log(4.0)
        let curve = GrowthCurve.exponential(a: log(1e15) - 2025 * b, b: b)
        #expect(TestSupport.close(curve.tokens(inYear: 2025), 1e15 * 3 / log(4.0), relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2025), 2.1640425613334453e15, relative: 1e-12))
        // Tiny b: the integral tends to the rate at the start of the year.
        let flat = GrowthCurve.exponential(a: log(5e14), b: 1e-15)
        #expect(TestSupport.close(flat.tokens(inYear: 2030), 5e14, relative: 1e-9))
    }

    // MARK: - logistic

    /// K = 1e18 tokens/yr, t0 = 2028, k = 1/yr. ∫ K/(1 + e^(−k(s − t0))) ds = (K/k) · softplus(k(s − t0)).
    ///   softplus(1) = ln(1 + e) = 1.3132616875, softplus(0) = ln 2 = 0.6931471806, softplus(−1) = 0.3132616875
    ///   tokens(2028) = 1e18 × (1.3132616875 − 0.6931471806) = 6.201145070e17
    ///   tokens(2027) = 1e18 × (0.6931471806 − 0.3132616875) = 3.798854930e17
    /// and since softplus(x) − softplus(−x) = x, tokens(2027) + tokens(2028) = K × 1 = 1e18.
    @Test func logisticUsesTheSoftplusIntegral() {
        let zone = Self.zone(.logistic(ceilingTokensPerYear: 1e18, midpointYear: 2028, ratePerYear: 1))
        let (curve, _) = DemandProjection.curve(for: zone)
        #expect(TestSupport.close(curve.tokens(inYear: 2028), 6.201145069582775e17, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2027), 3.7988549304172243e17, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2027) + curve.tokens(inYear: 2028), 1e18, relative: 1e-12))
        // Half the ceiling at the midpoint, approaching K long after it.
        #expect(TestSupport.close(curve.rate(at: 2028), 5e17, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2070), 1e18, relative: 1e-12))
        // Far before the midpoint the curve is exponential with rate k: consecutive years ×e.
        #expect(TestSupport.close(curve.growthFactor(from: 1990), M_E, relative: 1e-9))
    }

    /// A steep logistic (k = 100/yr) exercises softplus's overflow guard: k(t − t0) = 100 × 12.75 = 1,275 > 30.
    /// tokens(2042) = (K/k)(softplus(1275) − softplus(1175)) = (K/k) × 100 = K.
    @Test func steepLogisticDoesNotOverflow() {
        let curve = GrowthCurve.logistic(ceiling: 2e18, midpoint: 2029.25, rate: 100)
        let tokens = curve.tokens(inYear: 2042)
        #expect(tokens.isFinite)
        #expect(TestSupport.close(tokens, 2e18, relative: 1e-12))
        // Long before the midpoint: essentially zero, and finite.
        #expect(curve.tokens(inYear: 2000) >= 0 && curve.tokens(inYear: 2000) < 1)
    }

    // MARK: - anchors

    /// 1e16 tokens in 2025 and 3.9e18 in 2030: log-linear, ×390^(1/5) = e^(ln 390 / 5) = e^1.1932293 = 3.2977135 per year
    /// (the brief's "3.294" is a rounding slip: 3.294^5 = 387.8, not 390).
    ///   2026: 1e16 × 390^0.2 = 3.2977135e16; 2027: 1e16 × 390^0.4 = 1.0874914e17; 2028: 1e16 × 390^0.6 = 3.5862352e17
    ///   beyond the last anchor the last segment's rate continues: 2032 = 3.9e18 × 390^0.4 = 4.2412166e19
    ///   before the first, the first segment's: 2023 = 1e16 ÷ 390^0.4 = 9.1954748e14
    @Test func anchorsInterpolateLogLinearlyAndExtrapolate() {
        let points = YearMap([2025: 1e16, 2030: 3.9e18]).points
        let (curve, _) = DemandProjection.curve(for: Self.zone(.anchors(points)))
        #expect(TestSupport.close(curve.tokens(inYear: 2025), 1e16, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2030), 3.9e18, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2026), 3.2977134943662754e16, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2027), 1.0874914290925432e17, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2028), 3.586235160726144e17, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2032), 4.241216573460918e19, relative: 1e-12))
        #expect(TestSupport.close(curve.tokens(inYear: 2023), 9.195474771092675e14, relative: 1e-12))
        for year in 2020 ... 2035 { #expect(TestSupport.close(curve.growthFactor(from: year), 3.2977134943662754, relative: 1e-12)) }
        // The annual total of year Y is the rate at mid-year Y + 0.5.
        #expect(TestSupport.close(curve.rate(at: 2027.5), curve.tokens(inYear: 2027), relative: 1e-12))
    }

    /// Three anchors with different segment rates: 1e15 (2025) → 9e15 (2027) is ×3 per year; 9e15 → 7.2e16 (2030) is ×2 per year.
    ///   2024 = 1e15/3; 2026 = 3e15; 2028 = 1.8e16; 2029 = 3.6e16; 2031 = 1.44e17 (last segment's ×2 continues).
    @Test func anchorsUseTheNearestSegment() {
        let curve = GrowthCurve.anchors(YearMap([2025: 1e15, 2027: 9e15, 2030: 7.2e16]).points)
        let expected: [Int: Double] = [2023: 1e15 / 9, 2024: 1e15 / 3, 2025: 1e15, 2026: 3e15, 2027: 9e15,
                                       2028: 1.8e16, 2029: 3.6e16, 2030: 7.2e16, 2031: 1.44e17, 2032: 2.88e17]
        for (year, value) in expected {
            #expect(TestSupport.close(curve.tokens(inYear: year), value, relative: 1e-12), "year \(year)")
        }
    }

    // MARK: - fit

    /// Observations drawn from rate(t) = e^(a + b t) with b = ln 3 (×3 per year) and rate(2026.0) = 1e16,
    /// i.e. a = ln 1e16 − 2026 ln 3, given per week (rate × 7/365). Least squares on ln rate is exact on such data:
    /// it returns a and b, R² = 1, RMSE 0, and implied growth e^b − 1 = 2.
    @Test func exponentialFitRecoversExactParameters() throws {
        let b = log(3.0), a = log(1e16) - 2026 * b
        let dates = [Self.date(2024, 2, 15), Self.date(2024, 11, 3), Self.date(2025, 6, 30), Self.date(2026, 1, 1), Self.date(2026, 9, 9)]
        let observations = dates.map { date in
            TokenVolume(tokens: exp(a + b * date.decimalYear) * 7 / 365, per: .week, date: date, source: nil)
        }
        let fit = try #require(CurveFit.exponential(observations))
        guard case let .exponential(fittedA, fittedB) = fit.curve else {
            Issue.record("expected an exponential curve, got \(fit.curve)")
            return
        }
        #expect(abs(fittedB - b) < 1e-9)
        #expect(TestSupport.close(fittedA, a, relative: 1e-12))
        #expect(TestSupport.close(fit.curve.rate(at: 2026), 1e16, relative: 1e-9))
        #expect(abs(fit.rSquaredLog - 1) < 1e-12)
        #expect(fit.rmseLog < 1e-9)
        #expect(fit.observationCount == 5)
        #expect(abs(fit.impliedGrowthPerYear - 2) < 1e-9)
    }

    /// Two observations on the same date cannot be fitted (no spread in time).
    @Test func exponentialFitNeedsTwoDates() {
        let date = Self.date(2026, 1, 1)
        let observations = [TokenVolume(tokens: 1e12, per: .day, date: date, source: nil),
                            TokenVolume(tokens: 2e12, per: .day, date: date, source: nil)]
        #expect(CurveFit.exponential(observations) == nil)
        // A zone whose fit degenerates falls back to flat demand at the mean annual rate: (1e12 + 2e12)/2 × 365 = 5.475e14.
        let (curve, fit) = DemandProjection.curve(for: Self.zone(.fit(.exponential, observations)))
        #expect(fit == nil)
        #expect(TestSupport.close(curve.tokens(inYear: 2030), 5.475e14, relative: 1e-12))
    }

    static let logisticTruth = (ceiling: 2e18, midpoint: 2028.0, rate: 0.9)

    /// Quarterly observations 2022–2030 (36 points, across the midpoint) of K/(1 + e^(−k(t − t0))) per year,
    /// each multiplied by `noise(i)`.
    static func logisticObservations(noise: (Int) -> Double = { _ in 1 }) -> [TokenVolume] {
        var result: [TokenVolume] = []
        for year in 2022 ... 2030 {
            for month in [1, 4, 7, 10] {
                let date = date(year, month, 1)
                let t = logisticTruth
                let rate = t.ceiling / (1 + exp(-t.rate * (date.decimalYear - t.midpoint)))
                result.append(TokenVolume(tokens: rate * noise(result.count), per: .year, date: date, source: nil))
            }
        }
        return result
    }

    @Test func logisticFitRecoversParametersFromExactData() throws {
        let fit = try #require(CurveFit.logistic(Self.logisticObservations()))
        guard case let .logistic(ceiling, midpoint, rate) = fit.curve else {
            Issue.record("expected a logistic curve, got \(fit.curve)")
            return
        }
        #expect(TestSupport.close(ceiling, 2e18, relative: 1e-3), "K = \(ceiling)")
        #expect(abs(midpoint - 2028) / 2028 < 1e-3 && abs(midpoint - 2028) < 1e-2, "t0 = \(midpoint)")
        #expect(TestSupport.close(rate, 0.9, relative: 1e-3), "k = \(rate)")
        #expect(fit.rSquaredLog > 1 - 1e-9)
        #expect(fit.observationCount == 36)
    }

    /// ±1.5% deterministic noise (a fixed sine pattern): the fit stays within a few per cent of the truth.
    @Test func logisticFitToleratesSmallNoise() throws {
        let observations = Self.logisticObservations { 1 + 0.015 * sin(1.7 * Double($0)) }
        let fit = try #require(CurveFit.logistic(observations))
        guard case let .logistic(ceiling, midpoint, rate) = fit.curve else {
            Issue.record("expected a logistic curve, got \(fit.curve)")
            return
        }
        #expect(TestSupport.close(ceiling, 2e18, relative: 0.05), "K = \(ceiling)")
        #expect(abs(midpoint - 2028) < 0.1, "t0 = \(midpoint)")
        #expect(TestSupport.close(rate, 0.9, relative: 0.05), "k = \(rate)")
        #expect(fit.rSquaredLog > 0.99 && fit.rSquaredLog < 1)
        #expect(fit.rmseLog > 0 && fit.rmseLog < 0.02)
    }

    /// A zone with `fit` growth keeps its fit in the projection (R² reported) and uses the fitted curve.
    @Test func fittedZoneCarriesItsFit() throws {
        let observations = Self.logisticObservations()
        let (curve, fit) = DemandProjection.curve(for: Self.zone(.fit(.logistic, observations)))
        let carried = try #require(fit)
        #expect(carried.curve == curve)
        #expect(GrowthModel.fit(.logistic, observations).name == "fit-logistic")
    }

    // MARK: - reading growth models from a plan

    @Test func everyGrowthModelIsReadFromYAML() throws {
        let workspace = try InputWorkspace()
        let plan = InputFixtures.plan
            .edited("  - id: z\n", """
              - id: logi
                growth: {model: logistic, ceiling_tokens_per_year: 1.5e+18, midpoint_year: 2029.25, rate_per_year: 1.5}
                served_by: {sites: [alpha]}
              - id: anch
                growth: {model: anchors, points: {2025: 1.0e+16, 2030: 3.9e+18}}
                served_by: {sites: [alpha]}
              - id: fitted
                growth:
                  model: fit
                  kind: exponential
                  observations:
                    - {date: 2026-03-15, tokens: 1.4e+14, per: day}
                    - {date: 2025-07-01, tokens: 1.0e+16, per: year}
                served_by: {sites: [beta]}
              - id: z

            """)
        let scenario = try workspace.load(plan: plan)
        let zones = Dictionary(uniqueKeysWithValues: scenario.plan.zones.map { ($0.id, $0) })
        #expect(zones["z"]?.growth == .cagr(ratePerYear: 1.0))
        #expect(zones["logi"]?.growth == .logistic(ceilingTokensPerYear: 1.5e18, midpointYear: 2029.25, ratePerYear: 1.5))
        #expect(zones["anch"]?.growth == .anchors([.init(year: 2025, value: 1e16), .init(year: 2030, value: 3.9e18)]))
        // Observations are sorted by date whatever order the file gives.
        guard case let .fit(kind, observations)? = zones["fitted"]?.growth else {
            Issue.record("expected a fit growth model")
            return
        }
        #expect(kind == .exponential)
        #expect(observations.map(\.date.description) == ["2025-07-01", "2026-03-15"])
        #expect(observations.map(\.tokensPerYear) == [1e16, 1.4e14 * 365])
        #expect(zones.values.map(\.growth.name).sorted() == ["anchors", "cagr", "fit-exponential", "logistic"])
    }

    /// Growth model errors: each names the field and what was expected.
    @Test(arguments: [
        ("{model: logistic, midpoint_year: 2029, rate_per_year: 1.5}", "zones[z].growth.ceiling_tokens_per_year", "missing required field"),
        ("{model: anchors, points: {2025: 1.0e+16}}", "zones[z].growth.points", "at least two anchor years"),
        ("{model: anchors}", "zones[z].growth.points", "missing required points"),
        ("{model: fit, kind: logistic, observations: [{date: 2025-01-01, tokens: 1, per: day}, {date: 2026-01-01, tokens: 2, per: day}]}",
         "zones[z].growth.observations", "needs at least 4 observations"),
        ("{model: fit, kind: exponential, observations: [{date: 2025-01-01, tokens: 1, per: day}, {date: 2025-01-01, tokens: 2, per: day}]}",
         "zones[z].growth.observations", "at least two different dates"),
        ("{model: fit, kind: cubic, observations: []}", "zones[z].growth.kind", "expected one of: exponential, logistic"),
        ("{model: gompertz}", "zones[z].growth.model", "expected one of: cagr, logistic, anchors, fit"),
        ("{model: cagr, rate_per_year: -1}", "zones[z].growth.rate_per_year", "out of range"),
    ])
    func growthModelErrorsAreLocated(growth: String, fieldPath: String, message: String) throws {
        let workspace = try InputWorkspace()
        let plan = InputFixtures.plan.edited("growth: {model: cagr, rate_per_year: 1.0}", "growth: \(growth)")
        let error = try workspace.loadError(plan: plan)
        let diagnostic = try #require(error.errors(at: fieldPath).first, "errors: \(error)")
        #expect(diagnostic.message.contains(message), "\(diagnostic)")
        #expect(TestSupport.samePath(diagnostic.file, workspace.root + "/Plans/test.yaml"))
        #expect(diagnostic.line == TestSupport.line(of: "growth: \(growth)", in: plan))
    }
}
