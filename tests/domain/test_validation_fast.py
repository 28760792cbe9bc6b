"""The fast paths of validation give what the libraries give.

check_phone, tax_id_info and clean_firm's money fields skip library work for the
common plain inputs (see the comments in desktop/domain/registry/validation.py). Each test
here runs the fast path and the library path side by side on generated input,
the library being the oracle.
"""

from __future__ import annotations

import random
import re
from decimal import ROUND_HALF_UP, Decimal

import phonenumbers
from hypothesis import example, given, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.do import cedula, rnc
from stdnum.gt import nit as gt_nit
from stdnum.sv import nit as sv_nit

from desktop.domain.registry.phones import _UNSURE, _library_phone, _plain_phone
from desktop.domain.registry.validation import (
    _GENDER_CODES,
    _GENDERS,
    STDNUM_TAX_IDS,
    TAX_ID_FORMATS,
    _choice,
    _stdnum_tax_id_info,
    check_phone,
    clean_firm,
    parse_amount,
    tax_id_info,
    to_usd,
)

STUDY = ["SV", "GT", "HN", "NI", "CR", "PA", "DO"]
# The study, every country with a stdnum module, and regions whose numbering has the cases
# the fast path must leave to the library: national prefixes (0, 1, carrier codes), leading
# zeros (IT), calling codes shared by several regions (+1, +7, +44, +61, +212, +358, +590).
REGIONS = sorted(set(STUDY) | set(STDNUM_TAX_IDS) | set(TAX_ID_FORMATS) | {
    "US", "CA", "PR", "JM", "GB", "IM", "JE", "ES", "IT", "FR", "DE", "RU", "KZ", "AU", "CX", "MA", "EH",
    "FI", "AX", "GP", "BL", "EC", "VE", "UY", "BO", "PY", "CU", "HT", "BZ", "JP", "CN", "IN"})
CODES = sorted({str(phonenumbers.country_code_for_region(r)) for r in REGIONS} | {"800", "808", "882", "979"})


def _phone_texts(rng: random.Random, region: str) -> str:
    """A phone as people type it: real numbers of the region in every format, or near misses."""
    kind = rng.random()
    example = phonenumbers.example_number_for_type(region, rng.choice(list(range(11))))
    if example is None:
        example = phonenumbers.example_number(region)
    if kind < 0.45 and example is not None:
        text = phonenumbers.format_number(example, rng.choice([0, 1, 2, 2]))  # E164, INTERNATIONAL, NATIONAL
        if rng.random() < 0.5:  # another number of the same shape
            text = re.sub(r"\d", lambda m: rng.choice("0123456789") if rng.random() < 0.3 else m.group(), text)
        if rng.random() < 0.15:
            text = text[:-1] if rng.random() < 0.5 else text + rng.choice("0123456789")
        return text
    prefix = rng.choice(["", "", "", "+", "+", "00", "011", "0", "1", "+0", "++", "(+"])
    code = rng.choice(CODES + [str(phonenumbers.country_code_for_region(region))] * 6) if "+" in prefix or \
        prefix in ("00", "011") or rng.random() < 0.1 else ""
    body = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 14)))
    text = prefix + code + body
    out = []
    for ch in text:
        if rng.random() < 0.15:
            out.append(rng.choice([" ", "-", "(", ")", ".", "  ", " - "]))
        out.append(ch)
    if rng.random() < 0.03:
        out.insert(rng.randint(0, len(out)), rng.choice(["x", "#", "/", "ext", "٢", "a"]))
    return "".join(out)


def test_plain_phones_are_read_as_the_library_reads_them():
    rng = random.Random(20240611)
    fast = 0
    for _ in range(12_000):
        region = rng.choice(REGIONS + [None, "ZZ"])
        text = _phone_texts(rng, region if region not in (None, "ZZ") else rng.choice(STUDY)).strip()
        if not text or len(text) > 40:
            continue
        expected = _library_phone(text, region)
        got = _plain_phone(text, region)
        if got is not _UNSURE:
            fast += 1
            assert got == expected, (text, region)
        assert check_phone(region, text)[0] == expected, (text, region)
    assert fast > 4_500  # the fast path is taken for most inputs, so this compared something


