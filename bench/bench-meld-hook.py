#!/usr/bin/env python3
# bench-meld-hook.py: runs Meld with a first-frame hook, for bench-meld.py
#
# Usage: bench-meld-hook.py FILE_A FILE_B
#
# Runs /usr/bin/meld in this process after hooking GTK 3's frame clock, the way
# PARALLAX_REPORT_FIRST_FRAME hooks Parallax's: at the end of the first frame of Meld's
# window it prints "MELD_FIRST_FRAME window T", at the end of the first frame in which
# both files' text is in mapped text views "MELD_FIRST_FRAME text T" (T: CLOCK_MONOTONIC in
# µs, the clock of g_get_monotonic_time () and Python's time.monotonic ()) and the process's
# processor time so far (µs), then exits.
# Meld loads files in idle steps after its window appears, so the two can differ.
# GTK 3 is imported before Meld does it itself (Meld needs it at once); nothing else runs
# earlier than it would.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import resource
import runpy
import sys
import time

import gi

gi.require_version("Gtk", "3.0")
from gi.repository import GObject, Gtk  # noqa: E402

MELD = "/usr/bin/meld"
reported = set()


def report(what):
    if what not in reported:
        reported.add(what)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = round((usage.ru_utime + usage.ru_stime) * 1e6)
        print(f"MELD_FIRST_FRAME {what} {time.monotonic_ns() // 1000} {cpu}", flush=True)


def text_views(widget, found):
    if isinstance(widget, Gtk.TextView):
        found.append(widget)
    if isinstance(widget, Gtk.Container):
        widget.forall(text_views, found)
    return found


def after_paint(clock, window):
    report("window")
    views = [v for v in text_views(window, []) if v.get_mapped() and v.get_buffer().get_char_count() > 0]
    if len(views) >= 2:
        report("text")
        os._exit(0)


def mapped(widget, *args):
    if isinstance(widget, Gtk.ApplicationWindow) and not getattr(widget, "_px_hooked", False):
        widget._px_hooked = True
        widget.get_frame_clock().connect("after-paint", after_paint, widget)
    return True


GObject.add_emission_hook(Gtk.Widget, "map", mapped)
sys.argv = [MELD] + sys.argv[1:]
runpy.run_path(MELD, run_name="__main__")
