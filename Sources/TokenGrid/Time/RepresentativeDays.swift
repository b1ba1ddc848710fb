/// Chooses representative days of a year by k-medoids, so that an hourly model can be solved on a few days weighted
/// by the days they stand for.
///
/// Each day is a feature vector (e.g. the 24 hourly values of every load, capacity factor and demand series,
/// each normalised to its own range: ``dayFeatures(of:)``); days are compared by Euclidean distance.
///
/// - Days to **keep** (e.g. each region's annual peak day, ``peakDays(of:)``) are always medoids. While there are more
///   representative days than kept days, each kept day stands only for itself (weight 1): a peak day represents the
///   peak, not a season of days that resemble it, and the other days are shared among the remaining medoids. When
///   every representative day is a kept day, every day joins its nearest kept day.
/// - The other medoids are seeded k-means++-style (the first uniformly, each next with probability proportional to its
///   squared distance from the medoids so far) with `SplitMix64` (in `Synthetic/`) seeded by `seed`, then assignment
///   (each day to its nearest medoid) and medoid update (the member with the least total distance to its cluster) alternate until the
///   medoids stop changing or ``maximumIterations``. Ties go to the lowest day index; a medoid is replaced only by a
///   strictly better member. The result depends only on the inputs and the seed.
/// - Cost: distances between all pairs of days once (O(D² × d) for D days of d features), then O(N × D + Σ|cluster|²)
///   per iteration.
public enum RepresentativeDays {
    /// Most days accepted (a leap year).
    public static let maximumDays = 366
    /// Most alternations of assignment and medoid update.
    public static let maximumIterations = 100

    /// Chooses `count` representative days among `features.count` days (normally 365).
    ///
    /// - Parameters:
    ///   - features: one vector per day, all of the same length, finite.
    ///   - count: how many representative days, from the number of distinct `keep` days to the number of days.
    ///   - seed: seeds the k-means++ start; same seed, same result.
    ///   - keep: days that must be representative days (their own medoids).
    /// - Returns: the days with their members and weights (weights sum to the number of days) and the clustering error.
    public static func select(features: [[Double]], count: Int, seed: UInt64, keep: [Int] = []) throws(RepresentativeDaysError)
        -> RepresentativeDaySelection {
        let dayCount = features.count
        guard (1 ... maximumDays).contains(dayCount) else { throw .dayCount(dayCount) }
        let width = features[0].count
        guard width > 0 else { throw .featureCount(day: 0, found: 0, expected: 0) }
        for (day, vector) in features.enumerated() {
            guard vector.count == width else { throw .featureCount(day: day, found: vector.count, expected: width) }
            guard vector.allSatisfy(\.isFinite) else { throw .notFinite(day: day) }
        }
        guard (1 ... dayCount).contains(count) else { throw .count(count, days: dayCount) }
        if let outside = keep.first(where: { !(0 ..< dayCount).contains($0) }) { throw .keptDayOutOfRange(outside, days: dayCount) }
        let kept = Array(Set(keep)).sorted()
        guard kept.count <= count else { throw .tooManyKept(kept: kept.count, count: count) }

        let clustering = KMedoids(distances: DistanceMatrix(features), kept: kept, count: count)
        var generator = SplitMix64(seed: seed)
        var medoids = clustering.seed(using: &generator)
        var iterations = 0, converged = false
        while iterations < maximumIterations {
            iterations += 1
            let assignment = clustering.assign(medoids)
            let updated = clustering.update(medoids, assignment: assignment)
            if updated == medoids {
                converged = true
                break
            }
            medoids = updated
        }
        return clustering.selection(medoids: medoids, iterations: iterations, converged: converged)
    }
}

/// Euclidean distances between all pairs of days, stored once.
struct DistanceMatrix {
    let count: Int
    private var storage: [Double]

    init(_ features: [[Double]]) {
        count = features.count
        storage = [Double](repeating: 0, count: count * count)
        for i in 0 ..< count {
            let a = features[i]
            for j in i + 1 ..< count {
                let b = features[j]
                var sum = 0.0
                for k in 0 ..< a.count {
                    let difference = a[k] - b[k]
                    sum += difference * difference
                }
                let distance = sum.squareRoot()
                storage[i * count + j] = distance
                storage[j * count + i] = distance
            }
        }
    }

    subscript(i: Int, j: Int) -> Double { storage[i * count + j] }
}

