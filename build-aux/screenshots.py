#!/usr/bin/env python3
# screenshots.py: PNGs of the main views, light and dark, into data/screenshots/.
#
# Runs the real window (tests/gui/screenshot.c: parallax-screenshot) under Xvfb on a
# library of the bundled sample articles. Used by `build-aux/dev screenshots`; the PNGs
# go into the AppStream metainfo and the README.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name → (program, options): the library through parallax-screenshot, the comparison
# views through bench-comparison-view, which opens an event in the real window.
VIEWS = {
    "library": ("tests/gui/parallax-screenshot", ["--width", "1000", "--height", "680", "--select", "1"]),
    "library-narrow": ("tests/gui/parallax-screenshot", ["--width", "360", "--height", "680"]),
    "comparison": ("bench/bench-comparison-view",
                   ["--runs", "1", "--scroll-frames", "0", "--window", "--event", "4", "--conflict", "--width", "1390", "--height", "850"]),
    "matrix": ("bench/bench-comparison-view",
               ["--runs", "1", "--scroll-frames", "0", "--window", "--event", "4", "--matrix", "--width", "1390", "--height", "850"]),
    "comparison-narrow": ("bench/bench-comparison-view",
                          ["--runs", "1", "--scroll-frames", "0", "--window", "--event", "4", "--conflict", "--width", "360", "--height", "700"]),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "_build"))
    parser.add_argument("--out", default=os.path.join(ROOT, "data", "screenshots"))
    args = parser.parse_args()
    cli = os.path.join(args.build, "src", "cli", "parallax-cli")
    os.makedirs(args.out, exist_ok=True)
    env = dict(os.environ, GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1",
               GSETTINGS_SCHEMA_DIR=os.path.join(args.build, "data"),
               PARALLAX_DATA_DIR=os.path.join(ROOT, "data"))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "library.sqlite3")
        samples = sorted(glob.glob(os.path.join(ROOT, "data", "sample", "*.txt")))
        subprocess.run([cli, "--db", db, "import", *samples], check=True, stdout=subprocess.DEVNULL)
        for name, (program, options) in VIEWS.items():
            shooter = os.path.join(args.build, program)
            if not os.path.exists(shooter):
                sys.exit(f"screenshots: {shooter} is not built (meson option gui_tests)")
            for style in ("light", "dark"):
                out = os.path.join(args.out, f"{name}-{style}.png")
                target = ["--screenshot", out] if "bench" in program else [out]
                cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", shooter, "--db", db,
                       *options, *(["--dark"] if style == "dark" else []), *target]
                result = subprocess.run(cmd, env=env, capture_output=True, text=True)
                print(f"{out}: {'ok' if result.returncode == 0 else 'failed: ' + result.stderr.strip()[-300:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
