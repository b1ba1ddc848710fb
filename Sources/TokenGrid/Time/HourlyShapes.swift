/// The hourly UTC series each input stands for, in one place: from an hourly file when one is given, else from the
/// 12 × 24 local-time shape shifted by the local clock's offset. Time slices then take their means (capacity factors,
/// demand) and maxima (load) over these.
extension Region {
    /// Non-data-centre load relative to its annual peak, hour by hour in UTC (maximum 1).
    public var loadFactorSeries: HourlySeries {
        let series = grid.loadHourly ?? grid.loadShape.hourlyUTC(utcOffsetHours: utcOffsetHours)
        return series.maximum > 0 ? series.scaled(toMaximum: 1) : series
    }

    /// Capacity factors of a renewable resource, hour by hour in UTC: the hourly file's values as they are, or the
    /// 12 × 24 shape scaled so that its mean is the resource's capacity factor with each hour at most 1.
    ///
    /// Hours a plain scaling would put above 1 are held at 1 and the other hours are scaled up until the mean is the
    /// capacity factor again (a peaked solar shape would otherwise lose annual energy to the cap). When even that
    /// cannot reach it (every hour with sun at 1), the series is that: each producing hour at 1.
    public func capacityFactorSeries(_ resource: RenewableResource) -> HourlySeries {
        if let hourly = resource.profileHourly { return hourly }
        let key = CapacityFactorCache.Key(profile: resource.profile, utcOffsetHours: utcOffsetHours.bitPattern,
                                          capacityFactor: resource.capacityFactor.value.bitPattern)
        return CapacityFactorCache.shared.series(key) { shapedCapacityFactorSeries(resource) }
    }

    /// ``capacityFactorSeries(_:)`` from the 12 × 24 shape.
    private func shapedCapacityFactorSeries(_ resource: RenewableResource) -> HourlySeries {
        let shape = resource.profile.hourlyUTC(utcOffsetHours: utcOffsetHours)
        guard shape.mean > 0 else { return shape.scaled(by: 0) }
        let target = resource.capacityFactor.value
        let scaled = shape.scaled(toMean: target)
        let capped = CappedMean(scaled.values)
        var factor = 1.0
        if capped.isBelow(target * (1 - 1e-15), factor: factor) {
            // The capped mean rises with the factor, up to the share of producing hours at 1 / (smallest positive value).
            let smallest = scaled.values.filter { $0 > 0 }.min() ?? 1
            var low = 1.0, high = max(1, 1 / smallest)
            for _ in 0 ..< 200 where high - low > 1e-15 * high {
                let middle = (low + high) / 2
                if capped.isBelow(target, factor: middle) { low = middle } else { high = middle }
            }
            factor = high
        }
        return HourlySeries(values: scaled.values.map { min(1, factor * $0) }, provenance: scaled.provenance)
    }
}

extension DemandZone {
    /// The zone's demand shape, hour by hour in UTC, with mean 1 (flat when the shape is zero everywhere).
    public var demandShapeSeries: HourlySeries {
        let series = shapeHourly ?? shape.hourlyUTC(utcOffsetHours: utcOffsetHours)
        return series.mean > 0 ? series.scaled(toMean: 1) : HourlySeries(values: Array(repeating: 1, count: HourlySeries.hoursPerYear))
    }
}
