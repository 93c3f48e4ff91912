#!/usr/bin/env python3
"""Inputs for the issue-13 hostile-input measurements (see figures.md).

Usage: python3 make_inputs.py [OUT_DIR] [REPO] [COMMIT]
  OUT_DIR  default /work/rss/inputs
  REPO     default /work/main (the course fixture is taken from it with git archive)
  COMMIT   default a625e54 (the fixture crates/vardskap-core/tests/fixtures/valid
           is byte-identical at a625e54 and at 71f2b26)

Every course case is the valid test fixture with the Swedish lesson of module
01-valkommen replaced (as crates/vardskap-core/tests/core/hostile.rs does).
Deterministic: running it twice gives the same files.
"""
import io
import os
import random
import shutil
import struct
import subprocess
import sys
import tarfile
import zipfile
import zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else "/work/rss/inputs"
REPO = sys.argv[2] if len(sys.argv) > 2 else "/work/main"
COMMIT = sys.argv[3] if len(sys.argv) > 3 else "a625e54"
FIXTURE = "crates/vardskap-core/tests/fixtures/valid"
LESSON = "modules/01-valkommen/lessons/01-vad-ar-vardskap.sv.md"


def base_fixture(dest):
    """Extract the valid fixture course into dest."""
    tar = subprocess.run(
        ["git", "-C", REPO, "archive", COMMIT, FIXTURE],
        check=True, capture_output=True,
    ).stdout
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        t.extractall(tmp)
    shutil.move(os.path.join(tmp, FIXTURE), dest)
    shutil.rmtree(tmp)


def course(name, lesson_text):
    dest = os.path.join(OUT, name)
    shutil.rmtree(dest, ignore_errors=True)
    base_fixture(dest)
    data = lesson_text.encode("utf-8")
    with open(os.path.join(dest, LESSON), "wb") as f:
        f.write(data)
    print(f"{name:28s} lesson {len(data):>10,d} bytes")
    return dest


def png(path, target_bytes=2 << 20):
    """A real PNG of random RGB pixels (incompressible), about target_bytes."""
    rng = random.Random(13)
    width = 1024
    height = target_bytes // (width * 3)  # 682 rows -> ~2.0 MiB
    raw = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    data = (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 0))
            + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def ordinary_markdown(target_bytes, title):
    """Ordinary lesson Markdown (headings, paragraphs with emphasis and https
    links, lists, quotes) of about target_bytes."""
    rng = random.Random(4)
    words = ("gästen värdskap entré välkomna staden besökare hjälpa fråga svara "
             "vänligt tydligt lugnt tempo buss hotell karta vägen museum teater "
             "kollega ansvar bemötande service").split()
    out = [f"# {title}\n\n"]
    size = len(out[0].encode())
    n = 0
    while size < target_bytes:
        n += 1
        if n % 10 == 1:
            part = f"## Avsnitt {n // 10 + 1}\n\n"
        elif n % 10 == 5:
            part = "".join(f"- {' '.join(rng.choices(words, k=6))}\n" for _ in range(4)) + "\n"
        elif n % 10 == 8:
            part = f"> {' '.join(rng.choices(words, k=20))}.\n\n"
        else:
            ws = rng.choices(words, k=60)
            ws[5] = f"**{ws[5]}**"
            ws[20] = f"*{ws[20]}*"
            ws[40] = f"[{ws[40]}](https://www.boras.se/{n})"
            part = " ".join(ws).capitalize() + ".\n\n"
        out.append(part)
        size += len(part.encode())
    return "".join(out)


def zip64_package(dest_dir, name, claimed):
    """The fixture course zipped (stored), then given a zip64 end record whose
    entry counts claim `claimed` entries; the classic end record defers to it
    (0xFFFF / 0xFFFFFFFF). Also writes the unpatched zip as a control."""
    src = os.path.join(OUT, "_fixture_for_zip")
    shutil.rmtree(src, ignore_errors=True)
    base_fixture(src)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for root, dirs, files in sorted(os.walk(src)):
            dirs.sort()
            for fn in sorted(files):
                full = os.path.join(root, fn)
                info = zipfile.ZipInfo(os.path.relpath(full, src), date_time=(2026, 12, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(full, "rb") as f:
                    z.writestr(info, f.read())
    shutil.rmtree(src)
    data = buf.getvalue()
    with open(os.path.join(dest_dir, "control.vdsk"), "wb") as f:
        f.write(data)
    eocd = data.rfind(b"PK\x05\x06")
    (_sig, _disk, _cd_disk, n_disk, n_total, cd_size, cd_off, clen) = struct.unpack(
        "<IHHHHIIH", data[eocd:eocd + 22])
    body = data[:eocd]  # local files + central directory
    z64_off = len(body)
    z64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0,
                      claimed, claimed, cd_size, cd_off)
    locator = struct.pack("<IIQI", 0x07064B50, 0, z64_off, 1)
    classic = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF,
                          0xFFFFFFFF, 0xFFFFFFFF, 0)
    out = body + z64 + locator + classic
    with open(os.path.join(dest_dir, name), "wb") as f:
        f.write(out)
    print(f"{name:28s} package {len(out):,d} bytes, real entries {n_total}, zip64 claims {claimed:,d}")
    print(f"{'control.vdsk':28s} package {len(data):,d} bytes (same zip, unpatched)")


