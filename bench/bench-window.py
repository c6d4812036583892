#!/usr/bin/env python3
# bench-window.py: the window's first frame and memory on a large library, against a bare
# libadwaita window (bench-meld.py times the two-article comparison against Meld).
#
# Everything runs under one Xvfb started here (no window manager, GDK_BACKEND=x11). The Parallax
# window has no first-frame hook, so every program is timed the same way: from just before its
# process starts to the MapNotify of its first top-level window, read from the X server with
# Xlib (ctypes, SubstructureNotify on the root window). GTK maps a window once its first frame
# is laid out, and paints it right after: bare-window, which does print its first
# GdkFrameClock "after-paint" (PX_BENCH_FIRST_FRAME=1), shows how long after the map that is.
# Wall time (the figure is a latency), medians over RUNS runs; the resident memory of the
# Parallax window is VmRSS from /proc/PID/status SETTLE seconds after its map.
#
# The window opens on the article list; the events sidebar reads its events when its page is
# first shown, and an event's articles when its row opens: bench-event-sidebar measures those.
#
# Usage: bench-window.py BUILD LIBRARY.sqlite3 [RUNS]
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import ctypes
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

DISPLAY = ":97"
MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
SETTLE = 2.0
TIMEOUT = 60.0


class MapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", MapEvent), ("pad", ctypes.c_long * 24)]


