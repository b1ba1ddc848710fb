extension SVGChart {
    /// Vertical bars per category (years), each stacked from the series in order, with the total on top.
    /// Negative values (solver noise) are drawn as zero. `format` writes a value with its unit (tooltips) and a total
    /// (on top); by default one decimal and the unit, and an SI suffix.
    static func stackedColumns(categories: [String], series: [Series], yTitle: String, unit: String, label: String,
                               format: ((Double) -> String)? = nil, tickFormat: (Double) -> String = compact,
                               width: Double = 860, height: Double = 380) -> String {
        let legend = legendWidth(series.map(\.name))
        let top = 22.0, bottom = height - 44
        let totals = categories.indices.map { index in series.reduce(0) { $0 + max(0, $1.values[index]) } }
        let scale = ChartScale.linear(totals, from: bottom, to: top)
        let left = yAxisWidth(scale, format: tickFormat) + 6, right = width - legend - 8
        var canvas = SVGCanvas(width: width, height: height)
        drawYAxis(scale, left: left, right: right, format: tickFormat, title: yTitle, into: &canvas)
        let band = (right - left) / Double(max(1, categories.count)), barWidth = min(64, band * 0.62)
        for (index, category) in categories.enumerated() {
            let centre = left + band * (Double(index) + 0.5)
            var stacked = 0.0
            for item in series where item.values[index] > 0 {
                let value = item.values[index]
                let y0 = scale.position(stacked), y1 = scale.position(stacked + value)
                canvas.rect(x: centre - barWidth / 2, y: y1, width: barWidth, height: y0 - y1, fill: item.color,
                            tooltip: "\(item.name) \(category): " + (format.map { $0(value) } ?? "\(NumberFormat.fixed(value, 1)) \(unit)"))
                stacked += value
            }
            if totals[index] > 0 { canvas.text(format.map { $0(totals[index]) } ?? compact(totals[index]), x: centre, y: scale.position(totals[index]) - 5, anchor: "middle", size: 11) }
            canvas.text(category, x: centre, y: bottom + 16, anchor: "middle")
        }
        SVGChart.legend(series.map { ($0.name, $0.color, .box) }, x: right + 14, y: top, into: &canvas)
        return canvas.render(label: label)
    }
}
