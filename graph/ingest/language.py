"""Which language a document is in (py3langid, whose model ships in the package: nothing is downloaded).

The extractor reads English only: a French or German article gives junk ("Mittwoch" as a person). A
text is judged only when it has enough letters to tell (short English texts often score as Nigerian
Pidgin or Scots); one made largely of English function words is English without asking the model; any
other counts as English unless English and its close kin are together unlikely.
"""
from __future__ import annotations

import functools
import re

from .text import without_long_runs

MIN_LETTERS = 100  # fewer and the guess is noise: the text is kept
SAMPLE = 10_000  # characters read: enough to tell, and the cost stays bounded
ENGLISH_LIKE = ("en", "pcm", "sco")  # py3langid gives short English news to these too
NOT_ENGLISH_BELOW = 0.1  # probability of ENGLISH_LIKE under which a text is not English
# Words of English grammar that other languages written in Latin letters do not use: when they make up this
# share of a text's words it is English, and the model (0.35 s to load a process) is not asked. English news
# runs at 0.2-0.4; French, German, Dutch, Spanish, Italian, Portuguese and Romanian news at 0.
ENGLISH_FUNCTION_WORDS = frozenset("the of and to that for with were has have said his she her it its they their "
                                   "been by at from this which who will would are not but".split())
CLEARLY_ENGLISH_SHARE = 0.15
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def other_language(text: str) -> str | None:
    """The language code of a text clearly not in English ("fr", "de" …), else None."""
    sample = without_long_runs(text[:SAMPLE * 4])[:SAMPLE]  # judged on what is parsed: words
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    words = _WORD.findall(sample.lower())
    if sum(word in ENGLISH_FUNCTION_WORDS for word in words) >= CLEARLY_ENGLISH_SHARE * len(words):
        return None
    ranked = _identifier().rank(sample)
    if sum(p for code, p in ranked if code in ENGLISH_LIKE) >= NOT_ENGLISH_BELOW:
        return None
    return ranked[0][0]
