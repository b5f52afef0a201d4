"""LaTeX in .bib field values → text. The usual accents and special letters go
through a fast path; anything else through pylatexenc, which costs
milliseconds a field (too slow for a 10,000-entry bibliography on its own)."""

from __future__ import annotations

import re
import unicodedata

from pylatexenc.latex2text import LatexNodes2Text

_LATEX = LatexNodes2Text()
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
            "r": "\u030a", "d": "\u0323", "b": "\u0331"}
_LETTERS = {"o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
            "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ"}
_ACCENT = re.compile(r"""\\(?:(['`^"~=.])|([uvHckrdb])(?=[\s{]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))""")
_LETTER = re.compile(r"\\(ss|ae|AE|oe|OE|aa|AA|[oOlLij])(?![A-Za-z])\s*|\\([&%$_#{}])")
_NEEDS_DECODING = re.compile(r"[\\{}~$`'-]")
_PUNCT = (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ("~", "\u00a0"))


def _accent(m: re.Match) -> str:
    letter = (m.group(3) or m.group(4)).lstrip("\\")
    letter = {"i": "i", "j": "j"}.get(letter, letter)  # dotless i under an accent is a plain i
    return unicodedata.normalize("NFC", letter + _ACCENTS[m.group(1) or m.group(2)])


def _fast_latex(value: str) -> str | None:
    """The LaTeX that .bib files hold (accents, special letters, braces) without
    pylatexenc, which costs milliseconds a field; None when more is there."""
    text = _ACCENT.sub(_accent, value)
    text = _LETTER.sub(lambda m: _LETTERS.get(m.group(1), "") if m.group(1) else m.group(2), text)
    if "\\" in text or "$" in text:
        return None
    for latex, char in _PUNCT:
        text = text.replace(latex, char)
    return " ".join(text.replace("{", "").replace("}", "").split())


def decode(value: str) -> str:
    """LaTeX → text: a fast path for the usual accents, pylatexenc for the rest."""
    if not _NEEDS_DECODING.search(value):
        return value
    fast = _fast_latex(value)
    return fast if fast is not None else _LATEX.latex_to_text(value).strip()
