import CGLPK

/// A simplex basis: the status of every row and column, to start a later solve from.
public struct Basis: Sendable, Equatable {
    /// GLPK status code (basic, at lower, at upper, free, fixed) of each row.
    public var rowStatuses: [Int32]
    /// GLPK status code of each column.
    public var columnStatuses: [Int32]

    /// A basis from saved statuses (e.g. one stored between runs); invalid codes are repaired by ``GLPKProblem/setBasis(_:)``.
    public init(rowStatuses: [Int32], columnStatuses: [Int32]) {
        self.rowStatuses = rowStatuses
        self.columnStatuses = columnStatuses
    }
}

extension Basis {
    /// The status of a basic row or column.
    public static let basic: Int32 = GLP_BS
    /// The status of a non-basic row or column at its lower bound (a new cut that binds, say).
    public static let atLower: Int32 = GLP_NL
}

extension GLPKProblem {
    /// The current basis (after a simplex solve, the optimal one).
    public func basis() -> Basis {
        Basis(rowStatuses: (0 ..< constraintCount).map { glp_get_row_stat(pointer, Int32($0 + 1)) },
              columnStatuses: (0 ..< variableCount).map { glp_get_col_stat(pointer, Int32($0 + 1)) })
    }

    /// Installs a basis taken from a problem of the same shape, e.g. the optimum of a neighbouring scenario.
    /// - Throws: ``LinearProgrammingError/indexOutOfRange(kind:index:count:)`` when the shapes differ.
    public func setBasis(_ basis: Basis) throws {
        guard basis.rowStatuses.count == constraintCount else {
            throw LinearProgrammingError.indexOutOfRange(kind: "basis row", index: basis.rowStatuses.count, count: constraintCount)
        }
        guard basis.columnStatuses.count == variableCount else {
            throw LinearProgrammingError.indexOutOfRange(kind: "basis column", index: basis.columnStatuses.count, count: variableCount)
        }
        let valid: ClosedRange<Int32> = GLP_BS ... GLP_NS
        for (i, status) in basis.rowStatuses.enumerated() {
            glp_set_row_stat(pointer, Int32(i + 1), valid.contains(status) ? status : GLP_BS)
        }
        for (j, status) in basis.columnStatuses.enumerated() {
            glp_set_col_stat(pointer, Int32(j + 1), valid.contains(status) ? status : GLP_NL)
        }
    }
}

extension GLPKProblem {
    /// Replaces the basis by one GLPK builds from the matrix (`glp_adv_basis`), for a solve that must not continue
    /// from the current one.
    public func useAdvancedBasis() {
        glp_adv_basis(pointer, 0)
    }
}
