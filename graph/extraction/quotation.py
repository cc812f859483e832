"""Quotations in a paragraph: where quoted words begin and end (straight, curly and single quotes)."""
from __future__ import annotations

import re

QUOTE_PATTERN = re.compile(r"\"[^\"]+\"|“[^”]+”|‘[^’]+’|(?<![\w])'(?=\S)[^']{12,}?[\w.,!?;:](?:'(?![\w]))")


OPENING = ('"', "“")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations in `text`, quote marks included.

    A paragraph that opens a quotation it never closes is quoted to its end: news quote several
    paragraphs with one opening mark each and a closing mark only at the last."""
    spans = [(m.start(), m.end()) for m in QUOTE_PATTERN.finditer(text)]
    stripped = text.lstrip()
    begin = len(text) - len(stripped)
    if stripped.startswith(OPENING) and not any(start == begin for start, _ in spans):
        spans = [(begin, len(text))] + [span for span in spans if span[0] > begin]
    return spans


def inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(begin <= position < end for begin, end in spans)
