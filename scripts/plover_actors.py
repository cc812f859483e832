"""Entity recall on text the entity rules were not built from: PLOVER's named actors found as entities.

PLOVER's gold-standard records (../shared/eval/plover/plover_gsr.jsonl, news-style sentences of the
CAMEO manual) name each event's source and target actors as written ("Yasser Arafat", "the U.N.").
An actor written as a name (every word capitalised, bar "of", "the", "and", "for"; not a one-word
nationality such as "Hungarian") counts as found when an entity of its sentence bears that name, or
a name that it starts or ends (the actor "President Askar Akayev" is the entity "Askar Akayev"). There
is no precision here and no kind: a check of recall, not a gold.

    .venv/bin/python scripts/plover_actors.py [PATH] [-v]     # -v lists the actors not found
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "plover" / "plover_gsr.jsonl"
CONNECTORS = {"of", "the", "and", "for"}
NATIONALITY = re.compile(r"[A-Z][a-z]+(an|ian|ese|ish|i)")


def named_actors(record: dict) -> list[str]:
    actors = [a for a in (record.get("source") or []) + (record.get("target") or []) if isinstance(a, dict)]
    names = []
    for actor in actors:
        text = actor["text"].strip()
        words = text.split()
        if words and all(w[0].isupper() or w.lower() in CONNECTORS for w in words) \
                and not (len(words) == 1 and NATIONALITY.fullmatch(text)):
            names.append(text)
    return names


def actor_recall(path: Path) -> tuple[int, list[str]]:
    """How many of the records' named actors an entity of their sentence bears, and the others."""
    sys.path.insert(0, str(ROOT))
    from graph.evaluation.scores import normalise_name
    from graph.extraction.entities import analyse_entities
    from graph.extraction.nlp import load_model, parse_documents
    from graph.ingest import document_from_text
    from graph.rdf.lexicon import default_lexicon

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [document_from_text(r["text"], doc_id=r["id"], source=None, default_date=None, where=r["id"])
                 for r in records]
    lexicon, found, missed = default_lexicon(), 0, []
    for record, parsed in zip(records, parse_documents(documents, load_model(None))):
        names = {normalise_name(n) for e in analyse_entities(parsed, lexicon).entities for n in (e.name, *e.aliases)}
        for actor in named_actors(record):
            key = normalise_name(actor)
            if any(n == key or key.endswith(" " + n) or key.startswith(n + " ") for n in names):
                found += 1
            else:
                missed.append(f"{record['id']}: {actor}")
    return found, missed


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    if any(a in ("-h", "--help") for a in args):
        print(__doc__)
        return
    path = Path(args[0]) if args else DEFAULT
    if not path.is_file():
        sys.exit(f"plover_actors.py: {path}: no such file")
    found, missed = actor_recall(path)
    total = found + len(missed)
    print(f"PLOVER named actors found as entities: {found}/{total} = {found / total:.2f}")
    if "-v" in sys.argv:
        print("\n".join(missed))


if __name__ == "__main__":
    main()
