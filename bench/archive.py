#!/usr/bin/env python3
"""The archive benchmark (issue 13, "How fast, measured"), in a temporary
data directory:

1. Storage rate alone: `dateline ingest --data D synthetic.jsonl` of
   already-analysed synthetic articles (crates/dateline/examples/
   synthesize/), on every core: articles/s, and bytes on disk per
   article (every file of the data directory / articles stored). The
   archive grows scale by scale (--scale 100000,1000000: the first
   100,000, then the next 900,000 into the same directory).
2. Full pipeline (extract + analyse + store + index) on HTML pages: the
   181 Zyte pages again and again, each copy with a share of its words
   replaced and a URL of its own, in one WARC file, ingested into the
   archive once it holds the first scale's articles (>= 100,000); beside
   `dateline extract --analyze` alone on the same WARC (the ratio is the
   cost of storing and indexing).
3. Search under concurrent HTTP load: `dateline serve` on a free loopback
   port over the archive, GET /api/v1/health polled until nothing is left
   to index, then `wrk` (closed loop, --latency) at 1, 2, 4, 8, 16, 32
   connections with a Lua script that varies every request:
   /api/v1/articles?q=WORD[&source=S][&section=S][&since=DATE]&facets=5&limit=10.
   req/s, p50, p99 per level, the highest rate whose p99 <= 50 ms, and
   serve's peak memory (VmHWM) after the load, at every scale.

    python3 bench/archive.py [--dateline PATH] [--scale 100000,1000000]
        [--pages DIR] [--work DIR] [--duration 10] [--pipeline-pages 6000]
        [--keep] [--skip-http] [--skip-pipeline]

The machine is shared: compare ratios within one run, not absolute figures
across runs. Every loop is bounded and every server started is killed.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
P99_TARGET_MS = 50.0


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def target_dir():
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return Path(json.loads(out)["target_directory"])


def build(need_dateline):
    cmd = ["cargo", "build", "--quiet", "--release", "-p", "dateline", "--example", "synthesize"]
    if need_dateline:
        cmd += ["--bin", "dateline"]
    log("building: " + " ".join(cmd))
    subprocess.run(cmd, cwd=ROOT, check=True)
    t = target_dir() / "release"
    return t / "dateline", t / "examples" / "synthesize"


def timed(cmd, stdout=subprocess.DEVNULL, timeout=None):
    """Runs cmd; returns (wall s, user+sys CPU s, peak RSS MB, stderr text)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([str(c) for c in cmd], stdout=stdout, stderr=err)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                sys.exit(f"timed out after {timeout} s: {' '.join(map(str, cmd))}")
            time.sleep(0.05)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{stderr[-4000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stderr


def disk_bytes(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(dirpath, f)).st_blocks * 512
            except FileNotFoundError:
                pass
    return total


def stats(exe, data):
    out = subprocess.run(
        [str(exe), "archive", "stats", "--json", "--data", str(data)],
        check=True, capture_output=True, text=True, timeout=600,
    ).stdout
    return json.loads(out)


def summary_counts(stderr):
    """The ingest summary line's counts."""
    m = re.search(r"(\d+) stored \((\d+) new, (\d+) new revisions, (\d+) unchanged\), "
                  r"(\d+) syndicated copies, (\d+) failed", stderr)
    if not m:
        return {}
    keys = ["stored", "new", "revised", "unchanged", "syndicated", "failed"]
    return dict(zip(keys, map(int, m.groups())))


# ------------------------------------------------------------------ HTTP

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.loads(r.read())


def proc_status(pid, key):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024  # kB -> MB
    except OSError:
        pass
    return None


class Server:
    def __init__(self, exe, data, workdir, ready_timeout):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(workdir / f"serve-{self.port}.log", "wb")
        self.proc = subprocess.Popen(
            [str(exe), "serve", "--addr", f"127.0.0.1:{self.port}", "--data", str(data)],
            stdout=self.log, stderr=subprocess.STDOUT,
        )
        self.ready_s = self.wait_ready(ready_timeout)

    def wait_ready(self, timeout):
        start = time.perf_counter()
        last = None
        while time.perf_counter() - start < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"dateline serve exited with {self.proc.returncode} "
                                   f"(see {self.log.name})")
            try:
                last = get_json(self.base + "/api/v1/health", timeout=5)
                if last.get("unindexed", 1) == 0:
                    return time.perf_counter() - start
            except (urllib.error.URLError, ConnectionError, OSError, ValueError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"serve not ready after {timeout} s (last health: {last})")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=20)
        self.log.close()


