extension WorldOutlines {
    /// A point in degrees.
    struct Point: Equatable {
        var lon: Double
        var lat: Double
    }

    /// The outline rings decoded from ``encoded``, in degrees (decoded once, on first use).
    static let rings: [[Point]] = encoded.split(separator: "\n").map { line in
        var lon = 0, lat = 0
        return line.split(separator: " ").compactMap { pair -> Point? in
            let parts = pair.split(separator: ",")
            guard parts.count == 2, let dx = Int(parts[0]), let dy = Int(parts[1]) else { return nil }
            lon += dx
            lat += dy
            return Point(lon: Double(lon) / 10, lat: Double(lat) / 10)
        }
    }
}
