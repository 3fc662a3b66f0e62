#!/usr/bin/env python3
"""Where the bytes of a wasm binary go: function body sizes from the code section, named by the
name section, grouped by crate (or by function with --functions). Run on the unstripped cargo
output, e.g.:
  CARGO_PROFILE_RELEASE_STRIP=false cargo build --release --target wasm32-unknown-unknown --bin nixform-app
  python3 scripts/wasm-sizes.py target/wasm32-unknown-unknown/release/nixform-app.wasm
A third argument sets how many rows are printed (40 by default):
  python3 scripts/wasm-sizes.py app.wasm --functions 100000
"""
import re
import sys
from collections import Counter


def leb(b, i):
    result = shift = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, i


def demangle(name):
    """Legacy Rust mangling (_ZN...E) to a path; v0 and others are returned as they are."""
    m = re.match(r"_ZN(.*)E$", name)
    if not m:
        return name
    s, parts, i = m.group(1), [], 0
    while i < len(s) and s[i].isdigit():
        j = i
        while s[j].isdigit():
            j += 1
        n = int(s[i:j])
        parts.append(s[j:j + n])
        i = j + n
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    return "::".join(parts).replace("$LT$", "<").replace("$GT$", ">").replace("$u20$", " ").replace("..", "::")


def main():
    path = sys.argv[1]
    by_function = "--functions" in sys.argv
    b = open(path, "rb").read()
    i, imports, bodies, names = 8, 0, [], {}
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        end = i + size
        if sid == 2:  # imports: count imported functions (they precede local ones in the index space)
            count, j = leb(b, i)
            for _ in range(count):
                for _ in range(2):
                    n, j = leb(b, j)
                    j += n
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imports += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 2:
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 3:
                    j += 2
        elif sid == 10:
            count, j = leb(b, i)
            for _ in range(count):
                n, j2 = leb(b, j)
                bodies.append(n + (j2 - j))
                j = j2 + n
        elif sid == 0:
            n, j = leb(b, i)
            if b[j:j + n] == b"name":
                j += n
                while j < end:
                    sub = b[j]
                    ssize, j = leb(b, j + 1)
                    if sub == 1:
                        count, k = leb(b, j)
                        for _ in range(count):
                            idx, k = leb(b, k)
                            ln, k = leb(b, k)
                            names[idx] = b[k:k + ln].decode("utf8", "replace")
                            k += ln
                    j += ssize
        i = end
    totals = Counter()
    for n, size in enumerate(bodies):
        name = demangle(names.get(n + imports, f"func{n}"))
        if by_function:
            key = name
        else:
            key = re.split(r"::|<|\s", name.lstrip("<_"), maxsplit=1)[0] or name
        totals[key] += size
    all_bytes = sum(bodies)
    print(f"{all_bytes:>9}  code section, {len(bodies)} functions")
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    for key, size in totals.most_common(limit):
        print(f"{size:>9}  {100 * size / all_bytes:5.1f}%  {key}")


if __name__ == "__main__":
    main()
