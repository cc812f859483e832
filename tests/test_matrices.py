"""The pipeline's matrix products go through numpy's BLAS, with the same annotations as through BLIS, and its
maxout layers give the very floats of thinc's own."""
from __future__ import annotations

import subprocess
import sys

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import LayerNorm, Model, NumpyOps

from graph.extraction import matrices
from graph.extraction.matrices import PredictingOps, predicting_layer_norm, with_numpy_matrix_products

TAGGED = [("Ruiz called Okafor on Wednesday".split(), ["NNP", "VBD", "NNP", "IN", "NNP"]),
          ("The minister praised the deal".split(), ["DT", "NN", "VBD", "DT", "NN"])]


def small_tagger():
    """A blank English pipeline with a tagger of spaCy's default architecture, its weights random."""
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("tagger")
    examples = [Example.from_dict(Doc(nlp.vocab, words=words), {"tags": tags}) for words, tags in TAGGED]
    nlp.initialize(lambda: examples)
    return nlp, tagger


def ops_of(nlp) -> set[tuple[str, bool]]:
    return {(type(node.ops).__name__, node.ops.use_blis) for _, component in nlp.components
            if isinstance(getattr(component, "model", None), Model) for node in component.model.walk()}


def test_every_model_multiplies_through_numpy_and_scores_as_through_blis():
    nlp, tagger = small_tagger()
    docs = [Doc(nlp.vocab, words=words) for words, _ in TAGGED]
    through_blis = tagger.model.predict(docs)
    assert ops_of(nlp) == {("NumpyOps", True)}
    with_numpy_matrix_products(nlp)
    assert ops_of(nlp) == {("PredictingOps", False)}
    through_numpy = tagger.model.predict(docs)
    for blis_scores, numpy_scores in zip(through_blis, through_numpy):
        assert numpy_scores == pytest.approx(blis_scores, rel=1e-5, abs=1e-6)
        assert (numpy_scores.argmax(axis=1) == blis_scores.argmax(axis=1)).all()


@pytest.mark.parametrize("pieces", [1, 2, 3, 4])
def test_maxout_gives_thincs_largest_piece_of_every_unit(pieces):
    # small integers, so that many units have tied pieces
    rows = numpy.random.default_rng(pieces).integers(-3, 3, size=(50, 7, pieces)).astype("float32")
    best, _ = NumpyOps().maxout(rows)
    ours, which = PredictingOps().maxout(rows)
    assert ours.dtype == best.dtype and ours.shape == best.shape and ours.flags.c_contiguous
    assert (ours == best).all() and which is None


def test_a_tagger_with_predicting_ops_and_layer_norms_scores_the_very_floats_of_thincs_own():
    nlp, tagger = small_tagger()
    docs = [Doc(nlp.vocab, words=words) for words, _ in TAGGED]
    for node in tagger.model.walk():
        node.ops = NumpyOps(use_blis=False)
    thincs = tagger.model.predict(docs)
    with_numpy_matrix_products(nlp)
    assert any(node._func is predicting_layer_norm for node in tagger.model.walk())
    for theirs, ours in zip(thincs, tagger.model.predict(docs)):
        assert (ours == theirs).all()


def test_a_predicting_layer_norm_gives_thincs_floats_and_leaves_training_to_thinc():
    model = LayerNorm(nI=7)
    rows = numpy.random.default_rng(3).normal(size=(40, 7)).astype("float32")
    rows[:5] = 1.5  # rows with no spread
    model.initialize(X=rows)
    model.set_param("G", numpy.linspace(0.5, 2, 7, dtype="float32"))
    model.set_param("b", numpy.linspace(-1, 1, 7, dtype="float32"))
    theirs, _ = model(rows, is_train=False)
    model._func = predicting_layer_norm
    ours, backprop = model(rows, is_train=False)
    assert ours.dtype == theirs.dtype and (ours == theirs).all()
    with pytest.raises(NotImplementedError):
        backprop(ours)
    trained, backprop = model(rows, is_train=True)  # thinc's own forward, with its backward pass
    assert (trained == theirs).all() and backprop(trained).shape == rows.shape


def test_without_a_blas_loaded_for_numpy_the_products_stay_with_blis(monkeypatch):
    nlp, _ = small_tagger()
    monkeypatch.setattr(matrices, "blas_loaded", lambda: False)
    with_numpy_matrix_products(nlp)
    assert ops_of(nlp) == {("PredictingOps", True)}


def test_single_threaded_blas_leaves_every_blas_library_one_thread():
    code = ("import numpy\nfrom threadpoolctl import threadpool_info\n"
            "from graph.extraction.matrices import single_threaded_blas\n"
            "single_threaded_blas()\n"
            "print(sorted({library['num_threads'] for library in threadpool_info() if library['user_api'] == 'blas'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"OPENBLAS_NUM_THREADS": "2", "PATH": ""})
    assert result.stdout.strip() == "[1]"


@pytest.mark.model
def test_the_pipeline_annotates_as_spacy_as_it_comes(nlp):
    from graph.extraction.nlp import MODEL_PREFERENCE

    assert ops_of(nlp) == {("PredictingOps", False)}
    as_it_comes = next(spacy.load(name) for name in MODEL_PREFERENCE if spacy.util.is_package(name))
    assert ops_of(as_it_comes) == {("NumpyOps", True)}
    texts = ["President-elect Lena Ruiz spoke by phone on Wednesday with Chancellor Tomas Okafor of Varnia, "
             "who congratulated her and invited her to Berlin.",
             "\"We agreed to meet in the spring,\" Okafor told reporters in Geneva after the call."]
    for ours, theirs in zip(nlp.pipe(texts), as_it_comes.pipe(texts)):
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in ours] == \
               [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in theirs]
