"""The IRIs newsgraph is built on, as plain strings (importing this module loads no RDF library)."""

NG_IRI = "https://w3id.org/newsgraph/ontology#"
DEFAULT_BASE_IRI = "https://w3id.org/newsgraph/id/"  # base of the IRIs minted for documents, entities, events
# The named graph a store (or a queried file) keeps the ontology in, so queries can follow rdfs:subClassOf.
ONTOLOGY_GRAPH = NG_IRI.rstrip("#")


def is_absolute_iri(text: str) -> bool:
    """Whether `text` is an absolute IRI as RDF needs one ("https://example.org/a"), checked by
    Oxigraph's parser: what it refuses no graph file newsgraph writes may hold."""
    import pyoxigraph

    if not text or any(c.isspace() for c in text):
        return False
    try:
        pyoxigraph.NamedNode(text)
    except ValueError:
        return False
    return True
