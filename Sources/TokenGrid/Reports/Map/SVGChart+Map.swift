import Foundation

extension SVGChart {
    /// A place on the map: a site (a circle whose area is proportional to `size`, hollow when `size` is zero) or a
    /// demand zone (a diamond).
    struct MapPlace {
        var name: String
        var point: WorldOutlines.Point
        var size: Double
        var color: String
        var tooltip: String
    }

    /// A line between two places, as wide as its `value` is large against the largest.
    struct MapFlow {
        var from: WorldOutlines.Point
        var to: WorldOutlines.Point
        var value: Double
        var color: String
        var tooltip: String
    }

    /// A map of `sites` and `zones` with `flows` between them over country outlines and a graticule (see
    /// ``MapProjection``), a legend of circle sizes in `unit` under it and `attribution` at its foot. `clipID` names the
    /// clip rectangle, unique in the page.
    static func map(sites: [MapPlace], zones: [MapPlace], flows: [MapFlow], unit: String, flowLegend: String, label: String,
                    attribution: String, clipID: String, width: Double = 860) -> String {
        let projection = MapProjection(points: sites.map(\.point) + zones.map(\.point), width: width)
        let mapHeight = projection.height, legendHeight = 80.0
        var canvas = SVGCanvas(width: width, height: mapHeight + legendHeight)
        canvas.clipRect(id: clipID, x: 0, y: 0, width: width, height: mapHeight)
        canvas.rect(x: 0, y: 0, width: width, height: mapHeight, fill: "#eaf1f8")
        canvas.shapes(projection.outlines(), fill: "#f4f2ec", stroke: "#b9b6ab", width: 0.6, clip: clipID)
        let (meridians, parallels) = projection.graticule()
        for lon in meridians {
            let x = projection.position(lon: lon, lat: 0).x
            canvas.line(x1: x, y1: 0, x2: x, y2: mapHeight, stroke: "#9fb3c8", width: 0.5, dash: "2 3")
            canvas.text(MapProjection.label(lon: lon), x: x + 3, y: mapHeight - 5, size: 10, fill: "#5a6b7c")
        }
        for lat in parallels {
            let y = projection.position(lon: projection.west, lat: lat).y
            canvas.line(x1: 0, y1: y, x2: width, y2: y, stroke: "#9fb3c8", width: 0.5, dash: "2 3")
            canvas.text(MapProjection.label(lat: lat), x: 4, y: y - 3, size: 10, fill: "#5a6b7c")
        }
        let largestFlow = flows.map(\.value).max() ?? 0
        for flow in flows.sorted(by: { $0.value > $1.value }) where largestFlow > 0 && flow.value > 0 {
            let a = projection.position(flow.from), b = projection.position(flow.to)
            canvas.line(x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: flow.color, width: 1 + 7 * flow.value / largestFlow, opacity: 0.55, tooltip: flow.tooltip)
        }
        let largest = sites.map(\.size).max() ?? 0, maxRadius = 22.0
        func radius(_ size: Double) -> Double { largest > 0 && size > 0 ? max(3, maxRadius * (size / largest).squareRoot()) : 4 }
        var placed = Labels()
        // Largest first, so that small circles stay on top and the large sites' labels get the best spots.
        let ordered = sites.enumerated().sorted { ($0.element.size, $1.offset) > ($1.element.size, $0.offset) }.map(\.element)
        for site in ordered {
            let p = projection.position(site.point), r = radius(site.size)
            if site.size > 0 {
                canvas.ring(x: p.x, y: p.y, radius: r, fill: site.color, stroke: "#fff", width: 1, opacity: 0.85, tooltip: site.tooltip)
            } else {
                canvas.ring(x: p.x, y: p.y, radius: r, fill: "#fff", stroke: site.color, width: 1.5, tooltip: site.tooltip)
            }
            placed.obstacles.append(Labels.Box(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r))
        }
        for zone in zones {
            let p = projection.position(zone.point), s = 7.0
            canvas.polygon([(p.x, p.y - s), (p.x + s, p.y), (p.x, p.y + s), (p.x - s, p.y)], fill: "#fff", stroke: "#333", width: 2, tooltip: zone.tooltip)
            placed.obstacles.append(Labels.Box(x: p.x - s, y: p.y - s, width: 2 * s, height: 2 * s))
        }
        for zone in zones {
            let p = projection.position(zone.point)
            placed.place(zone.name, at: p, gap: 9, bold: true, width: width, height: mapHeight, into: &canvas)
        }
        for site in ordered {
            placed.place(site.name, at: projection.position(site.point), gap: radius(site.size) + 2, bold: false, width: width, height: mapHeight, into: &canvas)
        }
        // Legend: circle sizes, the zone marker, a flow line; the attribution on the right.
        let top = mapHeight + 8
        var x = 10.0
        if largest > 0 {
            for value in Self.legendSizes(largest) {
                let r = radius(value), text = "\(NumberFormat.grouped(value, 0)) \(unit)"
                let centre = x + max(r, textWidth(text, size: 11) / 2)
                canvas.ring(x: centre, y: top + maxRadius, radius: r, fill: "#9aa7b4", stroke: "#fff", tooltip: text)
                canvas.text(text, x: centre, y: top + 2 * maxRadius + 14, anchor: "middle", size: 11)
                x = centre + max(r, textWidth(text, size: 11) / 2) + 14
            }
        }
        canvas.ring(x: x + 4, y: top + maxRadius, radius: 4, fill: "#fff", stroke: "#9aa7b4", width: 1.5, tooltip: "nothing built")
        canvas.text("nothing built", x: x + 12, y: top + maxRadius + 4, size: 11)
        x += 12 + textWidth("nothing built", size: 11) + 18
        canvas.polygon([(x + 6, top + maxRadius - 6), (x + 12, top + maxRadius), (x + 6, top + maxRadius + 6), (x, top + maxRadius)],
                       fill: "#fff", stroke: "#333", width: 2, tooltip: "demand zone")
        canvas.text("demand zone", x: x + 18, y: top + maxRadius + 4, size: 11)
        x += 18 + textWidth("demand zone", size: 11) + 18
        canvas.line(x1: x, y1: top + maxRadius, x2: x + 26, y2: top + maxRadius, stroke: "#888", width: 5, opacity: 0.55)
        canvas.text(flowLegend, x: x + 32, y: top + maxRadius + 4, size: 11)
        canvas.text(attribution, x: width - 6, y: mapHeight + legendHeight - 6, anchor: "end", size: 10, fill: "#666")
        return canvas.render(label: label)
    }