phone_chars = st.text(alphabet="0123456789 -().+", min_size=1, max_size=24)


@settings(max_examples=800, deadline=None)
@given(region=st.sampled_from(REGIONS + [None]), text=phone_chars,
       code=st.sampled_from([""] + CODES), plus=st.booleans())
@example(region="SV", text="2222-3333", code="", plus=False)
@example(region="DO", text="809 555 1234", code="1", plus=True)
@example(region="CR", text="1900 2222 3333", code="", plus=False)
@example(region="IT", text="06 1234 5678", code="39", plus=True)
def test_any_digits_and_separators_agree_with_the_library(region, text, code, plus):
    text = (("+" if plus else "") + code + text).strip()
    if not text:
        return
    got = _plain_phone(text, region)
    assert got is _UNSURE or got == _library_phone(text, region)
    assert check_phone(region, text)[0] == _library_phone(text, region)


def test_phone_fast_path_takes_the_usual_forms():
    for region, text, e164 in [("SV", "+50322223333", "+50322223333"), ("SV", "2222-3333", "+50322223333"),
                               ("DO", "(809) 555-1234", "+18095551234"), ("HN", "+504 3925 8787", "+50439258787"),
                               ("GT", "+503 7000 1234", "+50370001234"), ("DO", "+1 212 555 0100", "+12125550100")]:
        assert _plain_phone(text, region) == e164 == _library_phone(text, region)
    assert _plain_phone("22223333", "SV") is not _UNSURE and _plain_phone("123", "CR") is None


# --- tax ids ----------------------------------------------------------------------------

def _tax_texts(rng: random.Random, cc: str) -> str:
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    if cc == "SV":
        body = rng.choice("01923") + d(12)
        text = body + (sv_nit.calc_check_digit(body) if rng.random() < 0.7 else d(1))
    elif cc == "GT":
        body = rng.choice(["", "0", "00"]) + d(rng.randint(0, 11))
        check = gt_nit.calc_check_digit(body.lstrip("0") or "0")
        text = body + (check if rng.random() < 0.7 else rng.choice("0123456789Kk"))
    elif cc == "DO":
        pick = rng.random()
        if pick < 0.1:
            text = rng.choice(sorted(rnc.whitelist) + sorted(cedula.whitelist)[:50])
        elif pick < 0.5:
            body = d(8)
            text = body + (rnc.calc_check_digit(body) if rng.random() < 0.7 else d(1))
        else:
            body = d(10)
            text = body + (luhn.calc_check_digit(body) if rng.random() < 0.7 else d(1))
    elif cc == "CR":
        text = rng.choice("012345") + rng.choice(["", "101", "102", "100", "000", "001"]) + d(rng.randint(4, 9))
    else:
        text = d(rng.randint(1, 16)) + (rng.choice("ABCDEFGHJK") if rng.random() < 0.3 else "")
    if rng.random() < 0.2:  # typed with separators, prefixes or lower case
        cut = rng.randint(0, len(text))
        text = text[:cut] + rng.choice(["-", " ", ".", "/", "SV", "k"]) + text[cut:]
    return text


def test_plain_tax_ids_get_what_stdnum_gives():
    rng = random.Random(7)
    for _ in range(10_000):
        cc = rng.choice(sorted(STDNUM_TAX_IDS))
        text = _tax_texts(rng, cc)
        assert tax_id_info(cc, text) == _stdnum_tax_id_info(cc, text.strip()), (cc, text)


@settings(max_examples=500, deadline=None)
@given(cc=st.sampled_from(sorted(STDNUM_TAX_IDS)),
       text=st.text(alphabet="0123456789Kk-SV ", min_size=1, max_size=16))
