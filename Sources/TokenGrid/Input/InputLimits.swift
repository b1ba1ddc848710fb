/// The limits every input file is held to, so that no input can crash, hang or exhaust memory, and no number
/// that would make the placement LP unsafe reaches the solver. Each limit is reported as a located error.
public enum InputLimits {
    /// Largest file read, in bytes (16 MiB); the shipped files are a few kilobytes.
    public static let maximumFileBytes = 16 << 20
    /// Most YAML nodes in one document, counting every alias as the nodes it repeats.
    public static let maximumNodes = 2_000_000
    /// Most aliases (`*name`) in one document.
    public static let maximumAliases = 10_000
    /// Deepest nesting of lists and mappings in one document.
    public static let maximumDepth = 64
    /// Longest single YAML scalar, in bytes (longer text fields are rejected by their own, smaller limits).
    public static let maximumScalarBytes = 64 << 10
    /// Longest id (`[a-z0-9-]+`), in characters.
    public static let maximumIDLength = 64
    /// Longest text field (names, sources, reasons …), in characters.
    public static let maximumTextLength = 1_000
    /// Longest plan `description`, in characters.
    public static let maximumDescriptionLength = 10_000
    /// Most overrides (the plan's `overrides` and the command line's `--set` together).
    public static let maximumOverrides = 1_000
    /// Most errors, and separately most warnings, kept and printed; the rest are counted.
    public static let maximumDiagnostics = 1_000
    /// Numbers of smaller non-zero magnitude are read as 0 with a warning (subnormal numbers always are): the solver's
    /// tolerances are about 1e-9, so it cannot tell them from 0, and next to numbers near 1 they made GLPK fail
    /// (an idle power fraction of 1e-29) or abort (a subnormal capacity factor).
    public static let smallestNonZeroMagnitude = 1e-9
    /// Years that observation and base dates may lie in.
    public static let dateYears = 1990 ... 2100
    /// Smallest non-zero discount rate: below it the capital recovery factor r ÷ (1 − (1 + r)^−n) loses all precision.
    public static let smallestNonZeroDiscountRate = 1e-6
    /// Most tokens a zone's demand may reach in a planning year (10^30 a day is 3.65 × 10^32): beyond it the growth
    /// model has run away (a 1,000-fold yearly rate from 1990) and the placement LP's numbers leave what GLPK handles.
    public static let maximumProjectedTokensPerYear = 1e33
    /// Smallest non-zero renewable capacity factor: below it the resource produces nothing the LP can resolve.
    public static let smallestNonZeroCapacityFactor = 1e-6
    /// Tokens per second that one MW of IT of a hosted cluster design may produce, at full power and sustained, for the
    /// plan's model mix: about 1 token/s to 10 million tokens/s per kW; the shipped designs lie between 10^6 and 10^7.
    /// The placement LP holds this rate and its inverse side by side, so a rate far outside (a throughput of 1e-5
    /// tokens/s, in the wrong unit) spreads its coefficients over 10^14, and GLPK then took seconds to call a feasible
    /// plan infeasible.
    public static let tokensPerSPerMW: ClosedRange<Double> = 1e3 ... 1e10
}
