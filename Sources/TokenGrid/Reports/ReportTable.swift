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