def test_any_short_tax_id_gets_what_stdnum_gives(cc, text):
    if text.strip():
        assert tax_id_info(cc, text) == _stdnum_tax_id_info(cc, text.strip())


@settings(max_examples=300, deadline=None)
@given(cc=st.sampled_from(sorted(TAX_ID_FORMATS)),
       text=st.text(alphabet="0123456789JjABDVPE-/. ", min_size=1, max_size=20))
def test_format_checked_tax_ids_are_compacted_as_before(cc, text):
    text = text.strip()
    if not text:
        return
    kind, pattern, _description = TAX_ID_FORMATS[cc]
    compact = re.sub(r"[\s.]", "", text).upper()  # as tax_id_info did before its fast path
    if cc != "PA":
        compact = compact.replace("-", "").replace("/", "")
    expected = (compact, kind) if pattern.fullmatch(compact) else (None, None)
    assert tax_id_info(cc, text)[:2] == expected


# --- money and codes ----------------------------------------------------------------------

def _reference_money(amount_text: str, rate_text: str) -> tuple[str, int]:
    amount = parse_amount(amount_text).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return str(amount), to_usd(amount, parse_amount(rate_text, "usd_rate", prefer_decimal=True))


rates = st.one_of(
    st.sampled_from(["505.5", "7.75", "24.7", "36.6", "59.5", "1", "1.0", "0.5", "3", "17.123456", "999999"]),
    st.decimals(min_value=Decimal("0.000001"), max_value=Decimal(999_999), places=6).map(lambda d: format(d, "f")),
    st.integers(1, 10**9).map(lambda n: format(Decimal(n).scaleb(-4), "f")),
)


@settings(max_examples=500, deadline=None)
@given(rate=rates, k=st.integers(0, 10**13), near=st.integers(-2, 2), plain=st.integers(0, 10**15 - 1),
       use_plain=st.booleans())
def test_usd_values_are_what_to_usd_gives(rate, k, near, plain, use_plain):
    if Decimal(rate) == 0:
        return
    # Either any amount, or one whose USD value sits right next to a half (k + 1/2), where rounding is at stake.
    p, q = Decimal(rate).as_integer_ratio()
    amount = plain if use_plain else max(0, min(10**15 - 1, (2 * k + 1) * p // (2 * q) + near))
    record, errors = clean_firm({"legal_name": "Café", "country": "GT", "currency": "GTQ", "usd_rate": rate,
                                 "sales_amount": str(amount), "assets_amount": f"{amount:,}"})
    assert "usd_rate" not in errors
    expected = _reference_money(str(amount), rate)
    assert (record["sales_amount"], record["sales_usd"]) == expected
    assert (record["assets_amount"], record["assets_usd"]) == expected


def test_amount_too_large_for_decimal_is_refused_not_a_crash():
    record, errors = clean_firm({"legal_name": "Café", "country": "SV", "sales_amount": "1" * 29})
    assert record["sales_amount"] is None and "demasiado grande" in errors["sales_amount"]


def test_stored_codes_are_what_the_word_lookup_gives():
    assert _GENDER_CODES == {"F", "M", "X"}
    for code in _GENDER_CODES:
        assert _choice(code, _GENDERS) == code


def test_rejected_tax_ids_leave_nothing_for_the_paused_collector():
    # Imports run with the cyclic collector paused: checking an id must not leave reference cycles
    # (a kept exception ties the checking frame to its traceback) that pile up row after row.
    import gc

    assert tax_id_info("DO", "001-0000000-9")[1] == "cedula"  # accepted only by the second kind
    assert tax_id_info("SV", "0614-290186-102-3")[2]  # refused by every kind
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        before = len(gc.get_objects())
        for _ in range(3000):
            tax_id_info("DO", "001-0000000-9")
            tax_id_info("SV", "0614-290186-102-3")
        grown = len(gc.get_objects()) - before
    finally:
        if was:
            gc.enable()
    assert grown < 1000, grown
