"""Benchmark: bundled queries through `newsgraph`'s Store against raw pyoxigraph on the same store.

Builds a store of generated documents (over a million triples by default), then times three bundled
queries both ways in the same run, interleaved, and prints the medians and their ratio.
Not a test: timings depend on the machine; the ratio is what to compare.

    .venv/bin/python scripts/bench_store.py                 # 4,000 documents, ~1.1M triples
    .venv/bin/python scripts/bench_store.py --documents 500 --repeat 3
    .venv/bin/python scripts/bench_store.py --documents 800 --commands   # `query --store` and `export`
                                                          # as commands against raw pyoxigraph (medians of --repeat)
"""
from __future__ import annotations

import argparse
import compileall
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from graph.pipeline import document_statements
from graph.rdf.iris import PREFIXES, QUERY_PREFIXES
from graph.rdf.ontology import bundled_queries
from graph.records import Document, DocumentGraph, Entity, Event, Mention, Role
from graph.store import Store

QUERIES = ("who-called-whom", "who-congratulated-whom", "events")
EVENT_KINDS = ("PhoneCall", "Congratulation", "Meeting", "Invitation", "Statement", "Visit")


def generated_document(number: int, rng: random.Random, people: int, places: int) -> DocumentGraph:
    """A document of 8 people, 1 place and 6 events, each event a sentence of its own."""
    cast = rng.sample(range(people), 8)
    place = rng.randrange(places)
    sentences, events, mentions = [], [], {}
    offset = 0
    for index in range(6):
        kind = rng.choice(EVENT_KINDS)
        agent, recipient = rng.sample(cast, 2)
        sentence = f"Person {agent} {kind.lower()} with Person {recipient} in Place {place}. "
        begin, end = offset, offset + len(sentence) - 1

        def mention(words: str) -> Mention:
            start = begin + sentence.index(words)
            return Mention(start, start + len(words), words, begin, end)

        for key, words in ((f"person/p{agent}", f"Person {agent}"), (f"person/p{recipient}", f"Person {recipient}"),
                           (f"place/l{place}", f"Place {place}")):
            mentions.setdefault(key, []).append(mention(words))
        events.append(Event(f"e{index}", kind, agent=f"person/p{agent}", recipient=f"person/p{recipient}",
                            location=f"place/l{place}", date=dt.date(2024, 1, 1) + dt.timedelta(days=number % 365),
                            planned=index % 5 == 0, quote="We talked." if kind == "Statement" else None,
                            trigger=kind.lower(), mentions=(mention(kind.lower()),)))
        sentences.append(sentence)
        offset += len(sentence)
    entities = tuple(
        Entity(key, "Place" if key.startswith("place/") else "Person", spans[0].text, (spans[0].text,),
               tuple(spans), (Role("Minister"),) if key.endswith(("1", "7")) else ())
        for key, spans in sorted(mentions.items()))
    document = Document(f"generated-{number:06d}", "".join(sentences), dt.date(2024, 6, 1))
    return DocumentGraph(document, entities, tuple(events))


