import Foundation

/// Capacity-factor series already worked out from 12 × 24 shapes (``Region/capacityFactorSeries(_:)``: a bisection over
/// 8,760 hours per resource), shared by every plan the process builds: the variants of a sweep change a few figures
/// and keep their regions' renewables, so each variant's ``PlacementData`` finds them here. Bounded; thread-safe.
final class CapacityFactorCache: @unchecked Sendable {
    static let shared = CapacityFactorCache()
    /// Series kept at most (each 8,760 values, 70 kB); all are dropped when a new one would exceed it.
    static let limit = 256

    /// Everything the series depends on (the numbers by their bits, so that equal keys give identical series).
    struct Key: Hashable {
        let profile: Profile
        let utcOffsetHours: UInt64
        let capacityFactor: UInt64
    }

    private let lock = NSLock()
    private var stored: [Key: HourlySeries] = [:]

    /// The series for `key`, made by `make` when it is not kept yet.
    func series(_ key: Key, make: () -> HourlySeries) -> HourlySeries {
        lock.lock()
        let found = stored[key]
        lock.unlock()
        if let found { return found }
        let made = make()
        lock.lock()
        if stored.count >= Self.limit { stored.removeAll() }
        stored[key] = made
        lock.unlock()
        return made
    }
}
