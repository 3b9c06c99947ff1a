"""The bulk import's shortcuts for common values give exactly what the general paths give: the same
values, the same errors and the same stored bytes."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from core.text import _INVISIBLE, fold, visible
from services import search

ASCII = "".join(chr(i) for i in range(128))


def _general_visible(text: str) -> str:
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))


def _general_normalize(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").casefold()


def test_every_ascii_character_is_its_own_nfkc_form_and_folds_as_it_lowers():
    for ch in ASCII:
        assert unicodedata.normalize("NFKC", ch) == ch
        assert ch.casefold() == ch.lower()
        assert visible(ch) == _general_visible(ch)
        assert search.normalize(ch) == _general_normalize(ch)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127)),
                 st.text(), st.text(alphabet="Aa1-ＡＢ１\u200bßİ丰田 ")))
def test_visible_fold_and_normalize_are_those_of_the_general_path(text):
    assert visible(text) == _general_visible(text)
    assert fold(text) == " ".join(_general_visible(text).casefold().split())
    assert search.normalize(text) == _general_normalize(text)
    assert search.compact(text) == search._NON_WORD.sub("", _general_normalize(text))


def test_empty_values_stay_empty():
    assert visible("") == "" and visible(None) == ""  # type: ignore[arg-type]
    assert search.normalize("") == "" and search.normalize(None) == ""  # type: ignore[arg-type]
