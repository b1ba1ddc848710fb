/// Number cells in the units the report's column titles name; every number goes through `NumberFormat`, so the text is
/// locale-independent. Values within `epsilon` of zero (solver noise) show as "–".
extension ReportCell {
    static let epsilon = 1e-6

    /// A count with an SI suffix ("1.23 T"): tokens, tonnes, dollars.
    static func scaled(_ value: Double) -> ReportCell {
        ReportCell(abs(value) < epsilon ? "–" : NumberFormat.scaled(value), sortKey: value)
    }

    /// Money in millions of dollars, for a column titled "(M$)" or "(M$/yr)".
    static func millionsUSD(_ usd: Double) -> ReportCell {
        ReportCell(abs(usd) < 0.5 ? "–" : NumberFormat.millionsUSD(usd), sortKey: usd)
    }

    /// MW: whole MW from 100, one decimal below, two below 1 MW.
    static func mw(_ value: Double) -> ReportCell {
        ReportCell(abs(value) < epsilon ? "–" : mwText(value), sortKey: value)
    }

    /// $ per million tokens, without the "$" (the column title says it): four decimals below 1, two above.
    static func usdPerMTok(_ value: Double) -> ReportCell {
        ReportCell(usdPerMTokText(value), sortKey: value)
    }

    /// A fraction as a percentage with one decimal (no "%"; the column title says it).
    static func percent(_ fraction: Double) -> ReportCell {
        ReportCell(fraction.isFinite ? NumberFormat.fixed(fraction * 100, 1) : "n/a", sortKey: fraction.isFinite ? fraction : nil)
    }

    /// A multiplier ("×2.00").
    static func factor(_ value: Double) -> ReportCell {
        ReportCell(value.isFinite ? "×" + NumberFormat.fixed(value, 2) : "–", sortKey: value.isFinite ? value : nil)
    }

    static func integer(_ value: Int) -> ReportCell { ReportCell(String(value), sortKey: Double(value)) }

    static func mwText(_ value: Double) -> String {
        NumberFormat.fixed(value, abs(value) < 1 ? 2 : abs(value) < 100 ? 1 : 0)
    }

    static func usdPerMTokText(_ value: Double) -> String {
        NumberFormat.fixed(value, abs(value) < 1 ? 4 : 2)
    }
}
