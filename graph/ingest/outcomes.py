"""What reading an input gives: a document read at a place, or a skip (one line for the user, and why).

A build keeps going past skips and counts them by kind; only BAD ones make its exit status 1."""
from __future__ import annotations

from dataclasses import dataclass

from ..records import Document

BAD = "bad"  # unreadable, empty, not UTF-8, a malformed line: the user should look
REPEATED = "repeated"  # the same article read again
NOT_ENGLISH = "not-english"
NOT_ARTICLE = "not-article"  # a web page without article text (an archive's index and error pages)
NOTE = "note"  # a file that holds no articles at all (annotations beside the articles)


@dataclass(frozen=True)
class Read:
    place: str  # "news.jsonl:12", "a.txt", "crawl.warc.gz: record 7 (https://…)"
    document: Document


@dataclass(frozen=True)
class Skip:
    message: str  # starts with the place
    kind: str = BAD
