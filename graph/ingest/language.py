"""Which language a document is in (py3langid, whose model ships in the package: nothing is downloaded).

The extractor reads English only: a French or German article gives junk ("Mittwoch" as a person). A
text is judged only when it has enough letters to tell (short English texts often score as Nigerian
Pidgin or Scots), and it counts as English unless English and its close kin are together unlikely.
"""
from __future__ import annotations

import functools
import re

from .text import without_long_runs

MIN_LETTERS = 100  # fewer and the guess is noise: the text is kept
SAMPLE = 10_000  # characters read: enough to tell, and the cost stays bounded
ENGLISH_LIKE = ("en", "pcm", "sco")  # py3langid gives short English news to these too
NOT_ENGLISH_BELOW = 0.1  # probability of ENGLISH_LIKE under which a text is not English
_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def other_language(text: str) -> str | None:
    """The language code of a text clearly not in English ("fr", "de" …), else None."""
    sample = without_long_runs(text[:SAMPLE * 4])[:SAMPLE]  # judged on what is parsed: words
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    ranked = _identifier().rank(sample)
    if sum(p for code, p in ranked if code in ENGLISH_LIKE) >= NOT_ENGLISH_BELOW:
        return None
    return ranked[0][0]
