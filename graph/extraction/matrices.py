"""The pipeline's matrix products through numpy's BLAS instead of the BLIS that thinc bundles.

thinc's CPU ops multiply matrices with BLIS (`NumpyOps(use_blis=True)`, the default); its own switch
`use_blis=False` hands the products to numpy, whose OpenBLAS is 1.3 to 1.6 times as fast at the shapes of
spaCy's small pipelines, on one core here. The products are most of the neural components' time: the
parse of 100 articles takes about a tenth less (1.97 s against 2.19 s, `python scripts/bench_spacy.py`).
The sums agree to float rounding, and the annotations did not move: every tag, head, label, entity,
lemma and sentence start compared equal on the 82,632 tokens of the eval sets, the development set, the
bench corpus and PLOVER. Where threadpoolctl finds no BLAS loaded for numpy, the products stay with BLIS,
as spaCy comes.

The same ops take the largest of each maxout unit's pieces with numpy's elementwise maximum, one piece
after another, instead of thinc's loop, which also notes which piece won (only training reads that): 8×
as fast at these shapes, a sixth of the parse (0.30 s of 1.9 s for 100 articles). A maximum is exact,
so the layers' outputs are the very same floats.

A process newsgraph owns (the command line, a worker) keeps that BLAS to one thread: newsgraph spreads
work over processes (`--workers`), and OpenBLAS's threads would spin on the cores the other workers use.
"""
from __future__ import annotations

import numpy
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

BLAS = "blas"  # threadpoolctl's name for the BLAS libraries it finds loaded (OpenBLAS, MKL, FlexiBLAS, BLIS)


def blas_loaded() -> bool:
    """Whether a BLAS library other than BLIS is loaded: numpy loads its own as it is imported (its
    wheels bring OpenBLAS)."""
    return any(library.get("user_api") == BLAS and library.get("internal_api") != "blis"
               for library in threadpool_info())


class PredictingOps(NumpyOps):
    """thinc's CPU ops for a pipeline that predicts and is never trained (newsgraph trains none): maxout
    leaves out which piece won, so a backward pass through it fails rather than learns."""

    def maxout(self, X):
        # X is (rows, units, pieces); each strided piece is a row-major (rows, units) view
        best = X[:, :, 0].copy() if X.shape[2] == 1 else numpy.maximum(X[:, :, 0], X[:, :, 1])
        for piece in range(2, X.shape[2]):
            numpy.maximum(best, X[:, :, piece], out=best)
        return best, None


def with_numpy_matrix_products(nlp):
    """Make every model of the pipeline that multiplies through BLIS multiply through numpy instead (where
    numpy has a BLAS), with predicting ops' maxout."""
    ops = PredictingOps(use_blis=not blas_loaded())
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return nlp


def single_threaded_blas() -> None:
    """Keep every loaded BLAS library to one thread, for the rest of the process."""
    threadpool_limits(limits=1, user_api=BLAS)
