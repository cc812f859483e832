"""The `newsgraph` command: a thin layer over the library. Only this package knows the terminal."""
from __future__ import annotations

import functools
import logging
import sys

import click

from ..errors import NewsgraphError

# Errors whose message is meant for the user: printed as one line, exit status 1, no traceback.
USER_ERRORS = (NewsgraphError, FileNotFoundError, PermissionError, IsADirectoryError)


def fail(message: str, status: int = 1) -> None:
    click.echo(f"newsgraph: error: {message}", err=True)
    sys.exit(status)


class _WarningLine(logging.Handler):
    """The library's warnings (logger "newsgraph") as one line each on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"newsgraph: warning: {record.getMessage()}", err=True)


def _show_warnings() -> None:
    logger = logging.getLogger("newsgraph")
    if not any(isinstance(h, _WarningLine) for h in logger.handlers):
        logger.addHandler(_WarningLine(logging.WARNING))
        logger.propagate = False


def user_errors(function):
    """Turn the library's user-facing errors into one line on stderr and a non-zero exit."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        _show_warnings()
        try:
            return function(*args, **kwargs)
        except USER_ERRORS as error:
            fail(str(error).splitlines()[0] if str(error) else type(error).__name__)
        except KeyboardInterrupt:
            fail("interrupted", 130)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="newsgraph")
def main() -> None:
    """Turn English news articles into an RDF knowledge graph of who did what to whom.

    \b
    Example:
      newsgraph build examples/ -o out/graph.ttl
      newsgraph query out/graph.ttl --name who-called-whom
    """


# Registering the commands on `main`: build, query, validate, evaluate; export, draw, report; remove, stats, serve,
# push.
from . import commands, export_commands, store_commands  # noqa: E402,F401
