/// An error from building, validating, solving or reading a linear program.
public enum LinearProgrammingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A name is empty, too long, or holds white space or control characters.
    case invalidName(kind: String, index: Int, name: String, reason: String)
    /// Two variables, or two constraints, share a name.
    case duplicateName(kind: String, name: String, firstIndex: Int, secondIndex: Int)
    /// A variable's or constraint's bounds are NaN, inverted or infinite on the wrong side.
    case invalidBounds(kind: String, name: String, reason: String)
    /// An objective coefficient or constant is NaN, infinite or outside ``LinearProgram/safeMagnitudes``.
    case invalidObjective(name: String, value: Double)
    /// A matrix coefficient is NaN, infinite or outside ``LinearProgram/safeMagnitudes``.
    case invalidCoefficient(constraint: String, variable: String, value: Double)
    /// A row names a variable that does not exist.
    case variableOutOfRange(constraint: String, index: Int, variableCount: Int)
    /// A row names the same variable twice (GLPK aborts on this).
    case duplicateEntry(constraint: String, variable: String)
    /// A model file could not be read or written.
    case file(path: String, message: String)
    /// The solver stopped on an error it reports (numerical trouble, bad basis).
    case solverFailure(code: Int32, message: String)
    /// The problem is larger than GLPK's 32-bit indices allow.
    case tooLarge(String)
    /// A handle passed to an in-place change does not exist in the problem.
    case indexOutOfRange(kind: String, index: Int, count: Int)
    /// Variables and coefficients of a row have different lengths.
    case mismatchedLengths(variables: Int, coefficients: Int)

    public var description: String {
        switch self {
        case let .invalidName(kind, index, name, reason):
            return "\(kind) #\(index + 1) has an invalid name \"\(name)\": \(reason)"
        case let .duplicateName(kind, name, first, second):
            return "\(kind) name \"\(name)\" is used twice (#\(first + 1) and #\(second + 1)); names must be unique"
        case let .invalidBounds(kind, name, reason):
            return "\(kind) \"\(name)\" has invalid bounds: \(reason)"
        case let .invalidObjective(name, value):
            return "objective coefficient of \"\(name)\" is \(value): \(LinearProgram.numberProblem(value) ?? "expected a finite number")"
        case let .invalidCoefficient(constraint, variable, value):
            return "coefficient of \"\(variable)\" in constraint \"\(constraint)\" is \(value): \(LinearProgram.numberProblem(value) ?? "expected a finite number")"
        case let .variableOutOfRange(constraint, index, count):
            return "constraint \"\(constraint)\" refers to variable #\(index + 1), but the program has \(count) variables"
        case let .duplicateEntry(constraint, variable):
            return "constraint \"\(constraint)\" lists variable \"\(variable)\" more than once; combine the coefficients"
        case let .file(path, message):
            return "\(path): \(message)"
        case let .solverFailure(code, message):
            return "GLPK failed (code \(code)): \(message)"
        case let .tooLarge(message):
            return "problem too large for GLPK: \(message)"
        case let .mismatchedLengths(variables, coefficients):
            return "a row has \(variables) variables but \(coefficients) coefficients; expected one coefficient per variable"
        case let .indexOutOfRange(kind, index, count):
            return "\(kind) index \(index) is outside 0..<\(count)"
        }
    }
}

extension LinearProgrammingError {
    /// Whether the error is about the program itself (a name, a number or the matrix pattern), found by validation
    /// before anything reached GLPK.
    public var isProgramError: Bool {
        switch self {
        case .invalidName, .duplicateName, .invalidBounds, .invalidObjective, .invalidCoefficient, .variableOutOfRange, .duplicateEntry:
            return true
        case .file, .solverFailure, .tooLarge, .mismatchedLengths, .indexOutOfRange:
            return false
        }
    }
}
