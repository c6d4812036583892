#!/usr/bin/env python3
# bench-meld.py: two articles side by side, from launch to the first frame showing them, against Meld
#
# Usage: bench-meld.py BUILD [RUNS]
#
# Under one Xvfb started here (no window manager, GDK_BACKEND=x11, no session bus), each
# launch is timed from just before its process starts to the end of the first frame that
# shows both texts side by side, as the program's own GdkFrameClock reports it:
#   - `parallax a.txt b.txt` with PARALLAX_REPORT_FIRST_FRAME=exit: the first frame painted
#     with the comparison's columns (src/gui/px-comparison-view.c); once into an empty
#     library (the files are imported) and once into the library already holding them
#     (found by their text): as shipped (without a GPU render node Parallax keeps GTK from
#     loading OpenGL, px-application.c), with GSK_RENDERER=gl (what GTK 4.8 does by itself:
#     Mesa's software GL under Xvfb) and with GSK_RENDERER=cairo (OpenGL loaded, not used);
#   - `meld a.txt b.txt` through bench-meld-hook.py: the first frame with both files' text
#     in its views (and, for reference, its window's first frame, which Meld paints before
#     it has loaded the files);
#   - bench/bare-window, an empty libadwaita window (PX_BENCH_FIRST_FRAME=1): the floor of
#     any GTK 4 program here, as GTK starts it and with GDK_DEBUG=gl-disable.
# The two texts are real ECB+ reports of one event, from data/sample. Wall time medians over
# RUNS interleaved launches, after one untimed launch of each; the processor time each
# process had used at that frame is printed beside it (the machine is shared; the bare
# window's is that of its whole run, which ends right after its first frame).
# Goal (issue #7): Parallax at least 1.8 times faster than Meld.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ARTICLES = ("37-news-37_10ecbplus.txt", "37-newsinfo-37_1ecbplus.txt")
RENDERERS = (("as shipped", {}), ("GSK_RENDERER=gl", {"GSK_RENDERER": "gl"}),
             ("GSK_RENDERER=cairo", {"GSK_RENDERER": "cairo"}))
BARE = (("GTK's default", {}), ("GDK_DEBUG=gl-disable", {"GDK_DEBUG": "gl-disable"}))
TIMEOUT = 60.0
GOAL = 1.8


