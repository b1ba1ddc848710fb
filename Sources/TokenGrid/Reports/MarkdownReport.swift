/// `report.md`: the summary a planner reads first (the same content as `report.html`, without the charts).
public enum MarkdownReport {
    /// The report as GitHub-flavoured Markdown; byte-identical for the same input.
    public static func render(_ report: Report) -> String {
        render(ReportDocument(report))
    }

    /// A document as GitHub-flavoured Markdown (charts and figures left out).
    static func render(_ document: ReportDocument) -> String {
        var lines = ["# \(escape(document.title))", ""] + document.byline.map(escape) + [""]
        lines.append(document.sections.map { "[\(escape($0.title))](#\(slug($0.title)))" }.joined(separator: " · "))
        for section in document.sections {
            lines += ["", "## \(escape(section.title))"]
            for block in section.blocks {
                guard let text = render(block) else { continue }
                lines += ["", text]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ block: ReportBlock) -> String? {
        switch block {
        case .subheading(let text): return "### " + escape(text)
        case .paragraph(let text): return escape(text)
        case let .list(items, code): return items.map { "- " + (code ? codeSpan($0) : escape($0)) }.joined(separator: "\n")
        case .table(let table): return render(table)
        case .chart, .figure: return nil
        }
    }

    private static func render(_ table: ReportTable) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        var lines = [line(table.columns.map { escape($0.title) }), "|" + table.columns.map { $0.numeric ? "---:|" : "---|" }.joined()]
        lines += table.rows.map { line($0.map { escape($0.text) }) }
        // Markdown tables have no footer: totals come last, in bold.
        lines += table.footer.map { line($0.map { $0.text.isEmpty ? "" : "**" + escape($0.text) + "**" }) }
        return lines.joined(separator: "\n")
    }

    /// Text with Markdown's active characters escaped (and `&` where it could start an entity); `code` spans
    /// (between backticks) are kept as they are, except for `|`, which would end a table cell even there.
    static func escape(_ text: String) -> String {
        var out = "", inCode = false
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == "`" { inCode.toggle() }
            let entity = character == "&" && startsEntity(characters[(index + 1)...])
            if character == "|" || (!inCode && ("\\*_[]<>".contains(character) || entity || (character == "#" && out.isEmpty))) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
        }
        return out
    }

    /// Whether the text after a "&" reads as an entity reference ("amp;", "#39;").
    private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
        guard let end = rest.firstIndex(where: { !($0.isLetter || $0.isNumber || $0 == "#") }), end > rest.startIndex else { return false }
        return rest[end] == ";"
    }

    /// The anchor GitHub gives a heading: lower case, spaces to hyphens, other punctuation dropped.
    private static func slug(_ title: String) -> String {
        String(title.lowercased().compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : nil })
    }

    /// A code span that survives backticks inside the text.
    private static func codeSpan(_ text: String) -> String {
        let fence = text.contains("`") ? "`` " : "`"
        return fence + text.replacingOccurrences(of: "\n", with: " ") + String(fence.reversed())
    }
}