def zip64_real_directory(path, entries):
    """A zip whose central directory really holds `entries` entries (zip64 end
    record and locator, classic record deferring to it), every entry a stored,
    empty file pointing at the one local header at offset 0 (so the file stays
    near 52 bytes an entry: 4,000,000 entries are about 208 MB, under the
    package size check's 200 MiB + 10,000 KiB)."""
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, 0, 0, 0, 6, 0) + b"a00000"
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def name(i):
        out = []
        for _ in range(6):
            i, r = divmod(i, 36)
            out.append(digits[r])
        return "".join(reversed(out)).encode()

    with open(path, "wb") as f:
        f.write(local)
        cd_off = len(local)
        cd_size = 0
        batch = []
        for i in range(entries):
            batch.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0,
                                     0, 0, 0, 6, 0, 0, 0, 0, 0, 0) + name(i))
            if len(batch) == 100_000:
                chunk = b"".join(batch)
                f.write(chunk)
                cd_size += len(chunk)
                batch = []
        chunk = b"".join(batch)
        f.write(chunk)
        cd_size += len(chunk)
        z64_off = cd_off + cd_size
        f.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0,
                            entries, entries, cd_size, cd_off))
        f.write(struct.pack("<IIQI", 0x07064B50, 0, z64_off, 1))
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF,
                            0xFFFFFFFF, 0xFFFFFFFF, 0))
    print(f"{os.path.basename(path):28s} package {os.path.getsize(path):,d} bytes, "
          f"{entries:,d} real directory entries")


def main():
    os.makedirs(OUT, exist_ok=True)

    # 1. One 2 MiB PNG referenced 300 times in one lesson.
    md = "# Bilder\n\n" + "".join(f"![Bild {i}](../media/stor.png)\n\n" for i in range(300))
    d = course("c1_img300", md)
    size = png(os.path.join(d, "modules/01-valkommen/media/stor.png"))
    print(f"{'':28s} stor.png {size:,d} bytes")

    # 2a. 100,000 nested <div> (one per line).
    course("c2a_div100k", "# Djupt\n\nText.\n\n" + "<div>\n" * 100_000)
    # 2b. 100,000 <b> tags: unclosed, and closed.
    course("c2b_b100k_unclosed", "# Fetstil\n\n" + "<b>" * 100_000 + " text\n")
    course("c2b_b100k_closed", "# Fetstil\n\n" + "<b>x</b> " * 100_000 + "\n")
    # 2b'. 100,000 unclosed <strong> (an allowed tag: only the nesting is wrong).
    course("c2b_strong100k_unclosed", "# Fetstil\n\n" + "<strong>" * 100_000 + " text\n")
    # 2c. 4.8 MB of ordinary Markdown (over the new 4 MiB limit), and 3.9 MiB (under it).
    course("c2c_md4800k", ordinary_markdown(4_800_000, "Stor lektion"))
    course("c2c_md3900k", ordinary_markdown(int(3.9 * 1024 * 1024), "Stor lektion"))

    # 2d. GIFT: 20,000 questions with one title; imported into a fresh copy of
    # the fixture for each run (import-gift appends to quiz.toml).
    gift = "".join(f"::Samma titel::Fråga {i}? {{T}}\n\n" for i in range(20_000))
    with open(os.path.join(OUT, "c2d_same_title.gift"), "w", encoding="utf-8") as f:
        f.write(gift)
    print(f"{'c2d_same_title.gift':28s} {len(gift.encode()):>10,d} bytes")
    d = os.path.join(OUT, "c2d_course")  # the fixture as it is; copied afresh per run
    shutil.rmtree(d, ignore_errors=True)
    base_fixture(d)

    # 3. zip64 end record claiming 4,000,000 entries.
    zip64_package(OUT, "c3_zip64_4m.vdsk", 4_000_000)
    # 3b. The same claim backed by a real directory of 4,000,000 entries.
    zip64_real_directory(os.path.join(OUT, "c3b_zip64_4m_real.vdsk"), 4_000_000)

    # 4a. A lesson over 4 MiB (the test's text: about 5.1 MB).
    course("c4a_over4mib", "# Stor\n\n" + "Ord och mer ord. " * 300_000)
    # 4b. Diagnostics flood: 120,000-150,000 problems in one lesson (all under 4 MiB).
    course("c4b_links150k", "# Länkar\n\n" + "[a](http://x.se) " * 150_000 + "\n")
    course("c4b_images120k", "# Bilder\n\n"
           + "".join(f"![a](../media/s{i}.png)\n" for i in range(120_000)))
    course("c4b_tags150k", "# Taggar\n\n" + "<x-tag></x-tag>" * 150_000 + "\n")

    # Half-size companions, to see how the before-times scale (quadratic: 1/4).
    course("s_div50k", "# Djupt\n\nText.\n\n" + "<div>\n" * 50_000)
    course("s_links75k", "# Länkar\n\n" + "[a](http://x.se) " * 75_000 + "\n")


if __name__ == "__main__":
    main()
