* Wyndor Glass (Hillier & Lieberman) with a third, unprofitable product: maximise profit 3 doors + 5 windows + 1 frames.
* Optimum 36 at doors = 2, windows = 6, frames = 0; duals plant1 0, plant2 1.5, plant3 1.
* Free MPS with an OBJSENSE section: tokengrid solve-lp, HiGHS, CPLEX and Gurobi read it; glpsol refuses OBJSENSE.
*   tokengrid solve-lp docs/examples/production.mps
NAME production
OBJSENSE
    MAX
ROWS
 N obj
 L plant1
 L plant2
 L plant3
COLUMNS
 doors obj 3
 doors plant1 1
 doors plant3 3
 windows obj 5
 windows plant2 2
 windows plant3 2
 frames obj 1
 frames plant1 1
 frames plant3 2
RHS
 RHS plant1 4
 RHS plant2 12
 RHS plant3 18
ENDATA
