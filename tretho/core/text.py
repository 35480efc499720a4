"""Vietnamese text helpers: accent folding for search and a collation key for sorting.

Both keys are stored on the rows (indexed), so search and sort behave the same on SQLite and PostgreSQL
whatever the database's own collation is.
"""

from __future__ import annotations

import re
import unicodedata

# Vietnamese alphabet order (primary level). Letters outside it (f, j, w, z in loanwords) go after their Latin
# neighbours so foreign names still sort sensibly.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
# Tone order (secondary level): none, huyền, hỏi, ngã, sắc, nặng.
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Letter-forming marks stay with the letter (ă â ê ô ơ ư); only tone marks are split off.
_LETTER_CODES = {letter: f"{index + 20:02d}" for index, letter in enumerate(_ALPHABET)}
_DIGIT_CODES = {str(d): f"{d + 10:02d}" for d in range(10)}
_SPACE_CODE = "01"
_LEVEL_SEPARATOR = "00"
_OTHER_CODE = "99"

_WHITESPACE = re.compile(r"\s+")


def _split_tone(char: str) -> tuple[str, int]:
    """Return the letter without its tone mark (keeping ă, â, ê, ô, ơ, ư) and the tone number."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = 0
    kept = []
    for part in decomposed:
        if part in _TONE_MARKS:
            tone = _TONE_MARKS[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def fold(text: str | None) -> str:
    """Lower-case, accent-free, đ→d, single-spaced: the key search compares.

    "Đồng Nai", "ĐỒNG NAI" and "dong nai" fold to the same key; so do "Hòa" and "Hoà", "Thủy" and "Thuỷ"
    (old and new tone placement), because every mark is dropped.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d")
    return _WHITESPACE.sub(" ", stripped).strip()


def match_key(text: object) -> str:
    """The key two spellings of one name share when matching imported rows: folded, spaces collapsed."""
    return fold(" ".join(str(text or "").split()))


def collation_key(text: str | None) -> str:
    """A digits-only key that sorts in Vietnamese order under any database collation.

    Primary level: letters in the Vietnamese alphabet (Đ after D, Ư after U …), case-insensitive.
    Secondary level: tones in order (none, huyền, hỏi, ngã, sắc, nặng), so "Ha" < "Hà" < "Hả" < "Hã" < "Há" < "Hạ".
    Digits only, so PostgreSQL locales and SQLite's binary order agree.
    """
    if not text:
        return ""
    normalized = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text.lower())).strip()
    primary: list[str] = []
    tones: list[str] = []
    for char in normalized:
        letter, tone = _split_tone(char)
        if letter == " ":
            primary.append(_SPACE_CODE)
            continue
        code = _LETTER_CODES.get(letter) or _DIGIT_CODES.get(letter)
        if code is None:
            # Other characters: fold what can be folded, keep the rest at the end of the alphabet.
            base = fold(letter)
            code = _LETTER_CODES.get(base[:1], _OTHER_CODE) if base else _OTHER_CODE
        primary.append(code)
        tones.append(str(tone))
    return "".join(primary) + _LEVEL_SEPARATOR + "".join(tones)


def matches(query: str, text: str) -> bool:
    """Whether every word of query appears, folded, in text."""
    folded = fold(text)
    return all(word in folded for word in fold(query).split())
