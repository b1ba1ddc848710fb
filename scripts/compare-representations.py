#!/usr/bin/env python3
"""Error of reduced time representations against the full chronological year (dev-only).

Runs `tokengrid plan` on one plan with `--set time_slices=...` for each representation and prints a Markdown table:
objective, installed IT capacity by site in the last year, the headroom rows binding (count over sites and years) and
the end-to-end seconds, each against the `hours` run.

    swift build -c release --product tokengrid
    scripts/compare-representations.py Plans/us-grid-hourly-2030.yaml [--tokengrid .build/release/tokengrid]
"""
import argparse, csv, os, subprocess, sys, tempfile, time

REPRESENTATIONS = [
    ("hours (8,760)", "{preset: hours}"),
    ("seasons4x6 (24)", "{preset: seasons4x6}"),
    ("seasons4x24 (96)", "{preset: seasons4x24}"),
    ("months12x24 (288)", "{preset: months12x24}"),
    ("8 representative days (192)", "{representative_days: 8, seed: 1}"),
    ("12 representative days (288)", "{representative_days: 12, seed: 1}"),
    ("24 representative days (576)", "{representative_days: 24, seed: 1}"),
    ("48 representative days (1,152)", "{representative_days: 48, seed: 1}"),
]


def run(tokengrid, plan, slices, folder):
    start = time.monotonic()
    subprocess.run([tokengrid, "plan", plan, "--set", f"time_slices={slices}", "--out", folder, "--quiet"],
                   check=True, stdout=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    with open(os.path.join(folder, "status.csv")) as f:
        status = next(csv.DictReader(f))
    with open(os.path.join(folder, "sites.csv")) as f:
        rows = list(csv.DictReader(f))
    last = max(int(r["year"]) for r in rows)
    capacity = {r["site"]: float(r["it_mw_installed"]) for r in rows if int(r["year"]) == last}
    with open(os.path.join(folder, "duals.csv")) as f:
        headroom = [r for r in csv.DictReader(f) if r["kind"] == "grid_headroom"]
    binding = (sum(int(r["binding_count"]) > 0 for r in headroom), sum(int(r["binding_count"]) for r in headroom))
    return float(status["objective_usd"]), capacity, binding, seconds, last


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("plan")
    parser.add_argument("--tokengrid", default=".build/release/tokengrid")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        results = []
        for label, slices in REPRESENTATIONS:
            results.append((label, run(args.tokengrid, args.plan, slices, os.path.join(scratch, str(len(results))))))
            print(f"  {label}: done in {results[-1][1][3]:.1f} s", file=sys.stderr)
    reference = results[0][1]
    sites = sorted(reference[1])
    print(f"| representation | objective (G$) | error | IT MW installed in {reference[4]}, largest site error | "
          f"total IT MW error | binding headroom: site-years / slices | seconds |")
    print("|---|---|---|---|---|---|---|")
    for label, (objective, capacity, binding, seconds, _) in results:
        errors = {s: capacity.get(s, 0) - reference[1][s] for s in sites}
        worst = max(sites, key=lambda s: abs(errors[s]))
        total = sum(capacity.values()) - sum(reference[1].values())
        print(f"| {label} | {objective / 1e9:.2f} | {100 * (objective - reference[0]) / reference[0]:+.2f} % | "
              f"{worst} {errors[worst]:+.0f} MW | {total:+.0f} MW | {binding[0]} / {binding[1]} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
