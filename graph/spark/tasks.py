"""What the executors run: plain Python over rows, the same code a local build runs.

- `read_file_rows`: one input file (its bytes, from any file system Spark reads) → a row per document
  or skip, read by graph.ingest exactly as `newsgraph build` reads it;
- `extract_rows`: a partition of documents → their records, the model loaded once per Python worker
  (and so at most once per partition), parsed in the same chunks as a local build;
- `nquads_rows`: records and the corpus-wide labels of their entities → each document's named graph
  (N-Quads) and its triples for the merged default graph (N-Triples).
Rows are tuples in the order of the schemas in job.py.
"""
from __future__ import annotations

import datetime as dt
import io
import pickle
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from ..extraction.workers import chunks, extract_chunk
from ..ingest import Skip, read_file, shown
from ..ingest.article import content_id, text_id
from ..ingest.language import other_language
from ..records import Document, DocumentGraph, slug

READ, NOT_ENGLISH_KIND = "read", "not-english"


def local_name(uri: str) -> str:
    """A path as a local build names it: a local file's URI as its path, any other URI as it is."""
    for prefix in ("file://", "file:"):
        if uri.startswith(prefix):
            rest = uri[len(prefix):]
            return rest if rest.startswith("/") else "/" + rest
    return uri


def read_file_rows(run: int, input_index: int, uri: str, data: bytes,
                   default_date: dt.date | None) -> Iterator[tuple]:
    """(run, input, path parts, position, place, kind, message, id, text, date, title, url, source, key,
    digest, text_key) for each document or skip of one file."""
    name = local_name(uri)
    parts = list(PurePosixPath(name).parts)  # a local build walks a folder in this order
    for position, item in enumerate(read_file(io.BytesIO(data), name, default_date, in_folder=True)):
        if isinstance(item, Skip):
            yield (run, input_index, parts, position, item.message.split(": ", 1)[0], item.kind, item.message,
                   None, None, None, None, None, None, None, None, None)
            continue
        yield document_row(run, input_index, parts, position, item.place, item.document)


def document_row(run: int, input_index: int, parts: list[str], position: int, place: str, doc: Document) -> tuple:
    return (run, input_index, parts, position, place, READ, None, doc.id, doc.text,
            doc.date.isoformat() if doc.date else None, doc.title, doc.url, doc.source,
            slug(doc.id), content_id(doc.text), text_id(doc.text))


def _document(row) -> Document:
    return Document(row["id"], row["text"], dt.date.fromisoformat(row["date"]) if row["date"] else None,
                    row["title"], row["url"], row["source"])


def extract_rows(rows: Iterable, model: str | None, english_only: bool) -> Iterator[tuple]:
    """(order key, kind, message, records pickled) for each document of a partition."""
    from ..extraction.workers import ready_model
    from ..rdf.lexicon import default_lexicon

    nlp = lexicon = None
    english: list[tuple] = []
    for row in rows:
        order = (row["run"], row["input"], list(row["parts"]), row["position"])
        language = other_language(row["text"]) if english_only else None
        if language:
            yield order, NOT_ENGLISH_KIND, f"{row['place']}: not in English ({language})", None
        else:
            english.append((order, _document(row)))
    if not english:
        return
    nlp, lexicon = ready_model(model), default_lexicon()  # cached: once per Python worker
    orders = {id(document): order for order, document in english}
    for chunk in chunks(document for _, document in english):
        for document, outcome in zip(chunk, extract_chunk(chunk, nlp, lexicon)):
            order = orders[id(document)]
            if isinstance(outcome, BaseException):
                yield order, "bad", (f"{document.source or '<input>'}: document {shown(document.id)}: internal error "
                                     f"({type(outcome).__name__}: {str(outcome)[:120]}); please report it"), None
            else:
                yield order, READ, None, pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)


def entity_rows(order, records: bytes) -> Iterator[tuple]:
    """(key, kind, name, aliases, order) for each entity of a document's records."""
    result: DocumentGraph = pickle.loads(records)
    for entity in result.entities:
        yield entity.key, entity.kind, entity.name, [entity.name, *entity.aliases], order


def nquads_rows(rows: Iterable, base_iri: str) -> Iterator[tuple[str, str]]:
    """(the document's named graph as N-Quads, its triples as N-Triples) for each row of records with
    `labels` (entity key → the label the corpus gives it)."""
    from ..rdf.mapping import IriMinter, document_statements

    iris = IriMinter(base_iri)
    for row in rows:
        result: DocumentGraph = pickle.loads(row["records"])
        statements = document_statements(result, iris, dict(row["labels"] or {}))
        graph = iris.document(result.document)
        yield (statements.ntriples(graph).decode("utf-8").rstrip("\n"),
               statements.ntriples().decode("utf-8").rstrip("\n"))