def launch(command, env, marker):
    """(wall s, CPU s or None) from the start to the line starting with @marker, or (None, None)."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    result = (None, None)
    try:
        deadline = started + TIMEOUT
        for line in process.stdout:
            if line.startswith(marker):
                fields = line.split()
                at = int(fields[len(marker.split())]) / 1e6
                cpu = int(fields[len(marker.split()) + 1]) / 1e6 if len(fields) > len(marker.split()) + 1 else None
                result = (at - started, cpu)
                break
            if time.monotonic() > deadline:
                break
        if result[0] is not None and result[1] is None:
            # A program that quits after its first frame and prints no processor time
            # (bare-window): its whole run's, from the kernel, once it has quit.
            _, _, usage = os.wait4(process.pid, 0)
            process.returncode = 0
            result = (result[0], usage.ru_utime + usage.ru_stime)
    finally:
        if process.returncode is None and process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return result


def start_xvfb():
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    return xvfb, f":{number}"


def main():
    if len(sys.argv) < 2:
        print("Usage: bench-meld.py BUILD [RUNS]")
        return 2
    build = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    parallax, bare = os.path.join(build, "src", "parallax"), os.path.join(build, "bench", "bare-window")
    hook = os.path.join(HERE, "bench-meld-hook.py")
    if shutil.which("Xvfb") is None or shutil.which("meld") is None or not os.path.exists("/usr/bin/python3"):
        print("bench-meld: needs Xvfb, meld and /usr/bin/python3 (Meld's GTK 3 bindings)")
        return 0
    if not os.path.exists(parallax):
        print(f"bench-meld: {parallax} is not built")
        return 1
    xvfb, display = start_xvfb()
    times = {}
    try:
        with tempfile.TemporaryDirectory(prefix="px-bench-meld-", ignore_cleanup_errors=True) as home:
            files = []
            for name, article in zip(("a.txt", "b.txt"), ARTICLES):
                files.append(os.path.join(home, name))
                shutil.copyfile(os.path.join(ROOT, "data", "sample", article), files[-1])
            env = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11", HOME=home,
                       XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_CACHE_HOME=os.path.join(home, "cache"),
                       GSETTINGS_BACKEND="memory", GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
                       NO_AT_BRIDGE="1", DBUS_SESSION_BUS_ADDRESS="disabled:",
                       XDG_RUNTIME_DIR=os.path.join(home, "runtime"),
                       PARALLAX_REPORT_FIRST_FRAME="exit", PX_BENCH_FIRST_FRAME="1")
            for name in ("GSK_RENDERER", "GDK_DEBUG"):
                env.pop(name, None)
            os.mkdir(env["XDG_RUNTIME_DIR"], 0o700)
            known = os.path.join(home, "known")

            def fresh_library():
                path = tempfile.mkdtemp(prefix="new-", dir=home)
                return path

            cases = [("meld a.txt b.txt: both texts shown", lambda: (["/usr/bin/python3", hook] + files, {},
                                                                        "MELD_FIRST_FRAME text")),
                     ("meld a.txt b.txt: its window's first frame", None)]
            for label, extra in RENDERERS:
                cases.append((f"parallax a.txt b.txt, new library, {label}",
                              lambda extra=extra: ([parallax] + files, dict(extra, XDG_DATA_HOME=fresh_library()),
                                                   "PARALLAX_FIRST_FRAME comparison")))
                cases.append((f"parallax a.txt b.txt, files in the library, {label}",
                              lambda extra=extra: ([parallax] + files, dict(extra, XDG_DATA_HOME=known),
                                                   "PARALLAX_FIRST_FRAME comparison")))
            for label, extra in BARE:
                cases.append((f"bare libadwaita window, {label}",
                              lambda extra=extra: ([bare], dict(extra), "FIRST_FRAME")))
            for label, _ in cases:
                times[label] = []
            for round_ in range(runs + 1):
                for label, make in cases:
                    if make is None:
                        continue
                    command, extra, marker = make()
                    if marker.startswith("MELD"):
                        # One launch gives both of Meld's frames.
                        wall, cpu, window = launch_meld(command, dict(env, **extra))
                        if round_ > 0:
                            times[label].append((wall, cpu))
                            times["meld a.txt b.txt: its window's first frame"].append(window)
                        continue
                    wall, cpu = launch(command, dict(env, **extra), marker)
                    if round_ > 0:
                        times[label].append((wall, cpu))
    finally:
        xvfb.terminate()
        xvfb.wait()

    def med(pairs, i):
        values = [p[i] for p in pairs if p[i] is not None]
        return statistics.median(values) if values else None

    def ms(value):
        return f"{value * 1e3:7.0f} ms" if value is not None else "    n/a"

    meld = med(times["meld a.txt b.txt: both texts shown"], 0)
    meld_cpu = med(times["meld a.txt b.txt: both texts shown"], 1)
    print(f"launch to the first frame showing two ECB+ articles side by side ({ARTICLES[0]}, {ARTICLES[1]}),")
    print(f"Xvfb {display}, wall time, median of {runs} interleaved runs (CPU: the process's own time by then)")
    figures = []
    for label, pairs in times.items():
        wall, cpu = med(pairs, 0), med(pairs, 1)
        ratio = ""
        if meld and wall and label.startswith("parallax"):
            ratio = f"meld/this {meld / wall:5.2f} wall" + (f", {meld_cpu / cpu:5.2f} CPU" if meld_cpu and cpu else "")
        print(f"  {label:<58} {ms(wall)}   CPU {ms(cpu)}   {ratio}")
        if label.startswith("parallax"):
            figures.append({"what": label, "value": round(wall * 1e3, 1) if wall else None, "unit": "ms",
                            "peer": "meld a.txt b.txt (both texts shown)",
                            "peer_value": round(meld * 1e3, 1) if meld else None,
                            "goal": f"peer/value >= {GOAL}"})
            figures.append({"what": label + " (CPU)", "value": round(cpu * 1e3, 1) if cpu else None, "unit": "ms",
                            "peer": "meld a.txt b.txt (both texts shown, CPU)",
                            "peer_value": round(meld_cpu * 1e3, 1) if meld_cpu else None,
                            "goal": f"peer/value >= {GOAL}"})
        else:
            figures.append({"what": label, "value": round(wall * 1e3, 1) if wall else None, "unit": "ms"})
    print(f"  goal: meld's time / Parallax's time >= {GOAL}")
    print("BENCH_JSON " + json.dumps({"name": "meld", "figures": figures}))
    return 0


def launch_meld(command, env):
    """(wall s, CPU s, wall s to its window's first frame) of one Meld launch."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    window = (None, None)
    text = (None, None)
    try:
        for line in process.stdout:
            fields = line.split()
            if line.startswith("MELD_FIRST_FRAME"):
                value = (int(fields[2]) / 1e6 - started, int(fields[3]) / 1e6)
                if fields[1] == "window":
                    window = value
                else:
                    text = value
                    break
            if time.monotonic() > started + TIMEOUT:
                break
    finally:
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return text[0], text[1], window


if __name__ == "__main__":
    sys.exit(main())
