#!/usr/bin/env python3
"""Fuzzes `tokengrid validate` and `tokengrid plan` with malformed plans, region files and design catalogues.

    swift build -c release --scratch-path .build-input
    scripts/fuzz.py --tokengrid .build-input/release/tokengrid --cases 10000 --seed 1 --out /tmp/tokengrid-fuzz

A dev tool (Python 3 standard library only), not run in CI; see docs/fuzzing.md. Every case copies the shipped Plans/
and Regions/ into a fresh folder, mutates one to three files, runs `validate` and `plan --out <tmp> --quiet` (each
with a time limit) and checks what came back:

- signal:            the process died by a signal (negative return code, 134 abort, 139 segmentation fault);
- hang:              a run took longer than --timeout seconds (twice: a run that times out is retried once alone);
- wrong-exit:        an exit code outside the documented ones (validate 0/1; plan 0/1/2/3), or validate and plan
                     disagreeing about whether the input is valid (validate 1 but plan not 1, validate 0 but plan 1);
- usage-64:          ArgumentParser's usage error (64), counted apart;
- unlocated:         an input error (exit 1) with a stderr line holding "error:" that is not
                     `file:line:column: error: ...`, or exit 1 with no error line at all;
- validate-ok-plan-3: validate accepts the input and plan fails with exit 3 (solver failure or limit);
- leak:              the text of a file that is not a TokenGrid input (a canary file the case points at) appears
                     in the output.

Cases are reproducible: case i of seed s always makes the same files (`--only i` reruns one). Each failing case is
saved under --out/<category>/case-<i>/ with its files, the command lines, stdout, stderr and a repro.sh.
"""
import argparse
import collections
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Values that stress number reading: non-finite, signed zero, denormal, huge, tiny, wrong type.
EXTREME_NUMBERS = [
    "nan", ".nan", "NaN", "inf", "-inf", ".inf", "-.inf", "infinity", "-0", "-0.0", "0", "+0", "1e308", "1.7976931348623157e308",
    "1.8e308", "-1e308", "5e-324", "4.9e-324", "1e-310", "2.2e-308", "1e-300", "1e-200", "1e-31", "1e-30", "1e-29", "1e-12",
    "1e-9", "1e-6", "99999999999999999999999", "18446744073709551616", "9223372036854775807", "-9223372036854775808",
    "-1", "-1e9", "1e9", "1e15", "1e16", "1e30", "1e31", "1e100", "2.5", "0.5", "1_000", "0x10", "0x1p-1074", "0o17",
    "1e", "1.2.3", "--1", "+-1", '"12"', "'0.5'", "true", "false", "null", "~", "[]", "{}", "[1, 2]", "{value: 1}", "abc",
    "1" + "0" * 400, "0." + "0" * 400 + "1", "1e-99999", "1e99999",
]
DATES = ["0001-01-01", "9999-12-31", "1989-12-31", "1990-01-01", "2100-12-31", "2101-01-01", "2025-02-29", "2024-02-29",
         "2024-13-01", "2024-00-10", "2024-04-31", "0000-00-00", "-2024-01-01", "2024-1-1", "20240-01-01", "2024-01-01T00:00:00",
         "1900-01-01", "2200-01-01"]
YEARS = ["0", "-1", "1", "1899", "1900", "1989", "1990", "1999", "2000", "2101", "2201", "9999", "2025.5", "1e4",
         "99999999999999999999", "nan", "5e-324"]
WEIRD_IDS = ["", '""', "UPPER", "with space", "under_score", "ü-nicode", "-", "a" * 64, "a" * 65, "a" * 256, "a" * 1000,
             "x" * 100_000, "0", "null", "true", "[a]", "{a: b}", "a\tb", "'quoted'", "id#comment"]
WEIRD_STRINGS = ['""', "''", '"' + "s" * 1001 + '"', '"' + "s" * 100_000 + '"', '"\\u0000"', '"\\x1b[31mred"',
                 '"line\\nbreak"', "[a, b]", "{a: b}", "~", "1e400", '"' + "é" * 2000 + '"']
