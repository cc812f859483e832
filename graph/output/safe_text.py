"""Text made safe for the formats that cannot carry every string: XML 1.0 (RDF/XML, GraphML, GEXF),
Graphviz labels, JSON inside an HTML <script>, and spreadsheet cells.

A name or sentence comes from whatever text was read; none of it may break the file it lands in.
"""
from __future__ import annotations

import json
import re

# Characters XML 1.0 cannot hold at all, not even as character references (&#0; is ill-formed):
# C0 controls other than tab, newline and carriage return; U+FFFE and U+FFFF; lone surrogates.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
REPLACEMENT = "\ufffd"
# OWASP's list for CSV injection: a cell starting with one of these is a formula to a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def xml_safe(text: str) -> str:
    """`text` with each character XML 1.0 forbids replaced by U+FFFD (also safe for Graphviz)."""
    return _XML_FORBIDDEN.sub(REPLACEMENT, text)


def has_xml_forbidden(text: str) -> bool:
    return _XML_FORBIDDEN.search(text) is not None


def script_json(value) -> str:
    """JSON to paste inside <script>: no '<', '>' or '&' is left, so no text ('</script>',
    '<!--<script>') can end the element or change how the HTML parser reads it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda match: _SCRIPT_ESCAPES[match.group()], text)


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell a spreadsheet will show rather than run: a leading ' before = + - @, tab or CR."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
