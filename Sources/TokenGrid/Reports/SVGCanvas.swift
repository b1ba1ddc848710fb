/// SVG elements collected in drawing order, one per line.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A rectangle; `opacity` below 1 lets what is under it show (0 makes an invisible area that only carries its tooltip).
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1, tooltip: String? = nil) {
        var body = "x=\"\(SVGChart.n(x))\" y=\"\(SVGChart.n(y))\" width=\"\(SVGChart.n(max(0, width)))\" height=\"\(SVGChart.n(max(0, height)))\" fill=\"\(fill)\""
        if opacity < 1 { body += " fill-opacity=\"\(NumberFormat.fixed(opacity, 2))\"" }
        elements.append(tooltip.map { "<rect \(body)><title>\(HTMLReport.escape($0))</title></rect>" } ?? "<rect \(body)/>")
    }

    /// A line; `opacity` below 1 lets what is under it show, `tooltip` gives it a title (hover text).
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil,
                       opacity: Double = 1, tooltip: String? = nil) {
        let dashed = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        let faded = opacity < 1 ? " stroke-opacity=\"\(NumberFormat.fixed(opacity, 2))\" stroke-linecap=\"round\"" : ""
        let body = "x1=\"\(SVGChart.n(x1))\" y1=\"\(SVGChart.n(y1))\" x2=\"\(SVGChart.n(x2))\" y2=\"\(SVGChart.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVGChart.n(width))\"\(dashed)\(faded)"
        elements.append(tooltip.map { "<line \(body)><title>\(HTMLReport.escape($0))</title></line>" } ?? "<line \(body)/>")
    }

    /// Filled shapes, each a closed ring of points, as one path (`fill-rule` nonzero), cut to `clip` (a ``clipRect(id:)``).
    mutating func shapes(_ rings: [[(x: Double, y: Double)]], fill: String, stroke: String, width: Double, clip: String? = nil) {
        let data = rings.filter { $0.count > 2 }.map { ring in
            "M" + ring.map { "\(Self.tenths($0.x)) \(Self.tenths($0.y))" }.joined(separator: "L") + "Z"
        }.joined()
        let clipped = clip.map { " clip-path=\"url(#\($0))\"" } ?? ""
        elements.append("<path d=\"\(data)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(SVGChart.n(width))\" stroke-linejoin=\"round\"\(clipped)/>")
    }

    /// A coordinate rounded to tenths ("12.3", "-0.4", "7"), by integer arithmetic: the map's outlines have thousands
    /// of points, and `String(format:locale:)` takes tens of microseconds a call.
    static func tenths(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        let whole = String(abs(scaled) / 10), digit = abs(scaled) % 10
        return (scaled < 0 ? "-" : "") + whole + (digit == 0 ? "" : ".\(digit)")
    }

    /// A rectangle that later elements can be cut to by `id` (ids must be unique in the page).
    mutating func clipRect(id: String, x: Double, y: Double, width: Double, height: Double) {
        elements.append("<clipPath id=\"\(id)\"><rect x=\"\(SVGChart.n(x))\" y=\"\(SVGChart.n(y))\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\"/></clipPath>")
    }

    /// A circle with an outline; `fill` "none" draws the outline only.
    mutating func ring(x: Double, y: Double, radius: Double, fill: String, stroke: String, width: Double = 1, opacity: Double = 1, tooltip: String) {
        let faded = opacity < 1 ? " fill-opacity=\"\(NumberFormat.fixed(opacity, 2))\"" : ""
        elements.append("<circle cx=\"\(SVGChart.n(x))\" cy=\"\(SVGChart.n(y))\" r=\"\(SVGChart.n(radius))\" fill=\"\(fill)\"\(faded) stroke=\"\(stroke)\" stroke-width=\"\(SVGChart.n(width))\"><title>\(HTMLReport.escape(tooltip))</title></circle>")
    }

    /// A filled shape with an outline and a tooltip.
    mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, stroke: String, width: Double, tooltip: String) {
        elements.append("<polygon points=\"\(Self.coordinates(points))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(SVGChart.n(width))\"><title>\(HTMLReport.escape(tooltip))</title></polygon>")
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2.5, dash: String? = nil) {
        let dashed = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        elements.append("<polyline points=\"\(Self.coordinates(points))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVGChart.n(width))\"\(dashed)/>")
    }

    /// A filled shape through `points`, closed back to the first.
    mutating func polygon(_ points: [(x: Double, y: Double)], fill: String) {
        elements.append("<polygon points=\"\(Self.coordinates(points))\" fill=\"\(fill)\"/>")
    }

    private static func coordinates(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(SVGChart.n($0.x)),\(SVGChart.n($0.y))" }.joined(separator: " ")
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, tooltip: String) {
        elements.append("<circle cx=\"\(SVGChart.n(x))\" cy=\"\(SVGChart.n(y))\" r=\"\(SVGChart.n(radius))\" fill=\"\(fill)\"><title>\(HTMLReport.escape(tooltip))</title></circle>")
    }

    /// Text; `anchor` is start, middle or end; `rotated` turns it to read bottom-up (a y-axis title); `halo` outlines it
    /// in white so that it reads over lines and shapes.
    mutating func text(_ text: String, x: Double, y: Double, anchor: String = "start", size: Double = SVGChart.fontSize,
                       bold: Bool = false, rotated: Bool = false, fill: String = "#222", halo: Bool = false) {
        var attributes = "x=\"\(SVGChart.n(x))\" y=\"\(SVGChart.n(y))\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if size != SVGChart.fontSize { attributes += " font-size=\"\(SVGChart.n(size))\"" }
        if bold { attributes += " font-weight=\"600\"" }
        if rotated { attributes += " transform=\"rotate(-90 \(SVGChart.n(x)) \(SVGChart.n(y)))\"" }
        if fill != "#222" { attributes += " fill=\"\(fill)\"" }
        if halo { attributes += " stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        elements.append("<text \(attributes)>\(HTMLReport.escape(text))</text>")
    }

    /// The finished `<svg>`; `label` is its accessible name.
    func render(label: String) -> String {
        let open = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGChart.n(width)) \(SVGChart.n(height))\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"\(SVGChart.n(SVGChart.fontSize))\" role=\"img\" aria-label=\"\(HTMLReport.escape(label))\">"
        return ([open, "<title>\(HTMLReport.escape(label))</title>"] + elements + ["</svg>"]).joined(separator: "\n")
    }
}
