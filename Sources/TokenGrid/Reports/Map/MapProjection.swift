import Foundation

/// An equirectangular map of the part of the Earth around some points: the window spans their longitudes the short way
/// round (so a US–China plan is drawn across the Pacific), padded, at least 30° × 20°, with x shrunk by the cosine of the
/// middle latitude so that shapes keep their proportions there; the window is widened to fill `width` × `height`.
struct MapProjection {
    /// The window in degrees: west and east edges (east may exceed 180 when it wraps), south and north.
    let west: Double, east: Double, south: Double, north: Double
    let width: Double, height: Double

    init(points: [WorldOutlines.Point], width: Double, maxHeight: Double = 560, minHeight: Double = 300) {
        let lons = points.map { Self.normalised($0.lon) }.sorted()
        var west = -180.0, span = 360.0
        if let first = lons.first, let last = lons.last {
            // The window starts after the widest gap between neighbouring longitudes, going round the globe.
            var gap = first + 360 - last, start = first
            for (a, b) in zip(lons, lons.dropFirst()) where b - a > gap {
                gap = b - a
                start = b
            }
            west = start
            span = 360 - gap
        }
        let lats = points.map(\.lat)
        var south = lats.min() ?? -50, north = lats.max() ?? 70
        let lonPad = max(8, span * 0.15), latPad = max(5, (north - south) * 0.15)
        west -= lonPad
        span += 2 * lonPad
        south -= latPad
        north += latPad
        if span < 30 { west -= (30 - span) / 2; span = 30 }
        if north - south < 20 { let extra = (20 - (north - south)) / 2; south -= extra; north += extra }
        span = min(span, 360)
        south = max(south, -60)
        north = min(north, 82)
        // Fit the window's proportions to the picture: widen whichever side is short.
        let cosine = cos((south + north) / 2 * .pi / 180)
        var height = width * (north - south) / (span * cosine)
        if height > maxHeight {
            let newSpan = min(360, (north - south) * width / (maxHeight * cosine))
            west -= (newSpan - span) / 2
            span = newSpan
            height = maxHeight
        } else if height < minHeight {
            let newLatSpan = min(142, minHeight * span * cosine / width)
            let middle = (south + north) / 2
            south = max(-60, middle - newLatSpan / 2)
            north = min(82, south + newLatSpan)
            height = width * (north - south) / (span * cosine)
        }
        self.west = west
        self.east = west + span
        self.south = south
        self.north = north
        self.width = width
        self.height = height
    }

    /// Pixels per degree of longitude and latitude.
    private var xScale: Double { width / (east - west) }
    private var yScale: Double { height / (north - south) }

    /// The pixel position of a point, its longitude taken within the window where it can be (else the copy nearest it).
    func position(_ point: WorldOutlines.Point) -> (x: Double, y: Double) {
        var lon = point.lon
        while lon < west { lon += 360 }
        while lon > east && lon - 360 >= west - 180 { lon -= 360 }
        return position(lon: lon, lat: point.lat)
    }

    /// The pixel position of a longitude as given (not wrapped) and a latitude.
    func position(lon: Double, lat: Double) -> (x: Double, y: Double) {
        ((lon - west) * xScale, (north - lat) * yScale)
    }

    /// The outline rings as pixel polygons: each ring unwrapped into one continuous sequence of longitudes, drawn at every
    /// copy 360° apart that meets the window (the caller clips to the picture).
    func outlines() -> [[(x: Double, y: Double)]] {
        var polygons: [[(x: Double, y: Double)]] = []
        for ring in WorldOutlines.rings {
            guard let first = ring.first else { continue }
            var lons = [first.lon]
            for point in ring.dropFirst() {
                var lon = point.lon
                while lon - lons[lons.count - 1] > 180 { lon -= 360 }
                while lon - lons[lons.count - 1] < -180 { lon += 360 }
                lons.append(lon)
            }
            let lats = ring.map(\.lat)
            guard lats.max()! >= south, lats.min()! <= north else { continue }
            for shift in [-720.0, -360, 0, 360, 720] where lons.max()! + shift >= west && lons.min()! + shift <= east {
                polygons.append(zip(lons, lats).map { position(lon: $0 + shift, lat: $1) })
            }
        }
        return polygons
    }

    /// Round parallels and meridians inside the window, about 4 to 8 of each.
    func graticule() -> (meridians: [Double], parallels: [Double]) {
        func step(_ span: Double) -> Double { [5.0, 10, 15, 20, 30, 45, 60].first { span / $0 <= 8 } ?? 90 }
        let lonStep = step(east - west), latStep = step(north - south)
        let meridians = stride(from: (west / lonStep).rounded(.up) * lonStep, through: east, by: lonStep).map { $0 }
        let parallels = stride(from: (south / latStep).rounded(.up) * latStep, through: north, by: latStep).map { $0 }
        return (meridians, parallels)
    }

    /// "120°E", "75°W", "0°"; "30°N", "15°S".
    static func label(lon: Double) -> String {
        let value = normalised(lon)
        return value == 0 || abs(value) == 180 ? "\(Int(abs(value)))°" : "\(Int(abs(value)))°\(value < 0 ? "W" : "E")"
    }

    static func label(lat: Double) -> String { lat == 0 ? "0°" : "\(Int(abs(lat)))°\(lat < 0 ? "S" : "N")" }

    /// A longitude in −180 ..< 180.
    static func normalised(_ lon: Double) -> Double {
        var value = lon.truncatingRemainder(dividingBy: 360)
        if value >= 180 { value -= 360 }
        if value < -180 { value += 360 }
        return value
    }
}
