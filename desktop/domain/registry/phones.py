"""Phone numbers in E.164 form, as phonenumbers reads them, with a fast path for plain digits.

:func:`e164` answers exactly what ``phonenumbers.parse`` plus ``is_valid_number``
plus ``format_number(E164)`` answer; an import calls it once per row, so the
common plain-digit case is settled from the region's metadata without
``parse`` (see the comment above :func:`_plain_phone`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers


def e164(text: str, region: str | None) -> str | None:
    """The E.164 form of ``text`` read as a phone of ``region`` (ISO code), or None when not valid."""
    number = _plain_phone(text, region)
    return _library_phone(text, region) if number is _UNSURE else number


def _library_phone(text: str, region: str | None) -> str | None:
    """The E.164 form of a phone number as phonenumbers reads it, or None when it is not valid."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# Fast path for phones. An import checks one phone per row and phonenumbers.parse plus
# is_valid_number cost ~25 µs each; most phones are plain digits ("+50322223333",
# "2222-3333"), which parse reads in one obvious way. _plain_phone takes only those
# inputs, and only when none of parse's special cases can apply (no international or
# national prefix, no country code written without "+", no leading zero); anything
# else is _UNSURE and goes to the library. Validity uses the region's metadata exactly
# as is_valid_number does (the national number matches the general pattern and one
# number type's pattern, lengths included), compiled into one pattern per length.
# tests/domain/test_validation_fast.py checks both against the library on generated input.
_UNSURE = object()
_PHONE_SEPARATORS = str.maketrans("", "", " -().")
_CALLING_CODES = frozenset(str(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


def _plain_phone(text: str, region: str | None) -> str | None | object:
    """E.164 text, None (not valid), or _UNSURE when the library must decide."""
    plus = text[:1] == "+"
    digits = text[1:] if plus else text
    if not digits.isdigit():
        digits = digits.translate(_PHONE_SEPARATORS)
    if not (digits.isdigit() and digits.isascii()) or digits[0] == "0":
        return _UNSURE
    if plus:
        for size in (1, 2, 3):  # calling codes are prefix-free: the first one that fits is the one
            if digits[:size] in _CALLING_CODES:
                break
        else:
            return _UNSURE
        calling_code, national = digits[:size], digits[size:]
        rules, regions = _calling_code_rules(calling_code)
    else:
        rules = _phone_rules(region) if region else None
        if rules is None or rules.idd.match(digits) or digits.startswith(rules.calling_code):
            return _UNSURE
        calling_code, national = rules.calling_code, digits
        regions = _calling_code_rules(calling_code)[1]
    if (rules is None or not 2 <= len(national) <= 17 or national[0] == "0"
            or (rules.national_prefix is not None and rules.national_prefix.match(national))):
        return _UNSURE
    # is_valid_number: find the number's region as region_code_for_number does, then check it there.
    if len(regions) == 1:
        number_rules = _phone_rules(regions[0])
        if number_rules is None:
            return _UNSURE
    else:
        for region in regions:  # shared codes (+1, +7, +44, ...): the first region that claims it
            number_rules = _phone_rules(region)
            if number_rules is None:
                continue
            if number_rules.leading_digits is not None:
                if number_rules.leading_digits.match(national):
                    break
            elif number_rules.is_valid(national):
                break
        else:
            return None
    return "+" + calling_code + national if number_rules.is_valid(national) else None


class _PhoneRules:
    """What the fast path needs from one region's phonenumbers metadata."""

    def __init__(self, metadata) -> None:
        self.calling_code = str(metadata.country_code)
        self.idd = re.compile(metadata.international_prefix or "NonMatch")
        self.national_prefix = (re.compile(metadata.national_prefix_for_parsing)
                                if metadata.national_prefix_for_parsing else None)
        self.leading_digits = re.compile(metadata.leading_digits) if metadata.leading_digits else None
        self._metadata = metadata
        self._valid: dict[int, re.Pattern | None] = {}  # national number length -> pattern, made when first needed

    def is_valid(self, national: str) -> bool:
        """is_valid_number_for_region for a national number of this region's calling code."""
        pattern = self._valid.get(len(national), False)
        if pattern is False:
            pattern = self._valid[len(national)] = self._valid_pattern(len(national))
        return pattern is not None and pattern.fullmatch(national) is not None

    def _valid_pattern(self, length: int) -> re.Pattern | None:
        # As phonenumbers' _number_type_helper: valid when the general pattern matches and so does
        # one number type's, each counting only for the lengths it allows (none listed: any).
        m = self._metadata
        types = [m.premium_rate, m.toll_free, m.shared_cost, m.voip, m.personal_number, m.pager, m.uan,
                 m.voicemail, m.fixed_line] + ([] if m.same_mobile_and_fixed_line_pattern else [m.mobile])

        def allows(desc) -> bool:
            return (desc is not None and bool(desc.national_number_pattern)
                    and (not desc.possible_length or length in desc.possible_length))

        patterns = [f"(?:{d.national_number_pattern})" for d in types if allows(d)]
        if not allows(m.general_desc) or not patterns:
            return None
        # For fullmatch: a lookahead for the general pattern, then any one type's pattern.
        return re.compile(rf"(?=(?:{m.general_desc.national_number_pattern})\Z)(?:{'|'.join(patterns)})")


@lru_cache(maxsize=None)
def _phone_rules(region: str) -> _PhoneRules | None:
    if region not in phonenumbers.SUPPORTED_REGIONS:
        return None  # unknown codes, and "001" (numbers that belong to no country)
    return _PhoneRules(phonenumbers.PhoneMetadata.metadata_for_region(region))


@lru_cache(maxsize=None)
def _calling_code_rules(calling_code: str) -> tuple[_PhoneRules | None, tuple[str, ...]]:
    """The rules parse uses for a calling code (its main region's), and every region that shares the code."""
    code = int(calling_code)
    return (_phone_rules(phonenumbers.region_code_for_country_code(code)),
            phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code])
