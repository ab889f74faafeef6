#!/usr/bin/env python3
"""Body-text accuracy and speed on the Zyte article-extraction benchmark,
Dateline beside trafilatura in the same run.

    pip install trafilatura        # the peer
    python3 bench/article_extraction.py [--data DIR] [--no-peers] [--worst N]

The data (181 pages + ground truth) is read from --data, by default
../shared/bench/article-extraction from the repository root; it is never
copied into the repository. Scoring follows the benchmark's evaluate.py
(see that folder's README): word 4-gram shingles of `\\w+` tokens, per-page
TP/FP/FN normalised, macro-averaged precision and recall, F1 of the two
averages, exact-token accuracy, and a bootstrap standard deviation.

Speed is measured on one core for every system: Dateline's figures come from
the `zyte` example (parse only, then full extraction, in process, pages read
into memory first); trafilatura's from `extract()` over the same in-memory
pages. The machine is noisy, so compare the ratios, not the absolute numbers.
"""
import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+")


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter(), tokens
    if len(tokens) < n:
        return Counter([tuple(tokens)]), tokens
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)), tokens


def page_counts(truth, pred):
    t, tt = shingles(truth)
    p, pt = shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return tp, fp, fn, tt == pt


def aggregate(rows):
    precisions, recalls = [], []
    for tp, fp, fn, _ in rows:
        if fp == 0 and fn == 0:
            p = r = 1.0
        else:
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
        if tp + fp > 0:
            precisions.append(p)
        if tp + fn > 0:
            recalls.append(r)
    prec = sum(precisions) / len(precisions) if precisions else 0.0
    rec = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = sum(1 for *_, exact in rows if exact) / len(rows)
    return prec, rec, f1, acc


def score(truth, preds, bootstrap=1000):
    keys = sorted(truth)
    rows = {k: page_counts(truth[k]["articleBody"], preds.get(k, "")) for k in keys}
    metrics = aggregate([rows[k] for k in keys])
    rng = random.Random(0)
    samples = []
    for _ in range(bootstrap):
        pick = [rows[rng.choice(keys)] for _ in keys]
        samples.append(aggregate(pick))
    stds = []
    for i in range(4):
        vals = [s[i] for s in samples]
        mean = sum(vals) / len(vals)
        stds.append((sum((v - mean) ** 2 for v in vals) / len(vals)) ** 0.5)
    return metrics, stds, rows


def page_f1(row):
    tp, fp, fn, _ = row
    if fp == 0 and fn == 0:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def run_dateline(data, out_dir):
    out = out_dir / "dateline.json"
    subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "dateline-extract", "--example", "zyte"],
        cwd=ROOT,
        check=True,
    )
    exe = ROOT / "target" / "release" / "examples" / "zyte"
    proc = subprocess.run(
        [str(exe), "--data", str(data), "--out", str(out)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    speed = json.loads(proc.stdout)
    preds = json.loads(out.read_text())
    return preds, speed


def run_trafilatura(truth, data):
    import trafilatura

    pages = {k: gzip.decompress((data / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace") for k in truth}
    preds = {}
    start = time.perf_counter()
    for k, html in pages.items():
        preds[k] = trafilatura.extract(html, url=truth[k]["url"]) or ""
    elapsed = time.perf_counter() - start
    return preds, {"pages": len(pages), "seconds": elapsed, "pages_per_s": len(pages) / elapsed,
                   "version": trafilatura.__version__}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "article-extraction")
    ap.add_argument("--no-peers", action="store_true", help="score Dateline only")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages Dateline gets most wrong")
    ap.add_argument("--bootstrap", type=int, default=1000)
    args = ap.parse_args()
    if not (args.data / "ground-truth.json").exists():
        sys.exit(f"benchmark data not found at {args.data} (give --data DIR)")
    truth = json.loads((args.data / "ground-truth.json").read_text())
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)

    # Peers run first, while the machine is otherwise quiet, so that pinning
    # to one core is fair to both.
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    systems = {}
    if not args.no_peers:
        try:
            preds, speed = run_trafilatura(truth, args.data)
            systems[f"trafilatura {speed['version']}"] = (preds, speed)
        except ImportError:
            print("trafilatura not installed (pip install trafilatura): skipped", file=sys.stderr)
    preds, speed = run_dateline(args.data, out_dir)
    systems["dateline"] = (preds, speed)

    print(f"{'system':<22} {'F1':>14} {'precision':>14} {'recall':>14} {'accuracy':>14} {'pages/s':>9}")
    results = {}
    for name, (preds, speed) in systems.items():
        (p, r, f1, acc), (sp, sr, sf, sa), rows = score(truth, preds, args.bootstrap)
        results[name] = rows
        print(f"{name:<22} {f1:.4f} ±{sf:.4f} {p:.4f} ±{sp:.4f} {r:.4f} ±{sr:.4f} {acc:.4f} ±{sa:.4f} {speed['pages_per_s']:9.1f}")
    dl = systems["dateline"][1]
    print()
    print(f"dateline, one core: bare parse (html5ever into a standard DOM, whole page) "
          f"{dl['parse_pages_per_s']:.1f} pages/s; dateline's own parse step (pre-pass, arena, flat view) "
          f"{dl['own_parse_pages_per_s']:.1f} pages/s;\n  parse+extract {dl['pages_per_s']:.1f} pages/s, "
          f"{dl['mb_per_s']:.1f} MB/s ({100 * dl['pages_per_s'] / dl['parse_pages_per_s']:.0f}% of the bare parse's speed); "
          f"peak RSS {dl['peak_rss_mb']:.0f} MB")
    for name, (_, speed) in systems.items():
        if name != "dateline":
            print(f"speed ratio dateline / {name}: {dl['pages_per_s'] / speed['pages_per_s']:.1f}x")
    if args.worst:
        rows = results["dateline"]
        print(f"\nworst {args.worst} pages for dateline (page F1):")
        for k in sorted(rows, key=lambda k: page_f1(rows[k]))[: args.worst]:
            tp, fp, fn, _ = rows[k]
            peer = ""
            for name, r in results.items():
                if name != "dateline":
                    peer += f" {name.split()[0]} {page_f1(r[k]):.3f}"
            print(f"  {page_f1(rows[k]):.3f} (fp {fp:.2f} fn {fn:.2f}){peer}  {k[:12]} {truth[k]['url'][:90]}")
    json.dump({k: {"articleBody": v} for k, v in systems["dateline"][0].items()},
              open(out_dir / "dateline-predictions.json", "w"))


if __name__ == "__main__":
    main()
