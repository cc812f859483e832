"""Web archives (.warc, .warc.gz: Common Crawl's CC-NEWS) → one article per HTML response, streamed.

Records are read one at a time by warcio. Responses that are not HTML pages answered 200 (images,
robots.txt, redirects) are not documents; a page that holds no article text (an index page) is
counted, not reported line by line. A page is identified by its canonical URL when it gives one,
else the URL it was fetched from, so a page fetched twice is a repeat.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from .article import InputError
from .html import document_from_html
from .outcomes import NOT_ARTICLE, Read, Skip

HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_ID = 70  # characters of an id made from a URL; longer ones end in a hash of the URL


def url_id(url: str) -> str:
    """A readable document id for a URL: host and path without the scheme ('news.example.org/2024/call')."""
    bare = re.sub(r"\A[a-z][a-z0-9+.-]*://(www\.)?", "", url, flags=re.I).rstrip("/")
    if len(bare) <= _MAX_ID:
        return bare
    return f"{bare[:_MAX_ID - 13]}…{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}"


def warc_documents(stream: BinaryIO, where: str, default_date: dt.date | None) -> Iterator[Read | Skip]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            if record.http_headers.get_statuscode() != "200" or content_type not in HTML_TYPES:
                continue
            fetched = record.rec_headers.get_header("WARC-Target-URI") or None
            place = f"{where}: record {number}" + (f" ({fetched})" if fetched else "")
            page = record.content_stream().read()
            try:
                document = document_from_html(page, doc_id=None, source=where, default_date=default_date,
                                              where=place, url=fetched)
            except InputError as error:
                yield Skip(str(error), NOT_ARTICLE)
                continue
            url = document.url or fetched
            yield Read(place, replace(document, id=url_id(url)) if url else document)
    except ArchiveLoadFailed as error:
        yield Skip(f"{where}: unreadable after record {number} ({_first_line(error)})")
    except Exception as error:  # warcio meets a malformed record with whatever Python raises (AttributeError …)
        yield Skip(f"{where}: unreadable after record {number} ({type(error).__name__}: {_first_line(error)})")


def _first_line(error: Exception) -> str:
    return (str(error).splitlines() or [""])[0][:120]

