"""Web pages → `Document`: the main text, title, publication date and URL, by trafilatura.

trafilatura drops navigation, footers and comments and finds the date with htmldate (the original
publication date, never one after today). Its blocks become paragraphs (blank-line separated), and
a first line that only repeats the title is dropped. A `.txt` file that holds a saved page comes
here too, rather than putting tags into the text.
"""
from __future__ import annotations

import datetime as dt
import re

from ..records import Document
from .article import InputError, check_unicode, content_id, parse_date
from .text import clean_text

# A saved page: it opens with a doctype or an <html>/<head>/<body> tag, or holds several closing tags.
_OPENING = re.compile(r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_CLOSING_TAG = re.compile(r"</(?:p|div|span|a|li|td|article|section|body|html)\s*>", re.I)
_SNIFF = 20_000


def looks_like_html(text: str) -> bool:
    head = text[:_SNIFF]
    return bool(_OPENING.match(head)) or len(_CLOSING_TAG.findall(head)) >= 3


def document_from_html(page: bytes | str, *, doc_id: str | None, source: str | None,
                       default_date: dt.date | None, where: str, url: str | None = None) -> Document:
    """The article of one page; an InputError when it holds none (an index page, an error page)."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise InputError(f"{where}: cannot read the page ({type(error).__name__})") from None
    if found is None or not (found.text or "").strip():
        raise InputError(f"{where}: the page holds no article text")
    title = " ".join((found.title or "").split()) or None
    lines = [line.strip() for line in clean_text(check_unicode(found.text, "text", where)).split("\n")]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    text = "\n\n".join(line for line in lines if line)
    if not text:
        raise InputError(f"{where}: the page holds no article text")
    date = default_date
    if found.date:
        try:
            date = parse_date(found.date, where)
        except InputError:
            pass  # a page's own metadata we cannot read is no reason to refuse its article
    return Document(id=doc_id or content_id(text), text=text, date=date, title=title,
                    url=found.url or url, source=source)
