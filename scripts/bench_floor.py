"""Benchmark: the best build ÷ bare spaCy ratio one process could reach if the extraction cost nothing.

The throughput target (build ÷ bare spaCy ≥ 0.92, `bench_build.py --scale throughput`) leaves the
extraction, the RDF mapping and the writing about 8 % of bare spaCy's time. This script measures, in
one run on the bench corpus, what is not extraction: one process's build stages without the extraction
(imports, lexicon, model, parse, mapping, writing, the rest), bare spaCy on the same paragraphs, and
Oxigraph's own bulk load of the build's quads into a fresh store (raw pyoxigraph: each triple in its
document's graph and in the merged default graph, as `--store` writes them). From them: the ratio with
a free extraction, for `-o` and for `--store`, and the extraction time the target allows.

    python scripts/bench_floor.py          # 100 articles
    python scripts/bench_floor.py 400      # 400
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_build import STAGES, bare_spacy, compiled_package, documents_argument, varied_corpus

TARGET = 0.92
# each document's triples in its own graph (a build's N-Quads) and again in the default graph, as the store's
# bulk load gets them
IN_THE_DEFAULT_GRAPH_TOO = """import sys, pyoxigraph as ox
quads = list(ox.parse(path=sys.argv[1], format=ox.RdfFormat.N_QUADS))
quads += [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
open(sys.argv[2], "wb").write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
"""
BULK_LOAD = """import sys, time, pyoxigraph as ox
data = open(sys.argv[1], "rb").read()
store = ox.Store(sys.argv[2])
started = time.perf_counter()
store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
store.flush()
print(time.perf_counter() - started, len(store))
"""


def stage_times(source: Path, target: Path) -> dict[str, float]:
    """The stages of one process's build; its "total" is the process's, from start to exit, as bare
    spaCy's is timed."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", STAGES, str(source), str(target)], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode:
        sys.exit(result.stderr[-2000:])
    times = {}
    for line in result.stdout.splitlines():
        label, _, rest = line.partition("  ")
        times[label.strip()] = float(rest.split()[0])
    return {**times, "total": wall}


def main() -> None:
    documents = documents_argument("bench_floor.py", __doc__)
    if documents is None:
        return
    compiled_package()
    with tempfile.TemporaryDirectory() as folder:
        source, built, quads = (Path(folder) / name for name in ("corpus.jsonl", "out.nq", "store.nq"))
        varied_corpus(source, documents)
        times = stage_times(source, Path(folder) / "out.nt")
        bare = bare_spacy(source)
        subprocess.run([sys.executable, "-m", "graph.cli", "build", str(source), "-o", str(built), "-q",
                        "--workers", "1"], check=True)
        subprocess.run([sys.executable, "-c", IN_THE_DEFAULT_GRAPH_TOO, str(built), str(quads)], check=True)
        loaded, graphs_only = (subprocess.run([sys.executable, "-c", BULK_LOAD, str(data), f"{folder}/{store}"],
                                              check=True, capture_output=True, text=True).stdout.split()
                               for data, store in ((quads, "store"), (built, "graphs-only")))
    write, count = float(loaded[0]), int(loaded[1])
    extraction, total = times["extraction"], times["total"]
    without = total - extraction
    print(f"{documents} articles, one process (one run each):")
    print(f"  the build -o: {total:.2f} s, of which the extraction {extraction:.2f} s; without it {without:.2f} s")
    print(f"  bare spaCy on the same paragraphs: {bare:.2f} s")
    alone, alone_count = float(graphs_only[0]), int(graphs_only[1])
    print(f"  Oxigraph's bulk load of the build's {count:,} quads (raw pyoxigraph): {write:.2f} s; of the "
          f"documents' graphs alone, without the merged default graph ({alone_count:,}): {alone:.2f} s")
    print(f"  ratio now, -o: {bare / total:.2f}; with a free extraction: -o {bare / without:.2f}, "
          f"--store {bare / (without + write):.2f} (target >= {TARGET})")
    allowed = bare / TARGET - without
    print(f"  the extraction the target allows -o: {max(allowed, 0):.2f} s "
          f"({max(allowed, 0) / extraction:.0%} of today's); --store: {max(allowed - write, 0):.2f} s")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"  (benchmark ran {time.perf_counter() - started:.0f} s)")
