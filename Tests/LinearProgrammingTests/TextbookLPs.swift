import LinearProgramming
import Testing

/// A small LP whose optimum, primal values and duals were derived by hand (derivations below).
///
/// GLPK's sign convention, which the expectations follow (see also ``Solution``):
/// - a row's dual is ∂(objective)/∂(the row's active bound), and a reduced cost is ∂(objective)/∂(the variable),
///   whatever the sense. Hence d_j = c_j − Σ_i a_ij·π_i for every column.
/// - minimisation: a binding `≤` row (or a ranged row at its upper end) has dual ≤ 0, a binding `≥` row has
///   dual ≥ 0; a variable at its lower bound has reduced cost ≥ 0, at its upper bound ≤ 0.
/// - maximisation: the other way round: a binding `≤` row has dual ≥ 0, a variable at its lower bound has
///   reduced cost ≤ 0.
/// - a non-binding row and a basic variable have 0.
struct TextbookLP: Sendable, CustomTestStringConvertible {
    let name: String
    let program: LinearProgram
    let objective: Double
    /// Expected primal values, by variable index.
    let values: [Double]
    /// Expected reduced costs, by variable index.
    let reducedCosts: [Double]
    /// Expected row activities, by constraint index.
    let activities: [Double]
    /// Expected row duals, by constraint index.
    let duals: [Double]

    var testDescription: String { name }

    /// The feasible, bounded ones (each with a unique primal and a unique dual optimum, so every solver must
    /// land on exactly these numbers).
    static let feasible: [TextbookLP] = [production, transportation, diet, rangedWithConstant]

    // MARK: 1. Production (maximise)

    /// Hillier & Lieberman's Wyndor Glass problem with a third, unprofitable product.
    ///
    ///     max  3 doors + 5 windows + 1 frames
    ///     plant1:  doors              + frames ≤  4
    ///     plant2:          2 windows            ≤ 12
    ///     plant3:  3 doors + 2 windows + 2 frames ≤ 18
    ///     all ≥ 0
    ///
    /// Derivation. Guess plant2 and plant3 binding, frames = 0: windows = 12/2 = 6, 3 doors = 18 − 12 → doors = 2.
    /// plant1: 2 ≤ 4, slack 2, so its dual is 0. Objective 3·2 + 5·6 = 36.
    /// Duals from d_j = 0 on the basic columns (doors, windows):
    ///     doors:   3 − 3·π3          = 0 → π3 = 1
    ///     windows: 5 − 2·π2 − 2·π3   = 0 → π2 = 1.5
    /// Reduced cost of frames: 1 − (1·π1 + 2·π3) = 1 − 2 = −1 ≤ 0 (maximisation, at lower bound): optimal, and
    /// unique because it is strictly negative. Dual objective 12·1.5 + 18·1 = 36 = primal objective. ✓
    /// Signs: maximisation, binding ≤ rows have duals +1.5 and +1 (≥ 0).
    static var production: TextbookLP {
        var lp = LinearProgram(name: "production", sense: .maximize)
        let doors = lp.addVariable("doors", objective: 3)
        let windows = lp.addVariable("windows", objective: 5)
        let frames = lp.addVariable("frames", objective: 1)
        lp.addConstraint("plant1", terms: [(doors, 1), (frames, 1)], bounds: .atMost(4))
        lp.addConstraint("plant2", terms: [(windows, 2)], bounds: .atMost(12))
        lp.addConstraint("plant3", terms: [(doors, 3), (windows, 2), (frames, 2)], bounds: .atMost(18))
        return TextbookLP(name: "production (max)", program: lp, objective: 36,
                          values: [2, 6, 0], reducedCosts: [0, 0, -1],
                          activities: [2, 12, 18], duals: [0, 1.5, 1])
    }

    // MARK: 2. Transportation (minimise)