def lua_list(items):
    return "{" + ",".join(json.dumps(i) for i in items) + "}"


def query_vocabulary(jsonl, n_lines=3000):
    """Words, sources and sections for the queries, from the first articles:
    mid-frequency words of bodies (ranks 100-1,600, letters only, 4+
    characters), every source and section seen."""
    words, sources, sections = Counter(), Counter(), Counter()
    with open(jsonl, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n_lines:
                break
            a = json.loads(line)
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", a["text"]))
            if a.get("source"):
                sources[a["source"]] += 1
            if a.get("section"):
                sections[a["section"]] += 1
    ranked = [w for w, _ in words.most_common(1600)][100:]
    rng = random.Random(13)
    rng.shuffle(ranked)
    return ranked[:400], [s for s, _ in sources.most_common()], [s for s, _ in sections.most_common()]


def write_lua(path, words, sources, sections):
    q = urllib.parse.quote
    path.write_text(f"""
-- Varies every request: a word, and each filter with probability 1/2.
local words = {lua_list([q(w) for w in words])}
local sources = {lua_list([q(s) for s in sources])}
local sections = {lua_list([q(s) for s in sections])}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
function init(args)
  math.randomseed(1000 + (tid or 0))
end
function request()
  local p = "/api/v1/articles?q=" .. words[math.random(#words)]
  if math.random() < 0.5 then p = p .. "&source=" .. sources[math.random(#sources)] end
  if math.random() < 0.5 then p = p .. "&section=" .. sections[math.random(#sections)] end
  if math.random() < 0.5 then
    p = p .. string.format("&since=%04d-%02d-01", 2022 + math.random(0, 2), math.random(1, 12))
  end
  return wrk.format("GET", p .. "&facets=5&limit=10")
end
""")


def ms(value, unit):
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]


def run_wrk(base, lua, conns, duration):
    threads = min(conns, 2)
    cmd = ["wrk", "-t", str(threads), "-c", str(conns), "-d", f"{duration}s", "--latency",
           "--timeout", "10s", "-s", str(lua), base]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60).stdout
    res = {"conns": conns}
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    res["rps"] = float(m.group(1)) if m else 0.0
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
        res[f"p{pct}"] = ms(*m.groups()) if m else None
    m = re.search(r"(\d+) requests in", out)
    res["requests"] = int(m.group(1)) if m else 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    res["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", out)
    res["socket_errors"] = m.group(1).strip() if m else ""
    return res


def check_query(base, words, sources, sections):
    """One request of each shape, to see the API answers with matches."""
    w = words[0]
    for params in ({"q": w}, {"q": w, "source": sources[0], "facets": 5, "limit": 10},
                   {"q": w, "section": sections[0], "since": "2023-01-01", "facets": 5}):
        url = base + "/api/v1/articles?" + urllib.parse.urlencode(params)
        try:
            body = get_json(url, timeout=30)
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"GET {url}: {e.code} {e.read()[:300]!r}")
        hits = body.get("total", body.get("matches", body.get("count")))
        log(f"  GET {url[len(base):]} -> keys {sorted(body)[:8]}, total {hits}")


