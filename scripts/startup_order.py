#!/usr/bin/env python3
"""The functions a start runs, as an lld symbol ordering file (scripts/startup-order.sh).

    startup_order.py <linker map> <binary> <callgrind.out>... > startup-order.txt

Reads the addresses of the instructions callgrind saw run in <binary> (its
`--dump-instr=yes --compress-pos=no` output of each run), finds the input section of the
linker map (`-Wl,-Map`) that holds each, and prints the symbols of those
sections, one per line, in link order. lld then places them first and side
by side (`--symbol-ordering-file`).
"""
import bisect
import re
import sys

SECTION = re.compile(r"^\s*([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+(\d+)(\s+)(\S.*)$")


def text_sections(map_path):
    """(start, end, [symbols]) of every input section in .text, and the
    indentation of input-section lines vs symbol lines."""
    sections = []
    out_indent = None
    in_text = False
    current = None
    for line in open(map_path, encoding="utf-8", errors="replace"):
        m = SECTION.match(line)
        if not m:
            continue
        vma, size, rest = int(m.group(1), 16), int(m.group(3), 16), m.group(6)
        indent = m.start(6)
        if out_indent is None or indent < out_indent:
            # An output section line (the least indented kind).
            out_indent = indent if out_indent is None else min(out_indent, indent)
        if indent == out_indent:
            in_text = rest.split()[0] == ".text"
            current = None
            continue
        if not in_text:
            continue
        if indent == out_indent + 8:  # an input section: file:(section)
            current = [vma, vma + size, []]
            sections.append(current)
            # With one section per function its name is `.text.<symbol>`;
            # the map lists no symbol lines for a Rust object's local ones.
            name = rest[rest.rfind("(") + 1 : -1] if rest.endswith(")") else ""
            for prefix in (".text.unlikely.", ".text.hot.", ".text.startup.", ".text.exit.", ".text."):
                if name.startswith(prefix) and len(name) > len(prefix):
                    current[2].append(name[len(prefix) :])
                    break
        elif current is not None and indent >= out_indent + 16:  # a symbol in it
            if rest.strip() not in current[2]:
                current[2].append(rest.strip())
    return sections


def executed(callgrind_paths, binary):
    """Run-time addresses of the instructions run in `binary`."""
    addrs = set()
    ours = False
    for line in (l for p in callgrind_paths for l in open(p, encoding="utf-8", errors="replace")):
        if line.startswith("ob="):
            name = line.split(")", 1)[-1].strip() if ")" in line else line[3:].strip()
            ours = name == binary or name.endswith("/" + binary.rsplit("/", 1)[-1])
        elif ours and line.startswith("0x"):
            addrs.add(int(line.split()[0], 16))
    return addrs


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    map_path, binary, callgrind_paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    sections = text_sections(map_path)
    if not sections:
        sys.exit(f"no .text input sections in {map_path}")
    addrs = sorted(executed(callgrind_paths, binary))
    if not addrs:
        sys.exit(f"callgrind saw nothing run in {binary}")
    lo, hi = sections[0][0], max(s[1] for s in sections)
    # Valgrind loads a position-independent executable at a base of its own:
    # the base that puts every address inside .text.
    base = None
    for candidate in (0x108000, 0x4000000, 0):
        if all(lo <= a - candidate < hi for a in addrs):
            base = candidate
            break
    if base is None:
        sys.exit(f"no load base puts the run's addresses in .text ({lo:#x}-{hi:#x}); first {addrs[0]:#x}")
    starts = [s[0] for s in sections]

    hit = []
    seen = set()
    for a in addrs:
        i = bisect.bisect_right(starts, a - base) - 1
        if i >= 0 and sections[i][0] <= a - base < sections[i][1] and i not in seen:
            seen.add(i)
            hit.append(i)
    size = sum(sections[i][1] - sections[i][0] for i in hit)
    total = hi - lo
    print(
        f"startup_order: {len(hit)} of {len(sections)} functions ran, {size / 1e6:.2f} of {total / 1e6:.2f} MB of .text (load base {base:#x})",
        file=sys.stderr,
    )
    for i in sorted(hit, key=lambda i: sections[i][0]):
        for sym in sections[i][2]:
            print(sym)


if __name__ == "__main__":
    main()
