"""Reading articles: date headers, paragraphs, JSON Lines, folders and clear errors."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from graph.ingest import InputError, document_from_text, paragraphs, read_inputs, split_header


def test_date_header_on_the_first_line_is_the_article_date_not_text():
    text, date, title = split_header(" date 2024-11-07 Leaders spoke on Wednesday.\n\nMore.")
    assert date == dt.date(2024, 11, 7)
    assert text.startswith("Leaders spoke")
    assert title is None


def test_title_line_then_date_line_header():
    text, date, title = split_header("Ministers meet in Oslo\n\nFriday, August 21, 2015\n\nThe ministers met.")
    assert (title, date, text) == ("Ministers meet in Oslo", dt.date(2015, 8, 21), "The ministers met.")


def test_a_headline_above_a_date_line_opens_the_article_text():
    # the names and events of a headline are the article's, as where a dated text opens with it
    document = document_from_text("Ministers meet in Oslo\n\nFriday, August 21, 2015\n\nThe ministers met.",
                                  doc_id=None, source=None, default_date=None, where="<text>")
    assert document.title == "Ministers meet in Oslo" and document.date == dt.date(2015, 8, 21)
    assert document.text == "Ministers meet in Oslo\n\nThe ministers met."
    assert [document.text[p.begin:p.end] for p in paragraphs(document.text)][0] == "Ministers meet in Oslo"


def test_dateline_running_into_the_first_paragraph():
    text, date, title = split_header("Flag debate opens\n\nThursday, May 7, 2015 On Tuesday, officials spoke.\n\nMore.")
    assert (title, date) == ("Flag debate opens", dt.date(2015, 5, 7))
    assert text == "On Tuesday, officials spoke.\n\nMore."


def test_paragraphs_keep_offsets_and_mark_captions():
    text = "First one.\n\nIMAGE: A caption.\n\n  Third."
    found = paragraphs(text)
    assert [text[p.begin:p.end] for p in found] == ["First one.", "IMAGE: A caption.", "Third."]
    assert [p.is_caption for p in found] == [False, True, False]


@pytest.mark.parametrize("opening, dateline", [
    ("PORTO (Lusa) - Mayor Ana Ruiz called", "PORTO (Lusa) -"),
    ("Lisbon, Nov. 7 (Agência) -- Ruiz called", "Lisbon, Nov. 7 (Agência) --"),
    ("VALLETTA – The minister called", "VALLETTA –"),
    ("OSLO/BERGEN (Wire) -Shares fell", "OSLO/BERGEN (Wire) -"),
    ("(Harbour Gazette) – Ruiz called", "(Harbour Gazette) –"),
])
def test_a_dateline_opening_the_story_is_a_block_of_its_own(opening, dateline):
    text = f"Ruiz calls Okafor\n\n{opening} Okafor on Sunday."
    found = paragraphs(text)
    assert [text[p.begin:p.end] for p in found][:2] == ["Ruiz calls Okafor", dateline]
    assert [p.is_dateline for p in found] == [False, True, False]
    assert text[found[2].begin:found[2].end].endswith("Okafor on Sunday.")


@pytest.mark.parametrize("opening", ["Ruiz - the mayor - called Okafor.", "UN - the body met.", "US officials called."])
def test_a_sentence_that_opens_with_a_name_is_no_dateline(opening):
    assert [p.is_dateline for p in paragraphs(opening)] == [False]


def test_a_dateline_with_a_full_date_dates_an_undated_article():
    text = "LISBON, Nov 7, 2024 (Wire) - Ruiz called Okafor on Wednesday."
    assert document_from_text(text, doc_id="a", source=None, default_date=None, where="a").date == dt.date(2024, 11, 7)
    header = document_from_text("date 2024-11-08\n" + text, doc_id="a", source=None, default_date=None, where="a")
    assert header.date == dt.date(2024, 11, 8)  # a header wins
    yearless = document_from_text("LISBON, Nov 7 (Wire) - Ruiz called.", doc_id="a", source=None, default_date=None,
                                  where="a")
    assert yearless.date is None  # a day without a year names no date we can know


def test_folder_jsonl_and_default_date(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-01-02\nOne.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About these files", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Two.", encoding="utf-8")
    lines = tmp_path / "c.jsonl"
    lines.write_text(json.dumps({"id": "x1", "text": "Three.", "date": "2023-05-06", "url": "https://example.org/x1"})
                     + "\n", encoding="utf-8")
    docs = list(read_inputs([str(tmp_path)], default_date=dt.date(2020, 1, 1)))
    assert [(d.id, d.date) for d in docs] == [("a", dt.date(2024, 1, 2)), ("x1", dt.date(2023, 5, 6)),
                                              ("b", dt.date(2020, 1, 1))]
    assert docs[1].url == "https://example.org/x1"


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", "date 2024-01-01\n   ", "has no text"),
    ("bad.jsonl", '{"id": "a", "text": "ok"}\n{not json\n', "bad.jsonl:2: malformed JSON"),
    ("notext.jsonl", '{"id": "a"}\n', "\"text\" string"),
    ("article.pdf", "x", "unknown input type"),
])
def test_bad_input_raises_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(read_inputs([str(path)]))


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.txt")]))


def test_a_repeated_article_is_read_once_but_a_reused_id_is_an_error(tmp_path):
    lines = tmp_path / "news.jsonl"
    lines.write_text(json.dumps({"id": "n-1", "text": "One."}) + "\n" + json.dumps({"id": "n-1", "text": "One."}) + "\n",
                     encoding="utf-8")
    assert [d.id for d in read_inputs([str(lines), str(lines)])] == ["n-1"]
    (tmp_path / "N 1.txt").write_text("Another article.", encoding="utf-8")  # 'N 1' and 'n-1' make one IRI
    with pytest.raises(InputError, match=r"N 1.txt: document id 'N 1' is already used by another text \(.*news.jsonl:1\)"):
        list(read_inputs([str(lines), str(tmp_path / "N 1.txt")]))
