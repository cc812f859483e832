"""What a folder must be for a store to open in it, asked before any slow work (a build checks its
--store folder before the model loads), and the one-line error when it is not."""
from __future__ import annotations

from pathlib import Path

from ..errors import NewsgraphError


class StoreError(NewsgraphError):
    """A store folder that cannot be opened or changed as asked; the message is one line for the user."""


def check_folder(path: Path, create: bool) -> None:
    """A StoreError unless `path` is a store folder (or, with `create`, a missing or empty folder)."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store folder")
    holds_files = path.is_dir() and any(path.iterdir())
    if holds_files and not (path / "CURRENT").is_file():
        # Oxigraph would happily add its files to any folder; refuse to litter one that holds others.
        raise StoreError(f"{path}: is not a newsgraph store (the folder holds other files)")
    if not holds_files and not create:
        raise StoreError(f"{path}: no store here (create one with `newsgraph build INPUT... --store {path}`)")


def held_elsewhere(path: Path) -> StoreError:
    return StoreError(f"{path}: the store is open in another process "
                      "(a running `newsgraph serve`? query its /sparql endpoint instead)")


def one_line(error: Exception) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0]
