"""What the numbering plans say of a candidate number (libphonenumber), for phone.py.

`number_facts` reads a candidate as a UK number (and, for two shapes, as a French or North
American one). `foreign_reading` reads a number that is not a UK one in the national layouts
of the students' countries (`foreign_regions` in `data/contact.toml`): it is a phone number
when some country's plan says it is valid and it is written as that country writes it: the
digit groups of libphonenumber's national format ("612 34 56 78" in Spain, "(11) 98342-6617"
in Brazil, "050 734 2219" in Saudi Arabia), all digits together ("13123456789"), or with its
trunk 0 in groups of two digits or more that are not a thousands layout ("0151 4827 3310").
phone.py asks only next to a contact cue: without one, nine or ten digits are as likely a
reference.
"""

from __future__ import annotations

import functools
import re

from ._common import load_data

_GROUP = re.compile(r"[0-9]+")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[ \u00a0.,][0-9]{3})+")
_FR_PAIRS = re.compile(r"0[1-9](?:[ .\-][0-9]{2}){4}")
_NANP = re.compile(r"(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .\-])[2-9][0-9]{2}[ .\-][0-9]{4}")
# libphonenumber's number types of a mobile (PhoneNumberType.MOBILE, FIXED_LINE_OR_MOBILE)
_MOBILE = (1, 2)
# digits a national number may have, its trunk 0 counted
_FOREIGN_DIGITS = range(8, 13)


def is_thousands(cand: str) -> bool:
    """"1 250 000", "12.500.000": an amount in groups of three."""
    return _THOUSANDS.fullmatch(cand) is not None


def bare_shape(cand: str) -> bool:
    """Digits without + or 0 are a phone number only in phone-like groups (3-4 digits, at
    most one short group), not "3 12 19 27 33" (lottery numbers, scores)."""
    sizes = [len(g) for g in _GROUP.findall(cand)]
    if len(sizes) == 1:
        return True
    short = sum(n < 3 for n in sizes)
    return min(sizes) >= 2 and short <= (1 if len(sizes) > 2 else 0)


@functools.lru_cache(maxsize=4096)
def number_facts(cand: str, kind: str) -> tuple[str, bool, bool, str] | None:
    """What libphonenumber says of a candidate (E.164 as a UK number, valid, possible, and
    the E.164 of a valid French/North American reading, or ""). Cached: parsing costs
    ~50 us and the same numbers (an organisation's own line) recur from post to post."""
    import phonenumbers as pn

    try:
        num = pn.parse(cand, "GB")
    except pn.NumberParseException:
        return None
    valid = bool(pn.is_valid_number(num))
    foreign = ""
    if not valid and (kind == "zero" and _FR_PAIRS.fullmatch(cand)
                      or kind == "bare" and _NANP.fullmatch(cand)):
        other = pn.parse(cand, "FR" if kind == "zero" else "US")
        if pn.is_valid_number(other):
            foreign = str(pn.format_number(other, pn.PhoneNumberFormat.E164))
    return (str(pn.format_number(num, pn.PhoneNumberFormat.E164)), valid,
            bool(pn.is_possible_number(num)), foreign)


@functools.cache
def _regions() -> tuple[str, ...]:
    return tuple(load_data("contact.toml")["phone"]["foreign_regions"])


@functools.cache
def _threes_regions() -> frozenset[str]:
    return frozenset(load_data("contact.toml")["phone"]["mobile_in_threes_regions"])


def _groups(text: str) -> list[str]:
    return _GROUP.findall(text)


@functools.lru_cache(maxsize=2048)
def foreign_reading(cand: str) -> str | None:
    """The E.164 form of `cand` read as a national number of one of the students' countries
    and written in that country's layout, or None."""
    typed = _groups(cand)
    ndigits = sum(map(len, typed))
    if ndigits not in _FOREIGN_DIGITS or cand.lstrip("(")[:1] == "+":
        return None
    # all digits together, or a trunk 0 and groups of two or more ("0151 4827 3310"); without
    # the 0, only the country's own layout ("437 912 005 68" is a meeting ID)
    loose = len(typed) == 1 or (typed[0][0] == "0" and min(map(len, typed)) >= 2
                                and not is_thousands(cand))
    import phonenumbers as pn

    for region in _regions():
        try:
            num = pn.parse(cand, region)
        except pn.NumberParseException:
            continue
        if not pn.is_valid_number(num):
            continue
        national = pn.format_number(num, pn.PhoneNumberFormat.NATIONAL)
        layout = _groups(national)
        # "1-201-555-0123": the country code before the national layout
        if loose or layout == typed or (
                typed[1:] == layout and typed[0] == str(num.country_code)) or (
                # a mobile of nine digits in threes, as Spain writes one too ("612 345 678")
                list(map(len, typed)) == [3, 3, 3] and region in _threes_regions()
                and pn.number_type(num) in _MOBILE):
            return str(pn.format_number(num, pn.PhoneNumberFormat.E164))
    return None


__all__ = ["bare_shape", "foreign_reading", "is_thousands", "number_facts"]
