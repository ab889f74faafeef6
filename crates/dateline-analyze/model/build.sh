#!/bin/sh
# Rebuilds model/english.ner.gz and model/quote-fragments.tsv, byte for
# byte: training is deterministic (fixed seed, sorted maps), so the same
# corpora and packages give the same files. Takes about four minutes on a busy machine.
#
#   sh crates/dateline-analyze/model/build.sh        # from the repository root
#
# Needs: ../shared (CoNLL-2003 train and dev, and the unlabeled texts), and
# the Debian packages iso-codes, tzdata and miscfiles for the outside name
# lists (apt-get install iso-codes tzdata miscfiles). SHARED=DIR overrides
# the location of shared/.
set -eu
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
LISTS=$(mktemp -d)
trap 'rm -rf "$LISTS"' EXIT
python3 "$ROOT/crates/dateline-analyze/model/gazetteers.py" "$LISTS"
cd "$ROOT"
# Unlabeled news text: the body text of the htmldate and article-extraction
# benchmark pages, as this repository's extractor reads them (in name
# order, so the same file every time).
cargo run --release -q -p dateline -- extract --format text -q -j 1 \
  -o "$LISTS/pages.txt" \
  "$SHARED/bench/htmldate/pages" "$SHARED/bench/article-extraction/html"
cargo run --release -q -p dateline -- train ner \
  --train "$SHARED/corpora/conll2003/train.txt" \
  --dev "$SHARED/corpora/conll2003/dev.txt" \
  --unlabeled "$SHARED/corpora/quotes/polnear/train/text" \
  --unlabeled "$SHARED/corpora/timex/train" \
  --unlabeled "$SHARED/bench/article-extraction/ground-truth.json" \
  --unlabeled "$LISTS/pages.txt" \
  --gazetteer "loc=$LISTS/loc.txt" \
  --gazetteer "per=$LISTS/per.txt" \
  --gazetteer "misc=$LISTS/misc.txt" \
  --epochs 10 \
  -o crates/dateline-analyze/model/english.ner.gz
# The quoted-fragment classifier reads the entities the tagger above
# finds, so it is trained after it (a few seconds).
cargo run --release -q -p dateline -- train quotes \
  --corpus "$SHARED/corpora/quotes/polnear" \
  -o crates/dateline-analyze/model/quote-fragments.tsv
