"""Text as people mean it: what makes two strings that look alike the same key."""

from __future__ import annotations

import re
import unicodedata

# Characters that show as nothing but make two look-alike strings differ: zero-width space,
# non-joiner and joiner, word joiner, byte order mark (zero-width no-break space), soft hyphen.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def without_invisible(text: str) -> str:
    """``text`` as it is, less the invisible characters above."""
    return text if text.isascii() else _INVISIBLE.sub("", text)


def visible(text: str) -> str:
    """``text`` in Unicode compatibility form (NFKC: full-width letters and digits become ASCII) and
    without the invisible characters above."""
    if text.__class__ is str and text.isascii():
        # NFKC leaves every ASCII character as it is, and none of them is invisible.
        return text
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))


def fold(text: str) -> str:
    """The matching key of a name: visible, case-folded, runs of white space as one space."""
    return " ".join(visible(text).casefold().split())
