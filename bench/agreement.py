#!/usr/bin/env python3
"""Body extraction on pages Dateline was never tuned on: htmldate's 1,000
evaluation pages (no body ground truth), Dateline beside trafilatura.

    pip install trafilatura lxml_html_clean
    python3 bench/agreement.py [--data DIR]

Without a ground truth this cannot say who is right; it says how often the
two agree (the Zyte benchmark's shingle F1 of one against the other), how
often each finds no text at all, and lists the pages where they disagree
most — the ones to look at by hand. Data: --data, by default
../shared/bench/htmldate from the repository root; pages are unpacked into
a temporary folder, never into the repository.
"""
import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.append(str(Path(__file__).resolve().parent))
from article_extraction import page_counts, page_f1  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "htmldate")
    ap.add_argument("--show", type=int, default=10, help="pages of strongest disagreement to list")
    args = ap.parse_args()
    pages_dir = args.data / "pages"
    if not pages_dir.is_dir():
        sys.exit(f"htmldate pages not found at {pages_dir} (give --data DIR)")
    import trafilatura

    subprocess.run(["cargo", "build", "--release", "-q", "-p", "dateline"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        names = []
        for gz in sorted(pages_dir.glob("*.gz")):
            name = f"{len(names):04d}.html"
            (tmp / name).write_bytes(gzip.decompress(gz.read_bytes()))
            names.append((name, gz.name[:-3]))
        out = subprocess.run(
            [str(ROOT / "target" / "release" / "dateline"), "extract", "--format", "jsonl", "--quiet", str(tmp)],
            capture_output=True, text=True,
        )
        ours = {}
        for line in out.stdout.splitlines():
            a = json.loads(line)
            ours[Path(a["input"]["path"]).name] = a["text"]
        failed = out.returncode != 0
        theirs = {}
        for name, _ in names:
            html = (tmp / name).read_bytes()
            theirs[name] = trafilatura.extract(html) or ""
    rows = {name: page_counts(theirs[name], ours.get(name, "")) for name, _ in names}
    both = [n for n, _ in names if ours.get(n) and theirs[n]]
    mean_f1 = sum(page_f1(rows[n]) for n in both) / max(len(both), 1)
    print(f"{len(names)} pages; dateline errors: {'yes' if failed else 'none'}")
    print(f"empty body: dateline {sum(1 for n, _ in names if not ours.get(n))}, trafilatura {sum(1 for n, _ in names if not theirs[n])}")
    print(f"agreement (mean page F1 where both found text, {len(both)} pages): {mean_f1:.3f}")
    original = dict(names)
    print(f"\nstrongest disagreements:")
    for n in sorted(both, key=lambda n: page_f1(rows[n]))[: args.show]:
        print(f"  {page_f1(rows[n]):.2f} dateline {len(ours[n]):6d} chars, trafilatura {len(theirs[n]):6d}  {original[n]}")


if __name__ == "__main__":
    main()
