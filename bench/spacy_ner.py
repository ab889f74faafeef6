#!/usr/bin/env python3
"""spaCy as the NER peer, on the same CoNLL-2003 files and the same scorer
as bench/ner.py.

spaCy's own English pipelines (`en_core_web_sm`, …) are not on PyPI, so
this script trains the pipeline spaCy ships for the purpose: `spacy init
config --pipeline ner --optimize efficiency`, the CNN tok2vec + transition
NER of its small models, on CoNLL-2003 train (dev for early stopping),
then scores it on test and times it on one thread:

    pip install spacy
    python3 bench/spacy_ner.py --train          # about 30-60 min on one core
    python3 bench/spacy_ner.py                  # score and time the trained model

The model goes to --work (default: a `spacy-conll` folder in the system's
temporary directory), never into the repository.

Accuracy: each gold sentence, as its gold tokens, through the pipeline; the
predicted IOB tags scored with bench/ner.py's conlleval-equivalent scorer.
Speed: the dev + test tokens as plain text (the same text bench/ner.py
times Dateline on), `nlp.pipe` on one thread, tokenizer included, CPU time
of the process.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# One thread for the numeric libraries, before they load.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner  # noqa: E402  (the scorer and the plain-text form)

ROOT = Path(__file__).resolve().parent.parent


def train(corpus, work, max_steps):
    work.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        subprocess.run(
            [sys.executable, "-m", "spacy", "convert", str(corpus / f"{split}.txt"), str(work),
             "--converter", "ner", "-n", "10"],
            check=True,
        )
    cfg = work / "config.cfg"
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "config", str(cfg), "--lang", "en",
         "--pipeline", "ner", "--optimize", "efficiency", "--force"],
        check=True,
    )
    subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(cfg), "--output", str(work / "out"),
         "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy"),
         "--training.max_steps", str(max_steps)],
        check=True,
    )


def sentences(path):
    """(words, gold tags) per sentence of a CoNLL file."""
    sent = []
    for line in Path(path).read_text().splitlines():
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if sent:
                yield [w for w, _ in sent], [t for _, t in sent]
                sent = []
            continue
        sent.append((cols[0], cols[-1]))
    if sent:
        yield [w for w, _ in sent], [t for _, t in sent]


def predict(nlp, words):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "conll2003"))
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "spacy-conll"))
    ap.add_argument("--train", action="store_true", help="train the model first")
    ap.add_argument("--max-steps", type=int, default=8000)
    args = ap.parse_args()
    corpus, work = Path(args.corpus), Path(args.work)
    if not (corpus / "test.txt").exists():
        sys.exit(f"no CoNLL-2003 corpus at {corpus} (use --corpus)")
    try:
        import spacy
    except ImportError:
        sys.exit("spaCy is not installed: pip install spacy")
    if args.train:
        train(corpus, work, args.max_steps)
    model = work / "out" / "model-best"
    if not model.exists():
        sys.exit(f"no trained model at {model}: run with --train first")
    nlp = spacy.load(model)

    for split in ("dev", "test"):
        lines = []
        for words, gold in sentences(corpus / f"{split}.txt"):
            for w, g, p in zip(words, gold, predict(nlp, words)):
                lines.append(f"{w} {g} {p}")
            lines.append("")
        ner.report(f"spaCy {spacy.__version__} (efficiency CNN, trained on CoNLL train), CoNLL-2003 {split}",
                   *ner.score(lines))

    text = ner.plain_text([corpus / "dev.txt", corpus / "test.txt"])
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    tokens = sum(len(p.split()) for p in paragraphs)
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in nlp.pipe(paragraphs, batch_size=64):
        pass
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"\nSpeed, one thread, plain text (dev + test tokens): {tokens / cpu:,.0f} tokens per CPU second "
          f"({tokens / wall:,.0f} per wall second; {tokens} tokens)")


if __name__ == "__main__":
    main()
