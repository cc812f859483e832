"""Query results as text: an aligned table, CSV, TSV, SPARQL 1.1 Query Results JSON, JSON Lines, Markdown.

JSON is the W3C format (typed terms: an xsd:boolean is `"datatype": "…#boolean"`, an ASK answer a JSON
`true`); JSON Lines is one object a row with native values (`"planned": false`, `"n": 3`), as
sqlite-utils and csvkit write them. A table can be cut to a terminal's width, long values ending in '…'.
"""
from __future__ import annotations

import csv
import io

from .query import Cell, Table


def _json():
    import json  # only the JSON formats need it: a CSV answer need not load it (start-up of `query`)

    return json

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{name}" for name in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                          "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                          "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_NUMBERS = {f"{_XSD}{name}" for name in ("decimal", "double", "float")}
MIN_COLUMN = 6


def _plain(value: str | None) -> str:
    return "" if value is None else value


def native(cell: Cell | None):
    """A JSON value for a cell: booleans and numbers as JSON's own, everything else its text."""
    if cell is None:
        return None
    if cell.kind == "literal" and cell.datatype == f"{_XSD}boolean":
        return cell.value in ("true", "1")
    try:
        if cell.kind == "literal" and cell.datatype in _INTEGERS:
            return int(cell.value)
        if cell.kind == "literal" and cell.datatype in _NUMBERS:
            return float(cell.value)
    except ValueError:
        pass
    return cell.value


def _typed_cells(table: Table) -> tuple:
    return table.cells or tuple(tuple(None if v is None else Cell(v) for v in row) for row in table.rows)


def sparql_json(table: Table) -> str:
    if table.boolean is not None:
        return _json().dumps({"head": {}, "boolean": table.boolean}, indent=2)
    bindings = []
    for row in _typed_cells(table):
        binding = {}
        for name, cell in zip(table.variables, row):
            if cell is None:
                continue
            term = {"type": cell.kind, "value": cell.value}
            if cell.language:
                term["xml:lang"] = cell.language
            elif cell.kind == "literal" and cell.datatype and cell.datatype != f"{_XSD}string":
                term["datatype"] = cell.datatype
            binding[name] = term
        bindings.append(binding)
    return _json().dumps({"head": {"vars": list(table.variables)}, "results": {"bindings": bindings}},
                      indent=2, ensure_ascii=False)


def json_lines(table: Table) -> str:
    if table.boolean is not None:
        return _json().dumps({"ask": table.boolean}) + "\n"
    return "".join(_json().dumps(dict(zip(table.variables, map(native, row))), ensure_ascii=False) + "\n"
                   for row in _typed_cells(table))


def delimited(table: Table, delimiter: str) -> str:
    buffer = io.StringIO()
    if delimiter == "\t":  # TSV has no quoting: tabs and line breaks inside a value are escaped
        escape = lambda v: _plain(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")  # noqa: E731
        buffer.write("\t".join(table.variables) + "\n")
        for row in table.rows:
            buffer.write("\t".join(escape(v) for v in row) + "\n")
        return buffer.getvalue()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.variables)
    writer.writerows([[_plain(v) for v in row] for row in table.rows])
    return buffer.getvalue()


def markdown(table: Table) -> str:
    cell = lambda v: " ".join(_plain(v).split()).replace("|", "\\|")  # noqa: E731
    lines = ["| " + " | ".join(table.variables) + " |", "|" + "|".join(" --- " for _ in table.variables) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def _fit(widths: list[int], width: int) -> list[int]:
    """Column widths that fit `width` (two spaces between columns), narrowing the widest first."""
    widths = list(widths)
    while sum(widths) + 2 * (len(widths) - 1) > width:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= MIN_COLUMN:
            break
        widths[widest] -= 1
    return widths


def text_table(table: Table, width: int | None = None) -> str:
    """Aligned columns under a header; with `width`, values cut to fit it."""
    cells = [list(table.variables)] + [[" ".join(_plain(v).split()) for v in row] for row in table.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.variables))]
    if width is not None:
        widths = _fit(widths, width)
    cut = lambda value, w: value if len(value) <= w else value[:max(w - 1, 0)] + "…"  # noqa: E731
    line = lambda row: "  ".join(cut(v, w).ljust(w) for v, w in zip(row, widths)).rstrip()  # noqa: E731
    out = [line(cells[0]), "  ".join("-" * w for w in widths)] + [line(row) for row in cells[1:]]
    if not table.rows:
        out.append("(no rows)")
    return "\n".join(out) + "\n"


def format_table(table: Table, output_format: str, width: int | None = None) -> str:
    if output_format == "json":
        return sparql_json(table) + "\n"
    if output_format == "jsonl":
        return json_lines(table)
    if output_format in ("csv", "tsv"):
        return delimited(table, "," if output_format == "csv" else "\t")
    if output_format == "markdown":
        return markdown(table)
    return text_table(table, width)
