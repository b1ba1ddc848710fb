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
    /// A chart drawn already (inline SVG) with its caption: the HTML shows it, the Markdown leaves it out.
    case figure(svg: String, caption: String)
}
