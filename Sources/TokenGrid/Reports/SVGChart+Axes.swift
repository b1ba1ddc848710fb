extension SVGChart {
    /// Room a y axis needs left of the plot: its rotated title and its widest tick label.
    static func yAxisWidth(_ scale: ChartScale, format: (Double) -> String) -> Double {
        28 + (scale.ticks.map { textWidth(format($0)) }.max() ?? 0)
    }

    /// A value axis on the left: horizontal grid lines across the plot (`left` … `right`), tick labels and a title.
    static func drawYAxis(_ scale: ChartScale, left: Double, right: Double, format: (Double) -> String, title: String, into canvas: inout SVGCanvas) {
        for tick in scale.ticks {
            let y = scale.position(tick)
            canvas.line(x1: left, y1: y, x2: right, y2: y, stroke: tick == 0 ? axisColour : gridColour)
            canvas.text(format(tick), x: left - 6, y: y + 4, anchor: "end")
        }
        canvas.text(title, x: 14, y: (scale.from + scale.to) / 2, anchor: "middle", rotated: true)
    }

    /// A value axis at the bottom: vertical grid lines down the plot (`top` … `bottom`), tick labels and a title.
    static func drawXAxis(_ scale: ChartScale, top: Double, bottom: Double, format: (Double) -> String, title: String, into canvas: inout SVGCanvas) {
        for tick in scale.ticks {
            let x = scale.position(tick)
            canvas.line(x1: x, y1: top, x2: x, y2: bottom, stroke: tick == 0 ? axisColour : gridColour)
            canvas.text(format(tick), x: x, y: bottom + 16, anchor: "middle")
        }
        canvas.text(title, x: (scale.from + scale.to) / 2, y: bottom + 36, anchor: "middle")
    }
}
