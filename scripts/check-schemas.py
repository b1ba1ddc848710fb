#!/usr/bin/env python3
"""Checks TokenGrid input files against the JSON Schemas in docs/schema/ (a dev tool; TokenGrid does not need it).

    scripts/check-schemas.py                 # every shipped file: Regions/*.yaml, Regions/designs.yaml, Plans/*.yaml
    scripts/check-schemas.py FILE...         # given files; the schema is chosen as described below
    scripts/check-schemas.py --schema plan FILE...

Needs `pip install jsonschema pyyaml`.

Which schema a file gets, unless --schema says: the one named in a `# yaml-language-server: $schema=...` line,
else `designs` for a file with a top-level `designs` key, `plan` for one with `model_mix` or `zones`, else `region`.

YAML scalars are read the way TokenGrid's reader (YAMLField) reads them, not by PyYAML's YAML 1.1 rules:
- a plain `""`, `~` or `null` is absent (null); plain `true`/`false` (any case) are booleans, `yes`/`no`/`on`/`off` are text;
- a plain scalar that Swift's Double() parses once `_` are removed (`1e16`, `3.0e+12`, `1.4e14`, `0x10`, `1_000`) is a number;
- everything else, quoted scalars and dates such as 2026-02-15 included, is text; mapping keys are always text;
- duplicate keys are errors (the reader rejects them); `<<` is an ordinary key (no merging).
Errors print as `file:line:column: error: field.path: message`; the last line is `N passed, N failed`.
"""
import argparse
import glob
import json
import math
import os
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as error:  # pragma: no cover
    sys.exit(f"check-schemas: {error.name} is missing; pip install jsonschema pyyaml")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_DIR = os.path.join(ROOT, "docs", "schema")
KINDS = ("region", "designs", "plan")

# Swift's Double(String): decimal or hexadecimal floating-point text, optional sign, no spaces.
DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
HEXADECIMAL = re.compile(r"[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?")
INTEGER = re.compile(r"[+-]?[0-9]+")
MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")


class YAMLInputError(Exception):
    def __init__(self, mark, message):
        super().__init__(message)
        self.mark = mark


def scalar_value(node):
    """A scalar as YAMLField reads it: None, bool, int/float or str."""
    text = node.value
    if node.style is not None:  # quoted or block scalars are always text
        return text
    if text in ("", "~", "null"):
        return None
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    number_text = text.replace("_", "")
    if DECIMAL.fullmatch(number_text):
        value = int(number_text) if INTEGER.fullmatch(number_text) else float(number_text)
    elif HEXADECIMAL.fullmatch(number_text):
        body = number_text if "p" in number_text.lower() else number_text + "p0"
        value = float.fromhex(body)
        if value.is_integer():
            value = int(value)
    else:
        return text
    return value if math.isfinite(value) else text