    /// Two or three round values for the size legend: the largest, rounded down to 1, 2 or 5 × 10^k, and smaller ones.
    static func legendSizes(_ largest: Double) -> [Double] {
        let magnitude = pow(10, log10(largest).rounded(.down))
        let top = [5.0, 2, 1].map { $0 * magnitude }.first { $0 <= largest } ?? magnitude
        return [top / 10, top / 2, top].filter { $0 >= largest / 50 }
    }

    /// Greedy label placement: each label goes right, left, above or below its point, wherever it overlaps nothing
    /// placed before (else to the right).
    private struct Labels {
        struct Box {
            var x, y, width, height: Double
            func overlaps(_ other: Box) -> Bool {
                x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
            }
        }

        var obstacles: [Box] = []
        var labels: [Box] = []

        mutating func place(_ text: String, at p: (x: Double, y: Double), gap: Double, bold: Bool, width: Double, height: Double,
                            into canvas: inout SVGCanvas) {
            let w = SVGChart.textWidth(text, size: 11) + (bold ? 4 : 0), h = 12.0
            let candidates: [(box: Box, x: Double, anchor: String)] = [
                (Box(x: p.x + gap, y: p.y - h / 2, width: w, height: h), p.x + gap, "start"),
                (Box(x: p.x - gap - w, y: p.y - h / 2, width: w, height: h), p.x - gap, "end"),
                (Box(x: p.x - w / 2, y: p.y - gap - h, width: w, height: h), p.x, "middle"),
                (Box(x: p.x - w / 2, y: p.y + gap, width: w, height: h), p.x, "middle"),
            ]
            let inside = candidates.filter { $0.box.x >= 0 && $0.box.x + w <= width && $0.box.y >= 0 && $0.box.y + h <= height }
            let free = inside.first { candidate in !labels.contains { $0.overlaps(candidate.box) } && !obstacles.contains { $0.overlaps(candidate.box) } }
            let chosen = free ?? inside.first { candidate in !labels.contains { $0.overlaps(candidate.box) } } ?? inside.first ?? candidates[0]
            labels.append(chosen.box)
            canvas.text(text, x: chosen.x, y: chosen.box.y + h - 2, anchor: chosen.anchor, size: 11, bold: bold, halo: true)
        }
    }
}
