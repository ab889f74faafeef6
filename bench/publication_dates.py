#!/usr/bin/env python3
"""Dateline's date finder against htmldate, on htmldate's own evaluation set.

Needs htmldate installed in the Python that runs this script:

    pip install htmldate

This script installs nothing. It runs

    cargo run --release -p dateline-extract --example htmldate_eval -- --data DIR

for Dateline, then htmldate's ``find_date(html, url=url, original_date=True)``
with ``extensive_search`` on (htmldate's default) and off, on the same
pages, and prints per eval file and overall: TP/FP/FN/TN, precision, recall,
F1 and accuracy as the data set's README defines them, plus time per page.

Usage: bench/publication_dates.py [--data DIR] [--verbose] [--no-htmldate] [--limit N] [--no-cache]

--data     the evaluation set (default: ../shared/bench/htmldate beside the workspace)
--verbose  list the pages Dateline gets wrong, with what it read and htmldate's answer
--no-htmldate  score Dateline only (fast iteration)
--limit N  only the first N entries of each file (both tools see the same ones)
--no-cache re-run htmldate instead of reusing its answers from bench/out/
"""

import argparse
import gzip
import json
import math
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Scripts in this folder must never shadow the peers' packages.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]
EVALS = ("eval_default.json", "eval_mediacloud_2020.json")


def load_eval(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)  # Python reads the bare NaN as float('nan')
    out = {}
    for key, v in data.items():
        d = v["date"]
        if isinstance(d, float) and math.isnan(d):
            d = "NaN"  # not null: can never be a TP or TN (see the README)
        out[key] = (v["file"], d)
    return out


def score(gold, found):
    """Counts as in the README: equal = TP, different = FP, none found = FN
    (and also TN when the gold date is null, which no entry has)."""
    tp = fp = fn = tn = 0
    for key, (_, g) in gold.items():
        r = found.get(key)
        if r is None:
            fn += 1
            if g is None:
                tn += 1
        elif r == g:
            tp += 1
        else:
            fp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    acc = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    return dict(tp=tp, fp=fp, fn=fn, tn=tn, precision=p, recall=rc, f1=f1, accuracy=acc)


def run_dateline(data, evals, limit):
    cmd = [
        "cargo", "run", "--quiet", "--release", "-p", "dateline-extract",
        "--example", "htmldate_eval", "--", "--data", data,
    ]
    for e in evals:
        cmd += ["--eval", e]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        sys.exit("htmldate_eval failed")
    sys.stderr.write(proc.stderr)
    results = {e: {} for e in evals}
    for line in proc.stdout.splitlines():
        r = json.loads(line)
        results[r["eval"]][r["key"]] = r
    return results


def run_htmldate(data, gold, extensive, eval_name, use_cache):
    """htmldate's answers and its total seconds. Answers and timings are
    cached in bench/out/ per htmldate version, so that iterating on Dateline
    does not re-run htmldate; --no-cache runs it afresh."""
    import htmldate
    from htmldate import find_date

    cache = os.path.join(
        ROOT, "bench", "out",
        f"htmldate-{htmldate.__version__}-{eval_name}-{'ext' if extensive else 'fast'}.json",
    )
    if use_cache and os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            c = json.load(f)
        if all(k in c["answers"] for k in gold):
            found = {k: c["answers"][k] for k in gold if c["answers"][k] is not None}
            return found, c["seconds"] * len(gold) / max(1, len(c["answers"]))
    found, seconds = {}, 0.0
    for key, (file, _) in gold.items():
        with gzip.open(os.path.join(data, "pages", file + ".gz"), "rb") as f:
            html = f.read()
        t0 = time.perf_counter()
        try:
            r = find_date(html, url=key, original_date=True, extensive_search=extensive)
        except Exception as e:  # a crash is a miss, not the end of the run
            sys.stderr.write(f"htmldate error on {file}: {e}\n")
            r = None
        seconds += time.perf_counter() - t0
        if r is not None:
            found[key] = r
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    with open(cache, "w", encoding="utf-8") as f:
        json.dump({"answers": {k: found.get(k) for k in gold}, "seconds": seconds}, f)
    return found, seconds


def fmt(name, s, ms):
    return (
        f"  {name:<26} acc {s['accuracy']:.3f}  P {s['precision']:.3f}  R {s['recall']:.3f}  "
        f"F1 {s['f1']:.3f}  TP {s['tp']:4d} FP {s['fp']:4d} FN {s['fn']:4d} TN {s['tn']:d}  "
        f"{ms:7.2f} ms/page"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(ROOT), "shared", "bench", "htmldate"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--no-htmldate", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-cache", action="store_true")
    args = ap.parse_args()
    data = os.path.abspath(args.data)

    golds = {}
    for e in EVALS:
        g = load_eval(os.path.join(data, e))
        if args.limit:
            g = dict(list(g.items())[: args.limit])
        golds[e] = g

    dl = run_dateline(data, EVALS, args.limit)
    totals = {}
    lines = []
    for e in EVALS:
        gold = golds[e]
        rows = dl[e]
        found = {k: rows[k]["published"] for k in gold if k in rows and rows[k]["published"]}
        ms = sum(rows[k]["ms"] for k in gold if k in rows) / max(1, len(gold))
        per = {"Dateline": (found, ms)}
        if not args.no_htmldate:
            for label, ext in (("htmldate (extensive)", True), ("htmldate (fast)", False)):
                f, sec = run_htmldate(data, gold, ext, e, not args.no_cache)
                per[label] = (f, 1000 * sec / max(1, len(gold)))
        lines.append(f"{e}: {len(gold)} entries")
        for name, (f, ms) in per.items():
            lines.append(fmt(name, score(gold, f), ms))
            tot = totals.setdefault(name, [dict(), 0.0, 0])
            tot[0].update({(e, k): v for k, v in f.items()})
            tot[1] += ms * len(gold)
            tot[2] += len(gold)
        if args.verbose:
            hd = per.get("htmldate (extensive)", ({}, 0))[0]
            wrong = [k for k in gold if found.get(k) != gold[k][1]]
            lines.append(f"  Dateline misses on {e}: {len(wrong)}")
            for k in wrong:
                r = rows.get(k, {})
                lines.append(
                    f"    gold {gold[k][1]} got {r.get('published')} htmldate {hd.get(k)} "
                    f"[{r.get('method')}: {r.get('detail')} = {str(r.get('raw'))[:60]!r}] "
                    f"{gold[k][0]} {k}"
                )
    all_gold = {(e, k): v for e in EVALS for k, v in golds[e].items()}
    lines.append(f"overall: {len(all_gold)} entries")
    for name, (f, ms_sum, n) in totals.items():
        lines.append(fmt(name, score(all_gold, f), ms_sum / max(1, n)))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
