#!/usr/bin/env python3
# test_no_network.py: parallax-cli opens no network socket, whatever the input.
#
# Usage: test_no_network.py PARALLAX-CLI PROJECT-ROOT [PARALLAX-APP SCHEMA-DIR]
#
# Imports real saved web pages full of remote references (tests/data/import and pages of
# ../shared/corpora/article-extraction-benchmark that carry remote images, stylesheets,
# scripts and iframes) and one page made to tempt a parser (an external DTD, external
# entities, XInclude, <base>, srcset, @import, meta refresh, <object>, <video>), then
# searches, compares and exports them, each under `strace -f -e trace=network`. Checks:
#   - no socket(), connect(), bind() or sendto() with AF_INET or AF_INET6, nor a socket of
#     an unknown family; local ones (AF_UNIX, AF_NETLINK) are listed, not refused;
#   - a control program that does connect is caught by the same check;
#   - a TCP listener on 127.0.0.1, which every remote reference of the made-up page
#     points to, is never connected to;
#   - exported HTML (if the CLI has `export`) carries no remote reference;
#   - the window (PARALLAX-APP, under xvfb-run) importing the same pages and showing the
#     library makes no AF_INET/AF_INET6 call either (local: the X server, the session
#     bus, the AT-SPI bus). The session bus (dbus-run-session) and the services it starts
#     are outside the trace.
#
# Copyright 2026 The Parallax authors
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import gzip
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

# Pages of the benchmark with remote references of every kind (checked below).
BENCHMARK_PAGES = 6
# The window gets this long to import the pages, then GUI_LINGER seconds more.
GUI_TIMEOUT = 120
GUI_LINGER = 3


def count_articles(db):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def remote_references(html):
    kinds = {
        "img": r"<img[^>]+src=[\"']?(?:https?:)?//",
        "stylesheet": r"<link[^>]+stylesheet[^>]*>",
        "script": r"<script[^>]+src=[\"']?(?:https?:)?//",
        "iframe": r"<iframe[^>]+src=[\"']?(?:https?:)?//",
    }
    return {k for k, pattern in kinds.items() if re.search(pattern, html, re.I)}


def tempting_page(root, port):
    """A page whose every reference points to our listener; its prose is real (ECB+)."""
    story = open(os.path.join(root, "tests", "data", "text", "ecbplus-1_10ecb.sentences"),
                 encoding="utf-8").read().splitlines()
    here = f"http://127.0.0.1:{port}"
    paragraphs = "\n".join(f"<p>{p}</p>" for p in story[1:] if p.strip())
    return f"""<?xml version="1.0"?>
<?xml-stylesheet href="{here}/style.xsl" type="text/xsl"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{here}/xhtml1-strict.dtd" [
  <!ENTITY remote SYSTEM "{here}/entity.txt">
  <!ENTITY % param SYSTEM "{here}/param.dtd">
  %param;
]>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude">
<head>
<base href="{here}/base/">
<meta http-equiv="refresh" content="0; url={here}/refresh">
<title>{story[0]}</title>
<link rel="stylesheet" href="{here}/style.css">
<link rel="preconnect" href="{here}">
<link rel="dns-prefetch" href="//example.invalid">
<style>@import url("{here}/import.css"); body {{ background: url({here}/bg.png) }}</style>
<script src="{here}/script.js"></script>
</head>
<body>
<article>
<h1>{story[0]}</h1>
<img src="{here}/photo.jpg" srcset="{here}/photo-2x.jpg 2x" alt="">
<p>&remote;</p>
{paragraphs}
<xi:include href="{here}/include.xml"/>
<iframe src="{here}/frame.html"></iframe>
<object data="{here}/object.swf"></object>
<video src="{here}/video.mp4" poster="{here}/poster.jpg"></video>
<svg><image href="{here}/svg.png"/></svg>
</article>
</body>
</html>
"""


