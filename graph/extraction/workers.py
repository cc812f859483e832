"""Extraction on every core: documents go in chunks to worker processes, each with the model loaded once.

A chunk is a run of whole documents of about one `nlp.pipe` batch of paragraphs. Every chunk is parsed
and extracted alone, the same way in this process or in a worker, so the records do not depend on how
many workers there are: `--workers 4` writes the same bytes as `--workers 1`. Results come back in
input order; at most two chunks per worker are in flight, so memory does not grow with the corpus.
Workers are spawned (never forked from a process that may hold threads), ignore Ctrl-C (the parent
stops them) and parse and extract only: the RDF mapping stays in the parent, which alone knows the
labels entities were first given.
"""
from __future__ import annotations

import concurrent.futures
import functools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import NewsgraphError
from ..ingest import paragraphs
from ..lexicon import Lexicon
from ..process import own_the_process, owned, settle
from ..records import Document, DocumentGraph
from .document import extract_document
from .entities import load_reference_data
from .matrices import single_threaded_blas
from .nlp import load_model, parse_documents

CHUNK_UNITS = 64  # parse units a chunk holds at most (one nlp.pipe batch), unless one document has more
CHUNK_CHARACTERS = 200_000  # and characters: a chunk is pickled to a worker and back
IN_FLIGHT_PER_WORKER = 2

Outcome = DocumentGraph | BaseException  # the records of a document, or what went wrong extracting it


class WorkerError(NewsgraphError):
    """A worker process that died (killed, out of memory); the message is one line for the user."""


def available_cores() -> int:
    """The cores this process may run on (its affinity, where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def chunks(documents: Iterable[Document]) -> Iterator[list[Document]]:
    """Consecutive runs of whole documents, each about one batch of paragraphs."""
    chunk, units, characters = [], 0, 0
    for document in documents:
        size = len(paragraphs(document.text))
        if chunk and (units + size > CHUNK_UNITS or characters + len(document.text) > CHUNK_CHARACTERS):
            yield chunk
            chunk, units, characters = [], 0, 0
        chunk.append(document)
        units += size
        characters += len(document.text)
    if chunk:
        yield chunk


@functools.cache
def ready_model(model: str | None):
    """The pipeline, with the data every document reads loaded too; then, in a process of our own (see
    graph/process.py), what it holds so far is frozen out of the garbage collector's sight, and BLAS is
    kept to one thread (see matrices.py): its parallelism is the worker processes."""
    nlp = load_model(model)
    load_reference_data()
    if owned():
        single_threaded_blas()
    settle()
    return nlp


def extract_chunk(documents: list[Document], nlp, lexicon: Lexicon) -> list[Outcome]:
    """Parse a chunk in one `nlp.pipe` stream and extract each document; a bug met in one document is
    its outcome (so that the others are not lost)."""
    outcomes: list[Outcome] = []
    for parsed in parse_documents(documents, nlp):
        try:
            outcomes.append(extract_document(parsed, lexicon))
        except Exception as error:
            outcomes.append(error)
    return outcomes


# ---------------------------------------------------------------- in a worker process
_WORKER: dict = {}


def _start_worker(model: str | None, lexicon: Lexicon) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops us
    own_the_process()
    _WORKER["nlp"], _WORKER["lexicon"] = ready_model(model), lexicon


def _work(documents: list[Document]) -> list[Outcome]:
    return extract_chunk(documents, _WORKER["nlp"], _WORKER["lexicon"])


# ---------------------------------------------------------------- in the parent
def extract_documents(documents: Iterable[Document], lexicon: Lexicon, *, model: str | None = None,
                      workers: int = 1) -> Iterator[tuple[Document, Outcome]]:
    """(document, outcome) for each document, in input order, extracted by `workers` processes (this
    one when 1, or when the input is a single chunk: no worker is worth starting for it)."""
    pending = chunks(documents)
    first, second = next(pending, None), next(pending, None)
    if first is None:
        return
    chunked = _chained(first, second, pending)
    if workers <= 1 or second is None:
        nlp = ready_model(model)
        for chunk in chunked:
            yield from zip(chunk, extract_chunk(chunk, nlp, lexicon))
    else:
        yield from _in_workers(chunked, lexicon, model, workers)


def _chained(first: list[Document], second: list[Document] | None,
             rest: Iterator[list[Document]]) -> Iterator[list[Document]]:
    yield first
    if second is not None:
        yield second
        yield from rest


def _in_workers(chunked: Iterator[list[Document]], lexicon: Lexicon, model: str | None,
                workers: int) -> Iterator[tuple[Document, Outcome]]:
    settle()  # this process loads no model: what it holds now is what it keeps
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker, initargs=(model, lexicon))
    in_flight: deque = deque()
    try:
        for chunk in chunked:
            in_flight.append((chunk, pool.submit(_work, chunk)))
            while len(in_flight) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _finished(*in_flight.popleft())
        while in_flight:
            yield from _finished(*in_flight.popleft())
    finally:
        _stop(pool)


def _finished(chunk: list[Document], future: concurrent.futures.Future) -> Iterator[tuple[Document, Outcome]]:
    try:
        outcomes = future.result()
    except concurrent.futures.process.BrokenProcessPool:
        raise WorkerError("an extraction worker process died (out of memory? try fewer --workers)") from None
    yield from zip(chunk, outcomes)


def _stop(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    """Stop the workers now, also when the build is interrupted mid-chunk (shutdown alone would wait for
    the chunks they are on)."""
    live = getattr(pool, "_processes", None) or {}  # the pool's own dict: shutdown drops the pool's reference
    # a chunk still being fed to a killed worker would block the queue's feeder thread on a full pipe, and
    # the exit with it (concurrent.futures joins that thread at exit): let the exit not wait for it
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        call_queue.cancel_join_thread()
    results = getattr(pool, "_result_queue", None)  # read before shutdown, which drops the pool's reference
    pool.shutdown(wait=False, cancel_futures=True)
    processes = list(live.values())  # every worker, also one started as the interruption came
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()
            process.join(timeout=10)
    # A worker killed while it sent its outcomes leaves half a message in the result pipe, and the pool's
    # manager thread waits for the rest; the exit waits for that thread (concurrent.futures joins it), so
    # the build hung after "stopped by SIGTERM". With the workers gone, this process holds the pipe's last
    # write end: closing it ends the wait (the thread reads end-of-file and gives the pool up as broken).
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()
