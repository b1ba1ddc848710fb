#!/usr/bin/env python3
"""Time HiGHS on a model file, for side-by-side figures in docs/performance.md (dev-only: pip install highspy).

    scripts/highs-solve.py model.mps [--time-limit 900] [--solver simplex|ipm|choose]

Prints HiGHS's status, objective, wall seconds for reading and solving, and the peak resident memory of this process.
"""
import argparse, resource, sys, time

try:
    import highspy
except ImportError:  # pragma: no cover
    sys.exit("highs-solve.py needs HiGHS's Python package: pip install highspy")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model")
    parser.add_argument("--time-limit", type=float, default=900)
    parser.add_argument("--solver", default="choose")
    args = parser.parse_args()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", args.time_limit)
    h.setOptionValue("solver", args.solver)
    h.setOptionValue("threads", 2)
    start = time.monotonic()
    h.readModel(args.model)
    read = time.monotonic() - start
    h.run()
    total = time.monotonic() - start
    status = h.modelStatusToString(h.getModelStatus())
    objective = h.getInfo().objective_function_value
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"HiGHS {highspy.Highs().version() if hasattr(highspy.Highs(), 'version') else ''} {args.model}: {status}, "
          f"objective {objective:.10g}, read {read:.1f} s, read + solve {total:.1f} s, peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
