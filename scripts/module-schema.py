#!/usr/bin/env python3
"""The variables (type, required) and outputs of a Terraform module at a git tag, as JSON: the
data tests/common/module_schema.rs type-checks nixform's module blocks against.

Reads variables.tf and outputs.tf from a bare git mirror (no work tree needed), python3 stdlib
only. Run from the repository root, e.g.:
  python3 scripts/module-schema.py /work/.mirror/terraform-aws-modules+terraform-aws-vpc/repo \
      v6.6.0 terraform-aws-modules/vpc/aws tests/fixtures/modules/vpc-v6.6.0.json
  python3 scripts/module-schema.py /work/.mirror/terraform-aws-modules+terraform-aws-ec2-instance/repo \
      v6.4.0 terraform-aws-modules/ec2-instance/aws tests/fixtures/modules/ec2-instance-v6.4.0.json
The GitHub repository is taken from the mirror's directory name (`owner+name/repo`); pass
--repository owner/name when the mirror lives elsewhere.

Each variable's `type` is the HCL type expression with comments removed and whitespace collapsed
to single spaces; a newline that separated two attributes of an object constructor becomes `, `
so the one-line text still parses (`object({ a = string, b = number })`). No `type` means `any`;
a variable is required when it has no `default` (`default = null` counts as a default).
"""
import argparse
import json
import os
import re
import subprocess
import sys


def scan(text):
    """Two copies of `text`, same length, so positions line up: `code` has comments blanked to
    spaces; `mask` has, in addition, everything inside strings and heredocs (quotes excluded)
    turned into `x`, so brackets and `=` in it are all structural."""
    code, mask = list(text), list(text)
    n, i = len(text), 0
    stack = []  # "str" for a quoted string, or [brace depth] for a ${ } / %{ } inside one

    def blank(start, end):
        for j in range(start, end):
            if text[j] != "\n":
                code[j] = mask[j] = " "

    def hide(start, end):
        for j in range(start, end):
            mask[j] = "x"

    while i < n:
        c, in_string = text[i], any(s == "str" for s in stack)
        top = stack[-1] if stack else None
        if top == "str":
            if c == "\\":
                hide(i, i + 2)
                i += 2
            elif text.startswith("$${", i) or text.startswith("%%{", i):
                hide(i, i + 3)
                i += 3
            elif text.startswith("${", i) or text.startswith("%{", i):
                hide(i, i + 2)
                stack.append([0])
                i += 2
            elif c == '"':
                stack.pop()
                if any(s == "str" for s in stack):
                    hide(i, i + 1)
                i += 1
            else:
                hide(i, i + 1)
                i += 1
            continue
        # Code: the top level, or an interpolation's expression inside a string.
        if c == "#" or text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            blank(i, end)
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            blank(i, end)
            i = end
        elif c == '"':
            if in_string:
                hide(i, i + 1)
            stack.append("str")
            i += 1
        elif (m := re.compile(r"<<-?([A-Za-z_][\w-]*)[ \t]*\n").match(text, i)) is not None:
            # A heredoc: up to and including the line that is just its marker.
            term = re.compile(r"^[ \t]*" + re.escape(m.group(1)) + r"[ \t]*$", re.M).search(text, m.end())
            end = n if term is None else term.end()
            hide(i + 2, end)
            i = end
        else:
            if in_string:
                hide(i, i + 1)
                if c == "{":
                    top[0] += 1
                elif c == "}":
                    if top[0] == 0:
                        stack.pop()
                    else:
                        top[0] -= 1
            i += 1
    if stack:
        raise ValueError("unterminated string or interpolation")
    return "".join(code), "".join(mask)


OPEN, CLOSE = "({[", ")}]"


def depths(mask, start, end):
    """The bracket depth before each position of mask[start:end], relative to `start`."""
    out, d = [], 0
    for j in range(start, end):
        out.append(d)
        if mask[j] in OPEN:
            d += 1
        elif mask[j] in CLOSE:
            d -= 1
            if d < 0:
                raise ValueError(f"unbalanced `{mask[j]}` at offset {j}")
    return out


def matching(mask, open_at):
    """The position of the bracket that closes the one at `open_at`."""
    d = 0
    for j in range(open_at, len(mask)):
        if mask[j] in OPEN:
            d += 1
        elif mask[j] in CLOSE:
            d -= 1
            if d == 0:
                return j
    raise ValueError(f"unclosed `{mask[open_at]}` at offset {open_at}")


