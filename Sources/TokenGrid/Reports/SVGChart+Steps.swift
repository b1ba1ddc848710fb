extension SVGChart {
    /// A label under the x axis of ``stackedSteps(series:limit:groups:ticks:tooltips:xTitle:yTitle:unit:label:width:height:)``:
    /// `text` centred under the slices `start ..< start + count`.
    struct AxisLabel {
        var text: String
        var start: Int
        var count: Int
    }

    /// A value holding across each of evenly spaced slices (a day's hours): the series as areas stacked in order
    /// (negative values as zero), a dashed step line for `limit` (e.g. grid headroom), thin lines between `groups`
    /// (days) and `labels` under the axis (days or hours, thinned when they would overlap). Every slice carries its
    /// `tooltips` entry.
    ///
    /// A limit far above the stack (more than ``limitRoom`` times its top) would flatten it: the axis then stops at
    /// that height, the line is cut there, and the limit's highest value is written at the top.
    static func stackedSteps(series: [Series], limit: Series, groups: [AxisLabel], labels: [AxisLabel], tooltips: [String],
                             xTitle: String, yTitle: String, unit: String, label: String, width: Double = 520, height: Double = 290) -> String {
        let count = limit.values.count
        let totals = (0 ..< count).map { t in series.reduce(0) { $0 + max(0, $1.values[t]) } }
        let stackTop = totals.max() ?? 0, limitTop = limit.values.max() ?? 0
        let cut = stackTop > 0 && limitTop > limitRoom * stackTop
        let top = 22.0, bottom = height - 46
        let scale = ChartScale.linear(totals + (cut ? [limitRoom * stackTop] + limit.values.filter { $0 < 0 } : limit.values), from: bottom, to: top)
        let names = series.map { ($0.name, $0.color, LegendMark.box) } + [(limit.name, limit.color, LegendMark.horizontalDashedLine)]
        let left = yAxisWidth(scale, format: compact) + 6, right = width - legendWidth(names.map(\.0)) - 8
        var canvas = SVGCanvas(width: width, height: height)
        drawYAxis(scale, left: left, right: right, format: compact, title: yTitle, into: &canvas)
        let step = (right - left) / Double(max(1, count))
        func x(_ t: Int) -> Double { left + Double(t) * step }
        func y(_ value: Double) -> Double { scale.position(min(value, scale.high)) }

        var below = [Double](repeating: 0, count: count)
        for item in series {
            let above = (0 ..< count).map { below[$0] + max(0, item.values[$0]) }
            let upper = (0 ..< count).flatMap { [(x: x($0), y: y(above[$0])), (x: x($0 + 1), y: y(above[$0]))] }
            let lower = (0 ..< count).reversed().flatMap { [(x: x($0 + 1), y: y(below[$0])), (x: x($0), y: y(below[$0]))] }
            canvas.polygon(upper + lower, fill: item.color)
            below = above
        }
        // The limit line: dashed within the axis, dotted along the top edge where it is above it.
        var run: [(x: Double, y: Double)] = [], runAbove = false
        func flush() {
            if !run.isEmpty { canvas.polyline(run, stroke: limit.color, width: runAbove ? 1.5 : 2, dash: runAbove ? "1 3" : "5 3") }
        }
        for t in 0 ..< count {
            let above = limit.values[t] > scale.high
            if t > 0 && above != runAbove {
                let edge = (x: x(t), y: top)
                if above { run.append(edge) }
                flush()
                run = [edge]
            }
            runAbove = above
            run += [(x: x(t), y: y(limit.values[t])), (x: x(t + 1), y: y(limit.values[t]))]
        }
        flush()
        if limit.values.contains(where: { $0 > scale.high }) {
            canvas.text("\(limit.name) above the chart where dotted, up to \(compact(limitTop)) \(unit)", x: right, y: top - 8, anchor: "end", size: 11, fill: limit.color)
        }
        for group in groups.dropFirst() {
            canvas.line(x1: x(group.start), y1: top, x2: x(group.start), y2: bottom, stroke: axisColour, width: 0.5)
        }
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: axisColour)
        // Every k-th label, so that none overlaps its neighbour.
        let widest = labels.map { textWidth($0.text) + 8 }.max() ?? 0, narrowest = labels.map { Double($0.count) * step }.min() ?? 1
        let every = max(1, Int((widest / max(narrowest, 1e-9)).rounded(.up)))
        for (index, item) in labels.enumerated() where index % every == 0 {
            canvas.text(item.text, x: x(item.start) + Double(item.count) * step / 2, y: bottom + 16, anchor: "middle")
        }
        canvas.text(xTitle, x: (left + right) / 2, y: bottom + 36, anchor: "middle")
        for t in 0 ..< count {
            canvas.rect(x: x(t), y: top, width: step, height: bottom - top, fill: "#000", opacity: 0, tooltip: tooltips[t])
        }
        SVGChart.legend(names.map { (name: $0.0, color: $0.1, mark: $0.2) }, x: right + 14, y: top, into: &canvas)
        return canvas.render(label: label)
    }

    /// How far above the stacked areas a limit line may reach before ``stackedSteps`` cuts it: 3 × the stack's top.
    static let limitRoom = 3.0
}
