import Foundation

/// Wall-clock laps for the Benders trace and phase timings.
struct Stopwatch {
    private var mark = DispatchTime.now().uptimeNanoseconds

    /// Seconds since the last lap (or reset).
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { mark = now }
        return Double(now - mark) / 1e9
    }

    mutating func reset() { mark = DispatchTime.now().uptimeNanoseconds }
}
