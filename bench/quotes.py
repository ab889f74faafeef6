#!/usr/bin/env python3
"""Quotations and attributions on PolNeAR (brat standoff), scored as issue 3
defines it.

Runs the `quotes` example of dateline-analyze (the whole analysis: tokenize,
NER, entity records, quotes with speakers resolved to entities) on each
article's text, then matches predicted attributions to gold ones:

- one annotator file per article: the alphabetically first `.ann`;
- a gold attribution is a brat `E` line; its content may be discontinuous;
- predictions that share a cue span are one attribution (the finder gives a
  quotation that continues another, and a partial quotation inside reported
  speech, the same cue and speaker), its content the union of their spans;
- a prediction matches a gold attribution when their contents share at
  least half of the gold content's tokens (tokens: runs of word characters
  and single other characters); matching is one-to-one, largest overlap
  first;
- direct: gold content containing a quotation mark (a double mark, or a
  single one opening a word: an apostrophe inside or after a word is not
  one); predicted direct: an attribution with a direct or partial member.
  Direct precision counts a predicted direct attribution as right when it
  matches any gold attribution (the two sides' "direct" need not agree on a
  scare quote inside reported speech); direct recall counts direct gold
  attributions matched by any prediction;
- speaker accuracy: among matched direct gold attributions that have a
  Source span, the share whose prediction names the right speaker: its
  speaker span overlaps the gold Source (character overlap), or the entity
  the speaker was resolved to has a mention overlapping it (the gold
  Source's entity: "he" resolved to the Obama of the sentence before).
  The span-only share is printed beside it. Gold `Attribution-no-source`
  ones are left out.

    python3 bench/quotes.py                      # dev
    python3 bench/quotes.py --split train --split dev
    python3 bench/quotes.py --errors 30          # print misses and false hits
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = re.compile(r"\w+|[^\w\s]")
DOUBLE = re.compile(r"[\"“”«»„]|''|``")
SINGLE_OPEN = re.compile(r"(?:^|(?<=[^\w]))['‘’](?=\w)")


def load_split(corpus, split):
    tdir = os.path.join(corpus, split, "text")
    adir = os.path.join(corpus, split, "attributions")
    anns = collections.defaultdict(list)
    for fn in os.listdir(adir):
        if fn.endswith(".ann"):
            anns[fn[:-4].rsplit("_", 1)[0]].append(fn)
    docs = []
    for fn in sorted(os.listdir(tdir)):
        if not fn.endswith(".txt"):
            continue
        base = fn[:-4]
        if not anns.get(base):
            continue
        ann = sorted(anns[base])[0]
        with open(os.path.join(tdir, fn), encoding="utf-8") as f:
            text = f.read()
        spans, events = {}, []
        with open(os.path.join(adir, ann), encoding="utf-8") as f:
            for line in f:
                if not re.match(r"^[TE][0-9]+\t", line):
                    continue
                parts = line.rstrip("\n").split("\t")
                if parts[0][0] == "T":
                    label, rng = parts[1].split(" ", 1)
                    pieces = [tuple(map(int, r.split())) for r in rng.split(";")]
                    spans[parts[0]] = (label, pieces)
                else:
                    events.append(dict(x.split(":", 1) for x in parts[1].split()))
        gold = []
        for e in events:
            content = spans.get(e.get("Content"), (None, []))[1]
            if not content:
                continue
            source = spans.get(e.get("Source"), (None, []))[1]
            cue = spans.get(e.get("Cue"), (None, []))[1]
            gold.append({"content": content, "source": source, "cue": cue})
        docs.append({"path": os.path.join(tdir, fn), "text": text, "gold": gold})
    return docs


def run_finder(paths):
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "-p", "dateline-analyze", "--example", "quotes"],
        cwd=ROOT,
        check=True,
    )
    exe = os.path.join(ROOT, "target", "release", "examples", "quotes")
    t0 = time.process_time()
    start = time.perf_counter()
    out = subprocess.run([exe, *paths], cwd=ROOT, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    del t0
    found = {}
    for line in out.stdout.splitlines():
        d = json.loads(line)
        found[d["file"]] = (d["quotes"], d["entities"])
    return found, wall


def byte_to_char(text):
    """Maps each byte offset of the UTF-8 text to its char offset."""
    table = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode("utf-8")))
    table.append(len(text))
    return table


def token_ids(tokens, pieces):
    """Indices of the tokens overlapping any of the (start, end) pieces."""
    ids = set()
    for s, e in pieces:
        for k, (ts, te) in enumerate(tokens):
            if ts < e and te > s:
                ids.add(k)
    return ids


def overlaps(a_pieces, b_pieces):
    return any(s1 < e2 and s2 < e1 for s1, e1 in a_pieces for s2, e2 in b_pieces)


def is_direct(text, pieces):
    content = " ".join(text[s:e] for s, e in pieces)
    return bool(DOUBLE.search(content) or SINGLE_OPEN.search(content))


def group_predictions(text, quotes, entities):
    b2c = byte_to_char(text)
    mentions = {e["id"]: [(b2c[m["start"]], b2c[m["end"]]) for m in e["mentions"]] for e in entities}
    groups = collections.OrderedDict()
    for k, q in enumerate(quotes):
        key = (q["cue_span"]["start"], q["cue_span"]["end"]) if q.get("cue_span") else ("solo", k)
        g = groups.setdefault(key, {"pieces": [], "speakers": [], "entity": [], "kinds": set(), "cue": q.get("cue")})
        g["pieces"].append((b2c[q["start"]], b2c[q["end"]]))
        if q.get("speaker_span"):
            sp = q["speaker_span"]
            g["speakers"].append((b2c[sp["start"]], b2c[sp["end"]]))
        if q.get("speaker"):
            g["entity"].extend(mentions.get(q["speaker"], []))
        g["kinds"].add(q["kind"])
    return list(groups.values())


def score(docs, found, n_errors):
    c = collections.Counter()
    fn_cues, fp_cues = collections.Counter(), collections.Counter()
    errors = []
    for doc in docs:
        text = doc["text"]
        tokens = [m.span() for m in TOKEN.finditer(text)]
        preds = group_predictions(text, *found.get(doc["path"], ([], [])))
        for p in preds:
            p["tok"] = token_ids(tokens, p["pieces"])
            p["direct"] = bool(p["kinds"] & {"direct", "partial"})
        gold = doc["gold"]
        for g in gold:
            g["tok"] = token_ids(tokens, g["content"])
            g["direct"] = is_direct(text, g["content"])
        cands = []
        for gi, g in enumerate(gold):
            need = len(g["tok"]) / 2
            for pi, p in enumerate(preds):
                ov = len(g["tok"] & p["tok"])
                if ov > 0 and ov >= need:
                    cands.append((ov, gi, pi))
        cands.sort(key=lambda x: (-x[0], x[1], x[2]))
        g_match, p_match = {}, {}
        for ov, gi, pi in cands:
            if gi in g_match or pi in p_match:
                continue
            g_match[gi], p_match[pi] = pi, gi
        c["gold"] += len(gold)
        c["pred"] += len(preds)
        c["match"] += len(g_match)
        c["gold_direct"] += sum(g["direct"] for g in gold)
        c["pred_direct"] += sum(p["direct"] for p in preds)
        c["pred_direct_match"] += sum(1 for pi in p_match if preds[pi]["direct"])
        for gi, g in enumerate(gold):
            pi = g_match.get(gi)
            if pi is None:
                fn_cues[cue_text(text, g["cue"])] += 1
                errors.append(("miss direct" if g["direct"] else "miss", doc["path"], text_of(text, g["content"]), cue_text(text, g["cue"])))
                continue
            span_ok = bool(g["source"]) and overlaps(preds[pi]["speakers"], g["source"])
            spk_ok = span_ok or (bool(g["source"]) and overlaps(preds[pi]["entity"], g["source"]))
            if g["source"]:
                c["speaker_all_n"] += 1
                c["speaker_all_ok"] += spk_ok
            if g["direct"]:
                c["gold_direct_match"] += 1
                if g["source"]:
                    c["speaker_n"] += 1
                    c["speaker_ok"] += spk_ok
                    c["speaker_span_ok"] += span_ok
                    if not spk_ok and len(errors) < 100000:
                        errors.append(("speaker", doc["path"], text_of(text, g["content"]),
                                       f"gold {text_of(text, g['source'])!r} pred {[text[s:e] for s, e in preds[pi]['speakers']]}"))
        for pi, p in enumerate(preds):
            if pi not in p_match:
                fp_cues[p["cue"]] += 1
                errors.append(("false", doc["path"], text_of(text, p["pieces"]), p["cue"]))
    if n_errors:
        by = collections.defaultdict(list)
        for e in errors:
            by[e[0]].append(e)
        for kind in ("miss direct", "miss", "false", "speaker"):
            print(f"\n== {kind} ({len(by[kind])}) ==")
            for e in by[kind][:n_errors]:
                print(f"- [{os.path.basename(e[1])[:40]}] {e[2][:160]!r}  ({e[3]})")
        print("\nmissed, by gold cue:", fn_cues.most_common(15))
        print("false, by cue:", fp_cues.most_common(15))
    return c


def text_of(text, pieces):
    return " … ".join(text[s:e] for s, e in pieces)


def cue_text(text, pieces):
    return " ".join(text[s:e] for s, e in pieces).lower() if pieces else "(none)"


def ratio(a, b):
    return a / b if b else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpora", "quotes", "polnear"))
    ap.add_argument("--split", action="append", help="dev (default), train, test; repeatable")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each class")
    args = ap.parse_args()
    splits = args.split or ["dev"]
    if not os.path.isdir(args.corpus):
        sys.exit(f"no corpus at {args.corpus} (give --corpus)")
    for split in splits:
        docs = load_split(args.corpus, split)
        found, wall = run_finder([d["path"] for d in docs])
        c = score(docs, found, args.errors)
        dp = ratio(c["pred_direct_match"], c["pred_direct"])
        dr = ratio(c["gold_direct_match"], c["gold_direct"])
        p = ratio(c["match"], c["pred"])
        r = ratio(c["match"], c["gold"])
        f1 = ratio(2 * p * r, p + r)
        print(f"\nPolNeAR {split}: {len(docs)} articles, {c['gold']} gold attributions "
              f"({c['gold_direct']} direct), {c['pred']} predicted ({c['pred_direct']} direct); "
              f"{wall:.1f} s wall for the whole analysis (model load included)")
        print(f"  direct quotes:    P {dp:.3f}  R {dr:.3f}  "
              f"speaker {ratio(c['speaker_ok'], c['speaker_n']):.3f} ({c['speaker_ok']}/{c['speaker_n']}; "
              f"by span alone {ratio(c['speaker_span_ok'], c['speaker_n']):.3f})")
        print(f"  all attributions: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  "
              f"(speaker among all matches {ratio(c['speaker_all_ok'], c['speaker_all_n']):.3f})")


if __name__ == "__main__":
    main()
