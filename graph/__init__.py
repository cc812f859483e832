"""newsgraph: turn English news articles into an RDF knowledge graph of who did what to whom.

The library API mirrors the command line:

    from graph import build_graph, text_to_graph
    g = build_graph(["examples/"])           # an rdflib.Graph
"""
from __future__ import annotations

__version__ = "0.1.0"

_PIPELINE = ("build_graph", "extract", "extract_inputs", "text_to_graph")
_RECORDS = ("Document", "DocumentGraph", "Entity", "Event", "Mention", "Role")
_LAZY = {name: "pipeline" for name in _PIPELINE} | {"Store": "store"} | {name: "records" for name in _RECORDS}

__all__ = list(_LAZY)


def __getattr__(name: str):
    # Imported on first use, so `import graph` (and commands that never parse text) stay light: even the
    # records took 4 ms of `query --store`'s start-up, and the store's commands never make one.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
