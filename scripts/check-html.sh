#!/usr/bin/env bash
# Renders a plan's report.html (or any page TokenGrid writes) in headless Chromium and checks it: a PNG screenshot to
# look at, no JavaScript errors or console messages at all, the charts present in the rendered page, nothing loaded
# from the network.
#
#     scripts/check-html.sh OUT_DIR [SCREENSHOT.png]
#     scripts/check-html.sh PAGE.html [SCREENSHOT.png]
#
# OUT_DIR is a folder written by `tokengrid plan --out OUT_DIR`: its report.html must hold at least 4 charts and a
# sortable table; the screenshot defaults to OUT_DIR/report.png. A page given by name (compare.html,
# sensitivity.html) must hold at least one chart; its screenshot defaults to the page's name with .png.
# Installs Debian's chromium when it is missing (needs root, as in the dev container). Exits 1 on any failure.
set -euo pipefail

target=${1:?usage: scripts/check-html.sh OUT_DIR|PAGE.html [SCREENSHOT.png]}
if [[ -d $target ]]; then
    report=$(cd "$target" && pwd)/report.html
    shot=${2:-$(cd "$target" && pwd)/report.png}
    min_charts=4
    need_sortable=1
else
    report=$(cd "$(dirname "$target")" && pwd)/$(basename "$target")
    shot=${2:-${report%.html}.png}
    min_charts=1
    need_sortable=0
fi
[[ -f $report ]] || { echo "check-html: $report not found" >&2; exit 1; }

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
    echo "check-html: installing chromium" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
    browser=$(command -v chromium)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
       --user-data-dir="$work/profile" --enable-logging=stderr --v=0)
status=0

# The screenshot; the browser's log goes to a file to scan for console messages.
"$browser" "${flags[@]}" --screenshot="$shot" --window-size=1280,4000 "file://$report" >"$work/shot.out" 2>"$work/shot.log" || true
if [[ ! -s $shot ]]; then
    echo "check-html: no screenshot written" >&2
    cat "$work/shot.log" >&2
    exit 1
fi

# The DOM after scripts ran: the charts and the sortable table must be there.
"$browser" "${flags[@]}" --dump-dom "file://$report" >"$work/dom.html" 2>"$work/dom.log" || true

errors=$(grep -hE 'Uncaught|:CONSOLE|CONSOLE\(|SyntaxError|ReferenceError|TypeError' "$work/shot.log" "$work/dom.log" || true)
if [[ -n $errors ]]; then
    echo "check-html: console errors:" >&2
    echo "$errors" >&2
    status=1
fi

svgs=$(grep -o '<svg ' "$work/dom.html" | wc -l)
if (( svgs < min_charts )); then
    echo "check-html: expected at least $min_charts charts in the rendered page, found $svgs" >&2
    status=1
fi
if (( need_sortable )) && ! grep -q '<table class="sortable">' "$work/dom.html"; then
    echo "check-html: no sortable table in the rendered page" >&2
    status=1
fi
# Self-contained: no external scripts, styles, images or fonts.
if grep -qiE '(src|href)="(https?:)?//' "$report" || grep -qiE '@import|url\([^#]' "$report"; then
    echo "check-html: the page refers to external resources" >&2
    status=1
fi

if (( status == 0 )); then
    echo "check-html: ok, $svgs charts, screenshot $shot"
fi
exit $status
