"""The IRIs newsgraph is built on, as plain strings (importing this module loads no RDF library)."""

NG_IRI = "https://w3id.org/newsgraph/ontology#"
DEFAULT_BASE_IRI = "https://w3id.org/newsgraph/id/"  # base of the IRIs minted for documents, entities, events
# The named graph a store (or a queried file) keeps the ontology in, so queries can follow rdfs:subClassOf.
ONTOLOGY_GRAPH = NG_IRI.rstrip("#")

# The namespaces as strings, so that the store's commands need no rdflib: its import was a third of
# `query --store`'s start-up. vocab.py declares the same namespaces in rdflib (a test holds them equal).
RDF_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_IRI = "http://www.w3.org/2000/01/rdf-schema#"
XSD_IRI = "http://www.w3.org/2001/XMLSchema#"
OWL_IRI = "http://www.w3.org/2002/07/owl#"
SKOS_IRI = "http://www.w3.org/2004/02/skos/core#"
PROV_IRI = "http://www.w3.org/ns/prov#"
DCTERMS_IRI = "http://purl.org/dc/terms/"
SCHEMA_IRI = "https://schema.org/"
NIF_IRI = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SEM_IRI = "http://semanticweb.cs.vu.nl/2009/11/sem/"

# prefix → namespace IRI: bound in every graph newsgraph writes, and declared in its SPARQL
PREFIXES: dict[str, str] = {
    "ng": NG_IRI, "schema": SCHEMA_IRI, "nif": NIF_IRI, "prov": PROV_IRI, "skos": SKOS_IRI,
    "dcterms": DCTERMS_IRI, "rdfs": RDFS_IRI, "xsd": XSD_IRI, "owl": OWL_IRI,
}

# ... and declared in every ad-hoc query through graph.store.query (`newsgraph query`, Store.query), with
# the vocabularies people write queries in: `rdfs:label` needs no PREFIX line.
QUERY_PREFIXES: dict[str, str] = {
    "rdf": RDF_IRI, "rdfs": RDFS_IRI, "xsd": XSD_IRI, "owl": OWL_IRI, "skos": SKOS_IRI, "schema": SCHEMA_IRI,
    "prov": PROV_IRI, "dcterms": DCTERMS_IRI, "nif": NIF_IRI, "ng": NG_IRI, "sem": SEM_IRI,
}


def sparql_prefixes(*names: str) -> str:
    """PREFIX lines for the given prefixes (all of PREFIXES when none is named)."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in (names or PREFIXES))


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
