"""Ingest stage: files, folders, JSON Lines and stdin → `Document` records (date headers, paragraphs, captions)."""
from .article import CAPTION_WORDS, InputError, document_from_text, paragraphs, parse_date, split_header
from .inputs import json_lines, read_inputs

__all__ = ["CAPTION_WORDS", "InputError", "document_from_text", "json_lines", "paragraphs", "parse_date",
           "read_inputs", "split_header"]