BLOCK = re.compile(r'(variable|output)[ \t]+(?:"([^"\n]*)"|([A-Za-z_][\w-]*))[ \t]*\{')
ATTRIBUTE = re.compile(r"[ \t]*([A-Za-z_][\w-]*)[ \t]*=(?![=>])")


def blocks(code, mask, kind):
    """(name, body start, body end) of each top-level `kind "name" { ... }` block."""
    level = depths(mask, 0, len(mask))
    out = []
    for m in BLOCK.finditer(mask):
        if m.group(1) != kind or level[m.start()] != 0:
            continue
        if m.start() > 0 and mask[m.start() - 1] not in " \t\n":
            continue
        label = m.group(2) if m.group(2) is not None else m.group(3)
        start = m.start(2) if m.group(2) is not None else m.start(3)
        name = code[start : start + len(label)]
        close = matching(mask, m.end() - 1)
        out.append((name, m.end(), close))
    return out


def attributes(code, mask, start, end):
    """{name: (value start, value end)} of the attributes directly inside a block body."""
    level = depths(mask, start, end)
    out = {}
    for j in range(start, end):
        if level[j - start] != 0 or (j > start and mask[j - 1] != "\n"):
            continue
        m = ATTRIBUTE.match(mask, j, end)
        if m is None:
            continue
        k = m.end()
        while k < end and not (mask[k] == "\n" and level[k - start] == 0):
            k += 1
        out[code[m.start(1) : m.end(1)]] = (m.end(), k)
    return out


def collapse(code, mask, start, end):
    """code[start:end] on one line: whitespace runs become one space, or `, ` where a newline
    separated two items of an object constructor."""
    out, stack, j = [], [], start
    while j < end:
        c = mask[j]
        if c.isspace():
            k = j
            while k < end and mask[k].isspace():
                k += 1
            prev = out[-1][-1] if out else ""
            nxt = mask[k] if k < end else ""
            if out and nxt:
                between_items = "\n" in mask[j:k] and stack and stack[-1] == "{"
                if between_items and prev not in ",{" and nxt not in ",}":
                    out.append(", ")
                else:
                    out.append(" ")
            j = k
            continue
        if c in OPEN:
            stack.append(c)
        elif c in CLOSE and stack:
            stack.pop()
        out.append(code[j])
        j += 1
    return "".join(out)


def git(mirror, *args):
    return subprocess.run(["git", "-C", mirror, *args], check=True, capture_output=True, text=True).stdout


def schema(mirror, tag, source, repository):
    variables, outputs = {}, []
    code, mask = scan(git(mirror, "show", f"{tag}:variables.tf"))
    for name, start, end in blocks(code, mask, "variable"):
        attrs = attributes(code, mask, start, end)
        ty = collapse(code, mask, *attrs["type"]) if "type" in attrs else "any"
        if name in variables:
            raise ValueError(f"variable {name} declared twice")
        variables[name] = {"type": ty or "any", "required": "default" not in attrs}
    code, mask = scan(git(mirror, "show", f"{tag}:outputs.tf"))
    outputs = sorted(name for name, _, _ in blocks(code, mask, "output"))
    return {
        "source": source,
        "repository": repository,
        "tag": tag,
        "commit": git(mirror, "rev-parse", "--verify", f"{tag}^{{commit}}").strip(),
        "variables": variables,
        "outputs": outputs,
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("mirror", help="a git directory (bare is fine) of the module's repository")
    p.add_argument("tag", help="the release tag, e.g. v6.6.0")
    p.add_argument("source", help="the registry source, e.g. terraform-aws-modules/vpc/aws")
    p.add_argument("output", help="where to write the JSON")
    p.add_argument("--repository", help="owner/name on GitHub (default: from the mirror's path)")
    a = p.parse_args()
    repository = a.repository
    if repository is None:
        path = os.path.abspath(a.mirror).rstrip("/")
        parts = [x for x in path.split("/") if "+" in x]
        if not parts:
            sys.exit("cannot tell the repository from the mirror's path: pass --repository owner/name")
        repository = parts[-1].replace("+", "/", 1)
    data = schema(a.mirror, a.tag, a.source, repository)
    os.makedirs(os.path.dirname(os.path.abspath(a.output)), exist_ok=True)
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{a.output}: {len(data['variables'])} variables, {len(data['outputs'])} outputs")


if __name__ == "__main__":
    main()
