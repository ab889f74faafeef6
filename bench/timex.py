#!/usr/bin/env python3
"""Time expressions (TempEval-3 Task A) beside HeidelTime's published figures.

HeidelTime cannot run here (it needs Java and TreeTagger), so its figures are
quoted from the TempEval-3 task paper (UzZaman et al., SemEval-2013), on the
same platinum test set with the document creation time given. This script
runs

    cargo run --release -p dateline-timex --example tempeval -- --corpus DIR

which scores Dateline on platinum/ (the test set: never tuned on) and on
train/TimeBank and train/AQUAINT (the tuning data), prints strict and
relaxed extent P/R/F1, type and value accuracy and F1, and the tagger's
throughput on one core. bench/README.md describes the scorer.

Usage: bench/timex.py [--corpus DIR] [--errors N] [--no-dct]

--corpus  the corpus root or one directory of .tml files
          (default: ../shared/corpora/timex beside the workspace)
--errors  list up to N misses, wrong extents/values and spurious expressions per set
--no-dct  run without the document creation time (relative values stay underspecified)
"""

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpora", "timex"))
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--no-dct", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        sys.exit(f"timex.py: no corpus at {a.corpus} (see --corpus)")
    cmd = ["cargo", "run", "--quiet", "--release", "-p", "dateline-timex", "--example", "tempeval",
           "--", "--corpus", os.path.abspath(a.corpus), "--errors", str(a.errors)]
    if a.no_dct:
        cmd.append("--no-dct")
    sys.exit(subprocess.call(cmd, cwd=ROOT))


if __name__ == "__main__":
    main()
