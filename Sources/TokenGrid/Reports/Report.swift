import Foundation

/// Everything the report files show, in one value: the scenario, its demand projection and the placement result.
/// `plan.json` is this value encoded (see `docs/plan.schema.json`).
public struct Report: Sendable, Codable {
    /// Version of the JSON layout; raised on any incompatible change.
    public var schemaVersion = 1
    public var tool = "tokengrid \(TokenGridVersion.current)"
    /// When the run happened, only with `--stamp` (reports are otherwise byte-identical for the same input).
    public var generatedAt: String?
    public var scenario: Scenario
    /// The files the scenario was loaded from, with their sizes and digests.
    public var inputs: [InputFileRecord]
    public var demand: DemandProjection
    public var result: PlacementResult

    /// The report of `result`; reads the scenario's input files again to record their digests.
    public init(scenario: Scenario, demand: DemandProjection, result: PlacementResult, stampedAt: Date? = nil) {
        self.scenario = scenario
        self.demand = demand
        self.result = result
        inputs = InputFileRecord.records(of: scenario)
        generatedAt = stampedAt.map { ISO8601DateFormatter().string(from: $0) }
    }

    /// Fraction of tokens that are input tokens, for blending market prices.
    public var inputShare: Double { scenario.plan.modelMix.inputShare }
}
