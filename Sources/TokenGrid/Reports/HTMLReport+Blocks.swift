extension HTMLReport {
    /// One block of the document as HTML; table rows sit on lines of their own.
    static func render(_ block: ReportBlock, _ data: ReportData?) -> String {
        switch block {
        case .subheading(let text): return "<h3>\(inline(text))</h3>"
        case .paragraph(let text): return "<p>\(inline(text))</p>"
        case let .list(items, code):
            return "<ul>\n" + items.map { "<li>" + (code ? "<code>\(escape($0))</code>" : inline($0)) + "</li>" }.joined(separator: "\n") + "\n</ul>"
        case .table(let table): return render(table)
        case .chart(let chart): return data.map { render(chart, $0) } ?? ""
        case let .figure(svg, caption): return figure(svg, caption: caption)
        }
    }

    private static func render(_ table: ReportTable) -> String {
        func row(_ cells: [ReportCell]) -> String {
            "<tr>" + zip(cells, table.columns).map { cell, column in
                let sort = table.sortable ? cell.sortKey.flatMap { $0.isFinite ? " data-sort=\"\($0)\"" : nil } ?? "" : ""
                let style = column.numeric ? " class=\"num\"" : column.unbroken ? " class=\"nowrap\"" : ""
                return "<td\(style)\(sort)>\(inline(cell.text))</td>"
            }.joined() + "</tr>"
        }
        var lines = ["<div class=\"scroll\">", "<table\(table.sortable ? " class=\"sortable\"" : "")>", "<thead>",
                     "<tr>" + table.columns.map { "<th\($0.numeric ? " class=\"num\"" : "") scope=\"col\">\(escape($0.title))</th>" }.joined() + "</tr>",
                     "</thead>", "<tbody>"]
        lines += table.rows.map(row)
        lines.append("</tbody>")
        if !table.footer.isEmpty { lines += ["<tfoot>"] + table.footer.map(row) + ["</tfoot>"] }
        lines += ["</table>", "</div>"]
        return lines.joined(separator: "\n")
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\n\(svg)\n<figcaption>\(escape(caption))</figcaption>\n</figure>"
    }
}
