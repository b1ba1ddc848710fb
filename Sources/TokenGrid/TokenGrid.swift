/// TokenGrid: where to place AI compute given the power grid, and what a token costs there.
public enum TokenGridVersion {
    /// The version printed by `tokengrid --version`.
    public static let current = "0.1.0"
}
