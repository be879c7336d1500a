#!/usr/bin/env python3
"""Attacks a running `hotgrid serve` the way issue 15 did and prints the figures.

    python3 scripts/probe-server.py --url http://127.0.0.1:18080 --pid PID [--probe all]

Probes (each prints what it measured):
  guessing  a public endpoint's throughput alone, then while 4 wrk loops post wrong passwords
            with random logins and random X-Forwarded-For (start the server with --trust-proxy
            for the worst case: every guess reaches bcrypt); the ratio is what readers keep.
  flood     2,000 idle sockets from 127.0.0.2: how many the server closed at once, how many are
            still open after 5 s and after 40 s, and whether 127.0.0.1 is answered meanwhile.
  cache     the server's resident memory before and after 1,000 requests of
            /api/v1/collections/cells/items?limit=10000&junk=N (one answer under junk names),
            then 300 of ?limit=10000&offset=N (as many distinct answers of ~3 MB each).
Needs wrk (Debian's wrk) and Linux (/proc for the memory)."""
import argparse
import os
import re
import socket
import subprocess
import tempfile
import time
import urllib.request

GUESS_LUA = r'''
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local n = math.random(1, 1000000000)
  wrk.headers["X-Forwarded-For"] = "10." .. (n % 250) .. "." .. (math.floor(n / 250) % 250) .. "." .. (math.floor(n / 62500) % 250)
  return wrk.format(nil, "/api/v1/auth/token", nil, '{"login":"guess' .. n .. '","password":"wrong-password"}')
end
'''


def wrk(url, seconds, connections=8, script=None):
    """Requests per second and p99 latency of a wrk run."""
    args = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script:
        args += ["-s", script]
    out = subprocess.run(args + [url], capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)) if "Requests/sec" in out else 0.0
    p99 = re.search(r"99%\s+(\S+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p99.group(1) if p99 else "-", (errors.group(1) if errors else ""), int(non2xx.group(1)) if non2xx else 0


def guessing(base):
    public = base + "/api/v1/collections/cells/items?limit=10"
    alone, p99, _, _ = wrk(public, 10)
    print(f"guessing: {public} alone: {alone:,.0f} req/s (p99 {p99})")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(GUESS_LUA)
    guessers = [subprocess.Popen(["wrk", "-t1", "-c1", "-d14s", "--timeout", "10s", "-s", f.name, base],
                                 stdout=subprocess.PIPE, text=True) for _ in range(4)]
    time.sleep(2)
    under, p99u, errors, _ = wrk(public, 10)
    guesses = []
    for g in guessers:
        out, _ = g.communicate()
        m = re.search(r"(\d+) requests in", out)
        codes = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        guesses.append(f"{m.group(1) if m else '?'} answered")
    os.unlink(f.name)
    print(f"guessing: while 4 clients guess passwords: {under:,.0f} req/s (p99 {p99u}{', errors ' + errors if errors else ''}),"
          f" {100 * under / alone if alone else 0:.0f} % of alone; guessers: {', '.join(guesses)}")


def open_idle(port, count, source):
    held = []
    for _ in range(count):
        s = socket.socket()
        s.bind((source, 0))
        s.settimeout(5)
        try:
            s.connect(("127.0.0.1", port))
            s.setblocking(False)
            held.append(s)
        except OSError:
            s.close()
            break
    return held


def still_open(sockets):
    alive = 0
    for s in sockets:
        try:
            data = s.recv(1)
            if data:
                alive += 1
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
    return alive


def answered(base):
    try:
        with urllib.request.urlopen(base + "/api/v1/openapi.yaml", timeout=5) as r:
            return r.status == 200
    except Exception:
        return False


def flood(base):
    port = int(base.rsplit(":", 1)[1].split("/")[0])
    held = open_idle(port, 2000, "127.0.0.2")
    time.sleep(1)
    print(f"flood: opened {len(held)} idle sockets from 127.0.0.2; still open after 1 s: {still_open(held)}; "
          f"127.0.0.1 answered: {answered(base)}")
    time.sleep(4)
    print(f"flood: still open after 5 s: {still_open(held)}; 127.0.0.1 answered: {answered(base)}")
    time.sleep(35)
    print(f"flood: still open after 40 s: {still_open(held)}; 127.0.0.1 answered: {answered(base)}")
    for s in held:
        s.close()


def rss(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) // 1024


def cache(base, pid):
    for query, count in (("limit=10000&junk={n}", 1000), ("limit=10000&offset={n}", 300)):
        before = rss(pid)
        start = time.time()
        for n in range(count):
            with urllib.request.urlopen(f"{base}/api/v1/collections/cells/items?" + query.format(n=n), timeout=60) as r:
                r.read()
        print(f"cache: resident memory {before} MB before, {rss(pid)} MB after {count:,} ?{query.replace('{n}', 'N')} ({time.time() - start:.0f} s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, help="the server's process id (for the cache probe)")
    parser.add_argument("--probe", default="all", choices=["all", "guessing", "flood", "cache"])
    a = parser.parse_args()
    if a.probe in ("all", "guessing"):
        guessing(a.url)
    if a.probe in ("all", "cache"):
        cache(a.url, a.pid)
    if a.probe in ("all", "flood"):
        flood(a.url)


if __name__ == "__main__":
    main()
