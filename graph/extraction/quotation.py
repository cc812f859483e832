"""Quotations in a paragraph: where quoted words begin and end (straight, curly and single quotes)."""
from __future__ import annotations

import re

QUOTE_PATTERN = re.compile(r"\"[^\"]+\"|“[^”]+”|‘[^’]+’|(?<![\w])'(?=\S)[^']{12,}?[\w.,!?;:](?:'(?![\w]))")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations in `text`, quote marks included."""
    return [(m.start(), m.end()) for m in QUOTE_PATTERN.finditer(text)]


def inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(begin <= position < end for begin, end in spans)
