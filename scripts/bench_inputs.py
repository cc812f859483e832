"""Benchmark: is a build's cost linear in the length of one hostile document? Seconds and peak memory for
a document of N and of 4N characters, each built by `newsgraph build` in a fresh process:

    python scripts/bench_inputs.py              # N = 25,000 characters
    python scripts/bench_inputs.py 100000       # N = 100,000

Cases: one token of N emoji with no space (spaCy's tokenizer is quadratic in a token's length), one
paragraph of N characters of prose (no blank line), and N characters of prose over spaCy's
max_length when 4N exceeds it. The figures are ratios measured in one run on this machine; the model
load (the same for both sizes) is in each time and each peak.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench_build import build as timed_build  # scripts/ is on the path when a script runs

PROSE = ("President Ana Ruiz called Prime Minister Tomas Berg on Wednesday to discuss the treaty, and the two "
         "leaders agreed to meet in Oslo next month, her office said in a statement. ")


def emoji_token(n: int) -> str:
    return "date 2024-11-07\nRuiz called Berg. " + "".join(chr(0x1F600 + i % 80) for i in range(n))


def prose_paragraph(n: int) -> str:
    return "date 2024-11-07\n" + (PROSE * (n // len(PROSE) + 1))[:n]


def build(text: str, folder: Path) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one `newsgraph build` of `text` in a fresh process."""
    source = folder / "article.txt"
    source.write_text(text, encoding="utf-8")
    return timed_build(source, folder / "article.nt")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 25_000
    with tempfile.TemporaryDirectory() as folder:
        for name, make in (("one token of emoji", emoji_token), ("one paragraph of prose", prose_paragraph)):
            (t1, m1), (t4, m4) = build(make(n), Path(folder)), build(make(4 * n), Path(folder))
            print(f"{name:24} {n:>9,} chars: {t1:6.1f} s {m1 / 1024:6.0f} MB | {4 * n:>9,} chars: {t4:6.1f} s "
                  f"{m4 / 1024:6.0f} MB | time ×{t4 / t1:.2f}, memory ×{m4 / m1:.2f}")


if __name__ == "__main__":
    main()
