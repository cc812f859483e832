"""The pipeline's matrix products through numpy's BLAS instead of the BLIS that thinc bundles.

thinc's CPU ops multiply matrices with BLIS (`NumpyOps(use_blis=True)`, the default); its own switch
`use_blis=False` hands the products to numpy, whose OpenBLAS is 1.3 to 1.6 times as fast at the shapes of
spaCy's small pipelines, on one core here. The products are most of the neural components' time: the
parse of 100 articles takes about a tenth less (1.97 s against 2.19 s, `python scripts/bench_spacy.py`).
The sums agree to float rounding, and the annotations did not move: every tag, head, label, entity,
lemma and sentence start compared equal on the 82,632 tokens of the eval sets, the development set, the
bench corpus and PLOVER. Where threadpoolctl finds no BLAS loaded for numpy, the products stay with BLIS,
as spaCy comes.

A process newsgraph owns (the command line, a worker) keeps that BLAS to one thread: newsgraph spreads
work over processes (`--workers`), and OpenBLAS's threads would spin on the cores the other workers use.
"""
from __future__ import annotations

from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

BLAS = "blas"  # threadpoolctl's name for the BLAS libraries it finds loaded (OpenBLAS, MKL, FlexiBLAS, BLIS)


def blas_loaded() -> bool:
    """Whether a BLAS library other than BLIS is loaded: numpy loads its own as it is imported (its
    wheels bring OpenBLAS)."""
    return any(library.get("user_api") == BLAS and library.get("internal_api") != "blis"
               for library in threadpool_info())


def with_numpy_matrix_products(nlp):
    """Make every model of the pipeline that multiplies through BLIS multiply through numpy instead."""
    if not blas_loaded():
        return nlp
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = ops
    return nlp


def single_threaded_blas() -> None:
    """Keep every loaded BLAS library to one thread, for the rest of the process."""
    threadpool_limits(limits=1, user_api=BLAS)