class Display:
    """A connection to the X server that reports when top-level windows are mapped."""

    def __init__(self, name):
        self.x = ctypes.CDLL("libX11.so.6")
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.x.XPending.argtypes = [ctypes.c_void_p]
        self.x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
        self.x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self.display = self.x.XOpenDisplay(name.encode())
        if not self.display:
            raise RuntimeError(f"cannot open display {name}")
        self.x.XSelectInput(self.display, self.x.XDefaultRootWindow(self.display), SUBSTRUCTURE_NOTIFY_MASK)
        self.x.XFlush(ctypes.c_void_p(self.display))

    def drain(self):
        event = XEvent()
        while self.x.XPending(self.display):
            self.x.XNextEvent(self.display, ctypes.byref(event))

    def wait_map(self, process, deadline):
        """The time.monotonic () of the next MapNotify, or None if the process died first."""
        event = XEvent()
        while time.monotonic() < deadline:
            while self.x.XPending(self.display):
                self.x.XNextEvent(self.display, ctypes.byref(event))
                if event.type == MAP_NOTIFY:
                    return time.monotonic()
            if process.poll() is not None:
                return None
            time.sleep(0.0005)
        return None


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    """User and system time of all the threads of a process so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def launch(display, command, env, measure_rss=False, quits=False):
    """(wall seconds to the map, CPU seconds to the map, VmRSS in kB SETTLE seconds after the
    map or None, wall seconds to the first after-paint or None, VmRSS in kB at the map) of one launch. A program that quits after its first frame
    (bare-window) is left to do so."""
    display.drain()
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    mapped = display.wait_map(process, started + TIMEOUT)
    cpu = cpu_seconds(process.pid) if mapped is not None and process.poll() is None else None
    rss_at_map = rss_kb(process.pid) if cpu is not None else None
    rss = None
    if mapped is not None and measure_rss:
        time.sleep(SETTLE)
        rss = rss_kb(process.pid)
    if not quits and process.poll() is None:
        process.terminate()
    try:
        out, _ = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
    frame = next((int(line.split()[1]) / 1e6 for line in out.splitlines() if line.startswith("FIRST_FRAME ")), None)
    return (None if mapped is None else mapped - started), cpu, rss, (None if frame is None else frame - started), rss_at_map


def without_gl(env):
    """Whether Parallax leaves OpenGL alone in @env: no renderer chosen and no GPU render node."""
    if "GSK_RENDERER" in env or "GDK_DEBUG" in env:
        return False
    return not any(name.startswith("renderD") for name in (os.listdir("/dev/dri") if os.path.isdir("/dev/dri") else []))


def main():
    if len(sys.argv) < 3:
        print("Usage: bench-window.py BUILD LIBRARY.sqlite3 [RUNS]")
        return 2
    build, library = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    parallax, bare = os.path.join(build, "src", "parallax"), os.path.join(build, "bench", "bare-window")
    if shutil.which("Xvfb") is None or not os.path.exists(library):
        print(f"bench-window: needs Xvfb and the library {library}")
        return 0
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                display = Display(DISPLAY)
                break
            except RuntimeError:
                time.sleep(0.1)
        else:
            print("bench-window: Xvfb did not start")
            return 1
        with tempfile.TemporaryDirectory(prefix="px-bench-window-", ignore_cleanup_errors=True) as home:
            env = dict(os.environ, DISPLAY=DISPLAY, GDK_BACKEND="x11", HOME=home,
                       XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_DATA_HOME=os.path.join(home, "data"),
                       XDG_CACHE_HOME=os.path.join(home, "cache"), GSETTINGS_BACKEND="memory",
                       GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"), NO_AT_BRIDGE="1",
                       PX_BENCH_FIRST_FRAME="1")
            # No session bus: no D-Bus activated portals or services outlive a run (GApplication
            # then runs non-unique), and no cache of another run helps the next one.
            env["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
            env["XDG_RUNTIME_DIR"] = os.path.join(home, "runtime")
            os.mkdir(env["XDG_RUNTIME_DIR"], 0o700)
            # Same conditions: without a GPU render node Parallax turns OpenGL off (px-application.c,
            # prefer_cairo_without_gpu), so the bare window, which would load it, is run without it too.
            bare_env = dict(env)
            if without_gl(env):
                bare_env["GDK_DEBUG"] = "gl-disable"
            ours, ours_cpu, bare_map, bare_cpu, bare_frame, rss, ours_rss0, bare_rss0 = ([] for _ in range(8))
            # One launch of each first, untimed, so every timed run finds the files in the cache.
            launch(display, [bare], bare_env, quits=True)
            launch(display, [parallax, "--db", library], env)
            for _ in range(runs):
                mapped, cpu, _, frame, resident0 = launch(display, [bare], bare_env, quits=True)
                bare_rss0.append(resident0)
                bare_map.append(mapped)
                bare_cpu.append(cpu)
                bare_frame.append(frame)
                mapped, cpu, resident, _, resident0 = launch(display, [parallax, "--db", library], env,
                                                             measure_rss=True)
                ours_rss0.append(resident0)
                ours.append(mapped)
                ours_cpu.append(cpu)
                rss.append(resident)
    finally:
        xvfb.terminate()
        xvfb.wait()

    def med(values):
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None

    def ms(value):
        return f"{value * 1e3:8.1f} ms" if value is not None else "     n/a"
    print(f"first window frame, {os.path.basename(library)}, Xvfb {DISPLAY}, wall time to the map, "
          f"median of {runs} runs")
    print(f"  parallax --db LIBRARY:      {ms(med(ours))}   CPU {ms(med(ours_cpu))}   "
          f"(runs: {', '.join(ms(v).strip() for v in ours)})")
    print(f"  bare libadwaita window:     {ms(med(bare_map))}   CPU {ms(med(bare_cpu))}   "
          f"(its first after-paint: {ms(med(bare_frame)).strip()}; "
          f"{'both without OpenGL: no GPU render node' if bare_env.get('GDK_DEBUG') == 'gl-disable' else 'renderer as GTK picks it'})")
    if med(ours) and med(bare_map):
        print(f"  ratio:                      {med(ours) / med(bare_map):8.2f} ×  wall, "
              f"{med(ours_cpu) / med(bare_cpu):.2f} × CPU  (goal ≤ 1.2)")
    print(f"  parallax resident memory:   {(med(rss) or 0) / 1024:8.1f} MB  ({SETTLE:.0f} s after the map; goal < 200); "
          f"at the map {(med(ours_rss0) or 0) / 1024:.1f} MB, bare window at the map {(med(bare_rss0) or 0) / 1024:.1f} MB")
    figures = [
        {"what": "first frame, library (map)", "value": round(med(ours) * 1e3, 1) if med(ours) else None,
         "unit": "ms", "peer": "bare AdwApplicationWindow",
         "peer_value": round(med(bare_map) * 1e3, 1) if med(bare_map) else None, "goal": "<= 1.2x peer"},
        {"what": "first frame, library (CPU to map)", "value": round(med(ours_cpu) * 1e3, 1) if med(ours_cpu) else None,
         "unit": "ms", "peer": "bare AdwApplicationWindow",
         "peer_value": round(med(bare_cpu) * 1e3, 1) if med(bare_cpu) else None, "goal": "<= 1.2x peer"},
        {"what": "window resident memory, library", "value": round((med(rss) or 0) / 1024, 1), "unit": "MB",
         "peer": "bare window at its map", "peer_value": round((med(bare_rss0) or 0) / 1024, 1), "goal": "< 200 MB"},
    ]
    print("BENCH_JSON " + json.dumps({"name": "window", "figures": figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
