"""Reads articles from files, folders, JSON Lines and stdin into `Document` records."""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Document, slug
from .article import InputError, content_id, document_from_text, parse_date

TEXT_SUFFIXES = (".txt", ".text", ".md")
FOLDER_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson")  # a folder's README.md is not an article
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _read_text_file(path: Path, default_date: dt.date | None) -> Document:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    return document_from_text(raw, doc_id=path.stem, source=str(path),
                              default_date=default_date, where=str(path))


def json_lines(lines: Iterable[str], where: str) -> Iterator[tuple[str, object]]:
    """(place, parsed value) for each non-blank line; a malformed line is an InputError naming file:line."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        place = f"{where}:{number}"
        try:
            yield place, json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{place}: malformed JSON ({error.msg})") from None


def _read_jsonl(lines: Iterable[str], where: str, default_date: dt.date | None) -> Iterator[tuple[str, Document]]:
    for place, record in json_lines(lines, where):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{place}: each line must be an object with a \"text\" string")
        raw_date = record.get("date")
        date = parse_date(str(raw_date)[:10], place) if raw_date else None
        doc = document_from_text(record["text"], doc_id=str(record["id"]) if record.get("id") else None,
                                 source=where, default_date=date or default_date, where=place)
        yield place, Document(id=doc.id, text=doc.text, date=date or doc.date,
                              title=record.get("title") or doc.title, url=record.get("url"), source=where)


def read_inputs(inputs: Iterable[str], default_date: dt.date | None = None) -> Iterator[Document]:
    """Yield documents from each input: a text file, a folder (recursive), a .jsonl file, or '-'.

    Two documents whose ids would give one IRI must be the same article (the repeat is skipped);
    otherwise the second is an InputError, since one would silently overwrite the other.
    """
    seen: dict[str, tuple[str, str]] = {}  # IRI segment of the id → (content hash, where first read)
    for place, doc in _read_each(inputs, default_date):
        key, digest = slug(doc.id), content_id(doc.text)
        if key not in seen:
            seen[key] = (digest, place)
            yield doc
        elif seen[key][0] != digest:
            raise InputError(f"{place}: document id '{doc.id}' is already used by another text "
                             f"({seen[key][1]}); give each document its own id")


def _read_each(inputs: Iterable[str], default_date: dt.date | None) -> Iterator[tuple[str, Document]]:
    """(where it was read, document) for each input."""
    for name in inputs:
        if name == "-":
            raw = sys.stdin.read()
            if raw.lstrip().startswith("{"):
                yield from _read_jsonl(raw.splitlines(), "<stdin>", default_date)
            else:
                yield "<stdin>", document_from_text(raw, doc_id=None, source=None, default_date=default_date,
                                                    where="<stdin>")
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: no such file or directory")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES)
            if not files:
                raise InputError(f"{name}: the folder holds no .txt or .jsonl files")
            yield from _read_each([str(p) for p in files], default_date)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            with path.open(encoding="utf-8") as handle:
                yield from _read_jsonl(handle, name, default_date)
        elif path.suffix.lower() in TEXT_SUFFIXES:
            yield name, _read_text_file(path, default_date)
        else:
            raise InputError(f"{name}: unknown input type '{path.suffix}' (use .txt, .jsonl, a folder or -)")