TOP_LEVEL_KEYS = ["name", "description", "regions_dir", "designs_file", "years", "discount_rate",
                  "unserved_penalty_usd_per_mtok", "carbon_price_usd_per_t", "carbon_cap_t_per_year",
                  "budget_usd_per_year", "regions", "time_slices", "model_mix", "zones", "market_prices_usd_per_mtok",
                  "overrides"]

NUMBER = re.compile(r"(?:(?<=: )|(?<=\[)|(?<=, )|(?<=- )|(?<=:))(-?\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?)(?=\s*(?:[,}\]#]|$))", re.M)
DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ID_VALUE = re.compile(r"(\b(?:id|design|model_class|name): )([A-Za-z0-9-]+)")
LIST_ITEM = re.compile(r"(?<=[\[,] )([a-z0-9-]+)(?=[,\]])|(?<=\[)([a-z0-9-]+)(?=[,\]])")
BLOCK_KEY = re.compile(r"^(\s*(?:- )?)([a-z_]+):", re.M)
FLOW_KEY = re.compile(r"([{,]\s*)([a-z_]+):")
QUOTED = re.compile(r'"[^"\n]*"')
FLOW_LIST = re.compile(r"\[[^\[\]\n]*\]")
YEAR_KEY = re.compile(r"(?<=[{,] )(\d{4})(?=:)|(?<=\{)(\d{4})(?=:)")
YEARS_MAP = re.compile(r"years: \{first: (\d+), last: (\d+)\}")


class Case:
    """One fuzz case: a folder with Plans/ and Regions/, a plan to run and the mutations applied."""

    def __init__(self, index, seed, base, work):
        self.index = index
        self.rng = random.Random(f"{seed}:{index}")
        self.work = work
        self.mutations = []
        self.secret = None
        self.secret_file = None
        shutil.copytree(os.path.join(base, "Plans"), os.path.join(work, "Plans"))
        shutil.copytree(os.path.join(base, "Regions"), os.path.join(work, "Regions"))
        plans = sorted(f for f in os.listdir(os.path.join(work, "Plans")) if f.endswith(".yaml"))
        self.plan = os.path.join("Plans", self.rng.choice(plans))

    def path(self, relative):
        return os.path.join(self.work, relative)

    def regions_of_plan(self):
        if os.path.isdir(self.path(self.plan)):
            return []
        text = read(self.path(self.plan)).decode("utf-8", "replace")
        match = re.search(r"^regions: \[([^\]]*)\]", text, re.M)
        ids = [part.strip() for part in match.group(1).split(",")] if match else []
        return [f"Regions/{i}.yaml" for i in ids if os.path.exists(self.path(f"Regions/{i}.yaml"))]

    def mutate(self):
        for _ in range(self.rng.choice([1, 1, 1, 2, 2, 3])):
            roll = self.rng.random()
            if roll < 0.55:
                target = self.plan
            elif roll < 0.85:
                target = self.rng.choice(self.regions_of_plan() or ["Regions/designs.yaml"])
            else:
                target = "Regions/designs.yaml"
            mutation = self.rng.choice(MUTATIONS)
            if os.path.isdir(self.path(target)):
                continue  # an earlier mutation replaced the file by a folder
            data = read(self.path(target))
            self.mutations.append(f"{mutation.__name__} on {target}")
            result = mutation(self, data, target)
            if result is not None:
                write(self.path(target), result)


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def write(path, data):
    with open(path, "wb") as handle:
        handle.write(data)


def text_of(data):
    return data.decode("utf-8", "surrogateescape")


def bytes_of(text):
    return text.encode("utf-8", "surrogateescape")


def replace_match(case, data, pattern, choices, group=0):
    text = text_of(data)
    matches = [m for m in pattern.finditer(text)]
    if not matches:
        return None
    match = case.rng.choice(matches)
    g = group or next((i for i in range(1, (match.lastindex or 0) + 1) if match.group(i) is not None), 0)
    value = case.rng.choice(choices) if isinstance(choices, list) else choices(case)
    case.mutations.append(f"  {match.group(g)!r} -> {value[:60]!r}{'…' if len(value) > 60 else ''} at offset {match.start(g)}")
    return bytes_of(text[:match.start(g)] + value + text[match.end(g):])