    /// Two sources, three sinks; supply rows `≤`, demand rows `≥` except sink 2, which must get exactly 25.
    ///
    ///     cost      sink1 sink2 sink3   supply
    ///     source1     4     6     9    ≤ 20
    ///     source2     5     8     8    ≤ 40
    ///     demand    ≥15   =25   ≥15    (total demand 55 ≤ total supply 60)
    ///
    /// Derivation. source2 − source1 cost differences: sink1 +1, sink2 +2, sink3 −1. Source 1 is short (20),
    /// so it should serve the sink where it saves most: sink2 (saves 2). x12 = 20 fills source 1; the rest
    /// comes from source 2: x22 = 25 − 20 = 5, x21 = 15, x23 = 15; source 2 ships 35 < 40 (slack 5).
    /// Objective 6·20 + 5·15 + 8·5 + 8·15 = 120 + 75 + 40 + 120 = 355.
    /// Basis: x12, x21, x22, x23 and the slack of source2 (5 rows, 5 basics, all strictly positive:
    /// non-degenerate, so the duals are unique). Duals u (supply) and v (demand) with c_ij = u_i + v_j on
    /// basic cells, and u2 = 0 because source2 is slack:
    ///     x21: 5 = 0 + v1 → v1 = 5;   x22: 8 = 0 + v2 → v2 = 8;   x23: 8 = 0 + v3 → v3 = 8
    ///     x12: 6 = u1 + 8 → u1 = −2
    /// Reduced costs of the non-basic cells: d11 = 4 − (−2) − 5 = 1, d13 = 9 − (−2) − 8 = 3, both > 0
    /// (so the primal optimum is unique). Dual objective 20·(−2) + 40·0 + 15·5 + 25·8 + 15·8 = 355. ✓
    /// Signs: minimisation, the binding ≤ row source1 has dual −2 ≤ 0; the ≥ rows have duals ≥ 0; the
    /// equality row's dual (8) is the cost of one more unit of sink2 demand.
    static var transportation: TextbookLP {
        var lp = LinearProgram(name: "transportation", sense: .minimize)
        let costs: [[Double]] = [[4, 6, 9], [5, 8, 8]]
        let x = (0 ..< 2).map { i in (0 ..< 3).map { j in lp.addVariable("x\(i + 1)\(j + 1)", objective: costs[i][j]) } }
        lp.addConstraint("source1", terms: [(x[0][0], 1), (x[0][1], 1), (x[0][2], 1)], bounds: .atMost(20))
        lp.addConstraint("source2", terms: [(x[1][0], 1), (x[1][1], 1), (x[1][2], 1)], bounds: .atMost(40))
        lp.addConstraint("sink1", terms: [(x[0][0], 1), (x[1][0], 1)], bounds: .atLeast(15))
        lp.addConstraint("sink2", terms: [(x[0][1], 1), (x[1][1], 1)], bounds: .equal(to: 25))
        lp.addConstraint("sink3", terms: [(x[0][2], 1), (x[1][2], 1)], bounds: .atLeast(15))
        return TextbookLP(name: "transportation (min)", program: lp, objective: 355,
                          values: [0, 20, 0, 15, 5, 15], reducedCosts: [1, 0, 3, 0, 0, 0],
                          activities: [20, 35, 15, 25, 15], duals: [-2, 0, 5, 8, 8])
    }

    // MARK: 3. Diet (minimise, ≥ rows)

    ///     min  3 bread + 2 milk + 4 cheese
    ///     nutrientA:   bread +   milk + cheese ≥ 4
    ///     nutrientB:   bread + 3 milk + cheese ≥ 6
    ///     nutrientC: 2 bread +   milk + cheese ≥ 5
    ///     all ≥ 0
    ///
    /// Derivation (cheese aside): vertices of the (bread, milk) region are
    ///     (0, 5) cost 10;  A∩C: bread + milk = 4, 2 bread + milk = 5 → (1, 3), cost 9 (B: 1 + 9 = 10 ≥ 6 ✓);
    ///     A∩B: (3, 1) cost 11;  (6, 0) cost 18.
    /// Optimum (1, 3), cost 9, rows A and C binding, B slack by 4 (dual 0). Duals from the basic columns:
    ///     bread: 3 − πA − 2πC = 0;  milk: 2 − πA − πC = 0  →  πC = 1, πA = 1.
    /// Cheese: d = 4 − (πA + πB + πC) = 4 − 2 = 2 > 0, so cheese stays out and the optimum is unique.
    /// Dual objective 4·1 + 6·0 + 5·1 = 9. ✓  Signs: minimisation, binding ≥ rows have duals ≥ 0.
    static var diet: TextbookLP {
        var lp = LinearProgram(name: "diet", sense: .minimize)
        let bread = lp.addVariable("bread", objective: 3)
        let milk = lp.addVariable("milk", objective: 2)
        let cheese = lp.addVariable("cheese", objective: 4)
        lp.addConstraint("nutrientA", terms: [(bread, 1), (milk, 1), (cheese, 1)], bounds: .atLeast(4))
        lp.addConstraint("nutrientB", terms: [(bread, 1), (milk, 3), (cheese, 1)], bounds: .atLeast(6))
        lp.addConstraint("nutrientC", terms: [(bread, 2), (milk, 1), (cheese, 1)], bounds: .atLeast(5))
        return TextbookLP(name: "diet (min)", program: lp, objective: 9,
                          values: [1, 3, 0], reducedCosts: [0, 0, 2],
                          activities: [4, 10, 5], duals: [1, 0, 1])
    }

    // MARK: 4. Ranged row, equality row, objective constant, upper-bounded variable, free row

