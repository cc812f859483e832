"""One article's raw text → a `Document`: its date header, title line and paragraphs.

A text may start with a date header (`date 2024-11-07 ...`, `date 2024/11/07`, `date Nov 7, 2024` on the
first line, or a title line followed by a date line such as `Friday, August 21, 2015`); the header is
the article date and is not part of the text. Paragraphs are blank-line separated; lines starting
`IMAGE:`/`PHOTO:` are captions.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from dateutil import parser as date_parser

from ..errors import NewsgraphError
from ..records import Document, Paragraph
from .datelines import dateline_date, dateline_length
from .text import clean_text, lone_surrogate, parse_units

# Dates newsgraph can resolve "tomorrow" and "last Wednesday" against without leaving the calendar.
FIRST_YEAR, LAST_YEAR = 1, 9998
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_NAMED_DATE = (rf"{_WEEKDAY}(?:(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
               rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})[a-z]*\.?,?\s+\d{{4}})")
_ISO_DATE = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_DATE_HEADER = re.compile(rf"\A\s*date[:\s]+(?:(?P<iso>{_ISO_DATE})|(?P<named>{_NAMED_DATE}))\b[ \t]*\n?",
                          re.IGNORECASE)
_BAD_HEADER = re.compile(r"\A\s*date[:\s]+(\d\S*)", re.IGNORECASE)  # "date 11/07/2024": meant as a header
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# "Thursday, May 7, 2015" at the start of a line, as Wikinews and many wires print the dateline
_DATELINE = re.compile(r"\A\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|"
                       r"sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b[ \t]*", re.IGNORECASE)
DATELINE_PARAGRAPHS = 3  # a dateline opens the story: after a title and a byline at the most
CAPTION_WORDS = ("image", "photo", "picture", "caption", "video", "photograph")
_CAPTION = re.compile(rf"\A\s*({'|'.join(CAPTION_WORDS)})\s*:", re.IGNORECASE)


class InputError(NewsgraphError):
    """Input that cannot be read as an article; its message is one line for the user."""


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(value: str, limit: int = 60) -> str:
    """A value from the input, quoted for a message: control characters and line breaks escaped (a
    message stays one line), cut after `limit` characters."""
    text = _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], value)
    return "'" + (text if len(text) <= limit else text[:limit] + "…") + "'"


def _in_range(date: dt.date, value: str, where: str) -> dt.date:
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise InputError(f"{where}: {shown(value)} is outside the years {FIRST_YEAR}–{LAST_YEAR}")
    return date


def parse_date(value: str, where: str) -> dt.date:
    """A date written YYYY-MM-DD (or with slashes, or an ISO date-time, or "Nov 7, 2024") within years 1–9998."""
    text = value.strip()
    if re.fullmatch(_ISO_DATE, text):
        year, month, day = (int(part) for part in re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text).groups())
        try:
            date = dt.date(year, month, day)
        except ValueError:
            raise InputError(f"{where}: {shown(value)} is not a date (no such day)") from None
        return _in_range(date, value, where)
    if re.fullmatch(_NAMED_DATE, text, re.IGNORECASE):
        try:
            date = date_parser.parse(text).date()
        except (ValueError, OverflowError):
            raise InputError(f"{where}: {shown(value)} is not a date (no such day)") from None
        return _in_range(date, value, where)
    raise InputError(f"{where}: {shown(value)} is not a date of the form YYYY-MM-DD")


def _looks_like_date_line(line: str) -> dt.date | None:
    """A line that is nothing but a date ('Friday, August 21, 2015'), as Wikinews writes it."""
    line = line.strip()
    if not line or len(line) > 40 or not re.search(r"\d{4}", line):
        return None
    try:
        parsed, leftover = date_parser.parse(line, fuzzy_with_tokens=True)
    except (ValueError, OverflowError):
        return None
    if any(re.search(r"\w", part) for part in leftover) or not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        return None
    return parsed.date()


def split_header(raw: str, where: str = "<text>") -> tuple[str, dt.date | None, str | None]:
    """Separate a leading date header (and title line) from the article text.

    A first line `date …` that names no day ("date 2024-02-30") is an InputError: the author meant a date."""
    match = _DATE_HEADER.match(raw)
    if match:
        value = match.group("iso") or match.group("named")
        return raw[match.end():].strip(), parse_date(value, f"{where}: date header"), None
    bad = _BAD_HEADER.match(raw)
    if bad:
        raise InputError(f"{where}: date header {shown(bad.group(1))} is not a date (write date YYYY-MM-DD)")
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
    """Blank-line separated blocks with their offsets, photo captions marked; a dateline that opens the
    story ("LISBON, Nov 7 (Reuters) -") is a block of its own, and a block too long to parse at once (or
    holding a run too long to be words) comes as several parse units (text.py)."""
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
        dateline = dateline_length(stripped) if len(result) < DATELINE_PARAGRAPHS else 0
        if dateline and not any(p.is_dateline for p in result):
            result.append(Paragraph(begin, begin + len(stripped[:dateline].rstrip()), is_dateline=True))
            begin, stripped = begin + dateline, stripped[dateline:]
        caption = bool(_CAPTION.match(stripped))
        result += [Paragraph(b, e, caption) for b, e in parse_units(text, begin, begin + len(stripped))]
    return result


def _dateline_date(text: str) -> dt.date | None:
    blocks = [b.strip() for b in _PARAGRAPH_BREAK.split(text, maxsplit=DATELINE_PARAGRAPHS)[:DATELINE_PARAGRAPHS]]
    return next((day for day in map(dateline_date, blocks) if day), None)


def content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def text_id(text: str) -> str:
    """A hash of the text as read, whatever its spacing and Unicode forms: the same article saved twice
    (under two names, re-wrapped, with non-breaking spaces) has one."""
    return content_id(" ".join(unicodedata.normalize("NFKC", text).split()))


def check_unicode(value: str, what: str, where: str) -> str:
    offset = lone_surrogate(value)
    if offset is not None:
        raise InputError(f"{where}: the {what} is not Unicode text (a lone surrogate at character {offset})")
    return value


def document_from_text(raw: str, *, doc_id: str | None, source: str | None,
                       default_date: dt.date | None, where: str) -> Document:
    text, date, title = split_header(clean_text(check_unicode(raw, "text", where)), where)
    if not text.strip():
        raise InputError(f"{where}: the article has no text")
    if title:
        # the headline is read with the story, as where it opens a dated text: its names are the article's
        text = f"{title}\n\n{text}"
    return Document(id=doc_id or content_id(text), text=text, date=date or default_date or _dateline_date(text),
                    title=title, source=source)
