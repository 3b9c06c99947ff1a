"""Chinese number plates (GA 36): what a plate typed for a car registered in China may be.

An ordinary plate has 7 characters: the province's character (沪, 京, 粤 …), the letter of the issuing
office, then 5 letters or digits (I and O are never used, so they are never mistaken for 1 and 0); a
learner's, trailer's, police, Hong Kong, Macao or consulate plate ends in its own character instead
of the last of them. A new-energy plate has 8: on a small car the 3rd character is D (battery
electric; also A, B, C, E as series run out) or F (other new energy; also G, H, J, K), followed by a
letter or digit and 4 digits; on a large vehicle the 5 characters after the office letter are digits
and the last character is D or F.
"""

from __future__ import annotations

import re

from core.errors import ValidationError
from core.messages import msg

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_LETTER = "A-HJ-NP-Z"  # no I, no O
_SPECIAL = "学挂警港澳领"
_ORDINARY = re.compile(rf"^[{PROVINCES}][{_LETTER}](?:[{_LETTER}0-9]{{5}}|[{_LETTER}0-9]{{4}}[{_SPECIAL}])$")
_NEW_ENERGY_SMALL = re.compile(rf"^[{PROVINCES}][{_LETTER}][DABCEFGHJK][{_LETTER}0-9][0-9]{{4}}$")
_NEW_ENERGY_LARGE = re.compile(rf"^[{PROVINCES}][{_LETTER}][0-9]{{5}}[DF]$")


def normalize_plate(plate: str) -> str:
    """A plate as stored: no spaces, dots or dashes, upper case."""
    return "".join((plate or "").split()).upper().replace("·", "").replace("-", "")


def is_chinese_plate(plate: str) -> bool:
    """Whether ``plate`` (as :func:`normalize_plate` stores it) is a valid Chinese plate."""
    return bool(_ORDINARY.match(plate) or _NEW_ENERGY_SMALL.match(plate) or _NEW_ENERGY_LARGE.match(plate))


def check_plate(value: str, *, country: str, field: str = "plate") -> str:
    """The plate to store, or :class:`ValidationError` naming ``field``. A dealership in China (country
    CN) takes only valid Chinese plates; elsewhere a plate is kept as written (at most 20 characters)."""
    plate = normalize_plate(value)
    if not plate:
        return ""
    if len(plate) > 20:
        raise ValidationError(field, msg("A plate has at most 20 characters"))
    if country != "CN" or is_chinese_plate(plate):
        return plate
    if plate[0] not in PROVINCES:
        raise ValidationError(field, msg("Plate '{plate}' must start with a province character such as 沪, 京 or 粤",
                                         plate=plate))
    if set(plate[1:]) & set("IO"):
        raise ValidationError(field, msg("Plate '{plate}' contains I or O, which Chinese plates never use",
                                         plate=plate))
    if len(plate) == 8:
        raise ValidationError(field, msg(
            "Plate '{plate}' has 8 characters, so it must be a new-energy plate: D or F (or A–K) as its 3rd "
            "character followed by 5 characters ending in 4 digits, or 5 digits then D or F at the end",
            plate=plate))
    if len(plate) != 7:
        raise ValidationError(field, msg(
            "Plate '{plate}' has {count} characters; a Chinese plate has 7 (8 for a new-energy plate)",
            plate=plate, count=len(plate)))
    raise ValidationError(field, msg(
        "Plate '{plate}' is not a valid Chinese plate: a province character, the office's letter, then 5 "
        "letters or digits", plate=plate))
