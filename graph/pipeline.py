"""The build pipeline: ingest → nlp → extraction → records → RDF, streaming one document at a time."""
from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator

from rdflib import Graph

from .extract import extract_document
from .ingest import read_inputs
from .nlp import load_model, parse_documents
from .ontology import Lexicon, default_lexicon
from .rdfmap import document_triples, to_rdf
from .records import Document, DocumentGraph
from .vocab import DEFAULT_BASE_IRI


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
    for parsed in parse_documents(documents, nlp):
        yield extract_document(parsed, lexicon)


def extract_inputs(inputs: Iterable[str], *, default_date: dt.date | None = None,
                   model: str | None = None) -> Iterator[DocumentGraph]:
    """Records for every document of the given paths ('-' for stdin)."""
    return extract(read_inputs(inputs, default_date), model=model)


def document_graphs(results: Iterable[DocumentGraph], base_iri: str = DEFAULT_BASE_IRI) -> Iterator[tuple[str, Graph]]:
    """(document IRI, its graph) for each result: the unit a store or a named graph holds."""
    from .rdfmap import IriMinter

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
    from .ingest import document_from_text

    document = document_from_text(text, doc_id=doc_id, source=None, default_date=date, where="<text>")
    return to_rdf(extract([document], model=model), base_iri)
