"""Writing output files atomically: a failed run never leaves half a file."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import NewsgraphError


class ExportError(NewsgraphError):
    """An output that cannot be written; the message is one line for the user."""


@contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary stream to a temporary file beside `path`, renamed onto it only when the block succeeds:
    a failed run never leaves half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide a shared report from its readers
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: str | Path, data: bytes) -> None:
    with atomic_output(path) as stream:
        stream.write(data)
