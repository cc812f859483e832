"""The one error base class of newsgraph.

Every error meant for the user (bad input, an unreadable graph, a locked store, a refused push …)
derives from `NewsgraphError`, and its message is one line. The command line catches this class
alone and prints the message, so no stage needs to know the terminal.
"""
from __future__ import annotations


class NewsgraphError(ValueError):
    """An error whose message is one line for the user."""
