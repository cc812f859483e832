"""A build's store, checked at once and opened on a thread of its own while the model loads.

Opening a store takes about 0.08 s (RocksDB's files, the ontology's graph), and a build of 100 articles
about 4.5 s: opened in line after the first article, as before, that was a sixtieth of the build spent
waiting. Oxigraph lets go of Python's lock while it opens, so the model's loading goes on meanwhile.
The folder is checked before any of that: a folder that holds other files, or a store another process
holds, fails in one line before the model loads, not after it.
"""
from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .checks import check_folder, held_elsewhere
from .folder import Store
from .lock import locked_by_another_process


class StoreOpening:
    """The store a build writes, being opened:

        with StoreOpening("out/store") as opening:   # a StoreError now if the folder will not do
            ...                                      # the slow work: the model, the first article
            with opening.store() as store:           # waits for the open (or raises its error)
                store.add(graphs)

    Left without its store taken (nothing built, an error, a signal), the opening closes the store and
    removes what it created, so a build that builds nothing leaves no store behind."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        check_folder(self.path, create=True)
        if locked_by_another_process(self.path):
            raise held_elsewhere(self.path)
        self._created_folder = not self.path.exists()
        self._new_store = not (self.path / "CURRENT").exists()
        self._taken = False
        self._opener = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-store-open")
        self._opening = self._opener.submit(Store, self.path)

    def store(self) -> Store:
        """The open store, now the build has something to write (its open's error, if it failed)."""
        self._taken = True
        try:
            return self._opening.result()
        finally:
            self._opener.shutdown()

    def __enter__(self) -> StoreOpening:
        return self

    def __exit__(self, *exc_info) -> None:
        if self._taken:
            return  # the store's own `with` closes it
        self._opener.shutdown()  # the open, finished
        if self._opening.exception() is None:
            self._opening.result().close()
        if self._new_store:
            self._remove_what_the_open_made()

    def _remove_what_the_open_made(self) -> None:
        if self._created_folder:
            shutil.rmtree(self.path, ignore_errors=True)
        elif self.path.is_dir():  # an empty folder the user gave: empty again
            for child in self.path.iterdir():
                shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)
