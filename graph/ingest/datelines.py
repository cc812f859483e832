"""Wire-style datelines that open an article: "LISBON, Nov 7 (Reuters) -", "HONOLULU (BNO NEWS) --",
"Tokyo, Nov. 11 (Jiji Press)--", "MANILA -", "(CNN) –".

A dateline is no part of the first sentence: parsed with it, its place becomes the subject
("HONOLULU … Obama called" read as Honolulu calling). It is split off as a paragraph of its own, and
when it carries a full date ("Nov 7, 2024") that date is the article's if the file gives none.
"""
from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
_AGENCY = r"\([^()\n]{2,40}\)"
_DASH = r"\s*(?:--|[-–—])\s*"
# an upper-case place (several: "CHICAGO/MONTREAL"), or a capitalised one followed by a day or an agency
_PLACE_CAPS = r"[A-Z][A-Z.'’]+(?:[ /-][A-Z][A-Z.'’]+)*"
_BARE_PLACE = r"[A-Z][A-Z.'’]{2,}(?:[ /-][A-Z][A-Z.'’]+)*"  # "MANILA -": three letters at least ("UN -" is no place)
_PLACE_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
DATELINE = re.compile(
    rf"\A(?:{_PLACE_CAPS}(?:,\s*{_DAY}(?:\s*{_AGENCY})?|\s*{_AGENCY})|{_BARE_PLACE}"
    rf"|{_PLACE_NAME}(?:,\s*{_DAY}(?:\s*{_AGENCY})?|\s*{_AGENCY})"
    rf"|{_DAY}\s*{_AGENCY}|{_AGENCY}){_DASH}(?=[A-Z\"“'‘])")
_FULL_DATE = re.compile(rf"{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}", re.IGNORECASE)


def dateline_length(block: str) -> int:
    """Characters of the dateline that opens `block` (0 when it has none)."""
    match = DATELINE.match(block)
    if not match or not re.search(r"[A-Za-z]", match.group(0)):
        return 0
    return match.end()


def dateline_date(block: str) -> dt.date | None:
    """The full date a dateline carries ("LISBON, Nov 7, 2024 (Reuters) -"), if any."""
    length = dateline_length(block)
    found = _FULL_DATE.search(block[:length]) if length else None
    if not found:
        return None
    try:
        return date_parser.parse(found.group(0)).date()
    except (ValueError, OverflowError):
        return None
