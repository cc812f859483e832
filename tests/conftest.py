"""Shared fixtures: spaCy Docs built by hand, so most tests need no statistical model."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy
from chromium import page, tab  # noqa: F401  (the browser tests' fixtures)
from spacy.tokens import Doc

from graph.extraction.nlp import ParsedDocument, ParsedParagraph
from graph.records import Document, Paragraph

DEFAULT_TAGS = {"VERB": "VBD", "PROPN": "NNP", "NOUN": "NN", "PRON": "PRP", "ADP": "IN", "DET": "DT",
                "PUNCT": ".", "AUX": "MD", "PART": "RB", "ADJ": "JJ", "CCONJ": "CC", "ADV": "RB", "NUM": "CD"}
_VOCAB = spacy.blank("en").vocab  # English lexical attributes (is_alpha, is_punct …)


def make_doc(spec: str, ents: list[tuple[int, int, str]] = ()) -> Doc:
    """A parsed Doc from 'word/POS/dep/head[/lemma[/tag]]' items separated by spaces.

    `head` is the absolute index of the head token; a ROOT points at itself. SLASH stands for '/'.
    """
    words, pos, deps, heads, lemmas, tags = [], [], [], [], [], []
    for item in spec.split():
        parts = item.split("/")
        word, p, dep, head = parts[0].replace("_", " ").replace("SLASH", "/"), parts[1], parts[2], int(parts[3])
        words.append(word)
        pos.append(p)
        deps.append(dep)
        heads.append(head)
        lemmas.append(parts[4] if len(parts) > 4 and parts[4] else word.lower())
        tags.append(parts[5] if len(parts) > 5 else DEFAULT_TAGS.get(p, "XX"))
    # written as in print: no space before punctuation or "'s", none around a hyphen
    spaces = [not (words[i] == "-" or i + 1 < len(words) and words[i + 1] in (".", ",", "'s", "-"))
              for i in range(len(words))]
    spaces[-1] = False
    ent_strings = ["O"] * len(words)
    for start, end, label in ents:
        ent_strings[start] = f"B-{label}"
        for i in range(start + 1, end):
            ent_strings[i] = f"I-{label}"
    return Doc(_VOCAB, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads, lemmas=lemmas,
               tags=tags, ents=ent_strings)


def ontology_copy():
    """A copy of the bundled ontology that a test may edit (the bundled graph is shared and cached)."""
    from rdflib import Graph

    from graph.rdf.ontology import ontology_graph

    edited = Graph()
    edited += ontology_graph()
    return edited


def parsed(*docs: Doc, date: dt.date | None = dt.date(2024, 11, 7), doc_id: str = "test") -> ParsedDocument:
    """A ParsedDocument whose paragraphs are the given Docs (separated by blank lines)."""
    text, units = "", []
    for doc in docs:
        if text:
            text += "\n\n"
        units.append(ParsedParagraph(Paragraph(len(text), len(text) + len(doc.text)), doc))
        text += doc.text
    return ParsedDocument(Document(doc_id, text, date), units)


@pytest.fixture(scope="session")
def nlp():
    from graph.extraction.nlp import load_model

    return load_model(None)


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory):
    """The seed-like corpus of tests/seedlike.py as a Turtle file."""
    from seedlike import seed_like

    from graph.output.export import write_documents
    from graph.pipeline import document_graphs

    path = tmp_path_factory.mktemp("seed") / "seed.ttl"
    write_documents(document_graphs(seed_like()), path)
    return path


@pytest.fixture(scope="session")
def seed_tables(seed_graph):
    """The seed-like corpus read back as tables, as the drawings read it."""
    from graph.output.sources import open_source
    from graph.output.tables import read_tables

    return read_tables(open_source(seed_graph).store)
