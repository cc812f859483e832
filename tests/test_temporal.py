"""Date expressions resolve against the article date (Thursday 2024-11-07)."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_doc
from hypothesis import given
from hypothesis import strategies as st

from graph.extraction.temporal import SAME_DAY, SAME_DAY_WORD, governs, moves_the_narrative, resolve

THURSDAY = dt.date(2024, 11, 7)


@pytest.mark.parametrize("expression, future, expected", [
    ("Wednesday", False, dt.date(2024, 11, 6)),
    ("on Thursday", False, THURSDAY),  # the article's own weekday is its own day
    ("later on Thursday", True, THURSDAY),
    ("last Thursday", False, dt.date(2024, 10, 31)),
    ("next Thursday", True, dt.date(2024, 11, 14)),
    ("Friday", True, dt.date(2024, 11, 8)),
    ("Monday", True, dt.date(2024, 11, 11)),
    ("yesterday", False, dt.date(2024, 11, 6)),
    ("today", False, THURSDAY),
    ("Tomorrow", True, dt.date(2024, 11, 8)),
    ("November 6, 2024", False, dt.date(2024, 11, 6)),
    ("March 3", False, dt.date(2024, 3, 3)),
    ("March 3", True, dt.date(2025, 3, 3)),
    ("Dec. 30", False, dt.date(2023, 12, 30)),
    ("Dec. 30", True, dt.date(2024, 12, 30)),
    ("2024-11-05", False, dt.date(2024, 11, 5)),
])
def test_expressions_resolve_to_calendar_days(expression, future, expected):
    assert resolve(expression, THURSDAY, future=future) == expected


@pytest.mark.parametrize("expression", ["last week", "in the near future", "shortly", "2024", "recently"])
def test_vague_expressions_stay_undated(expression):
    assert resolve(expression, THURSDAY) is None


def test_same_day_expressions_follow_the_reference_date():
    assert resolve("earlier in the day", THURSDAY, reference=dt.date(2024, 11, 6)) == dt.date(2024, 11, 6)
    assert resolve("later that day", THURSDAY) == THURSDAY


def test_no_article_date_means_no_relative_dates():
    assert resolve("Wednesday", None) is None
    assert resolve("November 6, 2024", None) == dt.date(2024, 11, 6)
    # a day without a year names no day in an undated article: never today's year
    assert resolve("March 3", None) is None
    assert resolve("Dec. 30", None, future=True) is None


@pytest.mark.parametrize("expression, moves", [
    ("earlier this month", True), ("in 1984", True), ("last week", True), ("two weeks ago", True),
    ("for about 30 minutes", False), ("three-day", False), ("two days", False), ("annually", False),
])
def test_vague_expressions_that_move_the_story_are_told_from_durations(expression, moves):
    assert moves_the_narrative(expression) is moves


def test_a_date_governs_the_triggers_in_its_clause_and_no_others():
    # "Ruiz said on Monday that Lee would visit Porto, and Okafor left."
    doc = make_doc("Ruiz/PROPN/nsubj/1 said/VERB/ROOT/1/say on/ADP/prep/1 Monday/PROPN/pobj/2 that/SCONJ/mark/7 "
                   "Lee/PROPN/nsubj/7 would/AUX/aux/7 visit/VERB/ccomp/1 Porto/PROPN/dobj/7 ,/PUNCT/punct/1 "
                   "and/CCONJ/cc/1 Okafor/PROPN/nsubj/12 left/VERB/conj/1/leave ./PUNCT/punct/1")
    said, visit, left = doc[1], doc[7], doc[12]
    assert governs(said, visit) and governs(said, left) and governs(visit, visit)
    assert not governs(visit, said) and not governs(visit, left)
    for anchor in doc:  # the clause is the anchor's whole subtree
        assert [governs(anchor, t) for t in doc] == [t in set(anchor.subtree) for t in doc]


@given(st.lists(st.sampled_from(["earlier", "Later", "in", "that", "the", "THE", "same", "day", "Day", "this",
                                 "morning", "Evening", "afternoon", "on", "of", "Monday", "holiday", ",", "."]),
                max_size=8))
def test_a_paragraph_without_a_same_day_word_holds_no_same_day_phrase(words):
    # date_expressions skips the SAME_DAY search of a paragraph's sentences where SAME_DAY_WORD finds nothing
    text = " ".join(words)
    assert not SAME_DAY.search(text) or SAME_DAY_WORD.search(text)
