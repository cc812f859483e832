"""Web pages and web archives (as in CC-NEWS): main text, title, date and URL per page, streamed; the
language of each document; text cut into parse units of bounded size."""
from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS
from webpages import FRENCH_PAGE, LINDQVIST_CALL, OKAFOR_VISIT, page, write_warc

from graph.cli import main
from graph.ingest import NOT_ARTICLE, NOT_ENGLISH, REPEATED, Read, Skip, paragraphs, read_documents
from graph.ingest.language import other_language
from graph.ingest.text import MAX_RUN, MAX_UNIT
from graph.rdf.vocab import NG, SCHEMA

CALL_URL = "https://news.example.org/2024/11/07/lindqvist-calls-berg"
VISIT_URL = "https://news.example.org/2024/10/14/okafor-visits-lisbon"


@pytest.fixture
def news_folder(tmp_path):
    """A folder with an HTML page and a web archive of two news pages and one French page."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "lindqvist.html").write_text(page("Lindqvist calls Berg", LINDQVIST_CALL, "2024-11-07", CALL_URL),
                                           encoding="utf-8")
    write_warc(folder / "CC-NEWS-20241108.warc.gz", [
        ("https://news.example.org/okafor?utm_source=feed", page("Okafor visits Lisbon", OKAFOR_VISIT, "2024-10-14",
                                                                  VISIT_URL)),
        ("https://news.example.org/fr/dupuis", page("Dupuis appelle le président", FRENCH_PAGE, "2024-11-06",
                                                    "https://news.example.org/fr/dupuis", lang="fr")),
        ("https://news.example.org/matos", page("Matos praises Okafor", OKAFOR_VISIT[1:], "2024-10-15",
                                                "https://news.example.org/2024/10/15/matos-praises-okafor")),
    ])
    return folder


def test_pages_and_archive_records_become_documents_with_title_date_and_url(news_folder):
    items = list(read_documents([str(news_folder)]))
    read = [item.document for item in items if isinstance(item, Read)]
    assert [(d.id, d.date, d.title, d.url) for d in read] == [
        ("news.example.org/2024/10/14/okafor-visits-lisbon", dt.date(2024, 10, 14), "Okafor visits Lisbon", VISIT_URL),
        ("news.example.org/2024/10/15/matos-praises-okafor", dt.date(2024, 10, 15), "Matos praises Okafor",
         "https://news.example.org/2024/10/15/matos-praises-okafor"),
        ("lindqvist", dt.date(2024, 11, 7), "Lindqvist calls Berg", CALL_URL),
    ]
    # navigation, footer and the repeated headline are not text; each <p> is a paragraph
    assert read[2].text == "\n\n".join(LINDQVIST_CALL)
    assert [s.kind for s in items if isinstance(s, Skip)] == [NOT_ENGLISH]


def test_an_archive_is_read_one_record_at_a_time(tmp_path):
    from graph.ingest.warc import warc_documents

    pages = [(f"https://x.example/{i}", page(f"Okafor visits Lisbon {i}", OKAFOR_VISIT + [f"Update {i}: " + "more. " * i],
                                              "2024-10-14", f"https://x.example/{i}")) for i in range(300)]
    archive = write_warc(tmp_path / "big.warc.gz", pages)
    with archive.open("rb") as handle:
        first = next(warc_documents(handle, "big.warc.gz", None))
        assert isinstance(first, Read) and handle.tell() < archive.stat().st_size / 10


def test_a_page_fetched_twice_is_a_repeat_and_a_page_without_text_is_counted(tmp_path):
    empty = "<html><head><title>Page not found</title></head><body><div class='error'></div></body></html>"
    write_warc(tmp_path / "a.warc", [("https://x.example/1", page("Okafor visits Lisbon", OKAFOR_VISIT, "2024-10-14",
                                                                  VISIT_URL)),
                                     ("https://x.example/1?again", page("Okafor visits Lisbon", OKAFOR_VISIT[:2],
                                                                        "2024-10-14", VISIT_URL)),
                                     ("https://x.example/", empty)], gzip=False)
    kinds = [item.kind if isinstance(item, Skip) else "read" for item in read_documents([str(tmp_path / "a.warc")])]
    assert kinds == ["read", REPEATED, NOT_ARTICLE]


def test_a_corrupt_archive_is_one_skip_after_what_it_held(tmp_path):
    write_warc(tmp_path / "a.warc.gz", [("https://x.example/1", page("Okafor visits Lisbon", OKAFOR_VISIT,
                                                                     "2024-10-14", VISIT_URL))])
    data = (tmp_path / "a.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data + gzip.compress(b"garbage after the first record\r\n\r\n"))
    items = list(read_documents([str(tmp_path / "cut.warc.gz")]))
    assert isinstance(items[0], Read)
    assert all(isinstance(i, Skip) and "unreadable" in i.message for i in items[1:]) and len(items) == 2


@pytest.mark.parametrize("text, language", [
    ("\n\n".join(FRENCH_PAGE), "fr"),
    ("Die Bundesregierung hat am Mittwoch neue Regeln für den Wohnungsbau beschlossen. Die Ministerin sagte, "
     "die Reform werde Familien entlasten und den Bau von Sozialwohnungen beschleunigen.", "de"),
    ("\n\n".join(OKAFOR_VISIT), None),
    ("Short text.", None),  # too short to tell: kept
])
def test_language_is_told_only_when_clear(text, language):
    assert other_language(text) == language


def test_english_news_is_told_without_loading_the_language_model():
    # the model takes a third of a second to load: a build of English news should not pay for it
    from graph.ingest import language

    language._identifier.cache_clear()
    assert other_language("\n\n".join(OKAFOR_VISIT)) is None
    assert language._identifier.cache_info().currsize == 0
    assert other_language("\n\n".join(FRENCH_PAGE)) == "fr"  # a French page still asks it
    assert language._identifier.cache_info().currsize == 1


@pytest.mark.model
def test_a_folder_with_a_page_and_an_archive_builds_the_right_documents_and_summary(news_folder, tmp_path, nlp):
    out = tmp_path / "news.ttl"
    result = CliRunner().invoke(main, ["build", str(news_folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    summary = [line for line in result.stderr.splitlines() if not line.startswith("newsgraph: warning")]
    assert summary[0].startswith(f"newsgraph: wrote {out} (")
    assert summary[0].endswith("3 documents built, 0 skipped, 0 repeated, 1 not in English")
    assert summary[1].startswith("  entities ") and "Person" in summary[1]
    assert summary[2].startswith("  events ") and "PhoneCall 1" in summary[2] and "Visit 1" in summary[2]
    assert summary[3] == f"  next:    newsgraph query {out} --name events"
    graph = Graph().parse(out)
    documents = {str(graph.value(d, DCTERMS.identifier)): (str(graph.value(d, DCTERMS.issued)),
                                                             graph.value(d, SCHEMA.url))
                 for d in graph.subjects(None, NG.Document)}
    assert documents == {"lindqvist": ("2024-11-07", URIRef(CALL_URL)),
                         "news.example.org/2024/10/14/okafor-visits-lisbon": ("2024-10-14", URIRef(VISIT_URL)),
                         "news.example.org/2024/10/15/matos-praises-okafor": (
                             "2024-10-15", URIRef("https://news.example.org/2024/10/15/matos-praises-okafor"))}
    # dates resolve against each page's own date: Lindqvist's Wednesday call is 2024-11-06
    calls = [e for e in graph.subjects(None, NG.PhoneCall)]
    assert [str(graph.value(c, NG.date)) for c in calls] == ["2024-11-06"]


def test_a_url_that_is_no_iri_is_dropped_with_a_warning(tmp_path, caplog):
    from graph.pipeline import BuildReport, _checked

    lines = [json.dumps({"id": "a", "text": "Hello.", "url": "not a url"}),
             json.dumps({"id": "b", "text": "Hello again.", "url": "https://example.org/b"}),
             json.dumps({"id": "c", "text": "And again.", "url": 42})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    documents = list(_checked(read_documents([str(tmp_path / "a.jsonl")], english_only=False), BuildReport(),
                              strict=False))
    assert [d.url for d in documents] == [None, "https://example.org/b", None]
    warnings = [r.getMessage() for r in caplog.records]
    assert any("a.jsonl:1: url 'not a url' is not an absolute IRI; dropped" in w for w in warnings)
    assert any('a.jsonl:3: "url" is not a string; dropped' in w for w in warnings)


def test_parse_units_are_bounded_and_cut_at_sentence_ends():
    sentence = "The minister met the ambassador in the capital on Tuesday. "
    text = sentence * 40_000  # 2.4 million characters in one paragraph
    units = paragraphs(text)
    assert max(p.end - p.begin for p in units) <= MAX_UNIT
    assert all(text[p.end - 1] == "." for p in units)  # every cut at the end of a sentence
    assert sum(p.end - p.begin for p in units) + len(units) - 1 == len(text.rstrip())


def test_runs_too_long_to_be_words_are_left_out_of_the_parse_but_kept_in_the_text():
    text = "Okafor met Matos. " + "🙂" * 5000 + " Matos thanked Okafor."
    units = paragraphs(text)
    assert [text[p.begin:p.end] for p in units] == ["Okafor met Matos.", "Matos thanked Okafor."]
    assert MAX_RUN < 5000
