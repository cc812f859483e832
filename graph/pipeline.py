"""The build pipeline: ingest → nlp → extraction → records → RDF, streaming one document at a time.

The pipeline wires the stages: it reads the lexicon from the ontology (RDF) and hands it to
extraction (which knows no RDF), and maps the records extraction yields to RDF. A build keeps going
past a bad document: a `BuildReport` counts what was built and skipped and tells a listener each
step (the command line draws its progress bar and its skip lines from it; the library logs them).
"""
from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from rdflib import Graph

from .extraction.workers import extract_documents
from .ingest import (
    BAD,
    NOT_ARTICLE,
    NOT_ENGLISH,
    NOTE,
    REPEATED,
    InputError,
    Read,
    Skip,
    check_inputs,
    document_from_text,
    read_documents,
    shown,
)
from .lexicon import Lexicon
from .rdf.iris import is_absolute_iri
from .rdf.lexicon import default_lexicon
from .rdf.mapping import IriMinter, check_base_iri, rdflib_graph, to_rdf
from .rdf.mapping import document_statements as mapped_statements
from .rdf.statements import Statements
from .rdf.vocab import DEFAULT_BASE_IRI
from .records import Document, DocumentGraph

log = logging.getLogger("newsgraph")


@dataclass
class BuildReport:
    """What a build did, counted as it goes. `listener` hears each Skip and each DocumentGraph built."""

    listener: Callable[[Skip | DocumentGraph], None] | None = None
    built: int = 0
    skips: Counter = field(default_factory=Counter)  # kind → count
    entity_keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # kind → keys
    events: Counter = field(default_factory=Counter)  # type → count

    def skipped(self, skip: Skip) -> None:
        self.skips[skip.kind] += 1
        if self.listener:
            self.listener(skip)
        elif skip.kind in (BAD, NOTE):
            log.warning("%s", skip.message if skip.kind == NOTE else f"skipped {skip.message}")

    def document_built(self, result: DocumentGraph) -> None:
        self.built += 1
        for entity in result.entities:
            self.entity_keys[entity.kind].add(entity.key)
        self.events.update(event.kind for event in result.events)
        if self.listener:
            self.listener(result)

    @property
    def bad(self) -> int:
        return self.skips[BAD]

    @property
    def repeated(self) -> int:
        return self.skips[REPEATED]

    @property
    def not_english(self) -> int:
        return self.skips[NOT_ENGLISH]

    @property
    def not_articles(self) -> int:
        return self.skips[NOT_ARTICLE]

    def entities_by_kind(self) -> dict[str, int]:
        return {kind: len(keys) for kind, keys in sorted(self.entity_keys.items())}


def extract(documents: Iterable[Document], *, model: str | None = None, lexicon: Lexicon | None = None,
            report: BuildReport | None = None, workers: int = 1) -> Iterator[DocumentGraph]:
    """Records for each document, in input order, extracted in `workers` processes (the same records
    whatever their number)."""
    lexicon = lexicon or default_lexicon()
    undated: list[str] = []
    for document, outcome in extract_documents(documents, lexicon, model=model, workers=workers):
        if document.date is None:
            undated.append(document.id)
        if isinstance(outcome, BaseException):  # a bug met on one document must not lose the others
            if report is None:
                raise outcome
            report.skipped(Skip(f"{document.source or '<input>'}: document {shown(document.id)}: internal error "
                                f"({type(outcome).__name__}: {str(outcome)[:120]}); please report it"))
            continue
        if report is not None:
            report.document_built(outcome)
        yield outcome
    if undated:
        # one warning for the whole run: relative dates ("on Tuesday", "March 3") need an article date
        count = f"{len(undated)} documents have" if len(undated) > 1 else "1 document has"
        log.warning("%s no date (first: %s): their relative dates stay unresolved; "
                    "give a date header or --date", count, undated[0])


def _checked(items: Iterable[Read | Skip], report: BuildReport, strict: bool) -> Iterator[Document]:
    """The documents read, with a `url` that is no absolute IRI dropped; skips go to the report."""
    for item in items:
        if isinstance(item, Skip):
            if strict and item.kind == BAD:
                raise InputError(item.message)
            report.skipped(item)
            continue
        document = item.document
        if document.url is not None and not is_absolute_iri(document.url):
            log.warning("%s: url %s is not an absolute IRI; dropped", item.place, shown(document.url))
            document = replace(document, url=None)
        yield document


def extract_inputs(inputs: Iterable[str], *, default_date: dt.date | None = None, model: str | None = None,
                   english_only: bool = True, strict: bool = False,
                   report: BuildReport | None = None, workers: int = 1) -> Iterator[DocumentGraph]:
    """Records for every document of the given paths ('-' for stdin).

    Every path is checked before anything is read (an InputError at once). A bad document is skipped
    and counted in `report` (with `strict`, it raises its InputError instead); so are repeats and,
    with `english_only`, documents in another language. `workers` processes extract (see `extract`)."""
    inputs = list(inputs)
    check_inputs(inputs)
    report = report if report is not None else BuildReport()
    items = read_documents(inputs, default_date, english_only=english_only)
    return extract(_checked(items, report, strict), model=model, report=report, workers=workers)


def document_graphs(results: Iterable[DocumentGraph], base_iri: str = DEFAULT_BASE_IRI) -> Iterator[tuple[str, Graph]]:
    """(document IRI, its rdflib graph) for each result: the unit a store or a named graph holds."""
    for iri, triples in document_statements(results, base_iri):
        yield iri, rdflib_graph(triples)


def document_statements(results: Iterable[DocumentGraph],
                        base_iri: str = DEFAULT_BASE_IRI) -> Iterator[tuple[str, Statements]]:
    """(document IRI, its triples as N-Triples terms) for each result: what the build writes or stores,
    with no rdflib graph or term object on the way. The first document to name an entity gives its label."""
    iris, labels = IriMinter(base_iri), {}
    for result in results:
        yield iris.document(result.document), mapped_statements(result, iris, labels)


def build_graph(inputs: Iterable[str], *, default_date: dt.date | None = None, model: str | None = None,
                base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """One rdflib graph of every document of the inputs (bad documents skipped with a warning)."""
    check_base_iri(base_iri)
    return to_rdf(extract_inputs(inputs, default_date=default_date, model=model), base_iri)


def text_to_graph(text: str, *, date: dt.date | None = None, doc_id: str | None = None,
                  model: str | None = None, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The graph of one article given as a string (handy in notebooks and tests)."""
    check_base_iri(base_iri)
    document = document_from_text(text, doc_id=doc_id, source=None, default_date=date, where="<text>")
    return to_rdf(extract([document], model=model), base_iri)
