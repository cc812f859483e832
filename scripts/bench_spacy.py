"""Benchmark: how long each component of the pipeline takes over the bench corpus's paragraphs, for spaCy
as it comes and for the pipeline as newsgraph loads it (its tokenizer rules, its attribute ruler's matcher
and lemmatizer's table, its matrix products through numpy's BLAS on one thread and its maxout, as in a build).

Which part of the parse a spaCy release makes slower (the pin in pyproject.toml is chosen by it), and what
newsgraph's changes save:

    python scripts/bench_spacy.py          # the paragraphs of 100 articles
    python scripts/bench_spacy.py 400      # of 400

Both run in one process each, one after the other; the corpus is bench_build.py's.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench_build import SPACY_AS_IT_COMES, documents_argument, varied_corpus

# the pipeline as a build loads it, in a process of newsgraph's own
AS_NEWSGRAPH_LOADS = """import sys, json, time
import spacy
from graph.extraction import workers
from graph.ingest import paragraphs
workers.own_the_process()
nlp = workers.ready_model(None)
"""
# the same with the matrix products left to thinc's BLIS, as spaCy comes: what numpy's BLAS saves (the
# maxout layers as newsgraph has them)
THROUGH_BLIS = AS_NEWSGRAPH_LOADS + """from thinc.api import Model
from graph.extraction.matrices import PredictingOps
blis = PredictingOps(use_blis=True)
for _, component in nlp.components:
    if isinstance(getattr(component, "model", None), Model):
        for node in component.model.walk():
            node.ops = blis
"""
# Each component over all the paragraphs, one after the other (the tokenizer first).
COMPONENTS = """
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
      ", ".join(f"{name} {seconds:.2f} s" for name, seconds in spent.items()) + f"; total {sum(spent.values()):.2f} s")
"""


def main() -> None:
    documents = documents_argument("bench_spacy.py", __doc__)
    if documents is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.jsonl"
        varied_corpus(source, documents)
        for label, preamble in (("as it comes", SPACY_AS_IT_COMES), ("as newsgraph loads it", AS_NEWSGRAPH_LOADS),
                                ("the same, products through BLIS", THROUGH_BLIS)):
            result = subprocess.run([sys.executable, "-c", preamble + COMPONENTS, str(source)],
                                    capture_output=True, text=True)
            if result.returncode:
                sys.exit(result.stderr[-2000:])
            print(f"{label}: {result.stdout.rstrip()}")


if __name__ == "__main__":
    main()
