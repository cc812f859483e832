"""Integrity of the development gold file `tests/data/dev.gold.jsonl` (no spaCy model needed).

Checks that every line parses as JSON, that every entity id a role or event names exists in
`entities` or `optional_entities`, that every `text` path exists, and that dates are ISO days.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from graph.lexicon import DIRECTED, SYMMETRIC, UNARY
from graph.rdf.lexicon import default_lexicon

DATA = Path(__file__).parent / "data"
GOLD = DATA / "dev.gold.jsonl"

ENTITY_KINDS = {"Person", "Organization", "Place"}
ROLE_FIELDS = ("agent", "recipient", "participants", "location", "opponent")


def _lines() -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1)
            if line.strip()]


def _records() -> list[dict]:
    return [json.loads(line) for _, line in _lines()]


def _is_iso_day(value) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _ids(value) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def test_gold_file_exists_and_has_records():
    assert GOLD.is_file()
    assert len(_lines()) >= 45


def test_every_line_parses_as_a_json_object():
    for number, line in _lines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:  # pragma: no cover - the failure is the message
            pytest.fail(f"line {number}: {error}")
        assert isinstance(record, dict), f"line {number} is not an object"
        for field in ("id", "text", "date"):
            assert isinstance(record.get(field), str), f"line {number}: missing {field!r}"
        for field in ("entities", "optional_entities", "roles", "events", "optional_events"):
            assert isinstance(record.get(field, []), list), f"line {number}: {field!r} is not a list"


def test_ids_are_unique():
    ids = [r["id"] for r in _records()]
    assert len(ids) == len(set(ids))


def test_every_text_path_exists():
    for record in _records():
        assert not Path(record["text"]).is_absolute(), record["id"]
        path = DATA / record["text"]
        assert path.is_file(), f"{record['id']}: {record['text']} does not exist"


def test_dates_are_iso():
    for record in _records():
        assert _is_iso_day(record["date"]), f"{record['id']}: article date {record['date']!r}"
        for event in record.get("events", []) + record.get("optional_events", []):
            if "date" in event:
                assert _is_iso_day(event["date"]), f"{record['id']}: event date {event['date']!r}"


def test_text_header_matches_gold_date():
    for record in _records():
        first = (DATA / record["text"]).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"date {record['date']}", f"{record['id']}: header {first!r}"


def test_entities_are_well_formed():
    for record in _records():
        entities = record.get("entities", []) + record.get("optional_entities", [])
        ids = [e.get("id") for e in entities]
        assert len(ids) == len(set(ids)), f"{record['id']}: duplicate entity id"
        for entity in entities:
            assert isinstance(entity.get("id"), str) and isinstance(entity.get("name"), str), record["id"]
            kinds = _ids(entity.get("type"))
            assert kinds and set(kinds) <= ENTITY_KINDS, f"{record['id']}: {entity['id']} type {kinds}"
            assert isinstance(entity.get("aliases", []), list), f"{record['id']}: {entity['id']} aliases"


def test_roles_and_events_name_known_entities():
    for record in _records():
        known = {e["id"] for e in record.get("entities", []) + record.get("optional_entities", [])}
        for role in record.get("roles", []):
            assert role.get("entity") in known, f"{record['id']}: role names {role.get('entity')!r}"
            assert isinstance(role.get("title"), str), f"{record['id']}: role without title"
            if "org" in role:
                assert role["org"] in known, f"{record['id']}: role org {role['org']!r}"
        for event in record.get("events", []) + record.get("optional_events", []):
            for field in ROLE_FIELDS:
                for entity_id in _ids(event.get(field)):
                    assert entity_id in known, f"{record['id']}: {event['type']} {field} {entity_id!r}"


def test_events_have_the_keys_of_their_type():
    """Keys by the role pattern the ontology gives each class (the extractor's and the scorer's reading)."""
    patterns = {c.name: c.role_pattern for c in default_lexicon().classes}
    for record in _records():
        for event in record.get("events", []) + record.get("optional_events", []):
            kind = event.get("type")
            where = f"{record['id']}: {kind}"
            if patterns.get(kind) == SYMMETRIC:
                assert len(set(event.get("participants", []))) >= 2, where
                assert "agent" not in event and "recipient" not in event, where
            elif patterns.get(kind) == DIRECTED:
                assert isinstance(event.get("agent"), str) and isinstance(event.get("recipient"), str), where
            elif patterns.get(kind) == UNARY:
                assert isinstance(event.get("agent"), str) and "recipient" not in event, where
            else:
                pytest.fail(f"{where}: unknown event type")
            if "planned" in event:
                assert event["planned"] is True, where
