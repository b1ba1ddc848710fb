import Foundation

/// Hand-written MPS files with hand-derived optima, for the reader's conventions.
enum MPSFixtures {
    /// docs/examples/fixed-format.mps: a fixed-MPS LP in the style of the Netlib files, with names holding blanks
    /// (GLPK removes them: `X ONE` → `XONE`), an RHS set with a blank name, a RANGES entry, MI/UP bounds and a
    /// right-hand side −10 on the objective row.
    ///
    ///     min  x + 2y − z + 10          (the objective row's RHS −10 is the constant −(−10), HiGHS/CPLEX convention)
    ///     LIM 1:  x + y      ≤ 4, range 20 → −16 ≤ x + y ≤ 4
    ///     LIM 2:  x          ≥ 1
    ///     MYEQN: −y + z      = 7
    ///     0 ≤ x ≤ 4,  y ≤ 1 (no lower bound),  z ≥ 0
    ///
    /// Derivation. z = 7 + y, so the objective is x + 2y − 7 − y + 10 = x + y + 3: x as small as LIM 2 allows (1),
    /// y as small as z ≥ 0 allows (−7, z = 0). Objective 1 − 7 + 3 = −3; LIM 1 at 1 − 7 = −6, inside [−16, 4].
    /// Duals from the basic x, y (and LIM 1's slack, π1 = 0): x: 1 − π2 = 0 → π2 = 1; y: 2 − (π1 − π3) = 0 → π3 = −2.
    /// z: reduced cost −1 − π3 = 1 ≥ 0 at its lower bound ✓. Check: MYEQN's 7 → 8 gives y = −8, objective −5 (−2 ✓).
    /// glpsol reads the constant as −10 instead: objective −23.
    static let tinyFixed = try! String(contentsOf: packageRoot.appendingPathComponent("docs/examples/fixed-format.mps"), encoding: .utf8)

    static let tinyObjective = -3.0
    static let tinyNames = ["XONE", "YTWO", "ZTHREE"]
    static let tinyRows = ["LIM1", "LIM2", "MYEQN"]
    static let tinyValues: [Double] = [1, -7, 0]
    static let tinyReducedCosts: [Double] = [0, 0, 1]
    static let tinyDuals: [Double] = [0, 1, -2]

    /// Free MPS of the production LP (maximise, optimum 36) with its OBJSENSE section written as `header`.
    static func production(objectiveSense header: String) -> String {
        """
        NAME production
        \(header)
        ROWS
         N profit
         L plant1
         L plant2
         L plant3
        COLUMNS
         doors profit 3 plant1 1
         doors plant3 3
         windows profit 5 plant2 2
         windows plant3 2
         frames profit 1 plant1 1
         frames plant3 2
        RHS
         RHS plant1 4 plant2 12
         RHS plant3 18
        ENDATA

        """
    }

    /// min x + y subject to `x + y ≥ 2` and the objective row's RHS `rhs`: optimum 2 − rhs.
    static func objectiveRHS(_ rhs: String) -> String {
        "NAME rhs\nROWS\n N cost\n G need\nCOLUMNS\n x cost 1 need 1\n y cost 1 need 1\nRHS\n RHS cost \(rhs) need 2\nENDATA\n"
    }
}
