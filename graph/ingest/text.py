"""Text made safe to parse at a cost linear in its length.

spaCy's tokenizer is quadratic in the length of a token (a 20,000-character run of emoji takes 45 s)
and refuses a text over `nlp.max_length`; its parser's memory grows with the longest text it is
handed. So, before parsing:
- a byte-order mark is dropped and control characters become spaces (the length stays, so offsets hold);
- a run of more than MAX_RUN characters without a space is left out of the parse: no word or name
  is that long (it is a data blob, a minified script, a wall of emoji), and it stays in the text;
- a block longer than MAX_UNIT characters is cut at sentence-like boundaries into parse units.
A well-formed article has none of these, so its parse does not change.
"""
from __future__ import annotations

import re

MAX_RUN = 200  # characters without whitespace: longer runs are not words
MAX_UNIT = 4_000  # characters parsed at once: nlp.pipe parses 64 units a batch, and its memory grows with them

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but \t \n \r
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
# the end of a sentence-like stretch: a full stop, question or exclamation mark (and closing quotes), or a line end
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*")
_SPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """The text without a leading byte-order mark, control characters as spaces."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return _CONTROL.sub(" ", text)


def lone_surrogate(text: str) -> int | None:
    """The offset of a lone UTF-16 surrogate (JSON can spell one, "\\ud800"; no UTF-8 text holds one)."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


def without_long_runs(text: str) -> str:
    return _LONG_RUN.sub(" ", text)


def parse_units(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """(begin, end) spans of text[begin:end] to parse, each at most MAX_UNIT long, without over-long runs."""
    pieces, start = [], begin
    for run in _LONG_RUN.finditer(text, begin, end):
        pieces.append((start, run.start()))
        start = run.end()
    pieces.append((start, end))
    units = []
    for piece_begin, piece_end in pieces:
        units += _cut(text, piece_begin, piece_end)
    return [span for span in (_stripped(text, b, e) for b, e in units) if span[0] < span[1]]


def _cut(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    units = []
    while end - begin > MAX_UNIT:
        limit = begin + MAX_UNIT
        cut = _last_match_end(_SENTENCE_END, text, begin + MAX_UNIT // 2, limit)
        if cut is None:  # no sentence end in the second half: any space (every run is short, so one exists)
            cut = _last_match_end(_SPACE, text, begin + 1, limit) or limit
        units.append((begin, cut))
        begin = cut
    units.append((begin, end))
    return units


def _last_match_end(pattern: re.Pattern, text: str, begin: int, end: int) -> int | None:
    last = None
    for match in pattern.finditer(text, begin, end):
        last = match.end()
    return last


def _stripped(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end
