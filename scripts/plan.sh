#!/usr/bin/env bash
# Runs the planner on a fresh machine: installs GLPK if needed, builds in release mode, runs tokengrid with the given arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product tokengrid >&2
exec .build/release/tokengrid "$@"
