#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs GLPK if needed, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product tokengrid
swift test "$@"
