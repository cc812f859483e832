"""Names of the dependency labels the extractor reads (spaCy's English pipelines, ClearNLP style).

One home for them, so a rule reads `child.dep_ == APPOS` rather than a bare string, and a
typo is a NameError rather than a rule that never fires.
"""

NSUBJ, NSUBJPASS, DOBJ, DATIVE, OPRD, ATTR = "nsubj", "nsubjpass", "dobj", "dative", "oprd", "attr"
PREP, POBJ, PCOMP, AGENT = "prep", "pobj", "pcomp", "agent"  # AGENT: the by-phrase of a passive
CONJ, APPOS, COMPOUND, AMOD, POSS = "conj", "appos", "compound", "amod", "poss"
DET, PREDET, NUMMOD, NPADVMOD = "det", "predet", "nummod", "npadvmod"
XCOMP, ADVCL, CCOMP, ACL, RELCL, ACOMP = "xcomp", "advcl", "ccomp", "acl", "relcl", "acomp"
NEG, AUX, AUXPASS = "neg", "aux", "auxpass"

SUBJECTS = frozenset({NSUBJ, NSUBJPASS})
# clauses whose subject may be their head's: "is due to meet" (due is an acomp), "called … and invited"
CLAUSE_LINKS = frozenset({CONJ, XCOMP, ADVCL, ACL, RELCL, PCOMP, ACOMP})
