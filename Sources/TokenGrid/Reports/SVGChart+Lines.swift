extension SVGChart {
    /// A line per series over evenly spaced categories (years), on a linear or log10 axis; points carry tooltips.
    /// Values ≤ 0 are left out on a log axis.
    /// `format` writes a point's value in its tooltip (an SI suffix by default); `tickFormat` the axis.
    static func lines(categories: [String], series: [Series], logarithmic: Bool, yTitle: String, label: String,
                      format: (Double) -> String = { NumberFormat.scaled($0) }, tickFormat: (Double) -> String = compact,
                      width: Double = 540, height: Double = 320) -> String {
        let legend = legendWidth(series.map(\.name))
        let top = 14.0, bottom = height - 44
        let values = series.flatMap(\.values)
        let probe = logarithmic ? ChartScale.logarithmic(values, from: bottom, to: top) : ChartScale.linear(values, from: bottom, to: top)
        let left = yAxisWidth(probe, format: tickFormat) + 6, right = width - legend - 8
        var canvas = SVGCanvas(width: width, height: height)
        drawYAxis(probe, left: left, right: right, format: tickFormat, title: yTitle, into: &canvas)
        let step = categories.count > 1 ? (right - left - 24) / Double(categories.count - 1) : 0
        func x(_ index: Int) -> Double { categories.count > 1 ? left + 12 + Double(index) * step : (left + right) / 2 }
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: axisColour)
        for (index, category) in categories.enumerated() {
            canvas.text(category, x: x(index), y: bottom + 16, anchor: "middle")
        }
        for item in series {
            let points = item.values.enumerated().filter { !logarithmic || $0.element > 0 }.map { (x: x($0.offset), y: probe.position($0.element)) }
            canvas.polyline(points, stroke: item.color)
            for (index, value) in item.values.enumerated() where !logarithmic || value > 0 {
                canvas.circle(x: x(index), y: probe.position(value), radius: 3.5, fill: item.color,
                              tooltip: "\(item.name) \(categories[index]): \(format(value))")
            }
        }
        SVGChart.legend(series.map { ($0.name, $0.color, .line) }, x: right + 14, y: top, into: &canvas)
        return canvas.render(label: label)
    }
}
