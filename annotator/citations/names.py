"""Does a stretch of note text look like an author name, and where does the
prose in front of it stop? Shared by the citation parsers."""

from __future__ import annotations

import re

# Lowercase words that names and corporate names carry (particles, "of the").
CONNECTORS = {
    "and", "&", "of", "the", "for", "on", "in", "at", "to", "de", "del", "della", "di", "da", "das",
    "do", "dos", "du", "des", "la", "le", "les", "van", "der", "den", "ten", "ter", "von", "zu",
    "zur", "y", "e", "et", "al.", "al", "und", "für", "bin", "ibn", "el", "auf", "from", "with",
}
PARTICLES = {"van", "der", "den", "de", "von", "zu", "da", "di", "del", "della", "du", "des", "la", "le",
             "ten", "ter", "dos", "das", "al", "el", "bin", "ibn"}
# Capitalised sentence openers that start prose, never a name.
NOT_FIRST = {
    "In", "Since", "By", "From", "Until", "After", "Before", "During", "Between", "See", "Cf.", "Compare",
    "Also", "And", "Or", "But", "As", "To", "At", "On", "Of", "For", "With", "Unlike", "Like",
    "Although", "While", "When", "This", "That", "These", "Those", "It", "Its", "Here", "There",
    "However", "Additionally", "Moreover", "Furthermore", "Interestingly", "Note", "Often", "Some",
    "Many", "Most", "Around", "About", "Circa", "Up", "Through", "Ibid.", "Ibid", "Quoted", "Cited",
}
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
          "Sept.", "Sep.", "Oct.", "Nov.", "Dec."}
CUE = re.compile(
    r"(?i)(?<!\w)(?:see(?:\s+also)?|cf\.|compare|e\.g\.|i\.e\.|for example|for instance|quoted in|"
    r"cited in|reprinted in|as in|such as|according to|following|discussed in|summari[sz]ed in|"
    r"also|and)(?:\s*,?\s*e\.g\.)?[,:]?\s+"
)
# A Bluebook signal in emphasis, the closing mark before or after the space: "*See* Hale", "*See *Hale".
EMPHASISED_CUE = re.compile(r"[*_](?i:see(?:\s+also|\s+generally)?|but\s+see|cf\.|accord|compare)\s*[*_]\s*")
# Any lead-in wording ends at a lowercase word ("This builds on", "The classic account is").
LEAD_WORD = re.compile(r"(?<!\S)[a-z][\w’'\-]*[,:]?\s+")
# A sentence ends after a lowercase word or a closing mark, not after an initial ("Neta C.").
SENTENCE_END = re.compile(r"(?<=[a-z\d)\]”\"’])[.!?]\s+|:\s+")
MAX_WORDS = 16  # in an author list
_QUOTES = "\"“”‘’'«»("


def _core(word: str) -> str:
    return word.strip(_QUOTES + ")”,")


def _is_latin_lower(word: str) -> bool:
    core = _core(word)
    return bool(core) and core[0].islower() and core[0].isascii()


def _is_upper(word: str) -> bool:
    core = _core(word)
    return bool(core) and (core[0].isupper() or core[0].isdigit())


def is_name_like(s: str) -> bool:
    """True when `s` reads as an author list: persons, corporate names, Cyrillic."""
    s = s.strip()
    words = s.split()
    if not words or len(words) > MAX_WORDS or not re.search(r"\w", s):
        return False
    if re.search(r":|[,.]\s*[”\"]|https?:|www\.|\(\s*(?:1[5-9]|20)\d\d", s) or s.count("(") != s.count(")"):
        return False  # a year in parentheses ends a name: "Kilgarriff (2001)" is a narrative citation
    lead = 0
    while lead < len(words) - 1 and words[lead] in PARTICLES:  # "van der Berg", "de Bruijn"
        lead += 1
    if not _is_upper(words[lead]) or _core(words[lead]) in NOT_FIRST or _core(words[lead]).isdigit():
        return False
    last = words[-1]
    if _is_latin_lower(last) and last not in ("al.", "al"):
        return False
    if len(words) > 1 and words[0] in ("The", "A", "An") and _is_latin_lower(words[1]):
        return False  # "The figure follows Hale": a sentence, not a corporate name
    if last in MONTHS or (len(words) > 1 and words[-2] in MONTHS):
        return False
    lower = [w for w in words if _is_latin_lower(w) and w.lower() not in CONNECTORS]
    capital = [w for w in words if _is_upper(w)]
    return len(lower) <= min(2, len(capital) - 1)


def _start_of_last_words(text: str, count: int) -> int:
    """Where the `count`-th word from the end starts; 0 when there are fewer."""
    words = 0
    for at in range(len(text) - 1, 0, -1):
        if not text[at].isspace() and text[at - 1].isspace():
            words += 1
            if words == count:
                return at
    return 0


def split_prefix(region: str) -> tuple[str, str] | None:
    """Split the text before a year into (prose lead-in, author name).

    The earliest boundary that leaves a name wins, so corporate names keep
    their inner words; boundaries are the start, a cue such as "see", and the
    end of a sentence.
    """
    # A name has at most MAX_WORDS words, so only boundaries among the last few words
    # can leave one: looking at every boundary of a long region was quadratic.
    first = _start_of_last_words(region, MAX_WORDS + 2)
    scan = _start_of_last_words(region, MAX_WORDS + 8)  # a cue ending past `first` starts after this
    starts = [0] + [m.end() for pattern in (CUE, EMPHASISED_CUE, SENTENCE_END, LEAD_WORD)
                    for m in pattern.finditer(region, scan)]
    for at in sorted(a for a in set(starts) if a > first or first == 0):
        candidate = region[at:].strip().lstrip(",.;:").strip()
        if candidate and is_name_like(candidate):
            return region[: region.index(candidate, at)], candidate
    return None
