/// `report.html`: the content of `report.md` with inline SVG charts, as one self-contained page (inline CSS, a few
/// lines of JavaScript to sort the cost tables, no network access), readable on screen and on paper.
public enum HTMLReport {
    /// The report as an HTML page; byte-identical for the same input.
    public static func render(_ report: Report) -> String {
        render(ReportDocument(report), data: ReportData(report))
    }

    /// A document as an HTML page; `data` draws its charts (documents without `.chart` blocks need none).
    static func render(_ document: ReportDocument, data: ReportData?) -> String {
        var lines = [
            "<!doctype html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(document.title))</title>", "<style>", style, "</style>", "</head>", "<body>", "<header>",
            "<h1>\(escape(document.title))</h1>",
        ]
        lines += document.byline.map { "<p class=\"byline\">\(inline($0))</p>" }
        lines.append("<nav>" + document.sections.map { "<a href=\"#\($0.id)\">\(escape($0.title))</a>" }.joined(separator: " ") + "</nav>")
        lines += ["</header>", "<main>"]
        for section in document.sections {
            lines.append("<section id=\"\(section.id)\">")
            lines.append("<h2>\(escape(section.title))</h2>")
            lines += section.blocks.map { render($0, data) }
            lines.append("</section>")
        }
        lines += ["</main>", "<script>", script, "</script>", "</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside HTML elements and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Escaped text with `code` spans (between backticks) as `<code>`.
    static func inline(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            index % 2 == 1 ? "<code>\(escape(String(part)))</code>" : escape(String(part))
        }.joined()
    }

    private static let style = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;background:#fff;max-width:1120px;margin:0 auto;padding:1.2em 1.5em 3em}
    h1{font-size:1.7em;margin:.2em 0}
    h2{font-size:1.35em;border-bottom:2px solid #dde3ea;padding-bottom:.15em;margin:2em 0 .6em}
    h3{font-size:1.08em;margin:1.4em 0 .4em}
    .byline{color:#555;margin:.2em 0}
    nav{margin:.8em 0;padding:.5em 0;border-top:1px solid #eee;border-bottom:1px solid #eee;line-height:1.9}
    nav a{margin-right:1.1em;color:#2f5f98;text-decoration:none;white-space:nowrap}
    nav a:hover{text-decoration:underline}
    .scroll{overflow-x:auto;margin:.4em 0 1em}
    table{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
    th,td{padding:4px 9px;border-bottom:1px solid #e6e6e6;text-align:left;vertical-align:top}
    th{background:#f3f5f8;font-weight:600;border-bottom:2px solid #cfd6de}
    td.num{text-align:right;white-space:nowrap}
    th.num{text-align:right}
    td:first-child,td.nowrap{white-space:nowrap}
    tbody tr:hover{background:#f8fafc}
    tfoot td{font-weight:600;border-top:2px solid #cfd6de}
    table.sortable th{cursor:pointer;user-select:none}
    table.sortable th::after{content:" \\2195";color:#aaa}
    table.sortable th[aria-sort=ascending]::after{content:" \\25B2";color:#2f5f98}
    table.sortable th[aria-sort=descending]::after{content:" \\25BC";color:#2f5f98}
    code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f2f2f2;padding:0 .3em;border-radius:3px}
    ul{padding-left:1.4em}
    figure{margin:.8em 0 1.2em}
    figcaption{color:#555;font-size:13px;margin-top:.2em}
    .charts{display:flex;flex-wrap:wrap;gap:0 1.5em}
    .charts figure{flex:1 1 460px;min-width:0}
    svg{max-width:100%;height:auto;display:block}
    @media print{
    body{max-width:none;padding:0;font-size:11px}
    nav{display:none}
    h2{break-after:avoid}
    figure,tr{break-inside:avoid}
    .scroll{overflow:visible}
    table{font-size:10px}
    th,td{padding:2px 5px}
    table.sortable th::after{content:""}
    }
    """

    /// Sorts a table's body by the clicked column: by `data-sort` numbers where cells have them, else by text.
    private static let script = """
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var headers = table.querySelectorAll("thead th");
      headers.forEach(function (th, column) {
        th.tabIndex = 0;
        function sort() {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
          function key(row) { var cell = row.cells[column], value = cell.getAttribute("data-sort"); return value === null ? cell.textContent : parseFloat(value); }
          rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        }
        th.addEventListener("click", sort);
        th.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(); } });
      });
    });
    """
}
