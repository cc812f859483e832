"""Ingest stage: files, folders, JSON Lines, web pages, web archives and stdin → `Document` records
(date headers, paragraphs, captions, language, text safe to parse)."""
from .article import CAPTION_WORDS, InputError, document_from_text, paragraphs, parse_date, shown, split_header
from .inputs import FOLDER_SUFFIXES, check_inputs, estimate_documents, kind_of, read_documents, read_file, read_inputs
from .jsonl import json_lines
from .outcomes import BAD, NOT_ARTICLE, NOT_ENGLISH, NOTE, REPEATED, Read, Skip

__all__ = ["BAD", "CAPTION_WORDS", "FOLDER_SUFFIXES", "NOTE", "NOT_ARTICLE", "NOT_ENGLISH", "REPEATED", "InputError",
           "Read", "Skip", "check_inputs", "document_from_text", "estimate_documents", "json_lines", "kind_of",
           "paragraphs", "parse_date", "read_documents", "read_file", "read_inputs", "shown", "split_header"]
