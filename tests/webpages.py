"""Invented news pages and a web archive holding them, for the HTML and WARC tests (no real site's text)."""
from __future__ import annotations

import io
from pathlib import Path

PAGE = """<!doctype html>
<html lang="{lang}"><head><title>{title} | The Harbour Gazette</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T09:30:00Z">
<link rel="canonical" href="{url}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer><p>Copyright 2024 The Harbour Gazette. All rights reserved.</p></footer>
</body></html>"""

LINDQVIST_CALL = [
    "Prime Minister Anna Lindqvist called President Tomas Berg on Wednesday to discuss the new fisheries "
    "agreement between the two countries, her office said.",
    "Berg thanked Lindqvist for the call and invited her to visit the capital next month, according to a "
    "statement from the presidency.",
    "The two leaders last met in the spring, when they signed a treaty on shared fishing grounds in the north.",
]
OKAFOR_VISIT = [
    "Foreign Minister Daniel Okafor visited Lisbon on Monday, where he met Prime Minister Helena Matos for "
    "talks on trade and energy.",
    "Matos praised Okafor for his work on the new energy partnership, which both governments hope to sign "
    "before the end of the year.",
    "Officials said the two ministers would meet again at the regional summit in December.",
]
FRENCH_PAGE = [
    "Le Premier ministre Jean Dupuis a téléphoné mercredi au président de la République pour discuter du "
    "nouveau budget, a indiqué son cabinet dans un communiqué publié dans la soirée.",
    "Les deux dirigeants se sont entretenus pendant près d'une heure et ont convenu de se retrouver la "
    "semaine prochaine à Paris pour poursuivre les discussions sur la réforme des retraites.",
    "L'opposition a vivement critiqué cette rencontre, qu'elle juge tardive et insuffisante.",
]


def page(title: str, paragraphs: list[str], date: str, url: str, lang: str = "en") -> str:
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    return PAGE.format(title=title, paragraphs=body, date=date, url=url, lang=lang)


def write_warc(path: Path, pages: list[tuple[str, str]], gzip: bool = True) -> Path:
    """A WARC file with one HTML response per (url, html), plus a robots.txt response (not a page)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        records = [("https://news.example.org/robots.txt", "text/plain", b"User-agent: *\n")]
        records += [(url, "text/html; charset=utf-8", html.encode("utf-8")) for url, html in pages]
        for url, content_type, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
    return path
