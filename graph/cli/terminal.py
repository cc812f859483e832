"""The terminal: lines on stderr, and the build's progress bar (rich) while it runs.

A line printed while the bar is drawn goes through the bar's console, so it scrolls above the bar
instead of tearing it. Nothing here is drawn when stderr is not a terminal.
"""
from __future__ import annotations

import re
import sys
import threading
from contextlib import contextmanager

import click

_live = threading.local()
_LINE_BREAKS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """The text as one line: line breaks and control characters (which could also drive the terminal) escaped."""
    return _LINE_BREAKS.sub(lambda m: repr(m.group())[1:-1], text)


def echo_err(line: str) -> None:
    line = one_line(line)
    console = getattr(_live, "console", None)
    if console is not None:
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    else:
        click.echo(line, err=True)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def stdout_width() -> int | None:
    """The terminal's width when stdout is one (tables are then cut to fit), else None."""
    if not sys.stdout.isatty():
        return None
    import shutil  # here, not above: only a terminal needs it, and it brings bz2 and lzma

    return shutil.get_terminal_size().columns


class BuildProgress:
    """Documents done, documents a second and the time left, on stderr; `total` may come later."""

    def __init__(self, progress, task):
        self._progress, self._task = progress, task

    def advance(self) -> None:
        self._progress.advance(self._task)

    def set_total(self, total: int | None) -> None:
        if total:
            self._progress.update(self._task, total=total)


@contextmanager
def build_progress(enabled: bool):
    """A BuildProgress while the block runs (or None when disabled or stderr is no terminal)."""
    if not enabled or not stderr_is_terminal():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f} docs/s" if task.speed else "… docs/s")

    console = Console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("documents"), Rate(), TimeElapsedColumn(), TextColumn("ETA"),
                        TimeRemainingColumn(), console=console, transient=True)
    with progress:
        _live.console = console
        try:
            yield BuildProgress(progress, progress.add_task("build", total=None))
        finally:
            _live.console = None
