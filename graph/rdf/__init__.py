"""The RDF side: the vocabulary (vocab.py), the bundled ontology and the lexicon read from it
(ontology.py, lexicon.py), records → RDF (mapping.py), RDF files (files.py) and SHACL validation
(validate.py). Knows rdflib; knows nothing of spaCy."""