def huge_length(case):
    """Mostly moderate lengths; rarely 10-50 MB (the size that once ended in allocation failures)."""
    if case.rng.random() < 0.01:
        return case.rng.choice([10_000_000, 20_000_000, 50_000_000])
    return case.rng.choice([65, 100, 1_001, 10_000, 100_000, 1_000_000])


# --- mutations: each takes (case, file bytes, relative path) and returns new bytes or None (file handled itself) ---

def flip_bytes(case, data, target):
    data = bytearray(data)
    for _ in range(case.rng.randint(1, 8)):
        if data:
            position = case.rng.randrange(len(data))
            data[position] ^= 1 << case.rng.randrange(8)
    return bytes(data)


def insert_garbage(case, data, target):
    junk = case.rng.choice([b"\x00", b"\xff\xfe", b"\xc3\x28", b"\t", b"\r", b"\x1b[2J", b"\xef\xbb\xbf", b"%", b"@", b"`",
                            b"!!binary", b"!<tag:x>", b"&", b"*", b"? ", b"---\n", b"...\n", b"|\n", b">\n", b"\x85", "\u2028".encode()])
    position = case.rng.randrange(len(data) + 1)
    return data[:position] + junk + data[position:]


def truncate(case, data, target):
    return data[:case.rng.randrange(len(data) + 1)]