    ///     min  −2x + y + z − w + 10
    ///     range:  2 ≤ x + y + z ≤ 6        (ranged row)
    ///     link:       x − y     = 1        (equality row)
    ///     total:      x + y + z + w free   (reporting row: never binds, dual 0)
    ///     x, y, z ≥ 0;  0 ≤ w ≤ 2
    ///
    /// Derivation. w appears in no real row and has cost −1, so w = 2 (its upper bound), reduced cost −1.
    /// From link, x = 1 + y; the objective becomes −2 − 2y + y + z − 2 + 10 = 6 − y + z, so z = 0 and y is as
    /// large as range allows: 1 + 2y ≤ 6 → y = 2.5, x = 3.5 (and 1 + 2y = 6 ≥ 2, so the lower end is slack).
    /// Objective −7 + 2.5 + 0 − 2 + 10 = 3.5. Activities: range 6 (upper end), link 1, total 3.5 + 2.5 + 2 = 8.
    /// Duals from the basic columns x, y (the free row's own variable is basic too, so πtotal = 0):
    ///     x: −2 − (πrange + πlink) = 0;  y: 1 − (πrange − πlink) = 0  →  πrange = −0.5, πlink = −1.5.
    /// Reduced costs: z: 1 − πrange = 1.5 > 0 (at lower, minimisation ✓); w: −1 − 0 = −1 < 0 (at upper ✓).
    /// Check by perturbation: range's upper 6 → 7 gives y = 3, x = 4, objective 3.0 (−0.5 per unit ✓);
    /// link 1 → 2 gives x = 2 + y, 2 + 2y ≤ 6, y = 2, x = 4, objective 2.0 (−1.5 per unit ✓).
    /// Dual objective 6·(−0.5) + 1·(−1.5) + 2·(−1) + 10 = 3.5. ✓
    /// Signs: minimisation, the ranged row sits on its upper end, so its dual is ≤ 0.
    static var rangedWithConstant: TextbookLP {
        var lp = LinearProgram(name: "ranged", sense: .minimize)
        lp.objectiveConstant = 10
        let x = lp.addVariable("x", objective: -2)
        let y = lp.addVariable("y", objective: 1)
        let z = lp.addVariable("z", objective: 1)
        let w = lp.addVariable("w", bounds: .between(0, 2), objective: -1)
        lp.addConstraint("range", terms: [(x, 1), (y, 1), (z, 1)], bounds: .between(2, 6))
        lp.addConstraint("link", terms: [(x, 1), (y, -1)], bounds: .equal(to: 1))
        lp.addConstraint("total", terms: [(x, 1), (y, 1), (z, 1), (w, 1)], bounds: .free)
        return TextbookLP(name: "ranged + equality + constant (min)", program: lp, objective: 3.5,
                          values: [3.5, 2.5, 0, 2], reducedCosts: [0, 0, 1.5, -1],
                          activities: [6, 1, 8], duals: [-0.5, -1.5, 0])
    }

    // MARK: 5. Infeasible and unbounded

    /// `x + y ≤ 2` and `x + y ≥ 5` cannot both hold.
    static var infeasible: LinearProgram {
        var lp = LinearProgram(name: "infeasible", sense: .minimize)
        let x = lp.addVariable("x", objective: 1)
        let y = lp.addVariable("y", objective: 1)
        lp.addConstraint("low", terms: [(x, 1), (y, 1)], bounds: .atMost(2))
        lp.addConstraint("high", terms: [(x, 1), (y, 1)], bounds: .atLeast(5))
        return lp
    }

    /// max x + y with only `x − y ≤ 1`: (0, 0) is feasible and the ray (1, 1) improves the objective forever.
    static var unbounded: LinearProgram {
        var lp = LinearProgram(name: "unbounded", sense: .maximize)
        let x = lp.addVariable("x", objective: 1)
        let y = lp.addVariable("y", objective: 1)
        lp.addConstraint("link", terms: [(x, 1), (y, -1)], bounds: .atMost(1))
        return lp
    }

    /// The same LP without its free rows (which carry no constraint: same optimum, same other duals).
    func withoutFreeRows() -> TextbookLP {
        var lp = LinearProgram(name: program.name, sense: program.sense)
        lp.objectiveConstant = program.objectiveConstant
        for j in 0 ..< program.variableCount {
            lp.addVariable(program.variableNames[j], bounds: program.variableBounds[j], objective: program.objectiveCoefficients[j])
        }
        let kept = (0 ..< program.constraintCount).filter { program.constraintBounds[$0] != .free }
        for i in kept {
            lp.addConstraint(program.constraintNames[i], terms: program.terms(of: ConstraintID(i)), bounds: program.constraintBounds[i])
        }
        return TextbookLP(name: name, program: lp, objective: objective, values: values, reducedCosts: reducedCosts,
                          activities: kept.map { activities[$0] }, duals: kept.map { duals[$0] })
    }
}
