import CGLPK
import Foundation

extension GLPKProblem {
    /// Solves the problem.
    ///
    /// Simplex statuses come from GLPK's return code and solution status; a presolver that finds no
    /// dual-feasible solution is followed by a solve without presolve, to tell infeasible from unbounded.
    /// - Throws: ``LinearProgrammingError/solverFailure(code:message:)`` when GLPK stops on an error
    ///   (singular or ill-conditioned basis) rather than with a status.
    public func solve(_ options: SolverOptions = SolverOptions()) throws -> Solution {
        let capture = TerminalCapture(echo: options.verbose)
        if options.scaling && !isScaled {
            capture.run { glp_scale_prob(pointer, GLP_SF_AUTO) }
            isScaled = true
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let status: SolveStatus
        switch options.method {
        case .interiorPoint:
            status = try capture.run { try runInteriorPoint(options) }
        case .primalSimplex, .dualSimplex:
            status = try capture.run { try runSimplex(options, capture: capture) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return readSolution(status: status, method: options.method, seconds: seconds)
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

    private func runSimplex(_ options: SolverOptions, capture: TerminalCapture) throws -> SolveStatus {
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
        switch code {
        case 0:
            switch glp_get_status(pointer) {
            case GLP_OPT: return .optimal
            case GLP_NOFEAS: return .infeasible
            case GLP_UNBND: return .unbounded
            default:
                if glp_get_prim_stat(pointer) == GLP_NOFEAS { return .infeasible }
                if glp_get_dual_stat(pointer) == GLP_NOFEAS { return .unbounded }
                return .undetermined
            }
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .infeasibleOrUnbounded
        case GLP_EITLIM: return .iterationLimit
        case GLP_ETMLIM: return .timeLimit
        case GLP_EOBJLL, GLP_EOBJUL: return .undetermined
        default:
            throw LinearProgrammingError.solverFailure(code: code, message: capture.lastLine.isEmpty ? "simplex failed" : capture.lastLine)
        }
    }

    private func runInteriorPoint(_ options: SolverOptions) throws -> SolveStatus {
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_ERR
        lastIterations = 0
        // GLPK's interior point rejects a problem with no rows or columns; such a problem is trivially handled by simplex.
        if constraintCount == 0 || variableCount == 0 {
            var simplex = simplexParameters(options, presolve: false)
            _ = glp_simplex(pointer, &simplex)
            usedInteriorSolution = false
            return glp_get_status(pointer) == GLP_OPT ? .optimal : .undetermined
        }
        let code = glp_interior(pointer, &parameters)
        usedInteriorSolution = true
        switch code {
        case 0:
            switch glp_ipt_status(pointer) {
            case GLP_OPT: return .optimal
            case GLP_NOFEAS: return .infeasible
            default: return .undetermined
            }
        case GLP_ENOFEAS: return .infeasibleOrUnbounded
        case GLP_ENOCVG, GLP_EINSTAB: return .undetermined
        case GLP_EITLIM: return .iterationLimit
        default:
            throw LinearProgrammingError.solverFailure(code: code, message: "interior point failed")
        }
    }

    private func readSolution(status: SolveStatus, method: SolverOptions.Method, seconds: Double) -> Solution {
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
                        solveSeconds: seconds, method: method)
    }
}
