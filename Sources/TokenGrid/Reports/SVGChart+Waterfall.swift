extension SVGChart {
    /// A total in a waterfall: a bar from zero, stacked from its parts.
    struct WaterfallTotal {
        var label: String
        var parts: [(name: String, value: Double, color: String)]

        var value: Double { parts.reduce(0) { $0 + $1.value } }
    }

    /// A horizontal waterfall, one row per bar: the `start` total, then each step floating from the running total to the
    /// running total plus its value (`up` colour for a rise, `down` for a fall), joined by dashed connectors, then the
    /// `end` total. The steps should add up to end − start. `format` writes totals, `signedFormat` steps, `tickFormat`
    /// the axis; the legend names the totals' parts (once each) and the two step colours.
    static func waterfall(start: WaterfallTotal, steps: [(label: String, value: Double)], end: WaterfallTotal,
                         up: (name: String, color: String), down: (name: String, color: String), xTitle: String,
                         format: (Double) -> String, signedFormat: (Double) -> String, tickFormat: (Double) -> String = compact,
                         label: String, width: Double = 860) -> String {
        let rowHeight = 26.0, top = 10.0
        let rows = [start.label] + steps.map(\.label) + [end.label]
        var legendEntries: [(name: String, color: String, mark: LegendMark)] = []
        for part in start.parts + end.parts where !legendEntries.contains(where: { $0.name == part.name }) {
            legendEntries.append((part.name, part.color, .box))
        }
        legendEntries += [(up.name, up.color, .box), (down.name, down.color, .box)]
        let bottom = top + rowHeight * Double(rows.count)
        let height = max(bottom + 48, top + 18 * Double(legendEntries.count) + 10)
        let left = (rows.map { textWidth($0) }.max() ?? 0) + 16
        let right = width - legendWidth(legendEntries.map(\.name)) - 8
        var running = [start.value]
        for step in steps { running.append(running[running.count - 1] + step.value) }
        let labels = [start, end].map { total in ([total.value] + (total.parts.count > 1 ? total.parts.map(\.value) : [])).map(format).joined(separator: " + ") + " = " }
            + steps.map { signedFormat($0.value) }
        let labelRoom = (labels.map { textWidth($0, size: 11) }.max() ?? 0) + 10
        let scale = ChartScale.linear(running + [end.value] + start.parts.map(\.value) + end.parts.map(\.value), from: left, to: right - labelRoom)
        var canvas = SVGCanvas(width: width, height: height)
        drawXAxis(scale, top: top, bottom: bottom, format: tickFormat, title: xTitle, into: &canvas)

        func drawTotal(_ total: WaterfallTotal, row: Int) {
            let y = top + rowHeight * Double(row)
            canvas.text(total.label, x: left - 8, y: y + rowHeight / 2 + 4, anchor: "end", bold: true)
            var stacked = 0.0
            for part in total.parts where part.value != 0 {
                let x0 = scale.position(stacked), x1 = scale.position(stacked + part.value)
                canvas.rect(x: min(x0, x1), y: y + 4, width: abs(x1 - x0), height: rowHeight - 8, fill: part.color,
                            tooltip: "\(total.label), \(part.name): \(format(part.value))")
                stacked += part.value
            }
            // A stacked total names its parts: "$0.2852 = $0.1848 + $0.1004".
            let parts = total.parts.count > 1 ? " = " + total.parts.map { format($0.value) }.joined(separator: " + ") : ""
            canvas.text(format(total.value) + parts, x: scale.position(max(0, total.value)) + 5, y: y + rowHeight / 2 + 4, size: 11)
        }

        drawTotal(start, row: 0)
        for (k, step) in steps.enumerated() {
            let y = top + rowHeight * Double(k + 1)
            let from = running[k], to = running[k + 1]
            // The connector carries the running total down from the row above.
            canvas.line(x1: scale.position(from), y1: y - 4, x2: scale.position(from), y2: y + 4, stroke: axisColour, dash: "2 2")
            canvas.text(step.label, x: left - 8, y: y + rowHeight / 2 + 4, anchor: "end")
            let x0 = scale.position(min(from, to)), x1 = scale.position(max(from, to))
            canvas.rect(x: x0, y: y + 4, width: max(1, x1 - x0), height: rowHeight - 8, fill: step.value >= 0 ? up.color : down.color,
                        tooltip: "\(step.label): \(signedFormat(step.value))")
            canvas.text(signedFormat(step.value), x: x1 + 5, y: y + rowHeight / 2 + 4, size: 11)
        }
        let endY = top + rowHeight * Double(steps.count + 1)
        canvas.line(x1: scale.position(running[running.count - 1]), y1: endY - 4, x2: scale.position(running[running.count - 1]), y2: endY + 4,
                    stroke: axisColour, dash: "2 2")
        drawTotal(end, row: steps.count + 1)
        legend(legendEntries, x: right + 14, y: top, into: &canvas)
        return canvas.render(label: label)
    }
}
