import Foundation

/// Number formatting shared by the text reports: fixed, locale-independent, so output is reproducible.
public enum NumberFormat {
    /// `value` with `digits` decimals.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        // One POSIX locale for all: making a Locale per call cost about 30 µs, and charts format tens of thousands.
        let text = String(format: "%.\(digits)f", locale: posix, value)
        // A value that rounds to zero reads "0.0", not "-0.0" (a −1e-9 left by the solver is no sign of anything).
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

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
        value == 0 ? "0" : String(format: "%.1e", locale: posix, value)
    }

    /// Money per million tokens.
    public static func usdPerMTok(_ value: Double) -> String { "$" + fixed(value, value < 1 ? 4 : 2) }

    /// An amount of money as planners write it: "$1.41 bn", "$3,487 bn" from a billion dollars, "312 M$", "45.6 M$" from
    /// a million, whole dollars below ("$12,345"). Three significant digits at least.
    public static func money(_ usd: Double) -> String {
        guard usd.isFinite else { return "n/a" }
        if abs(usd) >= 1e9 { return "$" + threeFigures(usd / 1e9) + " bn" }
        if abs(usd) >= 1e6 { return threeFigures(usd / 1e6) + " M$" }
        return (usd < 0 ? "-$" : "$") + grouped(abs(usd), 0)
    }

    /// Millions of dollars for a table column titled "(M$)": three significant digits at least, thousands grouped.
    public static func millionsUSD(_ usd: Double) -> String { threeFigures(usd / 1e6) }

    /// Two decimals below 10, one below 100, none above; thousands grouped with ",".
    private static func threeFigures(_ value: Double) -> String {
        grouped(value, abs(value) < 10 ? 2 : abs(value) < 100 ? 1 : 0)
    }

    /// `value` with `digits` decimals and "," between thousands ("12,345.6").
    public static func grouped(_ value: Double, _ digits: Int) -> String {
        let text = fixed(value, digits)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0]), out = ""
        while whole.count > 3 {
            out = "," + whole.suffix(3) + out
            whole.removeLast(3)
        }
        return (negative ? "-" : "") + whole + out + (parts.count > 1 ? "." + parts[1] : "")
    }
}
