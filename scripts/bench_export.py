"""How much faster `newsgraph export` writes Turtle than rdflib does, on a synthetic corpus.

    .venv/bin/python scripts/bench_export.py [DOCUMENTS]

Prints the triple count, both times and their ratio (no threshold: machines differ).
"""
from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from graph.output.export import export, write_documents
from graph.output.sources import open_source
from graph.pipeline import document_graphs
from graph.rdf.files import read_graph
from graph.records import Document, DocumentGraph, Entity, Event, Mention


def corpus(documents: int, seed: int = 1) -> list[DocumentGraph]:
    """Documents of 40 sentences, 25 entities drawn from 5,000 and 20 events each."""
    rnd = random.Random(seed)
    pool = [(f"person/p{i}", "Person", f"Person {i}") for i in range(5000)]
    results = []
    for d in range(documents):
        text = " ".join(f"Sentence {j} says something here." for j in range(40))
        doc = Document(id=f"doc-{d}", text=text, date=dt.date(2024, 1, 1) + dt.timedelta(days=d % 300))
        chosen = rnd.sample(pool, 25)
        mention = lambda j: Mention(j * 33, j * 33 + 8, text[j * 33:j * 33 + 8], j * 33, j * 33 + 32)  # noqa: E731
        entities = tuple(Entity(k, kind, name, (name.split()[-1],), (mention(j),))
                         for j, (k, kind, name) in enumerate(chosen))
        events = tuple(Event(f"e{j}", rnd.choice(["PhoneCall", "Meeting", "Statement"]), agent=chosen[j][0],
                             recipient=chosen[j + 1][0], date=doc.date, mentions=(mention(j),), trigger="called")
                       for j in range(20))
        results.append(DocumentGraph(doc, entities, events))
    return results


def main(documents: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.nt"
        write_documents(document_graphs(corpus(documents)), source)
        graph = read_graph(source)
        start = time.perf_counter()
        graph.serialize(format="turtle")
        rdflib_seconds = time.perf_counter() - start
        start = time.perf_counter()
        export(open_source(source), Path(folder) / "corpus.ttl")  # parse + write, as the command does
        export_seconds = time.perf_counter() - start
    print(f"{len(graph):,} triples: rdflib Turtle {rdflib_seconds:.2f}s, newsgraph export (parse + write) "
          f"{export_seconds:.2f}s, ratio {rdflib_seconds / export_seconds:.0f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
