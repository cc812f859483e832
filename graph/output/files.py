"""Writing output files atomically: a failed run never leaves half a file. `-` is stdout.

The temporary file is created with mode 0666 less the umask, as any file a program writes (mkstemp's
0600 would make every graph private whatever the user asked for)."""
from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import NewsgraphError

STDOUT = "-"


class ExportError(NewsgraphError):
    """An output that cannot be written; the message is one line for the user."""


@contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary stream to a temporary file beside `path`, renamed onto it only when the block succeeds:
    a failed run never leaves half a file. For `-`, stdout itself."""
    if str(path) == STDOUT:
        stream = sys.stdout.buffer
        yield stream
        stream.flush()
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"{path}: cannot create its folder ({error.strerror or error})") from None
    while True:
        temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
        except OSError as error:
            raise ExportError(f"{path}: cannot write ({error.strerror or error})") from None
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide a shared report from its readers
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: str | Path, data: bytes) -> None:
    with atomic_output(path) as stream:
        stream.write(data)
