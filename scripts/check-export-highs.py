#!/usr/bin/env python3
"""Check that model files mean the same to HiGHS as to glpsol (and to tokengrid solve-lp, and to a given value).

Development tool, not a runtime need: it uses HiGHS's Python package (`pip install highspy`) and glpsol
(glpk-utils). Typical use, on a plan exported by `tokengrid export`:

    tokengrid export Plans/quickstart.yaml --mps /tmp/q.mps --lp /tmp/q.lp
    scripts/check-export-highs.py /tmp/q.mps /tmp/q.lp --tokengrid .build/debug/tokengrid --expect 4087.343784456876

For every file it prints HiGHS's status and objective, glpsol's objective (from its raw solution file, full
precision), tokengrid's (when --tokengrid is given), the expected value (when --expect is given) and the largest
relative difference between them. It exits with 1 when any file cannot be solved by one of them or any two values
differ by more than --tolerance (relative to max(1, |value|)).

glpsol writes its solution to a file in a temporary folder that is removed afterwards (never to a device path:
glpsol replaces the file it is given, which once turned the machine's /dev/null into a regular file).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import highspy
except ImportError:  # pragma: no cover - a message instead of a traceback
    sys.exit("check-export-highs.py needs HiGHS's Python package: pip install highspy")


def highs_objective(path):
    """(status, objective) from HiGHS, which reads free and fixed MPS and CPLEX LP, an objective-row RHS as -rhs."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    if h.readModel(path) == highspy.HighsStatus.kError:
        return "read error", None
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    return status, h.getInfo().objective_function_value if status == "Optimal" else None


def glpsol_objective(path, glpsol, folder):
    """(status, objective) from glpsol: its raw solution line `s bas m n p d obj` holds the objective in full."""
    if path.endswith(".lp"):
        attempts = [["--lp"]]
    else:
        attempts = [["--freemps"], ["--mps"]]  # free first, as tokengrid's reader does
    for options in attempts:
        raw = os.path.join(folder, "glpsol.sol")
        result = subprocess.run([glpsol, *options, path, "-w", raw], capture_output=True, text=True)
        if result.returncode != 0 or not os.path.exists(raw):
            continue
        with open(raw) as f:
            for line in f:
                fields = line.split()
                if fields[:2] == ["s", "bas"]:
                    optimal = fields[4] == "f" and fields[5] == "f"
                    return ("Optimal" if optimal else f"primal {fields[4]} dual {fields[5]}"), float(fields[6]) if optimal else None
    return "read error", None


def tokengrid_objective(path, tokengrid):
    """(status, objective) from `tokengrid solve-lp`."""
    result = subprocess.run([tokengrid, "solve-lp", path], capture_output=True, text=True)
    status = re.search(r"^status:\s+(\S+)", result.stdout, re.M)
    objective = re.search(r"^objective:\s+(\S+)", result.stdout, re.M)
    if status is None:
        return "read error: " + (result.stderr.strip().splitlines() or ["?"])[-1], None
    return status.group(1), float(objective.group(1)) if objective else None


def relative(a, b):
    return abs(a - b) / max(1.0, abs(a), abs(b))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", help="model files (.mps free or fixed, .lp)")
    parser.add_argument("--expect", type=float, help="the objective every solver must find")
    parser.add_argument("--tokengrid", help="path of the tokengrid binary, to compare `tokengrid solve-lp` too")
    parser.add_argument("--glpsol", default=shutil.which("glpsol") or "/usr/bin/glpsol", help="path of glpsol")
    parser.add_argument("--tolerance", type=float, default=1e-6, help="largest relative difference allowed (default 1e-6)")
    args = parser.parse_args()

    failed = False
    print(f"{'file':40} {'HiGHS':>22} {'glpsol':>22} {'tokengrid':>22} {'expected':>22} {'max rel diff':>12}  verdict")
    with tempfile.TemporaryDirectory(prefix="check-export-highs-") as folder:
        for path in args.files:
            results = {"HiGHS": highs_objective(path), "glpsol": glpsol_objective(path, args.glpsol, folder)}
            if args.tokengrid:
                results["tokengrid"] = tokengrid_objective(path, args.tokengrid)
            values = [objective for _, objective in results.values()]
            if args.expect is not None:
                values.append(args.expect)
            problems = [f"{name}: {status}" for name, (status, objective) in results.items() if objective is None]
            known = [v for v in values if v is not None]
            worst = max((relative(a, b) for a in known for b in known), default=0.0)
            if worst > args.tolerance:
                problems.append(f"differ by {worst:.2e}")
            failed = failed or bool(problems)

            def cell(name):
                status, objective = results.get(name, ("-", None))
                return f"{objective:22.15g}" if objective is not None else f"{status[:22]:>22}"

            expected = f"{args.expect:22.15g}" if args.expect is not None else f"{'-':>22}"
            verdict = "ok" if not problems else "FAIL (" + "; ".join(problems) + ")"
            print(f"{os.path.basename(path)[:40]:40} {cell('HiGHS')} {cell('glpsol')} {cell('tokengrid')} {expected} {worst:12.2e}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
