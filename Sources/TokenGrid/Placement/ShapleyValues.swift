/// Exact Shapley values of a game with a handful of players, by subsets.
///
/// For players N = {0, …, n − 1} and a worth v(S) of every coalition S ⊆ N, player i's value is
///
///   φ_i = Σ_{S ⊆ N \ {i}} |S|! (n − |S| − 1)! ÷ n! × (v(S ∪ {i}) − v(S))
///
/// the mean, over all n! orders in which the players can join, of what i adds when it joins. The values add up to
/// v(N) − v(∅) (efficiency), a player who never changes the worth gets 0, and two players who always add the same get
/// the same. Each coalition's worth is computed once: 2^n evaluations and n × 2^(n−1) differences.
enum ShapleyValues {
    /// Most players: 2^20 evaluations is already a million.
    static let maximumPlayers = 20

    /// φ_i for `players` players of the game `worth`, whose argument is a coalition as a bit mask (bit i set: player i
    /// is in it).
    static func exact(players n: Int, worth: (Int) -> Double) -> [Double] {
        precondition((0 ... maximumPlayers).contains(n), "Shapley values are computed exactly for at most \(maximumPlayers) players")
        guard n > 0 else { return [] }
        let values = (0 ..< (1 << n)).map(worth)
        // weights[k] = k! (n − k − 1)! ÷ n!, built as a ratio so that no factorial overflows.
        var weights = [Double](repeating: 0, count: n)
        weights[0] = 1 / Double(n)
        for k in 1 ..< n { weights[k] = weights[k - 1] * Double(k) / Double(n - k) }
        var shapley = [Double](repeating: 0, count: n)
        for coalition in 0 ..< (1 << n) {
            let size = coalition.nonzeroBitCount
            for i in 0 ..< n where coalition & (1 << i) == 0 {
                shapley[i] += weights[size] * (values[coalition | (1 << i)] - values[coalition])
            }
        }
        return shapley
    }
}