def sample_queries(base, words, sources, sections, n=200):
    """n requests drawn as the Lua script draws them, one at a time: how many
    matches they have (so a load of empty results would show)."""
    rng = random.Random(7)
    totals, times = [], []
    for _ in range(n):
        params = {"q": rng.choice(words)}
        if rng.random() < 0.5:
            params["source"] = rng.choice(sources)
        if rng.random() < 0.5:
            params["section"] = rng.choice(sections)
        if rng.random() < 0.5:
            params["since"] = f"{rng.randint(2022, 2024):04d}-{rng.randint(1, 12):02d}-01"
        params.update(facets=5, limit=10)
        url = base + "/api/v1/articles?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
        t = time.perf_counter()
        body = get_json(url, timeout=60)
        times.append((time.perf_counter() - t) * 1000)
        totals.append(body.get("total", 0))
    totals.sort()
    times.sort()
    res = {"n": n, "zero_share": sum(1 for t in totals if t == 0) / n,
           "median_total": totals[n // 2], "max_total": totals[-1], "median_ms": times[n // 2]}
    log(f"  {n} sample queries one at a time: {res}")
    return res


def http_bench(exe, data, workdir, words, sources, sections, conns_list, duration, ready_timeout):
    lua = workdir / "queries.lua"
    write_lua(lua, words, sources, sections)
    server = Server(exe, data, workdir, ready_timeout)
    try:
        log(f"  serve ready in {server.ready_s:.1f} s on {server.base}; "
            f"health {get_json(server.base + '/api/v1/health')}")
        check_query(server.base, words, sources, sections)
        sample = sample_queries(server.base, words, sources, sections)
        run_wrk(server.base, lua, 4, max(3, duration // 2))  # warm up the caches
        rows = []
        for c in conns_list:
            r = run_wrk(server.base, lua, c, duration)
            r["rss_mb"] = proc_status(server.proc.pid, "VmRSS")
            log(f"  wrk -c {c}: {r}")
            rows.append(r)
        hwm = proc_status(server.proc.pid, "VmHWM")
    finally:
        server.stop()
    return rows, hwm, server.ready_s, sample


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dateline", help="the dateline binary (default: cargo build --release, target/release/dateline)")
    ap.add_argument("--scale", default="100000,1000000", help="archive sizes, comma-separated")
    ap.add_argument("--pages", default=str(ROOT / ".." / "shared" / "bench" / "article-extraction"),
                    help="the Zyte benchmark directory (html/ and ground-truth.json)")
    ap.add_argument("--work", help="where the temporary data directory goes (default: the system's temp dir)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    ap.add_argument("--connections", default="1,2,4,8,16,32")
    ap.add_argument("--pipeline-pages", type=int, default=6000, help="HTML pages for the full-pipeline run")
    ap.add_argument("--ready-timeout", type=int, default=1800, help="seconds to wait for serve's index")
    ap.add_argument("--ingest-timeout", type=int, default=8 * 3600, help="seconds any one ingest or extract may take")
    ap.add_argument("--keep", action="store_true", help="keep the data directory")
    ap.add_argument("--skip-http", action="store_true")
    ap.add_argument("--skip-pipeline", action="store_true")
    ap.add_argument("--http-only", metavar="DATA", action="append", default=[],
                    help="only the HTTP part, over this existing data directory (repeatable)")
    args = ap.parse_args()

    scales = sorted({int(s.replace("_", "")) for s in args.scale.split(",") if s.strip()})
    conns_list = [int(c) for c in args.connections.split(",")]
    if not (Path(args.pages) / "html").is_dir():
        sys.exit(f"no benchmark pages at {args.pages} (give --pages)")
    if not args.skip_http and shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install -y wrk), or give --skip-http")
    built, synth = build(args.dateline is None)
    exe = Path(args.dateline) if args.dateline else built
    if not args.skip_http and subprocess.run([str(exe), "serve", "--help"], capture_output=True).returncode != 0:
        log(f"{exe} has no `serve` command: the HTTP part is skipped")
        args.skip_http = True
    if args.http_only:
        return http_only(exe, synth, args, conns_list)

    work = Path(tempfile.mkdtemp(prefix="dateline-archive-bench-", dir=args.work))
    data = work / "data"
    log(f"work directory {work}; scales {scales}; {os.cpu_count()} cores")
    results = {"scales": [], "pipeline": None}
    try:
        stored = 0
        for si, scale in enumerate(scales):
            n = scale - stored
            jsonl = work / f"synthetic-{stored}-{scale}.jsonl"
            wall, _, _, err = timed([synth, "articles", "--start", stored, "-n", n, "--seed", args.seed,
                                     "--pages", args.pages, "-o", jsonl])
            size = jsonl.stat().st_size
            log(f"synthesized {n:,} articles ({size / 1e6:,.0f} MB) in {wall:.0f} s")
            if si == 0:
                words, sources, sections = query_vocabulary(jsonl)
            wall, cpu, peak, err = timed([exe, "ingest", "--data", data, jsonl], timeout=args.ingest_timeout)
            counts = summary_counts(err)
            jsonl.unlink()
            st = stats(exe, data)
            on_disk = disk_bytes(data)
            row = {
                "scale": scale, "added": n, "ingest_s": wall, "ingest_cpu_s": cpu,
                "ingest_peak_mb": peak, "rate": n / wall, "json_bytes": size, "counts": counts,
                "articles": st.get("articles"), "disk_bytes": on_disk,
                "bytes_per_article": on_disk / max(1, st.get("articles") or scale),
                "stats_bytes": st.get("bytes"), "groups": st.get("groups"),
                "grouped": st.get("grouped_articles"), "entities": st.get("entities"),
            }
            log(f"stored {n:,} articles in {wall:.0f} s: {row['rate']:,.0f}/s, "
                f"{row['bytes_per_article']:,.0f} bytes/article on disk; {counts}")
            stored = scale
            if not args.skip_http:
                rows, hwm, ready, sample = http_bench(exe, data, work, words, sources, sections,
                                                      conns_list, args.duration, args.ready_timeout)
                row["http"] = rows
                row["sample"] = sample
                row["serve_hwm_mb"] = hwm
                row["serve_ready_s"] = ready
            results["scales"].append(row)
            if args.keep and args.skip_http and si + 1 < len(scales):
                # For a later --http-only run at this size.
                shutil.copytree(data, work / f"archive-{scale}")
            if si == 0 and not args.skip_pipeline:
                results["pipeline"] = pipeline(exe, synth, args, work, data, scale)
                stored += results["pipeline"]["counts"].get("new", 0)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    report(results, conns_list)
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "archive.json").write_text(json.dumps(results, indent=1))
    log(f"figures also in {out / 'archive.json'}")


def http_only(exe, synth, args, conns_list):
    work = Path(tempfile.mkdtemp(prefix="dateline-archive-http-", dir=args.work))
    results = {"scales": [], "pipeline": None}
    try:
        sample = work / "sample.jsonl"
        timed([synth, "articles", "-n", 3000, "--seed", args.seed, "--pages", args.pages, "-o", sample])
        words, sources, sections = query_vocabulary(sample)
        for data in args.http_only:
            st = stats(exe, data)
            log(f"{data}: {st.get('articles'):,} articles")
            rows, hwm, ready, sample = http_bench(exe, data, work, words, sources, sections,
                                                  conns_list, args.duration, args.ready_timeout)
            results["scales"].append({"scale": st.get("articles"), "articles": st.get("articles"),
                                      "http": rows, "serve_hwm_mb": hwm, "serve_ready_s": ready,
                                      "sample": sample})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results, conns_list)


def pipeline(exe, synth, args, work, data, held):
    warc = work / "pages.warc"
    timed([synth, "warc", "-n", args.pipeline_pages, "--seed", args.seed, "--pages", args.pages, "-o", warc])
    size = warc.stat().st_size
    # The page cache holds the WARC for both runs alike.
    e_wall, e_cpu, e_peak, _ = timed([exe, "extract", "--analyze", "--format", "jsonl", "-q", warc],
                                  timeout=args.ingest_timeout)
    i_wall, i_cpu, i_peak, err = timed([exe, "ingest", "--data", data, warc], timeout=args.ingest_timeout)
    counts = summary_counts(err)
    warc.unlink()
    n = args.pipeline_pages
    res = {"pages": n, "warc_bytes": size, "held": held,
           "extract_s": e_wall, "extract_cpu_s": e_cpu, "extract_peak_mb": e_peak,
           "ingest_s": i_wall, "ingest_cpu_s": i_cpu, "ingest_peak_mb": i_peak, "counts": counts}
    log(f"pipeline: {n} pages; extract --analyze {n / e_wall:.0f}/s, ingest {n / i_wall:.0f}/s; {counts}")
    return res


def fmt_ms(x):
    return "-" if x is None else (f"{x:.1f}" if x < 100 else f"{x:.0f}")


def report(results, conns_list):
    cores = os.cpu_count()
    print(f"\nArchive benchmark ({cores} cores; shared machine: figures are noisy)\n")
    stored = [r for r in results["scales"] if "added" in r]
    if stored:
        print("Storage alone (analysed JSON Lines -> SQLite records + Tantivy index):")
        print(f"{'archive':>10} {'added':>10} {'articles/s':>11} {'CPU s/1k':>9} {'peak MB':>8} "
          f"{'disk/article':>13} {'JSON/article':>13} {'synd. groups':>13}")
    for r in stored:
        print(f"{r['articles'] or r['scale']:>10,} {r['added']:>10,} {r['rate']:>11,.0f} "
              f"{1000 * r['ingest_cpu_s'] / r['added']:>9.2f} {r['ingest_peak_mb']:>8.0f} "
              f"{r['bytes_per_article']:>13,.0f} {r['json_bytes'] / r['added']:>13,.0f} "
              f"{str(r['groups']):>13}")
    p = results["pipeline"]
    if p:
        n = p["pages"]
        e, i = n / p["extract_s"], n / p["ingest_s"]
        print(f"\nFull pipeline on {n:,} HTML pages (Zyte pages, words varied, own URLs), "
              f"into an archive of {p['held']:,}:")
        print(f"  extract --analyze alone  {e:>7.0f} pages/s  (CPU {1000 * p['extract_cpu_s'] / n:.2f} s/1k, "
              f"peak {p['extract_peak_mb']:.0f} MB)")
        print(f"  ingest (+ store + index) {i:>7.0f} pages/s  (CPU {1000 * p['ingest_cpu_s'] / n:.2f} s/1k, "
              f"peak {p['ingest_peak_mb']:.0f} MB)  = {i / e:.2f} of extract --analyze; {p['counts']}")
    http = [r for r in results["scales"] if r.get("http")]
    if http:
        print("\nSearch under load (wrk, closed loop, loopback; q + random source/section/since filters, "
              "facets=5, limit=10):")
        print(f"{'archive':>10} {'conns':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
        for r in http:
            for h in r["http"]:
                print(f"{r['articles'] or r['scale']:>10,} {h['conns']:>6} {h['rps']:>8.0f} "
                      f"{fmt_ms(h['p50']):>8} {fmt_ms(h['p99']):>8} {h['non2xx']:>8}")
        print()
        first = None
        for r in http:
            ok = [h for h in r["http"] if h["p99"] is not None and h["p99"] <= P99_TARGET_MS and not h["non2xx"]]
            best = max(ok, key=lambda h: h["rps"]) if ok else None
            line = (f"{r['articles'] or r['scale']:>10,}: highest rate with p99 <= {P99_TARGET_MS:.0f} ms: "
                    + (f"{best['rps']:.0f} req/s at {best['conns']} connections (p99 {fmt_ms(best['p99'])} ms)"
                       if best else "none")
                    + f"; serve peak memory (VmHWM) {r['serve_hwm_mb'] or 0:.0f} MB; ready in {r['serve_ready_s']:.1f} s")
            print(line)
            sm = r.get("sample")
            if sm:
                print(f"    {sm['n']} sample queries: {100 * sm['zero_share']:.0f}% without a match, "
                      f"median {sm['median_total']:,} matches (max {sm['max_total']:,}), "
                      f"median {sm['median_ms']:.1f} ms one at a time")
            if first is None:
                first = r
            else:
                for h0, h1 in zip(first["http"], r["http"]):
                    if h0["p99"] and h1["p99"]:
                        print(f"    p99 at {h1['conns']} connections: {h1['p99'] / h0['p99']:.2f}x "
                              f"that at {first['articles'] or first['scale']:,}")


if __name__ == "__main__":
    main()
