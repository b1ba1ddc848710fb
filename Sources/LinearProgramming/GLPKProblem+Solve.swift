import CGLPK
import Foundation

extension GLPKProblem {
    /// Solves the problem.
    ///
    /// Simplex statuses come from GLPK's return code and solution status; a presolver that finds no
    /// dual-feasible solution is followed by a solve without presolve, to tell infeasible from unbounded.
    /// A solve that ends without an optimum says why in ``Solution/message``.
    /// - Throws: ``LinearProgrammingError/solverFailure(code:message:)`` when GLPK stops on an error
    ///   (singular or ill-conditioned basis) rather than with a status.
    public func solve(_ options: SolverOptions = SolverOptions()) throws -> Solution {
        let capture = TerminalCapture(echo: options.verbose)
        if options.scaling && !isScaled {
            capture.run { glp_scale_prob(pointer, GLP_SF_AUTO) }
            isScaled = true
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let end: SolveEnd
        switch options.method {
        case .interiorPoint:
            end = try capture.run { try runInteriorPoint(options, capture: capture) }
        case .primalSimplex, .dualSimplex:
            end = try capture.run { try runSimplex(options, capture: capture) }
        case .exactSimplex:
            end = try capture.run { try runExact(options, capture: capture) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let message = end.status == .optimal ? nil : GLPKReason.withPrinted(end.reason, capture, by: options.method.glpkRoutine)
        return readSolution(status: end.status, message: message, method: options.method, seconds: seconds)
    }

    /// How a GLPK run ended: the status and, in plain words, why.
    private struct SolveEnd {
        var status: SolveStatus
        var reason: String
    }

    private func simplexParameters(_ options: SolverOptions, presolve: Bool) -> glp_smcp {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_ERR
        parameters.meth = options.method == .primalSimplex ? GLP_PRIMAL : GLP_DUALP
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        // An infinite, NaN or huge limit means no limit (GLPK's default); anything else is clamped to GLPK's Int32 milliseconds.
        if let seconds = options.timeLimitSeconds, seconds.isFinite, seconds * 1000 < Double(Int32.max) {
            parameters.tm_lim = Int32((max(0, seconds) * 1000).rounded(.up))
        }
        if let iterations = options.iterationLimit {
            parameters.it_lim = Int32(clamping: max(0, iterations))
        }
        return parameters
    }

    private func runSimplex(_ options: SolverOptions, capture: TerminalCapture) throws -> SolveEnd {
        let usePresolve = options.presolve && !options.warmStart
        if !usePresolve && glp_bf_exists(pointer) == 0 && !options.warmStart {
            glp_adv_basis(pointer, 0)
        }
        let iterationsBefore = glp_get_it_cnt(pointer)
        var parameters = simplexParameters(options, presolve: usePresolve)
        var code = glp_simplex(pointer, &parameters)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND || code == GLP_EFAIL {
            // A basis left from an earlier solve can be singular after in-place changes: start afresh.
            glp_adv_basis(pointer, 0)
            code = glp_simplex(pointer, &parameters)
        }
        if code == GLP_ENODFS && usePresolve {
            // The presolver only says "no dual feasible solution"; solve without it to learn which case holds.
            parameters = simplexParameters(options, presolve: false)
            glp_adv_basis(pointer, 0)
            code = glp_simplex(pointer, &parameters)
        }
        lastIterations = Int(glp_get_it_cnt(pointer) - iterationsBefore)
        return try simplexEnd(code, method: "simplex method", routine: "glp_simplex", capture: capture)
    }

    /// The status a simplex return code (and, for 0, GLPK's solution status) stands for; shared by glp_simplex
    /// and glp_exact, which return the same codes.
    private func simplexEnd(_ code: Int32, method: String, routine: String, capture: TerminalCapture) throws -> SolveEnd {
        switch code {
        case 0:
            let reason = GLPKReason.status(glp_get_status(pointer), primal: glp_get_prim_stat(pointer),
                                           dual: glp_get_dual_stat(pointer), method: method)
            switch glp_get_status(pointer) {
            case GLP_OPT: return SolveEnd(status: .optimal, reason: reason)
            case GLP_NOFEAS: return SolveEnd(status: .infeasible, reason: reason)
            case GLP_UNBND: return SolveEnd(status: .unbounded, reason: reason)
            default:
                if glp_get_prim_stat(pointer) == GLP_NOFEAS { return SolveEnd(status: .infeasible, reason: reason) }
                if glp_get_dual_stat(pointer) == GLP_NOFEAS { return SolveEnd(status: .unbounded, reason: reason) }
                return SolveEnd(status: .undetermined, reason: reason)
            }
        case GLP_ENOPFS: return SolveEnd(status: .infeasible, reason: GLPKReason.code(code))
        case GLP_ENODFS: return SolveEnd(status: .infeasibleOrUnbounded, reason: GLPKReason.code(code))
        case GLP_EITLIM: return SolveEnd(status: .iterationLimit, reason: GLPKReason.code(code))
        case GLP_ETMLIM: return SolveEnd(status: .timeLimit, reason: GLPKReason.code(code))
        case GLP_EOBJLL, GLP_EOBJUL: return SolveEnd(status: .undetermined, reason: GLPKReason.code(code))
        default:
            throw LinearProgrammingError.solverFailure(code: code, message: GLPKReason.withPrinted(GLPKReason.code(code), capture, by: routine))
        }
    }

    /// Floating-point primal simplex to find a basis, then glp_exact from it. GLPK's manual advises exactly this:
    /// exact arithmetic from scratch is very slow, from an optimal basis it only has to confirm it.
    private func runExact(_ options: SolverOptions, capture: TerminalCapture) throws -> SolveEnd {
        let iterationsBefore = glp_get_it_cnt(pointer)
        var floating = options
        floating.method = .primalSimplex
        floating.warmStart = false
        let first = try? runSimplex(floating, capture: capture)
        // glp_exact refuses a problem without rows or columns (GLP_EFAIL); the simplex answer is exact there.
        if constraintCount == 0 || variableCount == 0, let first { return first }
        var parameters = simplexParameters(options, presolve: false)
        var code = glp_exact(pointer, &parameters)
        if code == GLP_EBADB || code == GLP_ESING {
            // The floating-point phase left no usable basis (e.g. its presolver ended it): start from the standard one.
            glp_std_basis(pointer)
            code = glp_exact(pointer, &parameters)
        }
        lastIterations = Int(glp_get_it_cnt(pointer) - iterationsBefore)
        return try simplexEnd(code, method: "exact simplex", routine: "glp_exact", capture: capture)
    }

    private func runInteriorPoint(_ options: SolverOptions, capture: TerminalCapture) throws -> SolveEnd {
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_ERR
        lastIterations = 0
        // GLPK's interior point rejects a problem with no rows or columns; such a problem is trivially handled by simplex.
        if constraintCount == 0 || variableCount == 0 {
            var simplex = simplexParameters(options, presolve: false)
            _ = glp_simplex(pointer, &simplex)
            usedInteriorSolution = false
            let reason = GLPKReason.status(glp_get_status(pointer), primal: glp_get_prim_stat(pointer),
                                           dual: glp_get_dual_stat(pointer), method: "simplex method (no rows or columns)")
            return SolveEnd(status: glp_get_status(pointer) == GLP_OPT ? .optimal : .undetermined, reason: reason)
        }
        let code = glp_interior(pointer, &parameters)
        usedInteriorSolution = true
        switch code {
        case 0:
            // The interior point cannot tell an infeasible primal from an infeasible dual (an unbounded primal):
            // its GLP_NOFEAS means either.
            switch glp_ipt_status(pointer) {
            case GLP_OPT: return SolveEnd(status: .optimal, reason: "")
            case GLP_NOFEAS:
                return SolveEnd(status: .infeasibleOrUnbounded,
                                reason: "the interior-point method found no feasible primal or dual solution: infeasible or unbounded (GLP_NOFEAS)")
            default:
                return SolveEnd(status: .undetermined, reason: "the interior-point method ended without an optimum (status \(glp_ipt_status(pointer)))")
            }
        case GLP_ENOFEAS: return SolveEnd(status: .infeasibleOrUnbounded, reason: GLPKReason.code(code))
        case GLP_ENOCVG, GLP_EINSTAB: return SolveEnd(status: .undetermined, reason: GLPKReason.code(code))
        case GLP_EITLIM: return SolveEnd(status: .iterationLimit, reason: GLPKReason.code(code))
        default:
            throw LinearProgrammingError.solverFailure(code: code, message: GLPKReason.withPrinted(GLPKReason.code(code), capture, by: "glp_interior"))
        }
    }

    private func readSolution(status: SolveStatus, message: String?, method: SolverOptions.Method, seconds: Double) -> Solution {
        let interior = method == .interiorPoint && usedInteriorSolution
        var values = [Double](repeating: 0, count: variableCount)
        var reduced = [Double](repeating: 0, count: variableCount)
        for j in 0 ..< variableCount {
            let column = Int32(j + 1)
            values[j] = interior ? glp_ipt_col_prim(pointer, column) : glp_get_col_prim(pointer, column)
            reduced[j] = interior ? glp_ipt_col_dual(pointer, column) : glp_get_col_dual(pointer, column)
        }
        var activities = [Double](repeating: 0, count: constraintCount)
        var duals = [Double](repeating: 0, count: constraintCount)
        for i in 0 ..< constraintCount {
            let row = Int32(i + 1)
            activities[i] = interior ? glp_ipt_row_prim(pointer, row) : glp_get_row_prim(pointer, row)
            duals[i] = interior ? glp_ipt_row_dual(pointer, row) : glp_get_row_dual(pointer, row)
        }
        let objective = interior ? glp_ipt_obj_val(pointer) : glp_get_obj_val(pointer)
        return Solution(status: status, objective: objective, variableValues: values, reducedCosts: reduced,
                        constraintActivities: activities, constraintDuals: duals, iterations: lastIterations,
                        solveSeconds: seconds, method: method, message: message)
    }
}

/// GLPK's return codes and solution statuses in plain words, each naming GLPK's own constant.
private enum GLPKReason {
    /// What a non-zero return code of glp_simplex, glp_exact or glp_interior means.
    static func code(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: return "the starting basis is invalid (GLP_EBADB)"
        case GLP_ESING: return "the basis matrix is singular (GLP_ESING)"
        case GLP_ECOND: return "the basis matrix is too ill-conditioned to go on (GLP_ECOND)"
        case GLP_EBOUND: return "a variable has a lower bound above its upper bound (GLP_EBOUND)"
        case GLP_EFAIL: return "the solver failed: numerical trouble, or no rows or columns (GLP_EFAIL)"
        case GLP_EOBJLL: return "the objective fell below its lower limit (GLP_EOBJLL)"
        case GLP_EOBJUL: return "the objective rose above its upper limit (GLP_EOBJUL)"
        case GLP_EITLIM: return "the iteration limit was reached before an optimum (GLP_EITLIM)"
        case GLP_ETMLIM: return "the time limit was reached before an optimum (GLP_ETMLIM)"
        case GLP_ENOPFS: return "GLPK's presolver found that the constraints cannot all hold: no primal feasible solution (GLP_ENOPFS)"
        case GLP_ENODFS: return "GLPK's presolver found no dual feasible solution: the problem is infeasible or unbounded (GLP_ENODFS)"
        case GLP_ENOFEAS: return "the interior-point method found no feasible primal or dual solution: infeasible or unbounded (GLP_ENOFEAS)"
        case GLP_ENOCVG: return "the interior-point method converged too slowly or diverged (GLP_ENOCVG)"
        case GLP_EINSTAB: return "the interior-point method stopped on numerical instability (GLP_EINSTAB)"
        default: return "GLPK returned code \(code)"
        }
    }

    /// What a solve that returned 0 ended with: its status and, when that is not conclusive, the primal and dual
    /// statuses.
    static func status(_ status: Int32, primal: Int32, dual: Int32, method: String) -> String {
        switch status {
        case GLP_OPT: return "the \(method) found an optimum (GLP_OPT)"
        case GLP_NOFEAS: return "the \(method) proved that the constraints cannot all hold: no feasible solution (GLP_NOFEAS)"
        case GLP_UNBND: return "the \(method) found a direction in which the objective improves without limit: unbounded (GLP_UNBND)"
        default: return "the \(method) ended without an optimum: primal solution \(word(primal)), dual solution \(word(dual))"
        }
    }

    private static func word(_ status: Int32) -> String {
        switch status {
        case GLP_FEAS: return "feasible (GLP_FEAS)"
        case GLP_INFEAS: return "infeasible (GLP_INFEAS)"
        case GLP_NOFEAS: return "proved infeasible (GLP_NOFEAS)"
        case GLP_UNDEF: return "undefined (GLP_UNDEF)"
        case GLP_OPT: return "optimal (GLP_OPT)"
        default: return "status \(status)"
        }
    }

    /// `reason`, followed by the last message `routine` (e.g. `glp_simplex`) printed, if it printed one. GLPK's
    /// own messages name their routine; other lines (scaling, initial basis) are progress, not reasons.
    static func withPrinted(_ reason: String, _ capture: TerminalCapture, by routine: String) -> String {
        let printed = capture.text.split(separator: "\n").last { $0.hasPrefix("\(routine):") }
        return printed.map { "\(reason); GLPK printed: \($0.trimmingCharacters(in: .whitespaces))" } ?? reason
    }
}

private extension SolverOptions.Method {
    /// The GLPK routine whose messages explain how a solve with this method ended.
    var glpkRoutine: String {
        switch self {
        case .primalSimplex, .dualSimplex: return "glp_simplex"
        case .interiorPoint: return "glp_interior"
        case .exactSimplex: return "glp_exact"
        }
    }
}