/// The state of one k-medoids run: medoids are day indices, kept sorted.
struct KMedoids {
    let distances: DistanceMatrix
    let kept: [Int]
    let count: Int
    let isKept: [Bool]
    /// Whether kept days stand only for themselves (there are medoids besides them).
    let keptAreSingletons: Bool

    init(distances: DistanceMatrix, kept: [Int], count: Int) {
        self.distances = distances
        self.kept = kept
        self.count = count
        var isKept = [Bool](repeating: false, count: distances.count)
        for day in kept { isKept[day] = true }
        self.isKept = isKept
        keptAreSingletons = count > kept.count
    }

    /// The kept days plus `count − kept` medoids chosen k-means++-style among the other days.
    func seed(using generator: inout SplitMix64) -> [Int] {
        let days = distances.count
        var medoids = kept
        var isMedoid = isKept
        var nearest = [Double](repeating: .infinity, count: days)   // distance to the nearest free medoid
        let free = (0 ..< days).filter { !isKept[$0] }
        for chosenCount in 0 ..< (count - kept.count) {
            var pick: Int
            if chosenCount == 0 {
                pick = free[min(free.count - 1, Int(generator.uniform(0, 1) * Double(free.count)))]
            } else {
                var total = 0.0
                for day in free where !isMedoid[day] { total += nearest[day] * nearest[day] }
                pick = free.first { !isMedoid[$0] }!
                if total > 0 {
                    let target = generator.uniform(0, 1) * total
                    var cumulative = 0.0
                    for day in free where !isMedoid[day] && nearest[day] > 0 {
                        cumulative += nearest[day] * nearest[day]
                        pick = day
                        if cumulative > target { break }
                    }
                }
            }
            isMedoid[pick] = true
            medoids.append(pick)
            for day in 0 ..< days { nearest[day] = min(nearest[day], distances[day, pick]) }
        }
        return medoids.sorted()
    }

    /// For each day, the index in `medoids` of its cluster: a medoid is its own; a kept day too (when kept days are
    /// singletons); any other day the nearest eligible medoid, the lowest day index on a tie.
    func assign(_ medoids: [Int]) -> [Int] {
        var position = [Int?](repeating: nil, count: distances.count)
        for (index, medoid) in medoids.enumerated() { position[medoid] = index }
        return (0 ..< distances.count).map { day in
            if let own = position[day] { return own }
            var best = -1, bestDistance = Double.infinity
            for (index, medoid) in medoids.enumerated() where !(keptAreSingletons && isKept[medoid]) {
                let distance = distances[day, medoid]
                if distance < bestDistance {
                    best = index
                    bestDistance = distance
                }
            }
            return best
        }
    }

    /// Each free cluster's medoid moved to the member with the least total distance to the others, if strictly less
    /// than the current medoid's (lowest day index among equals); kept medoids stay. Sorted.
    func update(_ medoids: [Int], assignment: [Int]) -> [Int] {
        var members = [[Int]](repeating: [], count: medoids.count)
        for (day, cluster) in assignment.enumerated() { members[cluster].append(day) }
        var updated = medoids
        for (index, medoid) in medoids.enumerated() where !isKept[medoid] {
            let cluster = members[index]
            func cost(_ candidate: Int) -> Double { cluster.reduce(0) { $0 + distances[candidate, $1] } }
            var best = medoid, bestCost = cost(medoid)
            for candidate in cluster where candidate != medoid {
                let candidateCost = cost(candidate)
                if candidateCost < bestCost * (1 - 1e-12) {
                    best = candidate
                    bestCost = candidateCost
                }
            }
            updated[index] = best
        }
        return updated.sorted()
    }

    func selection(medoids: [Int], iterations: Int, converged: Bool) -> RepresentativeDaySelection {
        let assignment = assign(medoids)
        var members = [[Int]](repeating: [], count: medoids.count)
        var error = 0.0
        for (day, cluster) in assignment.enumerated() {
            members[cluster].append(day)
            error += distances[day, medoids[cluster]]
        }
        let days = medoids.enumerated().map { index, medoid in
            RepresentativeDaySelection.Day(medoid: medoid, members: members[index], weightDays: Double(members[index].count),
                                           isKept: isKept[medoid])
        }
        return RepresentativeDaySelection(days: days, assignment: assignment, error: error, iterations: iterations,
                                          converged: converged)
    }
}
