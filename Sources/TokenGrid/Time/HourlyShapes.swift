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
    /// 12 × 24 shape scaled so that its mean is the resource's capacity factor (each hour at most 1).
    public func capacityFactorSeries(_ resource: RenewableResource) -> HourlySeries {
        if let hourly = resource.profileHourly { return hourly }
        let shape = resource.profile.hourlyUTC(utcOffsetHours: utcOffsetHours)
        guard shape.mean > 0 else { return shape.scaled(by: 0) }
        let scaled = shape.scaled(toMean: resource.capacityFactor.value)
        return HourlySeries(values: scaled.values.map { min(1, $0) }, provenance: scaled.provenance)
    }
}

extension DemandZone {
    /// The zone's demand shape, hour by hour in UTC, with mean 1 (flat when the shape is zero everywhere).
    public var demandShapeSeries: HourlySeries {
        let series = shapeHourly ?? shape.hourlyUTC(utcOffsetHours: utcOffsetHours)
        return series.mean > 0 ? series.scaled(toMean: 1) : HourlySeries(values: Array(repeating: 1, count: HourlySeries.hoursPerYear))
    }
}
