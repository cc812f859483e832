"""A process newsgraph runs alone (the command line, an extraction worker) may treat what it loads first as
permanent: the imports, the spaCy pipeline and the reference data live as long as the process does.

Such a process pauses automatic garbage collection from its start until they are loaded, then freezes
them out of the collector's sight (`gc.freeze`) and lets collection resume: each full collection walked
the millions of objects that all stay again (0.25 s of a 100-article build here), and the 276
collections while they were made freed 8,500 objects in all (0.1 s). A library caller's process is left
alone (freezing would keep its own garbage too): nothing here acts until `own_the_process` is called.
"""
from __future__ import annotations

import gc

# Until `settle`, a young collection runs every this many allocations instead of Python's 700: none while
# the imports and the model load (some 200,000), yet not never, so that a build whose inputs yield no
# document for long (every page skipped) still collects what it leaves in cycles.
LOADING_THRESHOLD = 1_000_000
_STATE: dict = {"ours": False}


def own_the_process() -> None:
    """Say that this process runs newsgraph alone; collection pauses until `settle`."""
    _STATE["ours"] = True
    if "thresholds" not in _STATE:
        # by threshold, not gc.disable(): spaCy's model loading (srsly) disables and re-enables the
        # collector around each file it reads
        _STATE["thresholds"] = gc.get_threshold()
        gc.set_threshold(LOADING_THRESHOLD, *_STATE["thresholds"][1:])


def owned() -> bool:
    """Whether `own_the_process` was called in this process."""
    return _STATE["ours"]


def settle() -> None:
    """In a process of our own, once what lives as long as it is loaded: freeze that out of the collector's
    sight and let collection resume (as it was before `own_the_process`)."""
    if _STATE["ours"]:
        gc.freeze()
        if "thresholds" in _STATE:
            gc.set_threshold(*_STATE.pop("thresholds"))
