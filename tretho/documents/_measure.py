"""How wide a line of Times New Roman Bold is, to size the short rules under the header lines.

Nghị định 30/2020 wants the rule under the tiêu ngữ as long as the line itself and the rule under the issuing body
a third to a half of it. Advance widths are Times Bold's (1/1000 em; Liberation Serif, which LibreOffice uses in
its place, has the same metrics). Accents do not change a Vietnamese letter's width, so a letter is measured by its
base letter.
"""

from __future__ import annotations

import unicodedata

from docx.shared import Length, Pt

_TIMES_BOLD = {
    " ": 250, "!": 333, '"': 555, "#": 500, "$": 500, "%": 1000, "&": 833, "'": 333, "(": 333, ")": 333,
    "*": 500, "+": 570, ",": 250, "-": 333, ".": 250, "/": 278, ":": 333, ";": 333, "?": 500, "@": 930,
    **dict.fromkeys("0123456789", 500),
    "A": 722, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 778, "I": 389, "J": 500,
    "K": 778, "L": 667, "M": 944, "N": 722, "O": 778, "P": 611, "Q": 778, "R": 722, "S": 556, "T": 667,
    "U": 722, "V": 722, "W": 1000, "X": 722, "Y": 722, "Z": 667,
    "a": 500, "b": 556, "c": 444, "d": 556, "e": 444, "f": 333, "g": 500, "h": 556, "i": 278, "j": 333,
    "k": 556, "l": 278, "m": 833, "n": 556, "o": 500, "p": 556, "q": 556, "r": 444, "s": 389, "t": 333,
    "u": 556, "v": 500, "w": 722, "x": 500, "y": 500, "z": 444,
    "Đ": 722, "đ": 556,
}  # fmt: skip
_DEFAULT_WIDTH = 600


def _base_letter(char: str) -> str:
    if char in _TIMES_BOLD:
        return char
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed else char


def bold_width(text: str, size: Pt) -> Length:
    """The width of `text` set in Times New Roman Bold at `size` (one line, no wrapping)."""
    units = sum(_TIMES_BOLD.get(_base_letter(char), _DEFAULT_WIDTH) for char in text)
    return Pt(units * size.pt / 1000)
