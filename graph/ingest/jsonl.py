"""JSON Lines articles: one object a line, `{"id", "text", "date", "title", "url"}`, each field checked.

A line that is not UTF-8, not JSON, or not an article is skipped with its file and line; a `url`
that is not a string is dropped with a warning (the pipeline checks that it is an absolute IRI), a
`title` likewise. Inside a folder, a file whose first record is no article (annotations: records
without a "text" string, with "entities"/"events" lists or token offsets, or whose "text" names a
file) is skipped with a note, so a corpus folder can keep its annotations beside the articles.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .article import InputError, check_unicode, document_from_text, parse_date
from .outcomes import NOTE, Read, Skip

log = logging.getLogger("newsgraph")
_ANNOTATION_KEYS = ("entities", "events", "start_tok", "end_tok", "start_char", "end_char", "begin", "end")
_FILE_NAME = re.compile(r"\A[\w./\\-]+\.(?:txt|text|md|html?)\Z", re.I)


def json_lines(lines: Iterable[str | bytes], where: str) -> Iterator[tuple[str, object]]:
    """(place, parsed value) for each non-blank line; a malformed line is an InputError naming file:line."""
    for place, value in json_values(lines, where):
        if isinstance(value, InputError):
            raise value
        yield place, value


def json_values(lines: Iterable[str | bytes], where: str) -> Iterator[tuple[str, object]]:
    """(place, parsed value or the InputError of that line) for each non-blank line."""
    for number, line in enumerate(lines, 1):
        place = f"{where}:{number}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield place, InputError(f"{place}: not UTF-8 (byte {error.start + 1} of the line)")
                continue
        elif number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            yield place, json.loads(line)
        except json.JSONDecodeError as error:
            yield place, InputError(f"{place}: malformed JSON ({error.msg})")
        except RecursionError:
            yield place, InputError(f"{place}: malformed JSON (nested too deeply)")
        except ValueError as error:  # e.g. an integer past Python's 4,300 digits
            yield place, InputError(f"{place}: malformed JSON ({str(error).splitlines()[0][:80]})")


def is_article_record(value: object) -> bool:
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        return False
    return not any(key in value for key in _ANNOTATION_KEYS) and not _FILE_NAME.match(value["text"].strip())


def _optional_string(record: dict, field: str, place: str) -> str | None:
    value = record.get(field)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        log.warning("%s: \"%s\" is not a string; dropped", place, field)
        return None
    return check_unicode(value, field, place).strip() or None


def _doc_id(record: dict, place: str) -> str | None:
    value = record.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{place}: \"id\" must be a string or an integer, not {type(value).__name__}")
    text = check_unicode(str(value), "id", place).strip()
    if not text:
        raise InputError(f"{place}: \"id\" is blank")
    return text


def document_from_record(record: object, place: str, source: str, default_date: dt.date | None) -> Read:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{place}: each line must be an object with a \"text\" string")
    raw_date = record.get("date")
    date = None
    if raw_date is not None and raw_date != "":
        if not isinstance(raw_date, str):
            raise InputError(f"{place}: \"date\" must be a string such as \"2024-11-07\"")
        date = parse_date(check_unicode(raw_date, "date", place), place)
    doc = document_from_text(record["text"], doc_id=_doc_id(record, place), source=source,
                             default_date=date or default_date, where=place)
    title = _optional_string(record, "title", place)
    return Read(place, replace(doc, date=date or doc.date, title=title or doc.title,
                               url=_optional_string(record, "url", place)))


def read_jsonl(lines: Iterable[str | bytes], where: str, default_date: dt.date | None,
               in_folder: bool = False) -> Iterator[Read | Skip]:
    first = True
    for place, value in json_values(lines, where):
        if first and in_folder and not isinstance(value, InputError) and not is_article_record(value):
            yield Skip(f"{where}: holds no article records (its first line is no article); skipped", NOTE)
            return
        first = False
        if isinstance(value, InputError):
            yield Skip(str(value))
            continue
        try:
            yield document_from_record(value, place, where, default_date)
        except InputError as error:
            yield Skip(str(error))
