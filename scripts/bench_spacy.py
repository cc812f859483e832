"""Benchmark: how long each component of spaCy as it comes takes over the bench corpus's paragraphs.

Which part of the parse a spaCy release makes slower (the pin in pyproject.toml is chosen by it):

    python scripts/bench_spacy.py          # the paragraphs of 100 articles
    python scripts/bench_spacy.py 400      # of 400

The pipeline is the one newsgraph loads, without newsgraph's changes to it; the corpus is bench_build.py's.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench_build import SPACY_AS_IT_COMES, varied_corpus

# Each component of spaCy as it comes over all the paragraphs, one after the other (the tokenizer first):
# which part of the parse a spaCy release makes slower.
COMPONENTS = SPACY_AS_IT_COMES + """
texts = []
for line in open(sys.argv[1], encoding="utf-8"):
    text = json.loads(line)["text"]
    texts += [text[block.begin:block.end] for block in paragraphs(text)]
started = time.perf_counter()
docs = [nlp.make_doc(text) for text in texts]
spent = {"tokenizer": time.perf_counter() - started}
for name, component in nlp.pipeline:
    started = time.perf_counter()
    docs = list(component.pipe(docs, batch_size=64))
    spent[name] = time.perf_counter() - started
print(f"spaCy {spacy.__version__}, {nlp.meta['name']} {nlp.meta['version']}, {len(texts)} paragraphs: " +
      ", ".join(f"{name} {seconds:.2f} s" for name, seconds in spent.items()))
"""


def main() -> None:
    if any(arg in ("-h", "--help") for arg in sys.argv[1:]):
        print(__doc__)
        return
    if sys.argv[2:] or sys.argv[1:] and not sys.argv[1].isdigit():
        sys.exit(f"bench_spacy.py: unknown arguments {' '.join(sys.argv[1:])!r} (see --help)")
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.jsonl"
        varied_corpus(source, documents)
        result = subprocess.run([sys.executable, "-c", COMPONENTS, str(source)], capture_output=True, text=True)
        if result.returncode:
            sys.exit(result.stderr[-2000:])
        print(result.stdout.rstrip())


if __name__ == "__main__":
    main()