def raw_answer(oxigraph_store, sparql: str) -> int:
    """What a pyoxigraph user writes: run the query, read every bound term."""
    result = oxigraph_store.query(sparql)
    variables = result.variables
    rows = 0
    for solution in result:
        for variable in variables:
            solution[variable]
        rows += 1
    return rows


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query each way")
    parser.add_argument("--store", type=Path, help="store folder (default: a temporary one, removed after)")
    parser.add_argument("--commands", action="store_true", help="also time `query --store` and `export` as commands")
    args = parser.parse_args()
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "graph", quiet=1)  # as pip install leaves it

    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as scratch:
        folder = args.store or Path(scratch) / "store"
        rng = random.Random(7)
        people, places = max(50, args.documents // 2), max(10, args.documents // 20)
        with Store(folder) as store:
            started = time.perf_counter()
            store.add(document_statements(generated_document(n, rng, people, places) for n in range(args.documents)))
            ingest = time.perf_counter() - started
            stats = store.stats()
            print(f"store: {stats.documents:,} documents, {stats.entities:,} entities, {stats.events:,} events, "
                  f"{stats.triples:,} triples (ingested in {ingest:.1f} s, "
                  f"{stats.triples / ingest:,.0f} triples/s)")
            if stats.triples < 1_000_000:
                print("note: fewer than 1M triples; raise --documents")

            queries = bundled_queries()
            print(f"{'query':24} {'rows':>7} {'newsgraph':>10} {'+timeout':>10} {'pyoxigraph':>11} "
                  f"{'ratio':>6} {'ratio+t':>8}")
            ratios = []
            for name in QUERIES:
                sparql = queries[name]
                rows = len(store.query(sparql).rows)
                assert rows == raw_answer(store.oxigraph, sparql), name  # same answers both ways
                ours, ours_timed, raw = [], [], []
                for _ in range(args.repeat):  # interleaved, so drift hits all three alike
                    ours.append(timed(lambda: store.query(sparql)))
                    ours_timed.append(timed(lambda: store.query(sparql, timeout=600)))
                    raw.append(timed(lambda: raw_answer(store.oxigraph, sparql)))
                medians = [statistics.median(ours), statistics.median(ours_timed), statistics.median(raw)]
                ratio, ratio_timed = medians[0] / medians[2], medians[1] / medians[2]
                ratios.append(max(ratio, ratio_timed))
                print(f"{name:24} {rows:7,} {medians[0]:9.3f}s {medians[1]:9.3f}s {medians[2]:10.3f}s "
                      f"{ratio:5.2f}x {ratio_timed:7.2f}x")
            print(f"worst ratio newsgraph / pyoxigraph: {max(ratios):.2f}x (target <= 1.5x)")
        if args.commands:
            commands(folder, args.repeat)


# The raw processes are what a pyoxigraph user writes: they import pyoxigraph alone (not even newsgraph's
# modules for the query text or the prefixes, which the parent hands them), so the ratio counts all of
# newsgraph's start-up.
RAW_QUERY = """import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
result = store.query(sys.argv[2])
out = sys.stdout
for solution in result:
    out.write(",".join("" if solution[v] is None else solution[v].value for v in result.variables) + "\\n")
"""
RAW_DUMP = """import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
fmt = ox.RdfFormat.TURTLE if sys.argv[2].endswith(".ttl") else ox.RdfFormat.N_QUADS
prefixes = dict(pair.split("=", 1) for pair in sys.argv[3:])
store.dump(sys.argv[2], fmt, from_graph=ox.DefaultGraph() if fmt == ox.RdfFormat.TURTLE else None, prefixes=prefixes)
"""


# what `newsgraph query` declares before every query, written out for the raw process
QUERY_PREAMBLE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in QUERY_PREFIXES.items())


def process_seconds(*args: str) -> float:
    import subprocess
    import sys

    started = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def commands(folder: Path, repeat: int) -> None:
    """Each a fresh process, the way a user runs it, interleaved `repeat` times (medians compared; a
    process of a fifth of a second varies by more than the difference measured): `newsgraph query
    --store` against the same SPARQL in raw pyoxigraph, and `newsgraph export STORE` against Oxigraph's
    own dump."""
    cli = ["-m", "graph.cli"]

    def medians(ours_args, raw_args) -> tuple[float, float]:
        runs = [(process_seconds(*ours_args), process_seconds(*raw_args)) for _ in range(repeat)]
        return statistics.median(o for o, _ in runs), statistics.median(r for _, r in runs)

    # What the short queries' ratios are made of: an interpreter with pyoxigraph, against newsgraph's command
    # line before it opens anything (click, logging, the CLI's modules)
    ours, raw = medians((*cli, "--version"), ("-c", "import pyoxigraph"))
    print(f"start-up: newsgraph --version {ours:.3f} s, python -c 'import pyoxigraph' {raw:.3f} s "
          f"(median of {repeat})")
    for name in QUERIES:
        ours, raw = medians((*cli, "query", "--store", str(folder), "--name", name, "--format", "csv"),
                            ("-c", RAW_QUERY, str(folder), QUERY_PREAMBLE + bundled_queries()[name]))
        print(f"query --store --name {name}: {ours:.2f} s, raw pyoxigraph {raw:.2f} s: {ours / raw:.2f}x "
              f"(median of {repeat}; target <= 1.1)")
    with tempfile.TemporaryDirectory() as out:
        for suffix in (".ttl", ".nq"):
            ours, raw = medians((*cli, "export", str(folder), "-o", f"{out}/ours{suffix}"),
                                ("-c", RAW_DUMP, str(folder), f"{out}/raw{suffix}",
                                 *(f"{prefix}={iri}" for prefix, iri in PREFIXES.items())))
            print(f"export STORE -o x{suffix}: {ours:.2f} s, raw Oxigraph dump {raw:.2f} s: {ours / raw:.2f}x "
                  f"(median of {repeat}; target <= 1.5)")


if __name__ == "__main__":
    main()
