#!/usr/bin/env python3
"""Named entities on CoNLL-2003 dev and test: Dateline's tagger, scored as
conlleval scores, and its speed on one core.

    python3 bench/ner.py [--corpus DIR] [--no-peers]

The corpus (train/dev/test.txt, IOB1 tags) is read from --corpus, by default
../shared/corpora/conll2003 from the repository root; it is never copied into
the repository.

Accuracy: `dateline analyze --from conll --to conll FILE` appends the
predicted tag to every line; the scorer below reads gold (second-to-last
column) and predicted (last column) chunks exactly as conlleval.pl does:
IOB1/IOB2 alike, a chunk starts at B-X, or at I-X after O or another type,
and ends before O, B- or another type; a predicted chunk is correct when its
start, end and type all match a gold chunk. Precision, recall and F1 are
micro-averaged over chunks (overall) and given per type. -DOCSTART- lines
and sentence breaks end chunks.

Speed: the `ner_speed` example tokenizes, splits into sentences and tags
plain text on one thread (pinned to one core with taskset when available),
the model loaded beforehand; it counts the thread's CPU time, so other
processes on a shared machine do not lower the figure (wall-clock rate
printed beside it), and the fastest round's rate, the least disturbed by
neighbours on a shared virtual machine. The text is the dev and test files' tokens
joined by spaces, a sentence per line and a blank line between documents.
The wall time of the `analyze` command itself (process start, model load,
reading and writing) is printed too.

Peer: spaCy's small English pipeline (NER only) on the same text, when
`spacy` and `en_core_web_sm` can be imported; otherwise the script says so.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def chunks(tags):
    """conlleval's chunks of one sentence: set of (start, end, type)."""
    out = []
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, t = tag.partition("-")
        if prefix not in ("B", "I"):
            prefix, t = "O", None
        continues = prefix == "I" and kind == t and start is not None
        if not continues:
            if start is not None:
                out.append((start, i, kind))
            start, kind = (i, t) if prefix != "O" else (None, None)
    return set(out)


def score(lines):
    """Counts per type from lines `... gold predicted`, sentences split by
    blank lines and -DOCSTART- lines."""
    gold_n, pred_n, correct = defaultdict(int), defaultdict(int), defaultdict(int)
    gold, pred = [], []

    def flush():
        g, p = chunks(gold), chunks(pred)
        for c in g:
            gold_n[c[2]] += 1
        for c in p:
            pred_n[c[2]] += 1
            if c in g:
                correct[c[2]] += 1
        gold.clear()
        pred.clear()

    for line in lines:
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            flush()
            continue
        gold.append(cols[-2])
        pred.append(cols[-1])
    flush()
    return gold_n, pred_n, correct


def prf(c, p, g):
    pr = c / p if p else 0.0
    rc = c / g if g else 0.0
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f


def report(name, gold_n, pred_n, correct):
    types = sorted(set(gold_n) | set(pred_n))
    print(f"\n{name}")
    print(f"  {'type':6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}")
    for t in types:
        p, r, f = prf(correct[t], pred_n[t], gold_n[t])
        print(f"  {t:6} {p:7.4f} {r:7.4f} {f:7.4f} {gold_n[t]:6} {pred_n[t]:6}")
    c, p_, g = sum(correct.values()), sum(pred_n.values()), sum(gold_n.values())
    p, r, f = prf(c, p_, g)
    print(f"  {'all':6} {p:7.4f} {r:7.4f} {f:7.4f} {g:6} {p_:6}")
    return f


def plain_text(conll_paths):
    """The files' tokens as text: a sentence a line, documents apart."""
    docs, sent, out = [], [], []
    for path in conll_paths:
        for line in Path(path).read_text().splitlines():
            cols = line.split()
            if not cols:
                if sent:
                    out.append(" ".join(sent))
                    sent = []
                continue
            if cols[0] == "-DOCSTART-":
                if out:
                    docs.append("\n".join(out))
                    out = []
                continue
            sent.append(cols[0])
    if sent:
        out.append(" ".join(sent))
    if out:
        docs.append("\n".join(out))
    return "\n\n".join(docs) + "\n"


def pin():
    return ["taskset", "-c", "0"] if shutil.which("taskset") else []


def spacy_speed(text):
    try:
        import spacy  # noqa: F401

        nlp = spacy.load("en_core_web_sm", exclude=["parser", "lemmatizer", "attribute_ruler"])
    except Exception as e:  # not installed, or the model is not available
        return f"not measured ({type(e).__name__}: {e})"
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    tokens = sum(len(p.split()) for p in paragraphs)
    t0 = time.perf_counter()
    for doc in nlp.pipe(paragraphs, batch_size=64):
        pass
    secs = time.perf_counter() - t0
    return f"{tokens / secs:,.0f} tokens/s (spaCy {spacy.__version__}, en_core_web_sm, NER + tok2vec + tagger)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "conll2003"))
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "dev.txt").exists():
        sys.exit(f"no CoNLL-2003 corpus at {corpus} (use --corpus)")

    # Two builds: with --example, cargo builds only the example.
    for target in (["-p", "dateline"], ["-p", "dateline-analyze", "--example", "ner_speed"]):
        subprocess.run(["cargo", "build", "--release", "-q", *target], cwd=ROOT, check=True)
    exe = ROOT / "target" / "release" / "dateline"
    for split in ("dev", "test"):
        path = corpus / f"{split}.txt"
        t0 = time.perf_counter()
        out = subprocess.run(
            pin() + [str(exe), "analyze", "--from", "conll", "--to", "conll", str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        wall = time.perf_counter() - t0
        report(f"CoNLL-2003 {split} ({path.name}), entity-level exact match", *score(out.splitlines()))
        n = sum(1 for l in path.read_text().splitlines() if l.strip() and not l.startswith("-DOCSTART-"))
        print(f"  dateline analyze --from conll: {n} tokens in {wall:.2f} s wall, process and model load included")

    text = plain_text([corpus / "dev.txt", corpus / "test.txt"])
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(text)
        tmp = f.name
    try:
        speed = subprocess.run(
            pin() + [str(ROOT / "target" / "release" / "examples" / "ner_speed"), tmp, str(args.rounds)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        os.unlink(tmp)
    s = json.loads(speed)
    print("\nSpeed, one core, plain text (dev + test tokens):")
    print(f"  Dateline tokenize + sentences + NER: {s['tokens_per_cpu_s']:,.0f} tokens per CPU second "
          f"({s['tokens_per_wall_s']:,.0f} per wall second; {s['tokens']} tokens, {s['entities']} entities, "
          f"{s['rounds']} rounds); best round {s['best_round_tokens_per_s']:,.0f} tokens/s")
    print(f"  Dateline tokenize + sentences only:  {s['tokenize_tokens_per_cpu_s']:,.0f} tokens per CPU second")
    if not args.no_peers:
        print(f"  spaCy: {spacy_speed(text)}")


if __name__ == "__main__":
    main()
