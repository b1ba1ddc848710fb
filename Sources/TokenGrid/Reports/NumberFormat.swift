import Foundation

/// Number formatting shared by the text reports: fixed, locale-independent, so output is reproducible.
public enum NumberFormat {
    /// `value` with `digits` decimals.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", locale: Locale(identifier: "en_US_POSIX"), value)
    }

    /// A large count with an SI-style suffix: 1.23e15 → "1.23 P".
    public static func scaled(_ value: Double, unit: String = "") -> String {
        let prefixes: [(Double, String)] = [(1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, prefix) in prefixes where abs(value) >= scale {
            return fixed(value / scale, 2) + " " + prefix + unit
        }
        return fixed(value, abs(value) >= 100 || value == value.rounded() ? 0 : 2) + (unit.isEmpty ? "" : " " + unit)
    }

    /// A fraction as a percentage with one decimal.
    public static func percent(_ fraction: Double) -> String {
        fraction.isFinite ? fixed(fraction * 100, 1) + "%" : "n/a"
    }

    /// A small measure such as a residual in scientific notation with two significant digits ("0" for zero).
    public static func scientific(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.1e", locale: Locale(identifier: "en_US_POSIX"), value)
    }

    /// Money per million tokens.
    public static func usdPerMTok(_ value: Double) -> String { "$" + fixed(value, value < 1 ? 4 : 2) }
}
