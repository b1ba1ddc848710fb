#!/usr/bin/env bash
# Builds the DocC documentation of the LinearProgramming and TokenGrid libraries (a dev tool; the package does not
# depend on the swift-docc-plugin): symbol graphs from SwiftPM, then the docc tool that comes with the toolchain.
#
#     scripts/build-docs.sh [OUT_DIR]        # default .build/docs: LinearProgramming.doccarchive, TokenGrid.doccarchive
#
# Open an archive with `docc preview` or serve its folder. Any warning makes it fail: an unresolved link in a
# catalogue's article, or in a doc comment (a link to another module's symbol cannot resolve: name it in single
# backticks), or an undocumented parameter.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/docs}
scratch=.build-docs
# It also tries the test modules, which have no symbol graph to give; the two libraries' graphs are what is needed.
swift package --scratch-path "$scratch" dump-symbol-graph --minimum-access-level public >/dev/null 2>&1 || true
graphs=$(find "$scratch" -type d -name symbolgraph | head -1)
[[ -f $graphs/TokenGrid.symbols.json && -f $graphs/LinearProgramming.symbols.json ]] || { echo "build-docs: no symbol graphs in $scratch" >&2; exit 1; }
mkdir -p "$out"
status=0
for target in LinearProgramming TokenGrid; do
    staged=$(mktemp -d)
    cp "$graphs/$target.symbols.json" "$staged/"
    cp "$graphs/$target@"*.symbols.json "$staged/" 2>/dev/null || true
    log=$(mktemp)
    docc convert "Sources/$target/$target.docc" --additional-symbol-graph-dir "$staged" --fallback-display-name "$target" \
        --fallback-bundle-identifier "org.tokengrid.$target" --output-path "$out/$target.doccarchive" >"$log" 2>&1 || status=1
    if grep -A3 -E "^(warning|error)" "$log" | grep -q "\.docc/"; then
        grep -B1 -A3 "\.docc/" "$log" >&2
        status=1
    fi
    warnings=$(grep -cE "^warning" "$log" || true)
    if [[ $warnings -gt 0 ]]; then
        grep -A3 -E "^warning" "$log" >&2
        status=1
    fi
    echo "build-docs: $out/$target.doccarchive ($warnings warnings)"
    rm -rf "$staged" "$log"
done
exit $status
