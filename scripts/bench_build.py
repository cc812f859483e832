"""Benchmark: does `newsgraph build` stream? Peak memory and throughput for a small and a 10× corpus.

The corpus is the bundled examples repeated under new ids (JSON Lines), so the figures are ratios
measured in one run on this machine, not absolute promises:

    python scripts/bench_build.py            # 40 and 400 documents
    python scripts/bench_build.py 100        # 100 and 1,000 documents

Each build runs in its own process; peak resident memory is read from the OS for that child alone.
The measures of scale (each one run, each build or bare parse a fresh process; the corpus is generated
from examples/ and tests/data/dev/, names and dates varied per document):

    python scripts/bench_build.py --scale throughput   # build ÷ bare spaCy (-o, --store); --workers 2 ÷ 1; 3 runs each
    python scripts/bench_build.py --scale against REV  # the same ratios for this checkout and commit REV, interleaved
    python scripts/bench_build.py --scale python PY    # this checkout's build and bare spaCy under this Python
                                                       # and under PY (another environment: another spaCy), interleaved
    python scripts/bench_build.py --scale memory       # peak RSS of --store at 1,600 documents ÷ at 100
    python scripts/bench_build.py --scale spark        # Spark local[2] ÷ --workers 2 on 1,000 documents
    python scripts/bench_build.py --scale stages       # where one process's build of 100 documents goes
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(path: Path, documents: int) -> None:
    from graph.ingest import split_header

    articles = [split_header(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for number in range(documents):
            text, date, _ = articles[number % len(articles)]
            out.write(json.dumps({"id": f"doc-{number:06d}", "text": text, "date": date.isoformat()}) + "\n")


def build(source: Path, target: Path) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one `newsgraph build` in a fresh process."""
    code = ("import resource, sys; from graph.cli import main\n"
            "try:\n    main(['build', sys.argv[1], '-o', sys.argv[2]])\n"
            "except SystemExit as e:\n    assert not e.code, e.code\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, str(source), str(target)],
                            capture_output=True, text=True, check=True)
    return time.perf_counter() - started, int(result.stdout.strip().splitlines()[-1])


def documents_argument(script: str, usage: str, default: int = 100) -> int | None:
    """The one optional argument of a small benchmark script, a number of articles; None after --help."""
    if any(arg in ("-h", "--help") for arg in sys.argv[1:]):
        print(usage)
        return None
    if sys.argv[2:] or sys.argv[1:] and not sys.argv[1].isdigit():
        sys.exit(f"{script}: unknown arguments {' '.join(sys.argv[1:])!r} (see --help)")
    return int(sys.argv[1]) if len(sys.argv) > 1 else default


def compiled_package() -> None:
    """Bytecode for every module of the package, as `pip install` leaves an installed one: an editable
    install under PYTHONDONTWRITEBYTECODE (as on this machine) compiles the package from source in every
    process, about 0.2 s, which is no cost of building."""
    import compileall

    compileall.compile_dir(ROOT / "graph", quiet=1)


def main() -> None:
    if any(arg in ("-h", "--help") for arg in sys.argv[1:]):
        print(__doc__)
        return
    compiled_package()
    if len(sys.argv) > 1 and sys.argv[1] != "--scale" and not sys.argv[1].isdigit() or \
            len(sys.argv) > 2 and sys.argv[1] == "--scale" and sys.argv[2] not in MEASURES:
        sys.exit(f"bench_build.py: unknown arguments {' '.join(sys.argv[1:])!r} (see --help)")
    if len(sys.argv) > 3 and sys.argv[1:3] == ["--scale", "against"]:
        against(sys.argv[3], *map(int, sys.argv[4:]))
        return
    if len(sys.argv) > 3 and sys.argv[1:3] == ["--scale", "python"]:
        interpreters(sys.argv[3], *map(int, sys.argv[4:]))
        return
    if len(sys.argv) > 2 and sys.argv[1] == "--scale":
        MEASURES[sys.argv[2]](*map(int, sys.argv[3:]))
        return
    small = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for documents in (small, small * 10):
            source = Path(folder) / f"corpus-{documents}.jsonl"
            corpus(source, documents)
            seconds, peak = build(source, Path(folder) / f"graph-{documents}.ttl")
            size = (Path(folder) / f"graph-{documents}.ttl").stat().st_size
            rows.append((documents, seconds, peak, size))
    print(f"{'documents':>9}  {'seconds':>8}  {'docs/s':>7}  {'peak RSS':>10}  {'output':>10}")
    for documents, seconds, peak, size in rows:
        print(f"{documents:9}  {seconds:8.1f}  {documents / seconds:7.1f}  {peak / 1024:8.0f} MB  {size / 1e6:8.1f} MB")
    (n1, t1, m1, _), (n2, t2, m2, _) = rows
    print(f"10x the documents: {t2 / t1:.1f}x the time, {m2 / m1:.2f}x the peak memory")


