"""Event triggers and their roles: triggers.py finds them, roles.py, modality.py and quotes.py fill them in."""
from .mention import EventMention
from .triggers import find_event_mentions

__all__ = ["EventMention", "find_event_mentions"]
