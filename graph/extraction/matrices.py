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
so the layers' outputs are the very same floats. The layer norms, when predicting, compute each row's
mean once (numpy's var takes it, and computes it the same way when not given it) and scale in place:
the same floats again, tok2vec and ner 0.08 s faster on those articles.

A process newsgraph owns (the command line, a worker) keeps that BLAS to one thread: newsgraph spreads
work over processes (`--workers`), and OpenBLAS's threads would spin on the cores the other workers use.
"""
from __future__ import annotations

import numpy
from thinc.api import Model, NumpyOps
from thinc.layers import layernorm as thinc_layer_norm
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


def _no_backward_pass(dY):
    raise NotImplementedError("a layer norm run to predict has no backward pass")


def predicting_layer_norm(model: Model, X, is_train: bool):
    """thinc's LayerNorm forward (thinc's own when training), with the mean computed once and the
    scale applied in place."""
    if is_train:
        return thinc_layer_norm.forward(model, X, is_train)
    mean = X.mean(axis=1, keepdims=True)
    variance = X.var(axis=1, keepdims=True, mean=mean) + 1e-08
    Y = (X - mean) * variance ** (-1.0 / 2.0)
    Y *= model.get_param("G")
    Y += model.get_param("b")
    return Y, _no_backward_pass


# numpy 2 gives var the mean already computed
VAR_TAKES_MEAN = numpy.lib.NumpyVersion(numpy.__version__) >= "2.0.0"


def with_numpy_matrix_products(nlp):
    """Make every model of the pipeline that multiplies through BLIS multiply through numpy instead (where
    numpy has a BLAS), with predicting ops' maxout and predicting layer norms."""
    ops = PredictingOps(use_blis=not blas_loaded())
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
            if VAR_TAKES_MEAN and node._func is thinc_layer_norm.forward:  # thinc keeps a layer's forward there
                node._func = predicting_layer_norm
    return nlp


def single_threaded_blas() -> None:
    """Keep every loaded BLAS library to one thread, for the rest of the process."""
    threadpool_limits(limits=1, user_api=BLAS)
