"""How many English texts would the language check skip? Runs it over the development set, the examples
and, when present, every text of ../shared/eval (articles, gold files' texts, GUM annotations):

    python scripts/language_check.py

Prints how many texts had enough letters to be judged and which of them were taken for another language.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from graph.ingest.language import MIN_LETTERS, other_language

ROOT = Path(__file__).resolve().parent.parent


def texts():
    for path in sorted((ROOT / "tests" / "data" / "dev").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt")):
        yield str(path), path.read_text(encoding="utf-8")
    shared = ROOT.parent / "shared" / "eval"
    for path in sorted(shared.rglob("*.txt")) if shared.is_dir() else []:
        yield str(path), path.read_text(encoding="utf-8", errors="replace")
    for path in sorted(shared.rglob("*.jsonl")) if shared.is_dir() else []:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                yield f"{path}:{number}", record["text"]


def main() -> None:
    judged, skipped = 0, []
    for place, text in texts():
        if len(re.findall(r"[^\W\d_]", text)) < MIN_LETTERS:
            continue
        judged += 1
        language = other_language(text)
        if language:
            skipped.append((place, language))
    print(f"{judged} texts of at least {MIN_LETTERS} letters judged; {len(skipped)} taken for another language")
    for place, language in skipped:
        print(f"  {place}: {language}")


if __name__ == "__main__":
    main()