def network_calls(trace_path):
    """(AF_INET/AF_INET6 calls, other socket calls) from an strace -e trace=network log.

    Other families are local: AF_UNIX (X server, session bus, syslog) and AF_NETLINK
    (dbus-daemon's audit socket)."""
    inet, local = [], []
    for line in open(trace_path, encoding="utf-8", errors="replace"):
        match = re.search(r"\b(socket|connect|sendto|sendmsg|bind)\((.*)", line)
        if match is None:
            continue
        call = match.group(0).strip()
        if re.search(r"\bAF_INET6?\b|\bPF_INET6?\b", call):
            inet.append(call)
        elif re.search(r"\bA?P?F_(UNIX|LOCAL|NETLINK)\b", call) or "<unfinished" in call:
            local.append(call)
        elif match.group(1) == "socket":
            inet.append(call)  # an unknown family: count it, then look
    return inet, local


def run_traced(tmp, name, args):
    trace = os.path.join(tmp, f"{name}.strace")
    result = subprocess.run(["strace", "-f", "-qq", "-e", "trace=network", "-o", trace] + args,
                            capture_output=True, text=True, timeout=600)
    inet, local = network_calls(trace)
    print(f"{name}: exit {result.returncode}, {len(inet)} inet calls, {len(local)} local calls")
    for call in local:
        print(f"  local: {call}")
    if inet:
        fail(f"{name} used the network: " + "; ".join(inet[:5]))
    return result


