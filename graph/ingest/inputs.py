"""Reads articles from files, folders, JSON Lines, web pages, web archives and stdin into `Document` records.

Every path is checked first (`check_inputs`), so a typo fails at once rather than after the slow
work. Reading then keeps going: `read_documents` yields each document read, and a `Skip` for each one
that cannot be (the build counts them and says so); `read_inputs` is the strict form, for code that
wants an exception.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..records import Document, slug
from .article import InputError, content_id, document_from_text, shown, text_id
from .html import document_from_html, looks_like_html
from .jsonl import read_jsonl
from .language import other_language
from .outcomes import BAD, NOT_ENGLISH, REPEATED, Read, Skip
from .warc import warc_documents

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
# what a folder is searched for: a folder's README.md is not an article
FOLDER_SUFFIXES = (".txt", ".text", *HTML_SUFFIXES, *JSONL_SUFFIXES, *WARC_SUFFIXES)
_KNOWN = "use .txt, .html, .jsonl, .warc(.gz), a folder or -"


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("html", HTML_SUFFIXES),
                           ("text", TEXT_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name.lower().endswith(FOLDER_SUFFIXES))


def check_inputs(inputs: Iterable[str]) -> None:
    """Raise an InputError for the first input that is missing, unreadable or of an unknown kind."""
    names = list(inputs)
    if not names:
        raise InputError("no input given")
    if names.count("-") > 1:
        raise InputError("- (stdin) given more than once")
    for name in names:
        if name == "-":
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: no such file or directory")
        if not os.access(path, os.R_OK):
            raise InputError(f"{name}: permission denied")
        if path.is_dir():
            if not _folder_files(path):
                raise InputError(f"{name}: the folder holds no .txt, .html, .jsonl or .warc files")
        elif kind_of(path) is None:
            raise InputError(f"{name}: unknown input type '{path.suffix}' ({_KNOWN})")


def read_documents(inputs: Iterable[str], default_date: dt.date | None = None, *,
                   english_only: bool = True) -> Iterator[Read | Skip]:
    """Each document of the inputs, or a Skip saying why one was not read.

    Two documents whose ids would give one IRI must be the same article (the repeat is a REPEATED
    skip; a page fetched again under its URL is one too); otherwise the second is a BAD skip, since
    one would silently overwrite the other. A document whose text is one read before under another
    id (the same article saved under two names; spacing and Unicode forms aside) is a REPEATED skip.
    """
    seen: dict[str, tuple[str, str, str | None]] = {}  # IRI segment of the id → (content hash, where, url)
    seen_texts: dict[str, str] = {}  # hash of the normalised text → where it was first read
    for item in _read_each(inputs, default_date, in_folder=False):
        if isinstance(item, Skip):
            yield item
            continue
        doc = item.document
        key, digest = slug(doc.id), content_id(doc.text)
        if key in seen:
            first_digest, first_place, first_url = seen[key]
            if first_digest == digest or (doc.url and doc.url == first_url):
                yield Skip(f"{item.place}: repeats {first_place}", REPEATED)
            else:
                yield Skip(f"{item.place}: document id {shown(doc.id)} is already used by another text "
                           f"({first_place}); give each document its own id")
            continue
        seen[key] = (digest, item.place, doc.url)
        text_key = text_id(doc.text)
        if text_key in seen_texts:  # the same article under another name: its events would count twice
            yield Skip(f"{item.place}: repeats {seen_texts[text_key]} (the same text)", REPEATED)
            continue
        seen_texts[text_key] = item.place
        language = other_language(doc.text) if english_only else None
        if language:
            yield Skip(f"{item.place}: not in English ({language})", NOT_ENGLISH)
            continue
        yield item


def read_inputs(inputs: Iterable[str], default_date: dt.date | None = None) -> Iterator[Document]:
    """The documents of the inputs, in any language; the first bad one raises its InputError."""
    check_inputs(inputs := list(inputs))
    for item in read_documents(inputs, default_date, english_only=False):
        if isinstance(item, Read):
            yield item.document
        elif item.kind == BAD:
            raise InputError(item.message)


def _read_each(inputs: Iterable[str], default_date: dt.date | None, in_folder: bool) -> Iterator[Read | Skip]:
    for name in inputs:
        if name == "-":
            yield from _read_stdin(default_date)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_each([str(p) for p in _folder_files(path)], default_date, in_folder=True)
            continue
        try:
            yield from read_file(path.open("rb"), name, default_date, in_folder, source=str(path))
        except OSError as error:
            yield Skip(f"{name}: cannot read ({error.strerror or error})")


def read_file(handle: BinaryIO, name: str, default_date: dt.date | None = None, in_folder: bool = False, *,
              source: str | None = None) -> Iterator[Read | Skip]:
    """The documents of one input file, given open (a local file, or bytes a cluster read from any
    file system), its kind told by `name`; a text's or page's `source` is its path (`name` by default).
    The handle is closed at the end."""
    kind = kind_of(Path(name))
    with handle:
        if kind == "jsonl":
            yield from read_jsonl(handle, name, default_date, in_folder)
        elif kind == "warc":
            yield from warc_documents(handle, name, default_date)
        elif kind in ("html", "text"):
            yield _read_page(handle.read(), name, Path(name).stem, source or name, default_date, kind == "html")
        else:
            yield Skip(f"{name}: unknown input type '{Path(name).suffix}' ({_KNOWN})")


def _read_page(data: bytes, where: str, doc_id: str | None, source: str | None,
               default_date: dt.date | None, html: bool) -> Read | Skip:
    """One article from the bytes of a text file or a web page (a text file holding a page is a page)."""
    try:
        if html:
            return Read(where, document_from_html(data, doc_id=doc_id, source=source,
                                                  default_date=default_date, where=where))
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return Skip(f"{where}: not UTF-8 text (byte {error.start + 1})")
        if looks_like_html(raw):
            return Read(where, document_from_html(raw, doc_id=doc_id, source=source,
                                                  default_date=default_date, where=where))
        return Read(where, document_from_text(raw, doc_id=doc_id, source=source, default_date=default_date,
                                              where=where))
    except InputError as error:
        return Skip(str(error))


def _read_stdin(default_date: dt.date | None) -> Iterator[Read | Skip]:
    """stdin holds JSON Lines (first character '{'), a web archive (gzip or 'WARC/'), a page or a text."""
    stream: BinaryIO = sys.stdin.buffer
    if not hasattr(stream, "peek"):  # a test runner's stdin: buffered, so its start can be looked at
        stream = io.BufferedReader(stream)
    head = stream.peek(64)[:64]
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        yield from warc_documents(stream, "<stdin>", default_date)
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from read_jsonl(stream, "<stdin>", default_date)
    else:
        yield _read_page(stream.read(), "<stdin>", None, None, default_date, html=False)


def estimate_documents(inputs: Iterable[str]) -> int | None:
    """About how many documents the inputs hold (a progress bar's total), or None when stdin is one.
    Reads JSON Lines files for their line count and archives for their HTML responses."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        for file in _folder_files(path) if path.is_dir() else [path]:
            kind = kind_of(file)
            try:
                if kind == "jsonl":
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                elif kind == "warc":
                    total += _count_pages(file)
                else:
                    total += 1
            except OSError:
                total += 1
    return total


def _count_pages(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                headers = record.http_headers
                if record.rec_type == "response" and headers is not None and "html" in (
                        headers.get_header("Content-Type") or ""):
                    count += 1
    except Exception:  # an estimate: the build itself reports an unreadable archive
        pass
    return count
