"""The build pipeline: ingest → nlp → extraction → records → RDF, streaming one document at a time.

The pipeline wires the stages: it reads the lexicon from the ontology (RDF) and hands it to
extraction (which knows no RDF), and maps the records extraction yields to RDF.
"""
from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Iterable, Iterator

from rdflib import Graph

from .extraction import extract_document
from .extraction.nlp import load_model, parse_documents
from .ingest import document_from_text, read_inputs
from .lexicon import Lexicon
from .rdf.lexicon import default_lexicon
from .rdf.mapping import IriMinter, document_triples, to_rdf
from .rdf.vocab import DEFAULT_BASE_IRI
from .records import Document, DocumentGraph

log = logging.getLogger("newsgraph")


def extract(documents: Iterable[Document], *, model: str | None = None,
            lexicon: Lexicon | None = None) -> Iterator[DocumentGraph]:
    """Records for each document, in input order."""
    documents = iter(documents)
    first = next(documents, None)  # read (and check) the first input before the slow model load
    if first is None:
        return
    documents = itertools.chain([first], documents)
    nlp = load_model(model)
    lexicon = lexicon or default_lexicon()
    undated: list[str] = []
    for parsed in parse_documents(documents, nlp):
        if parsed.document.date is None:
            undated.append(parsed.document.id)
        yield extract_document(parsed, lexicon)
    if undated:
        # one warning for the whole run: relative dates ("on Tuesday", "March 3") need an article date
        count = f"{len(undated)} documents have" if len(undated) > 1 else "1 document has"
        log.warning("%s no date (first: %s): their relative dates stay unresolved; "
                    "give a date header or --date", count, undated[0])


def extract_inputs(inputs: Iterable[str], *, default_date: dt.date | None = None,
                   model: str | None = None) -> Iterator[DocumentGraph]:
    """Records for every document of the given paths ('-' for stdin)."""
    return extract(read_inputs(inputs, default_date), model=model)


def document_graphs(results: Iterable[DocumentGraph], base_iri: str = DEFAULT_BASE_IRI) -> Iterator[tuple[str, Graph]]:
    """(document IRI, its graph) for each result: the unit a store or a named graph holds."""
    iris, labels = IriMinter(base_iri), {}
    for result in results:
        yield str(iris.document(result.document)), document_triples(result, base_iri, labels)


def build_graph(inputs: Iterable[str], *, default_date: dt.date | None = None, model: str | None = None,
                base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """One rdflib graph of every document of the inputs."""
    return to_rdf(extract_inputs(inputs, default_date=default_date, model=model), base_iri)


def text_to_graph(text: str, *, date: dt.date | None = None, doc_id: str | None = None,
                  model: str | None = None, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The graph of one article given as a string (handy in notebooks and tests)."""
    document = document_from_text(text, doc_id=doc_id, source=None, default_date=date, where="<text>")
    return to_rdf(extract([document], model=model), base_iri)