def main():
    cli, root = sys.argv[1], sys.argv[2]
    if shutil.which("strace") is None:
        print("SKIP: strace is not installed")
        sys.exit(77)
    corpora = os.environ.get("PX_SHARED_CORPORA", os.path.join(root, "..", "shared", "corpora"))
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    port = listener.getsockname()[1]

    with tempfile.TemporaryDirectory() as tmp:
        pages = [os.path.join(root, "tests", "data", "import", "aljazeera-helicopter.html")]
        kinds = set(remote_references(open(pages[0], encoding="utf-8", errors="replace").read()))
        for path in sorted(glob.glob(os.path.join(corpora, "article-extraction-benchmark",
                                                  "html", "*.html.gz"))):
            html = gzip.open(path).read().decode("utf-8", errors="replace")
            found = remote_references(html)
            if len(found) >= 3 and len([p for p in pages if "bench-" in p]) < BENCHMARK_PAGES:
                kinds |= found
                out = os.path.join(tmp, "bench-" + os.path.basename(path)[:12] + ".html")
                open(out, "w", encoding="utf-8").write(html)
                pages.append(out)
        tempting = os.path.join(tmp, "tempting.html")
        open(tempting, "w", encoding="utf-8").write(tempting_page(root, port))
        pages.append(tempting)
        print(f"{len(pages)} pages; remote references among them: {sorted(kinds)}")
        if not os.path.isdir(os.path.join(corpora, "article-extraction-benchmark")):
            print(f"note: {corpora}/article-extraction-benchmark is missing: fewer pages")

        # The control: a program that does connect is caught, so a pass means something.
        trace = os.path.join(tmp, "control.strace")
        subprocess.run(["strace", "-f", "-qq", "-e", "trace=network", "-o", trace,
                        sys.executable, "-c",
                        f"import socket; socket.create_connection(('127.0.0.1', {port})).close()"],
                       check=True)
        if not any("AF_INET" in call for call in network_calls(trace)[0]):
            fail("strace's log did not show the control's connect(): the check is blind")
        listener.setblocking(True)
        listener.accept()[0].close()
        listener.setblocking(False)

        db = os.path.join(tmp, "library.sqlite3")
        result = run_traced(tmp, "import", [cli, "--db", db, "import"] + pages)
        ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
        if len(ids) < 2 or result.returncode not in (0, 1):
            fail(f"import stored {len(ids)} pages (exit {result.returncode}): {result.stderr}")
        tempting_id = None
        for line in result.stdout.splitlines():
            if "Tara Reid" in line:
                tempting_id = line.split("\t")[0]
        if tempting_id is None:
            fail("the made-up page was not imported: " + result.stderr)
        # The external entity stays a literal reference: nothing was fetched to expand it.
        shown = subprocess.run([cli, "--db", db, "show", "--raw", tempting_id],
                               capture_output=True, text=True).stdout
        if "Ketsoyan would not say" not in shown or "&remote;" not in shown:
            fail(f"the made-up page was not read as expected: {shown[:300]!r}")

        run_traced(tmp, "search", [cli, "--db", db, "search", "helicopter OR Reid"])
        run_traced(tmp, "list", [cli, "--db", db, "list"])
        commands = subprocess.run([cli, "--help"], capture_output=True, text=True).stdout
        if re.search(r"^\s+compare\s", commands, re.M):
            compared = run_traced(tmp, "compare", [cli, "--db", db, "compare"] + ids[:3])
            if compared.returncode != 0:
                fail(f"compare failed: {compared.stderr}")
        else:
            print("note: parallax-cli has no compare command yet")
        if re.search(r"^\s+export\s", commands, re.M):
            out = os.path.join(tmp, "export.html")
            exported = run_traced(tmp, "export", [cli, "--db", db, "export", "--format", "html",
                                                  "--output", out] + ids)
            if exported.returncode != 0:
                fail(f"export failed: {exported.stderr}")
            html = open(out, encoding="utf-8").read()
            remote = re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?(?:https?:)?//[^"')\s>]+""",
                                html, re.I)
            remote += re.findall(r"@import", html)
            if remote:
                fail(f"exported HTML carries remote references: {remote[:5]}")
            print(f"export: {len(html)} bytes of HTML, no remote reference")
        else:
            print("note: parallax-cli has no export command yet")

        if len(sys.argv) > 4 and os.path.exists(sys.argv[3]) and shutil.which("xvfb-run"):
            env = dict(os.environ, GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1",
                       GSETTINGS_SCHEMA_DIR=sys.argv[4], XDG_DATA_HOME=tmp,
                       XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp)
            trace = os.path.join(tmp, "window.strace")
            window_db = os.path.join(tmp, "window.sqlite3")
            # The session bus runs outside the trace: services it starts (the portals that
            # GTK asks for settings) are not the app. $$ is the pid `timeout` keeps.
            pid_file = os.path.join(tmp, "window.pid")
            window = subprocess.Popen(
                ["xvfb-run", "-a", "dbus-run-session", "--", "strace", "-f", "-qq", "-e",
                 "trace=network", "-o", trace, "sh", "-c",
                 f'echo $$ > "{pid_file}"; exec timeout {GUI_TIMEOUT} "$0" "$@"',
                 sys.argv[3], "--db", window_db] + pages,
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Until the window has imported every page (or gives up), then a little more.
            n, started = 0, time.monotonic()
            while window.poll() is None and time.monotonic() - started < GUI_TIMEOUT:
                n = count_articles(window_db)
                if n >= len(pages) - 1:
                    break
                time.sleep(0.5)
            time.sleep(GUI_LINGER)
            if window.poll() is None:
                os.kill(int(open(pid_file).read()), signal.SIGTERM)  # timeout passes it on
            window.wait(timeout=60)
            n = count_articles(window_db)
            inet, local = network_calls(trace)
            print(f"window: {len(inet)} inet calls, {len(local)} local calls, such as")
            for call in sorted(set(re.sub(r"\(\d+, ", "(", c) for c in local))[:12]:
                print(f"  local: {call}")
            if inet:
                fail("the window used the network: " + "; ".join(inet[:5]))
            print(f"window: {n} pages imported")
            if n == 0:
                fail("the window imported nothing: the check saw no import")
        else:
            print("note: no window check (no app given or no xvfb-run)")

        try:
            connection, _ = listener.accept()
            fail(f"something connected to the listener on port {port}")
        except BlockingIOError:
            pass
    print("PASS")


if __name__ == "__main__":
    main()
