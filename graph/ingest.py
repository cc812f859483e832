"""Reads articles from files, folders, JSON Lines and stdin into `Document` records.

A text file may start with a date header (`date 2024-11-07 ...` on the first line, or a title
line followed by a date line such as `Friday, August 21, 2015`); the header is the article date and
is not part of the text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateutil import parser as date_parser

from .records import Document, Paragraph, slug

TEXT_SUFFIXES = (".txt", ".text", ".md")
FOLDER_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson")  # a folder's README.md is not an article
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_DATE_HEADER = re.compile(r"\A\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# "Thursday, May 7, 2015" at the start of a line, as Wikinews and many wires print the dateline
_DATELINE = re.compile(r"\A\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|"
                       r"sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b[ \t]*", re.IGNORECASE)
CAPTION_WORDS = ("image", "photo", "picture", "caption", "video", "photograph")
_CAPTION = re.compile(rf"\A\s*({'|'.join(CAPTION_WORDS)})\s*:", re.IGNORECASE)


class InputError(ValueError):
    """Input that cannot be read as an article; its message is one line for the user."""


def parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{where}: '{value}' is not a date of the form YYYY-MM-DD") from None


def _looks_like_date_line(line: str) -> dt.date | None:
    """A line that is nothing but a date ('Friday, August 21, 2015'), as Wikinews writes it."""
    line = line.strip()
    if not line or len(line) > 40 or not re.search(r"\d{4}", line):
        return None
    try:
        parsed, leftover = date_parser.parse(line, fuzzy_with_tokens=True)
    except (ValueError, OverflowError):
        return None
    if any(re.search(r"\w", part) for part in leftover):
        return None
    return parsed.date()


def split_header(raw: str) -> tuple[str, dt.date | None, str | None]:
    """Separate a leading date header (and title line) from the article text."""
    match = _DATE_HEADER.match(raw)
    if match:
        return raw[match.end():].strip(), dt.date.fromisoformat(match.group(1)), None
    blocks = [b for b in _PARAGRAPH_BREAK.split(raw.strip(), maxsplit=2)]
    if len(blocks) >= 2 and "\n" not in blocks[0].strip():
        date = _looks_like_date_line(blocks[1])
        if date is not None:
            return (blocks[2] if len(blocks) > 2 else "").strip(), date, blocks[0].strip()
        dateline = _DATELINE.match(blocks[1])
        date = _looks_like_date_line(dateline.group(0)) if dateline else None
        if date is not None:  # the dateline runs on into the first paragraph
            rest = blocks[1][dateline.end():] + ("\n\n" + blocks[2] if len(blocks) > 2 else "")
            return rest.strip(), date, blocks[0].strip()
    if blocks:
        date = _looks_like_date_line(blocks[0])
        if date is not None:
            return raw.strip()[len(blocks[0]):].strip(), date, None
    return raw.strip(), None, None


def paragraphs(text: str) -> list[Paragraph]:
    """Blank-line separated blocks with their offsets; photo captions are marked."""
    found, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        found.append((start, match.start()))
        start = match.end()
    found.append((start, len(text)))
    result = []
    for begin, end in found:
        block = text[begin:end]
        stripped = block.strip()
        if not stripped:
            continue
        begin += len(block) - len(block.lstrip())
        result.append(Paragraph(begin, begin + len(stripped), bool(_CAPTION.match(stripped))))
    return result


def content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def document_from_text(raw: str, *, doc_id: str | None, source: str | None,
                       default_date: dt.date | None, where: str) -> Document:
    text, date, title = split_header(raw)
    if not text.strip():
        raise InputError(f"{where}: the article has no text")
    return Document(id=doc_id or content_id(text), text=text, date=date or default_date,
                    title=title, source=source)


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
