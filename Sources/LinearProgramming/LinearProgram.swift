/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable, Codable {
    case minimize
    case maximize
}

/// A handle to a variable (a column) of a ``LinearProgram``: its 0-based position.
public struct VariableID: Hashable, Sendable, Comparable {
    /// 0-based position of the variable in the program.
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: VariableID, rhs: VariableID) -> Bool { lhs.index < rhs.index }
}

/// A handle to a constraint (a row) of a ``LinearProgram``: its 0-based position.
public struct ConstraintID: Hashable, Sendable, Comparable {
    /// 0-based position of the constraint in the program.
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: ConstraintID, rhs: ConstraintID) -> Bool { lhs.index < rhs.index }
}

/// A linear program held in plain Swift arrays, ready to be handed to GLPK in one call.
///
/// minimise (or maximise) `c·x + constant` subject to `rowLower ≤ A x ≤ rowUpper`, `columnLower ≤ x ≤ columnUpper`.
///
/// The matrix is stored row by row (compressed sparse rows): each call to ``addConstraint(_:terms:bounds:)``
/// appends one row. Nothing is checked while building, so building stays cheap; ``validate()`` checks
/// everything GLPK would abort on, and ``GLPKProblem`` calls it before touching C.
public struct LinearProgram: Sendable {
    /// Name of the problem, written into exported files.
    public var name: String
    /// Direction of optimisation.
    public var sense: ObjectiveSense
    /// Constant added to the objective.
    public var objectiveConstant: Double = 0

    public private(set) var variableNames: [String] = []
    public private(set) var variableBounds: [Bounds] = []
    public private(set) var objectiveCoefficients: [Double] = []

    public private(set) var constraintNames: [String] = []
    public private(set) var constraintBounds: [Bounds] = []
    /// Row `i`'s entries are `entryColumns[rowStarts[i] ..< rowStarts[i + 1]]`.
    public private(set) var rowStarts: [Int] = [0]
    /// Column (variable index) of each stored matrix entry.
    public private(set) var entryColumns: [Int32] = []
    /// Coefficient of each stored matrix entry.
    public private(set) var entryValues: [Double] = []

    /// An empty program.
    public init(name: String = "lp", sense: ObjectiveSense = .minimize) {
        self.name = name
        self.sense = sense
    }

    public var variableCount: Int { variableNames.count }
    public var constraintCount: Int { constraintNames.count }
    /// Number of stored (non-zero) matrix entries.
    public var entryCount: Int { entryValues.count }

    /// Reserves storage ahead of a large build.
    public mutating func reserveCapacity(variables: Int, constraints: Int, entries: Int) {
        variableNames.reserveCapacity(variables)
        variableBounds.reserveCapacity(variables)
        objectiveCoefficients.reserveCapacity(variables)
        constraintNames.reserveCapacity(constraints)
        constraintBounds.reserveCapacity(constraints)
        rowStarts.reserveCapacity(constraints + 1)
        entryColumns.reserveCapacity(entries)
        entryValues.reserveCapacity(entries)
    }

    /// Adds a variable and returns its handle.
    /// - Parameters:
    ///   - name: unique name, no white space, at most 255 bytes.
    ///   - bounds: defaults to `x ≥ 0`.
    ///   - objective: its coefficient in the objective.
    @discardableResult
    public mutating func addVariable(_ name: String, bounds: Bounds = .nonNegative, objective: Double = 0) -> VariableID {
        variableNames.append(name)
        variableBounds.append(bounds)
        objectiveCoefficients.append(objective)
        return VariableID(variableNames.count - 1)
    }

    /// Adds a constraint `bounds.lower ≤ Σ coefficient × variable ≤ bounds.upper` and returns its handle.
    /// Zero coefficients are dropped; a variable may appear only once per row.
    @discardableResult
    public mutating func addConstraint(_ name: String, terms: [(VariableID, Double)], bounds: Bounds) -> ConstraintID {
        for (variable, coefficient) in terms where coefficient != 0 {
            entryColumns.append(Int32(clamping: variable.index))  // out of range stays out of range: validate() reports it
            entryValues.append(coefficient)
        }
        return closeRow(name, bounds)
    }

    /// Adds a constraint from parallel arrays of variables and coefficients, avoiding tuple arrays in hot loops.
    @discardableResult
    public mutating func addConstraint(_ name: String, variables: [VariableID], coefficients: [Double], bounds: Bounds) -> ConstraintID {
        precondition(variables.count == coefficients.count, "variables and coefficients must have the same length")
        for k in variables.indices where coefficients[k] != 0 {
            entryColumns.append(Int32(clamping: variables[k].index))
            entryValues.append(coefficients[k])
        }
        return closeRow(name, bounds)
    }

    private mutating func closeRow(_ name: String, _ bounds: Bounds) -> ConstraintID {
        constraintNames.append(name)
        constraintBounds.append(bounds)
        rowStarts.append(entryValues.count)
        return ConstraintID(constraintNames.count - 1)
    }

    /// Replaces a variable's objective coefficient.
    public mutating func setObjective(_ variable: VariableID, _ coefficient: Double) {
        objectiveCoefficients[variable.index] = coefficient
    }

    /// Adds to a variable's objective coefficient.
    public mutating func addToObjective(_ variable: VariableID, _ coefficient: Double) {
        objectiveCoefficients[variable.index] += coefficient
    }

    /// Replaces a variable's bounds.
    public mutating func setBounds(_ variable: VariableID, _ bounds: Bounds) {
        variableBounds[variable.index] = bounds
    }

    /// Replaces a constraint's bounds.
    public mutating func setBounds(_ constraint: ConstraintID, _ bounds: Bounds) {
        constraintBounds[constraint.index] = bounds
    }

    /// The terms of one row as `(variable, coefficient)` pairs, in the order they were added.
    public func terms(of constraint: ConstraintID) -> [(VariableID, Double)] {
        (rowStarts[constraint.index] ..< rowStarts[constraint.index + 1]).map {
            (VariableID(Int(entryColumns[$0])), entryValues[$0])
        }
    }

    /// The value of a row's linear form at the point `x` (one value per variable).
    public func activity(of constraint: ConstraintID, at x: [Double]) -> Double {
        var sum = 0.0
        for k in rowStarts[constraint.index] ..< rowStarts[constraint.index + 1] {
            sum += entryValues[k] * x[Int(entryColumns[k])]
        }
        return sum
    }

    /// The objective's value at the point `x` (one value per variable).
    public func objectiveValue(at x: [Double]) -> Double {
        var sum = objectiveConstant
        for j in x.indices { sum += objectiveCoefficients[j] * x[j] }
        return sum
    }
}
