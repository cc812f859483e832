"""The `newsgraph` command: a thin layer over the library. Only this package knows the terminal.

Exit status: 0 done; 1 an error (one line on stderr), or a build that skipped a bad document; 2 a
usage error; 128 + the signal number when interrupted (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP), having
removed any half-written output."""
from __future__ import annotations

import functools
import importlib
import logging
import os
import signal
import sys

import click

from .. import __version__
from ..errors import NewsgraphError
from .terminal import echo_err

# Errors whose message is meant for the user: printed as one line, exit status 1, no traceback.
USER_ERRORS = (NewsgraphError, FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError)
# Libraries whose own log lines would interleave with ours (the build reports what they find).
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "warcio", "justext", "py3langid")


def fail(message: str, status: int = 1) -> None:
    echo_err(f"newsgraph: error: {message}")
    sys.exit(status)


class Interrupted(BaseException):
    """SIGTERM or SIGHUP, raised where the program is, like KeyboardInterrupt, so that cleanup runs."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_interrupted(signum, frame) -> None:
    raise Interrupted(signum)


class _WarningLine(logging.Handler):
    """The library's warnings (logger "newsgraph") as one line each on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        echo_err(f"newsgraph: warning: {record.getMessage()}")


def _set_up() -> None:
    logger = logging.getLogger("newsgraph")
    if not any(isinstance(h, _WarningLine) for h in logger.handlers):
        logger.addHandler(_WarningLine(logging.WARNING))
        logger.propagate = False
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False
    for signum in (signal.SIGTERM, signal.SIGHUP):
        try:
            signal.signal(signum, _raise_interrupted)
        except ValueError:  # not the main thread (a test runner's worker): leave the default
            pass


def _one_line(error: BaseException) -> str:
    """Our errors' messages are one line (escaped if a value in them holds a break); others' first line."""
    text = str(error).strip()
    if isinstance(error, NewsgraphError):
        return text or type(error).__name__
    return text.splitlines()[0] if text else type(error).__name__


def user_errors(function):
    """Turn every failure into one line on stderr and a non-zero exit; never a traceback (unless
    NEWSGRAPH_DEBUG=1, for a bug report)."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        _set_up()
        try:
            return function(*args, **kwargs)
        except USER_ERRORS as error:
            fail(_one_line(error))
        except KeyboardInterrupt:
            fail("interrupted", 128 + signal.SIGINT)
        except Interrupted as interrupted:
            fail(f"stopped by {signal.Signals(interrupted.signum).name}", 128 + interrupted.signum)
        except BrokenPipeError:  # `newsgraph query … | head`: the reader left; exit as a native tool would
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(128 + signal.SIGPIPE)
        except Exception as error:
            if os.environ.get("NEWSGRAPH_DEBUG"):
                raise
            fail(f"internal error ({type(error).__name__}: {_one_line(error)[:200]}); "
                 "please report it (NEWSGRAPH_DEBUG=1 shows where)")
    return wrapper


# Which module registers each command: a command's module is imported only when that command runs
# (or help lists them all), so `newsgraph query` does not pay for the build's and the server's options.
COMMAND_MODULES = {
    "build": "build_command", "query": "commands", "validate": "commands", "evaluate": "commands",
    "export": "export_commands", "draw": "export_commands", "report": "export_commands",
    "remove": "store_commands", "stats": "store_commands", "serve": "store_commands", "push": "store_commands",
    "completion": "store_commands", "spark": "spark_command",
}


class _LazyGroup(click.Group):
    """click's documented lazy-loading group: commands come from their modules on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMAND_MODULES and name not in self.commands:
            importlib.import_module(f"{__name__}.{COMMAND_MODULES[name]}")  # its decorators register it
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
# the version from the package itself: looking it up in the installed metadata took 0.03 s
@click.version_option(__version__, "-V", "--version", prog_name="newsgraph")
def main() -> None:
    """Turn English news articles into an RDF knowledge graph of who did what to whom.

    \b
    Example:
      newsgraph build examples/ -o out/graph.ttl
      newsgraph query out/graph.ttl --name who-called-whom

    \b
    Shell completion (bash, zsh, fish): see `newsgraph completion --help`.
    """