# ---------------------------------------------------------------- measures of scale
NAMES = ("Ana Ruiz", "Tomas Berg", "Lena Okafor", "Rui Costa", "Mara Lind", "Ivo Petrov", "Sara Haddad", "Jon Aske",
         "Nina Sorensen", "Omar Farouk", "Eva Novak", "Luis Ortega", "Kai Weber", "Ines Duarte", "Paul Mensah")
SURNAMES = ("Biden", "Trump", "Harris", "Starmer", "Sunak", "Zelensky", "Milei", "Massa", "Modi", "Erdoğan",
            "Kristersson", "Stoltenberg", "Fernández", "Kılıçdaroğlu", "Macron", "Carney", "Scholz")


def varied_corpus(path: Path, documents: int) -> None:
    """JSON Lines of news-sized articles made of the project's own texts (an example, then four texts of
    the development set as further paragraphs), each article's people renamed and its date moved."""
    import datetime as dt
    import re

    from graph.ingest import split_header

    leads = [split_header(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.txt"))]
    more = [split_header(p.read_text(encoding="utf-8"))[0] for p in sorted((ROOT / "tests/data/dev").glob("*.txt"))]
    pattern = re.compile(r"\b(?:[A-Z][a-z]+ )?(" + "|".join(SURNAMES) + r")\b")
    with path.open("w", encoding="utf-8") as out:
        for number in range(documents):
            lead, date, _ = leads[number % len(leads)]
            text = "\n\n".join([lead, *(more[(number * 4 + k) % len(more)] for k in range(4))])
            cast: dict[str, str] = {}

            def renamed(match):
                new = cast.setdefault(match.group(1), NAMES[(len(cast) + number) % len(NAMES)])
                return new if " " in match.group(0) else new.split()[-1]
            day = date + dt.timedelta(days=number // len(leads))
            out.write(json.dumps({"id": f"doc-{number:06d}", "text": pattern.sub(renamed, text),
                                  "date": day.isoformat()}) + "\n")


# spaCy as it comes (the same installed pipeline load_model picks, without newsgraph's changes to it: the
# wire-copy tokenizer rules and the attribute ruler's fast matcher, which count as part of the build)
SPACY_AS_IT_COMES = """import resource, sys, json, time
import spacy
from graph.extraction.nlp import MODEL_PREFERENCE
from graph.ingest import paragraphs
for name in MODEL_PREFERENCE:
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
"""
BARE_SPACY = SPACY_AS_IT_COMES + """
def units():
    for line in open(sys.argv[1], encoding="utf-8"):
        text = json.loads(line)["text"]
        for block in paragraphs(text):
            yield text[block.begin:block.end]
for doc in nlp.pipe(units(), batch_size=64):
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def timed_process(*args: str, checkout: Path = ROOT, python: str = sys.executable) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one `python` process running `args` with the package of `checkout`."""
    code = ("import resource, sys\nfrom graph.cli import main\nsys.argv[0] = 'newsgraph'\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    started = time.perf_counter()
    result = subprocess.run([python, "-c", code, *args], capture_output=True, text=True, cwd=checkout,
                            env={**os.environ, "PYTHONPATH": str(checkout)})
    assert result.returncode == 0, result.stderr[-2000:]
    return time.perf_counter() - started, int(result.stdout.strip().splitlines()[-1])


def bare_spacy(source: Path, python: str = sys.executable) -> float:
    started = time.perf_counter()
    subprocess.run([python, "-c", BARE_SPACY, str(source)], check=True, capture_output=True)
    return time.perf_counter() - started


def throughput(documents: int = 100, parallel_documents: int = 400, repeat: int = 3) -> None:
    """Build throughput ÷ bare spaCy on the same paragraphs (one process), for -o and --store, `repeat`
    times interleaved (this machine's speed drifts by a fifth within minutes: one pair of runs is no
    figure); then --workers 2 ÷ --workers 1 on a larger corpus, as many times."""
    import statistics

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.jsonl"
        varied_corpus(source, documents)
        ratios: dict[str, list[float]] = {"-o": [], "--store": []}
        for run in range(repeat):
            bare = bare_spacy(source)
            to_file, _ = timed_process("build", str(source), "-o", f"{folder}/out.nt", "-q", "--workers", "1")
            to_store, _ = timed_process("build", str(source), "--store", f"{folder}/store-{run}", "-q",
                                        "--workers", "1")
            ratios["-o"].append(bare / to_file)
            ratios["--store"].append(bare / to_store)
            print(f"{documents} documents, one process, run {run + 1}: bare spaCy {bare:.1f} s, build -o "
                  f"{to_file:.1f} s, build --store {to_store:.1f} s")
        print("throughput ÷ bare spaCy, median (min–max) of the runs: " + ", ".join(
            f"{way} {statistics.median(r):.2f} ({min(r):.2f}–{max(r):.2f})" for way, r in ratios.items())
            + " (target >= 0.92)")
        varied_corpus(source, parallel_documents)
        speedups, same = [], True
        for run in range(repeat):  # a pair at a time, its order alternating: one pair is no figure either
            pair = {}
            for workers in ("1", "2") if run % 2 == 0 else ("2", "1"):
                pair[workers], _ = timed_process("build", str(source), "-o", f"{folder}/{workers}.nt", "-q",
                                                 "--workers", workers)
            same = same and Path(f"{folder}/1.nt").read_bytes() == Path(f"{folder}/2.nt").read_bytes()
            speedups.append(pair["1"] / pair["2"])
            print(f"{parallel_documents} documents, run {run + 1}: --workers 1 {pair['1']:.1f} s, "
                  f"--workers 2 {pair['2']:.1f} s: {speedups[-1]:.2f}x")
        print(f"--workers 2 ÷ 1, median (min–max) of the runs: {statistics.median(speedups):.2f}x "
              f"({min(speedups):.2f}–{max(speedups):.2f}) (target >= 1.5); same bytes every run: {same}")


def against(revision: str, documents: int = 100, repeat: int = 3) -> None:
    """Build ÷ bare spaCy for this checkout and for `revision` (a commit, checked out in a temporary git
    worktree), interleaved run by run with one bare spaCy run for both: a change's effect on the ratio,
    on a machine whose speed drifts between two separate runs of the script."""
    import statistics

    with tempfile.TemporaryDirectory() as folder:
        other = Path(folder) / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(other), revision],
                       check=True, capture_output=True)
        try:
            import compileall

            compileall.compile_dir(other / "graph", quiet=1)
            source = Path(folder) / "corpus.jsonl"
            varied_corpus(source, documents)
            sides = {revision: other, "this checkout": ROOT}
            ratios = {(side, way): [] for side in sides for way in ("-o", "--store")}
            for run in range(repeat):
                bare = bare_spacy(source)
                for index, (side, checkout) in enumerate(sides.items()):
                    to_file, _ = timed_process("build", str(source), "-o", f"{folder}/out.nt", "-q", "--workers", "1",
                                               checkout=checkout)
                    to_store, _ = timed_process("build", str(source), "--store", f"{folder}/store-{run}-{index}",
                                                "-q", "--workers", "1", checkout=checkout)
                    ratios[(side, "-o")].append(bare / to_file)
                    ratios[(side, "--store")].append(bare / to_store)
                print(f"run {run + 1}: bare spaCy {bare:.1f} s; " + ", ".join(
                    f"{side} {way} {r[-1]:.3f}" for (side, way), r in ratios.items()), flush=True)
            for (side, way), r in ratios.items():
                print(f"{side} {way}: median {statistics.median(r):.2f} ({min(r):.2f}–{max(r):.2f})")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True)


def interpreters(other: str, documents: int = 100, repeat: int = 3) -> None:
    """This checkout's `build -o` and bare spaCy under this Python and under `other` (the python of another
    environment, say one with another spaCy release), interleaved run by run: what the environment costs."""
    import statistics

    sides = {"this python": sys.executable, other: other}
    for python in sides.values():
        version = subprocess.run([python, "-c", "import spacy; print(spacy.__version__)"], capture_output=True,
                                 text=True, check=True).stdout.strip()
        print(f"{python}: spaCy {version}")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.jsonl"
        varied_corpus(source, documents)
        seconds = {(side, what): [] for side in sides for what in ("bare spaCy", "build -o")}
        for run in range(repeat):
            for side, python in sides.items():
                seconds[(side, "bare spaCy")].append(bare_spacy(source, python))
                seconds[(side, "build -o")].append(timed_process("build", str(source), "-o", f"{folder}/out.nt",
                                                                 "-q", "--workers", "1", python=python)[0])
            print(f"run {run + 1}: " + ", ".join(f"{side} {what} {s[-1]:.2f} s" for (side, what), s in seconds.items()),
                  flush=True)
        for side in sides:
            bare, build = (statistics.median(seconds[(side, what)]) for what in ("bare spaCy", "build -o"))
            print(f"{side}: bare spaCy {bare:.2f} s, build -o {build:.2f} s (medians), ratio {bare / build:.2f}")


def memory(small: int = 100, large: int = 1600) -> None:
    """Peak RSS of `build --store` at `large` documents ÷ at `small` (one worker: the store's own growth)."""
    peaks = {}
    with tempfile.TemporaryDirectory() as folder:
        for documents in (small, large):
            source = Path(folder) / f"corpus-{documents}.jsonl"
            varied_corpus(source, documents)
            seconds, peaks[documents] = timed_process("build", str(source), "--store", f"{folder}/store-{documents}",
                                                      "-q", "--workers", "1")
            print(f"--store, {documents} documents: {seconds:.1f} s, peak RSS {peaks[documents] / 1024:.0f} MB")
    print(f"peak RSS at {large} ÷ at {small}: {peaks[large] / peaks[small]:.2f} (target <= 1.2)")


def spark(documents: int = 1000) -> None:
    """Spark local[2] ÷ `build --workers 2` on the same documents, and what a million articles cost."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus"
        source.mkdir()
        varied_corpus(source / "corpus.jsonl", documents)
        local, _ = timed_process("build", str(source), "-o", f"{folder}/local.nq", "-q", "--workers", "2")
        clustered, _ = timed_process("spark", str(source), "--output", f"{folder}/spark", "--master", "local[2]",
                                     "--partitions", "8")
    print(f"{documents} documents: build --workers 2 {local:.1f} s, spark local[2] {clustered:.1f} s: "
          f"Spark takes {clustered / local:.2f}x the time")
    per_core = documents / (clustered * 2)  # documents a second a core, Spark's overheads included
    print(f"measured: {per_core:.1f} documents a second a core through Spark")
    for executors, cores in ((10, 4), (50, 4), (100, 8)):
        minutes = 1_000_000 / (per_core * executors * cores) / 60
        print(f"1,000,000 articles on {executors} executors of {cores} cores: about {minutes:.0f} minutes "
              f"({executors * cores * minutes / 60:.0f} core-hours)")


# One `build -o` in its own process with its stages timed where the build calls them (the model with
# the reference data, each chunk's parse, each document's extraction, mapping, writing) and the
# garbage collector's passes counted.
STAGES = """import gc, sys, time
started = time.perf_counter()
from graph.cli import main
import graph.extraction.workers as workers, graph.output.export as export, graph.pipeline as pipeline
imported = time.perf_counter() - started
spent = {}
def timed(module, name, label, generator=False):
    call = getattr(module, name)
    def plain(*args, **kwargs):
        begun = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0) + time.perf_counter() - begun
    def stream(*args, **kwargs):
        items = call(*args, **kwargs)
        while True:
            begun = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                spent[label] = spent.get(label, 0) + time.perf_counter() - begun
            yield item
    setattr(module, name, stream if generator else plain)
