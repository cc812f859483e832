"""Benchmark: does `newsgraph build` stream? Peak memory and throughput for a small and a 10× corpus.

The corpus is the bundled examples repeated under new ids (JSON Lines), so the figures are ratios
measured in one run on this machine, not absolute promises:

    python scripts/bench_build.py            # 40 and 400 documents
    python scripts/bench_build.py 100        # 100 and 1,000 documents

Each build runs in its own process; peak resident memory is read from the OS for that child alone.
"""
from __future__ import annotations

import json
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


def main() -> None:
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


if __name__ == "__main__":
    main()
