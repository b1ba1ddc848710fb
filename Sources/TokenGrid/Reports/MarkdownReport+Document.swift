/// The report's content independent of its format: `report.md` and `report.html` render the same document, so the
/// two files always show the same numbers (the HTML adds charts where the document places them).
struct ReportDocument {
    var title: String
    /// Lines under the title (status, tool, time stamp).
    var byline: [String]
    var sections: [ReportSection]
}

/// One `##` section; `id` is its HTML anchor.
struct ReportSection {
    var id: String
    var title: String
    var blocks: [ReportBlock]
}

enum ReportBlock {
    case subheading(String)
    case paragraph(String)
    /// A bullet list; `code` items are shown as code (paths, overrides).
    case list([String], code: Bool = false)
    case table(ReportTable)
    /// A chart: the HTML draws it, the Markdown leaves it out (its table is next to it).
    case chart(ReportChart)
}

/// The charts the HTML report draws (see `HTMLReport+Charts.swift`).
enum ReportChart {
    /// Demand by zone and year, on a linear and a log axis.
    case demand
    /// IT capacity installed by site and year, stacked.
    case capacity
    /// Cost per million tokens by site and component, last year.
    case costByComponent
    /// Reserve margin before and after the data-centre load at the peak, last year, with each site's floor.
    case reserveMargins
    /// Grid draw and renewable use against headroom on the largest sites' peak days and typical weeks, last year.
    case dispatch
    /// Connected new load against firm headroom and what a flexible connection could carry, by site, last year.
    case gridEdge
    /// The waterfall of the n-th comparison of the plan's cost attribution.
    case costAttribution(Int)
}

/// A table with a unit in every column title; `footer` rows (totals) stay put when the HTML table is sorted.
struct ReportTable {
    struct Column {
        var title: String
        /// Right-aligned (numbers).
        var numeric: Bool
        /// Kept on one line in the HTML (names such as slice ids that would otherwise break at their hyphens).
        var unbroken = false
    }

    var columns: [Column]
    var rows: [[ReportCell]]
    var footer: [[ReportCell]] = []
    /// Whether the HTML lets the reader sort it by clicking a column title.
    var sortable = false

    /// A table whose first `labels` columns are text and the others numbers.
    init(_ titles: [String], labels: Int = 1, rows: [[ReportCell]], footer: [[ReportCell]] = [], sortable: Bool = false) {
        columns = titles.enumerated().map { Column(title: $1, numeric: $0 >= labels) }
        self.rows = rows
        self.footer = footer
        self.sortable = sortable
    }
}

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