timed(workers, "ready_model", "model and reference data")
timed(workers, "parse_documents", "parse (spaCy)", generator=True)
timed(workers, "extract_document", "extraction")
timed(pipeline, "default_lexicon", "lexicon (the ontology read)")
timed(pipeline, "mapped_statements", "RDF mapping")
timed(export, "serialize_documents", "writing N-Triples")
collected, begun = [0, 0.0], [0.0]
def collector(phase, info):
    if phase == "start":
        begun[0] = time.perf_counter()
    else:
        collected[0] += 1
        collected[1] += time.perf_counter() - begun[0]
gc.callbacks.append(collector)
try:
    main(["build", sys.argv[1], "-o", sys.argv[2], "-q", "--workers", "1"])
except SystemExit as exit:
    assert not exit.code, exit.code
total = time.perf_counter() - started
print(f"{'imports':28} {imported:6.2f} s")
for label, seconds in spent.items():
    print(f"{label:28} {seconds:6.2f} s")
print(f"{'the rest (reading, report)':28} {total - imported - sum(spent.values()):6.2f} s")
print(f"{'total':28} {total:6.2f} s; garbage collection {collected[1]:.2f} s in {collected[0]} passes")
"""


def stages(documents: int = 100) -> None:
    """Where one process's `build -o` of the varied corpus goes, stage by stage; and bare spaCy's run."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.jsonl"
        varied_corpus(source, documents)
        result = subprocess.run([sys.executable, "-c", STAGES, str(source), f"{folder}/out.nt"],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-2000:]
        print(f"build -o, {documents} documents, one process:")
        print(result.stdout.rstrip())
        print(f"bare spaCy on the same paragraphs (a process): {bare_spacy(source):.2f} s")


MEASURES = {"throughput": throughput, "against": against, "python": interpreters, "memory": memory, "spark": spark,
            "stages": stages}


if __name__ == "__main__":
    main()
