/// A table cell: its text, and the number it shows (for sorting) when it shows one.
struct ReportCell: ExpressibleByStringInterpolation {
    var text: String
    var sortKey: Double?

    init(_ text: String, sortKey: Double? = nil) {
        self.text = text
        self.sortKey = sortKey
    }

    init(stringLiteral value: String) { self.init(value) }
}