def delete_line(case, data, target):
    lines = data.split(b"\n")
    del lines[case.rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_line(case, data, target):
    lines = data.split(b"\n")
    index = case.rng.randrange(len(lines))
    lines.insert(index, lines[index])
    return b"\n".join(lines)


def duplicate_flow_key(case, data, target):
    text = text_of(data)
    matches = list(re.finditer(r"\{([a-z_]+): ([^,{}]+)", text))
    if not matches:
        return duplicate_line(case, data, target)
    match = case.rng.choice(matches)
    return bytes_of(text[:match.end()] + f", {match.group(1)}: {match.group(2)}" + text[match.end():])


def delete_flow_key(case, data, target):
    text = text_of(data)
    matches = list(re.finditer(r"(, )?\b[a-z_]+: (?:\{[^{}]*\}|\[[^\[\]]*\]|[^,{}\[\]\n]+)(?=[,}])", text))
    if not matches:
        return delete_line(case, data, target)
    match = case.rng.choice(matches)
    return bytes_of(text[:match.start()] + text[match.end():])


def extreme_number(case, data, target):
    return replace_match(case, data, NUMBER, EXTREME_NUMBERS)


def scale_number(case, data, target):
    """Scales a number by a power of ten or moves it to a boundary: mostly still valid, and hard on the solver."""
    def scaled(case):
        return case.rng.choice(["0", "1e-6", "1e-5", "0.0001", "0.001", "0.01", "0.99", "1", "1.0001", "5", "10", "100", "1e4",
                                "1e6", "1e7", "1e8", "1e9", "1e12", "1e15", "1e20", "1e30", "-0.5", "-0.99", "1000"])
    return replace_match(case, data, NUMBER, scaled)


def extreme_year(case, data, target):
    text = text_of(data)
    if YEAR_KEY.search(text) and case.rng.random() < 0.5:
        return replace_match(case, data, YEAR_KEY, YEARS)
    pattern = re.compile(r"(?:year|first|last): (\d{4})")
    return replace_match(case, data, pattern, YEARS) or replace_match(case, data, NUMBER, YEARS)


def bad_date(case, data, target):
    return replace_match(case, data, DATE, DATES) or extreme_number(case, data, target)


def weird_id(case, data, target):
    choices = WEIRD_IDS + [lambda c: "h" * huge_length(c)]
    value = case.rng.choice(choices)
    if callable(value):
        value = value(case)
    pattern = ID_VALUE if case.rng.random() < 0.6 else LIST_ITEM
    return replace_match(case, data, pattern, [value]) or replace_match(case, data, ID_VALUE, [value])


def weird_string(case, data, target):
    value = case.rng.choice(WEIRD_STRINGS + ['"' + "t" * huge_length(case) + '"'])
    return replace_match(case, data, QUOTED, [value])


def duplicate_id(case, data, target):
    """Makes two list elements share an id (a duplicate design, zone, class, site…)."""
    text = text_of(data)
    ids = [m.group(2) for m in ID_VALUE.finditer(text)]
    if len(ids) < 2:
        return duplicate_line(case, data, target)
    return replace_match(case, data, ID_VALUE, [case.rng.choice(ids)], group=2)


def wrong_type(case, data, target):
    value = case.rng.choice(["[]", "{}", "[1, 2, 3]", "{a: 1}", '"text"', "42", "true", "~", "[[]]", "{value: {value: 1}}",
                             "!!str 5", "!!float 1", "!!int x", "!!null ''", "!!map {}", "&anchor 1", "*undefined"])
    text = text_of(data)
    matches = list(re.finditer(r"(?<=: )([^\n#]+)", text))
    if not matches:
        return None
    match = case.rng.choice(matches)
    # A value opening a flow collection spans to its close on the same line; replace the scalar part only.
    segment = re.match(r"[^,{}\[\]]+", match.group(1))
    end = match.start() + (segment.end() if segment else len(match.group(1)))
    return bytes_of(text[:match.start()] + value + text[end:])


def empty_list(case, data, target):
    return replace_match(case, data, FLOW_LIST, ["[]"])


def long_list(case, data, target):
    """Repeats the elements of a flow list many times (long lists, duplicates)."""
    text = text_of(data)
    matches = list(FLOW_LIST.finditer(text))
    if not matches:
        return None
    match = case.rng.choice(matches)
    inner = match.group()[1:-1]
    if not inner.strip():
        return None
    count = case.rng.choice([2, 10, 1000, 20_000])
    # An element an earlier mutation made huge (a 50 MB key) repeated 20,000 times would exhaust this script's
    # memory, not test TokenGrid's: keep the list within 32 MB.
    count = min(count, max(2, 32_000_000 // max(1, len(inner))))
    return bytes_of(text[:match.start()] + "[" + ", ".join([inner] * count) + "]" + text[match.end():])


def unknown_key(case, data, target):
    text = text_of(data)
    matches = list(BLOCK_KEY.finditer(text)) + list(FLOW_KEY.finditer(text))
    if not matches:
        return None
    match = case.rng.choice(matches)
    name = case.rng.choice(["colour", match.group(2) + "s", match.group(2)[:-1], "x" * huge_length(case), "Value", "id ", "<<"])
    return bytes_of(text[:match.start(2)] + name + text[match.end(2):])


def remove_years_key(case, data, target):
    text = text_of(data)
    match = YEARS_MAP.search(text)
    if not match:
        return extreme_year(case, data, target)
    keep = case.rng.choice([f"{{first: {match.group(1)}}}", f"{{last: {match.group(2)}}}", "{}", "{first: 2025, last: 2025}",
                            "{first: 2030, last: 2025}", "{first: 2000, last: 2100}"])
    return bytes_of(text[:match.start()] + "years: " + keep + text[match.end():])


def deep_nesting(case, data, target):
    depth = case.rng.choice([50, 500, 999, 1000, 1001, 10_000, 100_000])
    style = case.rng.choice(["flow-list", "flow-map", "block-list"])
    if style == "flow-list":
        value = "[" * depth + "1" + "]" * depth
    elif style == "flow-map":
        value = "{a: " * depth + "1" + "}" * depth
    else:
        depth = min(depth, 2000)
        value = "\n" + "".join("  " * i + "- \n" for i in range(depth)) + "  " * depth + "- 1"
    key = case.rng.choice(TOP_LEVEL_KEYS if target.startswith("Plans") else ["name", "grid", "cluster_designs", "designs"])
    return replace_top_level(case, data, key, value)


def replace_top_level(case, data, key, value):
    text = text_of(data)
    match = re.search(rf"^{re.escape(key)}:[^\n]*(\n(?:[ #][^\n]*)?)*", text, re.M)
    block = f"{key}: {value}\n"
    if not match:
        return bytes_of(block + text)
    return bytes_of(text[:match.start()] + block + text[match.end():])


def alias_bomb(case, data, target):
    levels = case.rng.choice([3, 6, 9, 12])
    width = case.rng.choice([2, 10])
    lines = [f'a0: &a0 [{", ".join(["lol"] * width)}]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    top = f"a{levels - 1}"
    use = case.rng.choice(["key", "flow-key", "value", "many-aliases"])
    if use == "key":
        lines.append(f"? *{top}\n: 1")
    elif use == "flow-key":
        lines.append(f"bomb: {{*{top}: 1}}")
    elif use == "value":
        lines.append(f"description: *{top}")
    else:
        lines.append("many: [" + ", ".join(["*a0"] * 200_000) + "]")
    text = text_of(data)
    text = re.sub(r"^description:[^\n]*(\n  [^\n]*)*\n", "", text, flags=re.M)
    return bytes_of("\n".join(lines) + "\n" + text)


def crlf_and_tabs(case, data, target):
    text = text_of(data)
    if case.rng.random() < 0.5:
        return bytes_of(text.replace("\n", "\r\n"))
    lines = text.split("\n")
    index = case.rng.randrange(len(lines))
    lines[index] = lines[index].replace("  ", "\t", 1)
    return bytes_of("\n".join(lines))


def whole_file(case, data, target):
    choice = case.rng.choice(["empty", "scalar", "list", "binary", "directory", "multi-document", "bom", "huge"])
    path = case.path(target)
    if choice == "directory":
        os.remove(path)
        os.mkdir(path)
        return None
    return {
        "empty": b"",
        "scalar": b"just a scalar\n",
        "list": b"- 1\n- 2\n",
        "binary": bytes(case.rng.randrange(256) for _ in range(512)),
        "multi-document": data + b"\n---\nname: second\n",
        "bom": b"\xef\xbb\xbf" + data,
        "huge": data + b"\n# " + b"x" * 17_000_000 + b"\n",
    }[choice]


def foreign_file(case, data, target):
    """Points the plan's designs_file or regions_dir at something that is not a TokenGrid file."""
    case.secret = f"canary-{case.rng.randrange(10**12):012d}"
    secret = case.path(case.rng.choice(["secret.txt", "secret.yaml"]))
    write(secret, f"{case.secret}:x:19000:0:99999:7:::\nroot:{case.secret}:1:2\n".encode())
    case.secret_file = secret
    plan = case.path(case.plan)
    if os.path.isdir(plan):
        return None
    text = text_of(read(plan))
    field = case.rng.choice(["designs_file: " + secret, "designs_file: " + case.work, "designs_file: /nonexistent/designs.yaml",
                             "designs_file: /dev/null", "designs_file: /dev/zero", "designs_file: /proc/self/status",
                             "regions_dir: " + case.path("Plans"), "regions_dir: /nonexistent", "designs_file: " + plan])
    text = re.sub(r"^(designs_file|regions_dir):[^\n]*\n", "", text, flags=re.M) if field.split(":")[0] in text else text
    write(plan, bytes_of(field + "\n" + text))
    case.mutations.append(f"  {field}")
    return None


def bad_override(case, data, target):
    plan = case.path(case.plan)
    if os.path.isdir(plan):
        return None
    text = text_of(read(plan))
    path = case.rng.choice(["discount_rate", "zones.0.growth.rate_per_year", "regions.x.grid", "designs.h100-sxm.peak_tflops",
                            "years.first", "..", "overrides.x", "zones.999999999999999999999.id", "a" * 10_000,
                            "time_slices.preset", "model_mix.classes.0.share"])
    value = case.rng.choice(EXTREME_NUMBERS + ["[]", "{}", "annual"])
    text = re.sub(r"^overrides:[^\n]*(\n  [^\n]*)*\n?", "", text, flags=re.M)
    write(plan, bytes_of(text.rstrip("\n") + f"\noverrides:\n  {path}: {value}\n"))
    case.mutations.append(f"  override {path[:60]}: {value[:60]}")
    return None


# Values a number is set to in --boundaries mode: range ends, tiny and huge magnitudes that the reader may accept.
BOUNDARY_VALUES = ["0", "-0.99", "-0.5", "1e-29", "1e-12", "1e-6", "0.001", "0.999", "1", "10", "1000", "1e6", "1e7", "1e9",
                   "1e12", "1e15", "1e20", "1e30"]


def boundary_cases(repo, plan):
    """Every (file, number position) of `plan`, its regions and the design catalogue, times every boundary value."""
    files = [plan, "Regions/designs.yaml"]
    text = read(os.path.join(repo, plan)).decode()
    match = re.search(r"^regions: \[([^\]]*)\]", text, re.M)
    files += [f"Regions/{i.strip()}.yaml" for i in (match.group(1).split(",") if match else [])]
    cases = []
    for target in files:
        content = read(os.path.join(repo, target)).decode()
        for number in NUMBER.finditer(content):
            cases += [(target, number.start(1), number.end(1), value) for value in BOUNDARY_VALUES if value != number.group(1)]
    return cases


class BoundaryCase(Case):
    """One number of one file set to one boundary value; no other change."""

    def __init__(self, index, repo, work, plan, spec):
        super().__init__(index, 0, repo, work)
        self.plan = plan
        self.spec = spec

    def mutate(self):
        target, start, end, value = self.spec
        data = text_of(read(self.path(target)))
        line = data.count("\n", 0, start) + 1
        self.mutations.append(f"{target}:{line}: {data[start:end]!r} -> {value!r}")
        write(self.path(target), bytes_of(data[:start] + value + data[end:]))


MUTATIONS = [flip_bytes, insert_garbage, truncate, delete_line, duplicate_line, duplicate_flow_key, delete_flow_key,
             extreme_number, extreme_number, extreme_number, extreme_number, scale_number, scale_number, scale_number,
             scale_number, scale_number, scale_number, extreme_year, bad_date, weird_id, weird_string,
             duplicate_id, wrong_type, wrong_type, empty_list, long_list, unknown_key, remove_years_key, deep_nesting,
             alias_bomb, crlf_and_tabs, whole_file, foreign_file, bad_override]

LOCATED = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): (?:error|warning): ")


def run(binary, arguments, cwd, timeout):
    """Runs the binary; returns (code or None on timeout, stdout, stderr, seconds)."""
    start = time.monotonic()
    try:
        process = subprocess.run([binary] + arguments, cwd=cwd, capture_output=True, timeout=timeout)
        return process.returncode, process.stdout, process.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired as expired:
        return None, expired.stdout or b"", expired.stderr or b"", time.monotonic() - start


def run_checked(binary, arguments, cwd, timeout):
    result = run(binary, arguments, cwd, timeout)
    if result[0] is None:
        result = run(binary, arguments, cwd, timeout)  # retry once: the machine may just have been busy
    return result


def unlocated_lines(stderr, plan):
    """Error lines without file:line:column. The plan named on the command line may be reported at its path alone
    when it cannot be read at all (it has no other place to point at)."""
    lines = stderr.decode("utf-8", "replace").splitlines()
    bad = [line for line in lines if "error:" in line and not LOCATED.match(line) and not line.startswith(f"{plan}: error: cannot read {plan}: ")]
    if any(line.startswith(f"{plan}: error: cannot read {plan}: ") for line in lines):
        return bad
    if not any(LOCATED.match(line) and ": error: " in line for line in lines):
        bad.append("(exit 1 without any file:line:column: error: line)")
    return bad


# Shipped plans that take more than a few seconds to solve: the full chronological year (8,760 slices a year), and
# the grid-edge plan (12 representative days, solved twice for its deferral saving).
SLOW_PLANS = {"us-grid-hourly-2030.yaml", "us-grid-edge-2030.yaml"}


def only_time_slice_errors(stderr):
    """Whether every located error is in the plan's time_slices field."""
    errors = [line for line in stderr.decode("utf-8", "replace").splitlines() if LOCATED.match(line) and ": error: " in line]
    return bool(errors) and all(": error: time_slices" in line for line in errors)


def check(case, binary, timeout):
    """Runs validate and plan on the case; returns {category: detail}."""
    found = {}
    out = os.path.join(case.work, "out")
    validate = run_checked(binary, ["validate", case.plan], case.work, timeout)
    # A valid slow plan takes 15 s to a minute to solve, which is no hang: its `plan` run is checked on a 24-slice
    # time representation (the inputs, CSV files included, are read just the same).
    extra = ["--set", "time_slices={preset: seasons4x6}"] if os.path.basename(case.plan) in SLOW_PLANS else []
    plan = run_checked(binary, ["plan", case.plan, "--out", out, "--quiet"] + extra, case.work, timeout)
    for name, (code, stdout, stderr, seconds), allowed in [("validate", validate, {0, 1}), ("plan", plan, {0, 1, 2, 3})]:
        first = stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        if code is None:
            found["hang"] = (found.get("hang", "") + f" {name} took over {timeout} s").strip()
        elif code < 0 or code in (134, 139):
            found["signal"] = f"{name} exit {code}: {first}"
        elif code == 64:
            found["usage-64"] = f"{name}: {first}"
        elif code not in allowed:
            found["wrong-exit"] = f"{name} exit {code}: {first}"
        elif code == 1:
            bad = unlocated_lines(stderr, case.plan)
            if bad:
                found["unlocated"] = f"{name}: {bad[0][:200]}"
        if case.secret and case.secret.encode() in stdout + stderr:
            found["leak"] = f"{name} printed the canary {case.secret}"
    v, p = validate[0], plan[0]
    if v is not None and p is not None and v in (0, 1) and p in (0, 1, 2, 3):
        if v == 0 and p == 3:
            found["validate-ok-plan-3"] = plan[2].decode("utf-8", "replace").strip().splitlines()[-1:]
        elif (v == 1) != (p == 1) and not (extra and v == 1 and only_time_slice_errors(validate[2])):
            # (A slow plan's `plan` run replaces its time_slices, so an error there is seen by validate alone.)
            found["wrong-exit"] = f"validate exit {v} but plan exit {p}"
    return found, validate, plan


def save(case, category, results, binary, saved):
    folder = os.path.join(saved, category, f"case-{case.index}")
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    for sub in ("Plans", "Regions"):
        shutil.copytree(case.path(sub), os.path.join(folder, sub), ignore=lambda d, names: [n for n in names if n == "out"])
    if case.secret:
        shutil.copy(case.secret_file, folder)
    with open(os.path.join(folder, "mutations.txt"), "w") as handle:
        handle.write("\n".join(case.mutations) + "\n")
    for name, (code, stdout, stderr, seconds) in results.items():
        write(os.path.join(folder, f"{name}.stdout"), stdout[:1_000_000])
        write(os.path.join(folder, f"{name}.stderr"), stderr[:1_000_000])
        with open(os.path.join(folder, f"{name}.status"), "w") as handle:
            handle.write(f"exit {code} after {seconds:.2f} s\n")
    with open(os.path.join(folder, "repro.sh"), "w") as handle:
        handle.write(f"#!/bin/sh\n# case {case.index}; paths inside the files point at the original fuzz folder\ncd \"$(dirname \"$0\")\"\n"
                     f"{binary} validate {case.plan}; echo \"validate exit $?\"\n"
                     f"{binary} plan {case.plan} --out out --quiet"
                     + (" --set 'time_slices={preset: seasons4x6}'" if os.path.basename(case.plan) in SLOW_PLANS else "")
                     + "; echo \"plan exit $?\"\n")
    os.chmod(os.path.join(folder, "repro.sh"), 0o755)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokengrid", required=True, help="the tokengrid binary (a release build is much faster)")
    parser.add_argument("--cases", type=int, default=1000, help="number of cases (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed; the same seed and case number make the same input")
    parser.add_argument("--start", type=int, default=0, help="first case number (to resume or shard)")
    parser.add_argument("--only", type=int, action="append", help="run only this case number (repeatable)")
    parser.add_argument("--timeout", type=float, default=5, help="seconds per run before it counts as a hang (default 5)")
    parser.add_argument("--out", default=None, help="folder for failing cases (default: a new temporary folder)")
    parser.add_argument("--repo", default=ROOT, help="repository whose Plans/ and Regions/ are mutated")
    parser.add_argument("--examples", type=int, default=3, help="examples per category in the summary")
    parser.add_argument("--boundaries", metavar="PLAN", help="instead of random cases, set every number of PLAN (e.g. "
                        "Plans/quickstart.yaml), its region files and the design catalogue to each of a list of boundary "
                        "values in turn; --start and --cases select a slice of these cases")
    arguments = parser.parse_args()

    binary = os.path.abspath(arguments.tokengrid)
    if not os.access(binary, os.X_OK):
        sys.exit(f"fuzz: {binary} is not an executable; build it: swift build -c release")
    saved = os.path.abspath(arguments.out or tempfile.mkdtemp(prefix="tokengrid-fuzz-"))
    os.makedirs(saved, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="tokengrid-fuzz-work-")
    specs = boundary_cases(arguments.repo, arguments.boundaries) if arguments.boundaries else None
    if specs is not None:
        print(f"{len(specs)} boundary cases for {arguments.boundaries}", flush=True)
        indices = arguments.only or range(arguments.start, min(len(specs), arguments.start + arguments.cases))
    else:
        indices = arguments.only or range(arguments.start, arguments.start + arguments.cases)
    counts = collections.Counter()
    examples = collections.defaultdict(list)
    started = time.monotonic()
    try:
        for done, index in enumerate(indices, 1):
            work = os.path.join(scratch, f"case-{index}")
            if specs is not None:
                case = BoundaryCase(index, arguments.repo, work, arguments.boundaries, specs[index])
            else:
                case = Case(index, arguments.seed, arguments.repo, work)
            case.mutate()
            found, validate, plan = check(case, binary, arguments.timeout)
            counts["cases"] += 1
            counts["validate-ok"] += validate[0] == 0
            for category, detail in found.items():
                counts[category] += 1
                examples[category].append((index, detail, case.mutations))
                save(case, category, {"validate": validate, "plan": plan}, binary, saved)
            shutil.rmtree(work, ignore_errors=True)
            if done % 100 == 0:
                problems = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k not in ("cases", "validate-ok"))
                print(f"[{time.monotonic() - started:7.0f} s] {done} cases; {problems or 'no problems'}", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    summary(counts, examples, arguments, saved)
    return 1 if any(counts[c] for c in ("signal", "hang", "wrong-exit", "unlocated", "validate-ok-plan-3", "leak")) else 0


def summary(counts, examples, arguments, saved):
    categories = ["signal", "hang", "wrong-exit", "unlocated", "validate-ok-plan-3", "leak", "usage-64"]
    print(f"\nseed {arguments.seed}, {counts['cases']} cases ({counts['validate-ok']} accepted by validate); failing cases in {saved}\n")
    print(f"| {'category':<20} | {'count':>6} |")
    print(f"|{'-' * 22}|{'-' * 8}|")
    for category in categories:
        print(f"| {category:<20} | {counts[category]:>6} |")
    for category in categories:
        for index, detail, mutations in examples[category][:arguments.examples]:
            print(f"\n{category}: case {index}: {str(detail)[:300]}")
            for line in mutations[:6]:
                print(f"    {line[:160]}")


if __name__ == "__main__":
    sys.exit(main())
