#!/usr/bin/env python3
"""Solve the Netlib LP models with `tokengrid solve-lp` and with HiGHS, and compare the optima.

Development tool, not a runtime need: it uses HiGHS's Python package (`pip install highspy`) and, with --glpsol,
glpsol (glpk-utils). It fetches nothing: give it a folder holding the Netlib files, e.g. a checkout of the public
repository coin-or-tools/Data-Netlib (`afiro.mps.gz`, ...). Compressed files (`.gz`) are decompressed into a
temporary folder, removed afterwards.

    scripts/check-netlib.py path/to/Data-Netlib --tokengrid .build/release/tokengrid [--glpsol] [--only afiro,blend]

Prints one row per model: name, rows, columns, whether tokengrid read it (and as which MPS format), its status,
tokengrid's and HiGHS's objective, their relative difference |a - b| / max(1, |b|), tokengrid's wall time and,
with --glpsol, glpsol's. Both readers take a right-hand side on the objective row as the constant -rhs, so
their optima are comparable as they stand (glpsol's are not, for such files: it reads +rhs).

Exits with 1 when any model fails to read, does not end optimal in tokengrid, or differs from HiGHS by more than
--tolerance (default 1e-6).
"""
import argparse
import gzip
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# HiGHS is run exactly as scripts/check-export-highs.py runs it (that script needs highspy and says so).
_spec = importlib.util.spec_from_file_location(
    "check_export_highs", os.path.join(os.path.dirname(os.path.abspath(__file__)), "check-export-highs.py"))
_check_export_highs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_check_export_highs)
run_highs = _check_export_highs.highs_objective


def model_files(folder, only):
    """(name, path) for every MPS file in `folder`: NAME.mps, NAME.mps.gz, NAME.MPS, NAME.gz, NAME (no extension)."""
    found = {}
    for entry in sorted(os.listdir(folder)):
        path = os.path.join(folder, entry)
        if not os.path.isfile(path):
            continue
        name = re.sub(r"(\.mps)?(\.gz)?$", "", entry, flags=re.I)
        if entry == name and not looks_like_mps(path):
            continue  # README, Makefile, ...
        if name.lower() in ("license", "makefile", "readme"):
            continue
        if only and name not in only:
            continue
        found.setdefault(name, path)
    return sorted(found.items())


def looks_like_mps(path):
    """Whether an extension-less file starts like MPS (comments, then a NAME record)."""
    with open(path, "rb") as f:
        for line in f.read(4096).splitlines():
            if line.startswith(b"*") or not line.strip():
                continue
            return line.startswith(b"NAME")
    return False


def plain_copy(path, folder):
    """The path of an uncompressed copy (the file itself when it is not gzip-compressed)."""
    if not path.endswith(".gz"):
        return path
    target = os.path.join(folder, os.path.basename(path)[:-3])
    if not target.lower().endswith(".mps"):
        target += ".mps"
    with gzip.open(path, "rb") as source, open(target, "wb") as out:
        shutil.copyfileobj(source, out)
    return target


def run_tokengrid(tokengrid, path, timeout, extra):
    start = time.monotonic()
    try:
        result = subprocess.run([tokengrid, "solve-lp", path, "--format", "mps", *extra], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"read": False, "status": "timeout", "seconds": time.monotonic() - start}
    seconds = time.monotonic() - start
    out = result.stdout

    def field(name):
        match = re.search(rf"^{name}:\s+(.*)$", out, re.M)
        return match.group(1).strip() if match else None

    size = re.match(r"(\d+) rows, (\d+) columns", field("size") or "")
    objective = field("objective")
    return {
        "read": size is not None,
        "format": (field("format") or "").replace(" MPS", ""),
        "rows": int(size.group(1)) if size else None,
        "columns": int(size.group(2)) if size else None,
        "status": field("status") or ("read error: " + (result.stderr.strip().splitlines() or ["?"])[-1]),
        "objective": float(objective) if objective else None,
        "seconds": seconds,
    }


def run_glpsol(glpsol, path, folder, timeout):
    """glpsol's wall time (free MPS first, then fixed); its output goes to a temporary file, never a device."""
    for option in ("--freemps", "--mps"):
        output = os.path.join(folder, "glpsol.txt")
        start = time.monotonic()
        try:
            result = subprocess.run([glpsol, option, path, "-o", output], capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        if result.returncode == 0:
            return time.monotonic() - start
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="folder of Netlib MPS files (.mps, .mps.gz, ...)")
    parser.add_argument("--tokengrid", required=True, help="path of the tokengrid binary")
    parser.add_argument("--glpsol", nargs="?", const=shutil.which("glpsol") or "/usr/bin/glpsol", help="also time glpsol (path optional)")
    parser.add_argument("--only", help="comma-separated model names, e.g. afiro,blend")
    parser.add_argument("--tolerance", type=float, default=1e-6, help="largest relative difference allowed (default 1e-6)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed per model and solver (default 900)")
    parser.add_argument("--solve-lp-option", action="append", default=[], help="extra option for solve-lp, e.g. --solve-lp-option=--exact")
    args = parser.parse_args()

    only = set(args.only.split(",")) if args.only else None
    models = model_files(args.folder, only)
    if not models:
        sys.exit(f"no MPS files in {args.folder}")
    header = f"{'model':10} {'rows':>6} {'cols':>6} {'read':>6} {'status':>10} {'objective tokengrid':>22} {'objective HiGHS':>22} {'rel diff':>9} {'t tokengrid':>11}"
    if args.glpsol:
        header += f" {'t glpsol':>9}"
    print(header)
    failures = []
    with tempfile.TemporaryDirectory(prefix="check-netlib-") as folder:
        for name, source in models:
            path = plain_copy(source, folder)
            ours = run_tokengrid(args.tokengrid, path, args.timeout, args.solve_lp_option)
            highs_status, highs = run_highs(path)
            difference = None
            if ours.get("objective") is not None and highs is not None:
                difference = abs(ours["objective"] - highs) / max(1.0, abs(highs))
            row = (f"{name:10} {ours.get('rows') or '-':>6} {ours.get('columns') or '-':>6} "
                   f"{(ours.get('format') or 'no') if ours['read'] else 'no':>6} {ours['status'][:10]:>10} "
                   f"{ours['objective'] if ours.get('objective') is not None else float('nan'):22.12e} "
                   f"{highs if highs is not None else float('nan'):22.12e} "
                   f"{difference if difference is not None else float('nan'):9.1e} {ours['seconds']:10.2f}s")
            if args.glpsol:
                seconds = run_glpsol(args.glpsol, path, folder, args.timeout)
                row += f" {seconds:8.2f}s" if seconds is not None else f" {'failed':>9}"
            problems = []
            if not ours["read"]:
                problems.append(f"not read: {ours['status']}")
            elif ours["status"] != "optimal":
                problems.append(f"tokengrid {ours['status']}")
            if highs is None:
                problems.append(f"HiGHS {highs_status}")
            if difference is not None and difference > args.tolerance:
                problems.append(f"differs by {difference:.1e}")
            if problems:
                failures.append((name, problems))
                row += "  FAIL: " + "; ".join(problems)
            print(row, flush=True)
            if path != source:
                os.remove(path)
    print(f"\n{len(models) - len(failures)} of {len(models)} models read and agree with HiGHS to {args.tolerance:g}")
    for name, problems in failures:
        print(f"  {name}: {'; '.join(problems)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
