extension SVGChart {
    /// Horizontal bars, one per label, stacked from the series in order, with the total at the bar's end.
    /// `format` writes values (totals, tooltips), `tickFormat` the axis.
    static func stackedBars(labels: [String], series: [Series], xTitle: String, format: (Double) -> String,
                            tickFormat: (Double) -> String = compact, label: String, width: Double = 860) -> String {
        let rowHeight = 26.0, top = 10.0
        let bottom = top + rowHeight * Double(labels.count), height = max(bottom + 48, top + 18 * Double(series.count) + 10)
        let legend = legendWidth(series.map(\.name))
        let left = (labels.map { textWidth($0) }.max() ?? 0) + 16
        let totals = labels.indices.map { index in series.reduce(0) { $0 + max(0, $1.values[index]) } }
        // Room right of the longest bar for its total.
        let right = width - legend - 8, labelRoom = (totals.map { textWidth(format($0), size: 11) }.max() ?? 0) + 10
        let scale = ChartScale.linear(totals, from: left, to: right - labelRoom)
        var canvas = SVGCanvas(width: width, height: height)
        drawXAxis(scale, top: top, bottom: bottom, format: tickFormat, title: xTitle, into: &canvas)
        for (index, name) in labels.enumerated() {
            let y = top + rowHeight * Double(index)
            canvas.text(name, x: left - 8, y: y + rowHeight / 2 + 4, anchor: "end")
            var stacked = 0.0
            for item in series where item.values[index] > 0 {
                let value = item.values[index]
                let x0 = scale.position(stacked), x1 = scale.position(stacked + value)
                canvas.rect(x: x0, y: y + 4, width: x1 - x0, height: rowHeight - 8, fill: item.color, tooltip: "\(name), \(item.name): \(format(value))")
                stacked += value
            }
            canvas.text(format(totals[index]), x: scale.position(totals[index]) + 5, y: y + rowHeight / 2 + 4, size: 11)
        }
        SVGChart.legend(series.map { ($0.name, $0.color, .box) }, x: right + 14, y: top, into: &canvas)
        return canvas.render(label: label)
    }

    /// Horizontal bars side by side per label (one per series), with a marker per label drawn across its bars
    /// (e.g. a floor). Handles negative values: bars grow from zero.
    static func groupedBars(labels: [String], series: [Series], markers: (name: String, values: [Double], color: String)? = nil,
                            xTitle: String, format: (Double) -> String, tickFormat: (Double) -> String = compact, label: String,
                            width: Double = 860) -> String {
        let barHeight = 10.0, rowHeight = Double(series.count) * barHeight + 12, top = 10.0
        let bottom = top + rowHeight * Double(labels.count)
        let names = series.map(\.name) + (markers.map { [$0.name] } ?? [])
        let height = max(bottom + 48, top + 18 * Double(names.count) + 10)
        let legend = legendWidth(names)
        let left = (labels.map { textWidth($0) }.max() ?? 0) + 16, right = width - legend - 8
        let scale = ChartScale.linear(series.flatMap(\.values) + (markers?.values ?? []), from: left, to: right - 10)
        var canvas = SVGCanvas(width: width, height: height)
        drawXAxis(scale, top: top, bottom: bottom, format: tickFormat, title: xTitle, into: &canvas)
        let zero = scale.position(0)
        for (index, name) in labels.enumerated() {
            let y = top + rowHeight * Double(index)
            canvas.text(name, x: left - 8, y: y + rowHeight / 2 + 4, anchor: "end")
            for (k, item) in series.enumerated() {
                let x = scale.position(item.values[index])
                canvas.rect(x: min(zero, x), y: y + 6 + Double(k) * barHeight, width: abs(x - zero), height: barHeight - 1, fill: item.color,
                            tooltip: "\(name), \(item.name): \(format(item.values[index]))")
            }
            if let markers {
                let marker = scale.position(markers.values[index])
                canvas.line(x1: marker, y1: y + 2, x2: marker, y2: y + rowHeight - 2, stroke: markers.color, width: 2, dash: "3 2")
            }
        }
        SVGChart.legend(series.map { ($0.name, $0.color, .box) } + (markers.map { [($0.name, $0.color, .dashedLine)] } ?? []), x: right + 14, y: top, into: &canvas)
        return canvas.render(label: label)
    }
}
