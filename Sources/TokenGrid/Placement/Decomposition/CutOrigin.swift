import LinearProgramming

/// Where a Benders cut was made: the linking values it was made at, the block's row multipliers there (they give the
/// cut, and assemble the full LP's duals in ``BendersAssembly``) and, for a block kept loaded, the block's basis there.
///
/// A later variant of the plan makes the cut again from these (``BendersSolver/remakeKeptCuts()``): from the
/// multipliers where they still bound the block's cost, else by solving at the point from the stored basis, which
/// gives the same multipliers back wherever they are still optimal — and so the same slopes in the master.
struct CutOrigin: Sendable {
    var point: [Double]
    var duals: SparseMultipliers
    /// The block's basis at the point (only for blocks with a GLPK problem of their own: the small ones).
    var basis: Basis?
}
