/// A class of language model, by its parameter counts.
public struct ModelClass: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// Parameters active per token, billions (all of them for a dense model; the routed experts' share for Mixture-of-Experts).
    public var activeParamsB: Double
    /// All parameters, billions (sets memory, not compute).
    public var totalParamsB: Double
    /// Share of all tokens served by this class, by year.
    public var share: YearMap

    /// Whether only a part of the parameters is active per token.
    public var isMixtureOfExperts: Bool { activeParamsB < totalParamsB }
}

/// Which models the tokens are for, and how they split between input and output.
public struct ModelMix: Sendable, Hashable, Codable {
    /// Fraction of tokens that are input (prompt) tokens.
    public var inputShare: Double
    public var classes: [ModelClass]

    /// The class's share of tokens in `year`.
    public func share(of modelClass: ModelClass, in year: Int) -> Double { modelClass.share.value(in: year) }

    /// Mean active parameters per token in `year`, billions.
    public func meanActiveParamsB(in year: Int) -> Double {
        classes.reduce(0) { $0 + share(of: $1, in: year) * $1.activeParamsB }
    }
}
