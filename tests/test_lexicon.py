"""The lexicon is frozen data read from the ontology; extraction asks it of every name and token."""
from __future__ import annotations

import pickle

from conftest import ontology_copy

from graph.lexicon import EventClass, Lexicon
from graph.rdf.lexicon import default_lexicon, lexicon_from_graph

CALL = EventClass("PhoneCall", "symmetric", frozenset({"call"}), frozenset(), frozenset({"call"}), frozenset(),
                  frozenset(), frozenset())
SAY = EventClass("Statement", "unary", frozenset({"say"}), frozenset(), frozenset(), frozenset(), frozenset(),
                 frozenset({"according to"}))


def lexicon(**cues) -> Lexicon:
    return Lexicon((CALL, SAY), frozenset(), frozenset(), frozenset(), frozenset({"minister"}), frozenset(), **cues)


def test_a_word_listed_under_two_kinds_takes_the_first_kind_listed():
    words = lexicon(name_heads=(("Organization", frozenset({"union", "bank"})), ("Place", frozenset({"union", "river"}))),
                    class_nouns=(("Organization", frozenset({"school"})), ("Place", frozenset({"school", "town"}))),
                    prepositions=(("Place", frozenset({"in", "near"})),))
    assert [words.head_kind(w) for w in ("Union", "RIVER", "bank", "Lee")] == ["Organization", "Place", "Organization", None]
    assert [words.class_kind(w) for w in ("School", "town", "minister", "car")] == ["Organization", "Place", "Person", None]
    assert [words.preposition_kind(w) for w in ("Near", "to")] == ["Place", None]


def test_classes_and_speech_verbs_are_found_by_name():
    words = lexicon()
    assert words.by_name("Statement") is SAY and words.role_pattern("PhoneCall") == "symmetric"
    assert words.speech_verbs == {"say"} and words.attribution_phrases == {"according to"}


def test_the_lexicon_read_twice_is_one_key_for_the_caches_of_extraction():
    again = lexicon_from_graph(ontology_copy())
    assert again == default_lexicon() and hash(again) == hash(default_lexicon())


def test_a_lexicon_sent_to_a_worker_process_carries_its_cue_words_only():
    # a string's hash differs between processes: the worker works out the lexicon's hash and indexes itself
    words = default_lexicon()
    hash(words), words.head_kind("University"), words.speech_verbs  # worked out in this process
    copy = pickle.loads(pickle.dumps(words))
    assert set(vars(copy)) == set(Lexicon.__dataclass_fields__)
    assert copy == words and copy.head_kind("University") == words.head_kind("University") == "Organization"