def to_data(node, path, marks):
    """Converts a composed YAML node to JSON-like data, recording each value's position by path."""
    marks[path] = node.start_mark
    if isinstance(node, yaml.ScalarNode):
        return scalar_value(node)
    if isinstance(node, yaml.SequenceNode):
        return [to_data(child, path + (index,), marks) for index, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if key in result:
                raise YAMLInputError(key_node.start_mark, f"duplicate key '{key}' in one mapping")
            result[key] = to_data(value_node, path + (key,), marks)
        return result
    raise YAMLInputError(node.start_mark, "unsupported YAML node")


def load(path):
    """The file's data and a map from path tuples to marks."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is None:
        raise YAMLInputError(None, "the file is empty; expected a YAML mapping")
    marks = {}
    data = to_data(node, (), marks)
    if not isinstance(data, dict):
        raise YAMLInputError(node.start_mark, "expected a YAML mapping at the top of the file")
    return text, data, marks


def schema_kind(path, text, data, forced):
    if forced:
        return forced
    for line in text.splitlines():
        match = MODELINE.search(line)
        if match:
            name = os.path.basename(match.group(1))
            for kind in KINDS:
                if name == f"{kind}.schema.json":
                    return kind
    if "designs" in data:
        return "designs"
    if "model_mix" in data or "zones" in data:
        return "plan"
    return "region"


def dotted(path):
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def position(marks, path):
    path = tuple(path)
    while path and path not in marks:
        path = path[:-1]
    mark = marks.get(path)
    return f":{mark.line + 1}:{mark.column + 1}" if mark else ""


def pick(errors):
    """Of an anyOf/oneOf's sub-errors, the one from the alternative the value most likely meant."""
    errors = list(errors)
    # A type mismatch on the value itself means that alternative is for another kind of value (say, a bare number).
    meant = [e for e in errors if not (e.validator == "type" and len(e.relative_path) == 0)] or errors
    depth = max(len(e.absolute_path) for e in meant)
    return jsonschema.exceptions.best_match([e for e in meant if len(e.absolute_path) == depth])


def explain(error):
    """The path and message to show for a schema error: for a failed anyOf/oneOf, the most telling sub-error."""
    while error.context and error.validator in ("anyOf", "oneOf") and "attribution" not in error.absolute_schema_path:
        error = pick(error.context)
    if "attribution" in error.absolute_schema_path:
        return error.absolute_path, ("has no attribution: give `source` and `year`, or `assumption: true` and `reason` "
                                     "(TokenGrid only warns; the schema asks for it)")
    if error.validator == "oneOf" and not error.context:
        keys = [" and ".join(branch["required"]) for branch in error.validator_value if "required" in branch]
        return error.absolute_path, f"give exactly one of: {', '.join(keys)}"
    return error.absolute_path, error.message


def line_of(marks, path):
    path = tuple(path)
    while path and path not in marks:
        path = path[:-1]
    mark = marks.get(path)
    return (mark.line, mark.column) if mark else (0, 0)


def shipped_files():
    regions = sorted(glob.glob(os.path.join(ROOT, "Regions", "*.yaml")))
    designs = [p for p in regions if os.path.basename(p) == "designs.yaml"]
    regions = [p for p in regions if os.path.basename(p) != "designs.yaml"]
    plans = sorted(glob.glob(os.path.join(ROOT, "Plans", "*.yaml")))
    return [(p, "region") for p in regions] + [(p, "designs") for p in designs] + [(p, "plan") for p in plans]


def main():
    parser = argparse.ArgumentParser(description="Check TokenGrid YAML input files against docs/schema/*.schema.json.")
    parser.add_argument("files", nargs="*", help="files to check (default: every shipped region, design and plan file)")
    parser.add_argument("--schema", choices=KINDS, help="check every file against this schema")
    args = parser.parse_args()

    validators = {}
    for kind in KINDS:
        schema_path = os.path.join(SCHEMA_DIR, f"{kind}.schema.json")
        with open(schema_path, encoding="utf-8") as handle:
            schema = json.load(handle)
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[kind] = jsonschema.Draft202012Validator(schema)
    print(f"schemas: {', '.join(f'{k}.schema.json' for k in KINDS)} are valid draft 2020-12")

    targets = [(path, args.schema) for path in args.files] if args.files else shipped_files()
    passed = failed = 0
    for path, kind in targets:
        shown = os.path.relpath(path)
        try:
            text, data, marks = load(path)
        except (OSError, UnicodeDecodeError) as error:
            print(f"{shown}: error: cannot read the file: {error}")
            failed += 1
            continue
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
            print(f"{shown}{where}: error: YAML syntax: {getattr(error, 'problem', error)}")
            failed += 1
            continue
        except YAMLInputError as error:
            where = f":{error.mark.line + 1}:{error.mark.column + 1}" if error.mark else ""
            print(f"{shown}{where}: error: {error}")
            failed += 1
            continue
        kind = schema_kind(path, text, data, kind)
        errors = [explain(error) for error in validators[kind].iter_errors(data)]
        errors.sort(key=lambda item: (line_of(marks, item[0]), dotted(item[0])))
        if errors:
            failed += 1
            for path, message in errors:
                field = dotted(path)
                print(f"{shown}{position(marks, path)}: error: {field + ': ' if field else ''}{message}")
        else:
            passed += 1
            print(f"{shown}: ok ({kind}.schema.json)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
