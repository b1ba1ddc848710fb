* A Netlib-style fixed-MPS file: names with blanks (GLPK drops them: "X ONE"
* is read as XONE), an RHS set with a blank name, a RANGES entry, MI/UP
* bounds, and a right-hand side -10 on the objective row COST.
*   min x + 2y - z + 10  (the constant is -(-10): HiGHS/CPLEX/Gurobi rule)
*   LIM 1: -16 <= x + y <= 4;  LIM 2: x >= 1;  MYEQN: -y + z = 7
*   0 <= x <= 4;  y <= 1 with no lower bound;  z >= 0
* Optimum -3 at x = 1, y = -7, z = 0; duals LIM 1 0, LIM 2 1, MYEQN -2.
* glpsol reads the constant as -10 instead: -23.
*   tokengrid solve-lp docs/examples/fixed-format.mps
NAME          TINYFIX
ROWS
 N  COST
 L  LIM 1
 G  LIM 2
 E  MYEQN
COLUMNS
    X ONE     COST      1              LIM 1     1
    X ONE     LIM 2     1
    Y TWO     COST      2              LIM 1     1
    Y TWO     MYEQN     -1
    Z THREE   COST      -1             MYEQN     1
RHS
              COST      -10            LIM 1     4
              LIM 2     1              MYEQN     7
RANGES
    RNG       LIM 1     20
BOUNDS
 UP BND       X ONE     4
 MI BND       Y TWO
 UP BND       Y TWO     1
ENDATA
