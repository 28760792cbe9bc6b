"""Realistic, made-up client firms for trying the app and for benchmarks.

Firms are spread over the seven countries of the study (CR, SV, GT, HN, NI, PA,
DO) with Spanish names, real departments (ISO 3166-2 names as pycountry gives
them) and a handful of real municipalities each, tax ids that pass
python-stdnum's checks (or the format checks of :mod:`desktop.domain.registry.validation`
for HN, NI and PA), ISIC Rev.4 activities, and sizes distributed as mipyme
populations are: mostly micro firms, few medium and large ones, exporters
mostly among the larger. Everything is drawn from one ``random.Random(seed)``,
so the same seed gives the same firms.

No two firms of one municipality are near-duplicates for the importer
(:class:`desktop.domain.registry.dedupe.DuplicateIndex`), so a demo export imports back
whole. Names are built from parts (first name and two surnames; activity and a
distinctive part, sometimes inside "Cooperativa ..., R.L." or with a branch
number), and over every name these lists can make, two names the importer takes
for one firm always differ in exactly one part. So :class:`_UsedNames` needs no
scan of the municipality: it looks up the few names that differ from the new one
in one part by a word close enough to matter, which keeps a million firms
linear in time.

Nothing here is a real firm or person; any resemblance is chance.
"""

from __future__ import annotations

import datetime as _dt
import functools
import random
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

import phonenumbers
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel
from stdnum import luhn
from stdnum.do import rnc
from stdnum.gt import nit as gt_nit
from stdnum.sv import nit as sv_nit

from desktop.domain.registry.dedupe import NAME_THRESHOLD, place_key
from desktop.domain.registry.tabular import fold

DEMO_COUNTRIES = ("CR", "SV", "GT", "HN", "NI", "PA", "DO")

# country -> (currency, units per USD, share of the demo population)
CURRENCIES = {
    "CR": ("CRC", "505.5", 0.16), "SV": ("USD", "1", 0.18), "GT": ("GTQ", "7.75", 0.20),
    "HN": ("HNL", "24.7", 0.14), "NI": ("NIO", "36.6", 0.10), "PA": ("USD", "1", 0.08),
    "DO": ("DOP", "59.5", 0.14),
}

# country -> (department as in ISO 3166-2 / pycountry, municipality)
PLACES = {
    "SV": [("San Salvador", "San Salvador"), ("San Salvador", "Soyapango"), ("San Salvador", "Mejicanos"),
           ("La Libertad", "Santa Tecla"), ("La Libertad", "Antiguo Cuscatlán"), ("Santa Ana", "Santa Ana"),
           ("Santa Ana", "Chalchuapa"), ("San Miguel", "San Miguel"), ("Sonsonate", "Sonsonate"),
           ("Sonsonate", "Izalco"), ("Usulután", "Usulután"), ("Ahuachapán", "Ahuachapán"),
           ("Chalatenango", "Chalatenango"), ("La Paz", "Zacatecoluca")],
    "CR": [("San José", "San José"), ("San José", "Desamparados"), ("San José", "Escazú"),
           ("Alajuela", "Alajuela"), ("Alajuela", "San Carlos"), ("Cartago", "Cartago"), ("Heredia", "Heredia"),
           ("Heredia", "Santo Domingo"), ("Guanacaste", "Liberia"), ("Guanacaste", "Nicoya"),
           ("Puntarenas", "Puntarenas"), ("Limón", "Pococí")],
    "GT": [("Guatemala", "Guatemala"), ("Guatemala", "Mixco"), ("Guatemala", "Villa Nueva"),
           ("Sacatepéquez", "Antigua Guatemala"), ("Quetzaltenango", "Quetzaltenango"), ("Escuintla", "Escuintla"),
           ("Huehuetenango", "Huehuetenango"), ("Alta Verapaz", "Cobán"), ("Petén", "Flores"),
           ("Chimaltenango", "Chimaltenango"), ("Izabal", "Puerto Barrios")],
    "HN": [("Francisco Morazán", "Distrito Central"), ("Cortés", "San Pedro Sula"), ("Cortés", "Choloma"),
           ("Cortés", "Puerto Cortés"), ("Atlántida", "La Ceiba"), ("Comayagua", "Comayagua"),
           ("Choluteca", "Choluteca"), ("Yoro", "El Progreso"), ("Copán", "Santa Rosa de Copán"),
           ("Olancho", "Juticalpa"), ("Islas de la Bahía", "Roatán")],
    "NI": [("Managua", "Managua"), ("Managua", "Tipitapa"), ("Managua", "Ciudad Sandino"), ("León", "León"),
           ("Chinandega", "Chinandega"), ("Masaya", "Masaya"), ("Granada", "Granada"), ("Estelí", "Estelí"),
           ("Matagalpa", "Matagalpa"), ("Jinotega", "Jinotega"), ("Rivas", "Rivas")],
    "PA": [("Panamá", "Panamá"), ("Panamá", "San Miguelito"), ("Panamá Oeste", "La Chorrera"),
           ("Panamá Oeste", "Arraiján"), ("Colón", "Colón"), ("Chiriquí", "David"), ("Chiriquí", "Boquete"),
           ("Coclé", "Penonomé"), ("Herrera", "Chitré"), ("Los Santos", "Las Tablas"), ("Veraguas", "Santiago")],
    "DO": [("Santo Domingo", "Santo Domingo Este"), ("Santo Domingo", "Santo Domingo Oeste"),
           ("Santiago", "Santiago de los Caballeros"), ("La Vega", "La Vega"), ("La Vega", "Jarabacoa"),
           ("Puerto Plata", "Puerto Plata"), ("San Cristóbal", "San Cristóbal"), ("La Romana", "La Romana"),
           ("La Altagracia", "Higüey"), ("Duarte", "San Francisco de Macorís"), ("Espaillat", "Moca")],
}

# (ISIC Rev.4 class, word that starts the firm's name, relative frequency)
ACTIVITIES = [
    ("4711", "Tienda", 14), ("5610", "Restaurante", 8), ("1071", "Panadería", 7), ("9602", "Salón de Belleza", 5),
    ("4771", "Boutique", 5), ("4520", "Taller Mecánico", 5), ("1410", "Confecciones", 5), ("4772", "Farmacia", 4),
    ("4663", "Ferretería", 4), ("5630", "Cafetería", 4), ("0127", "Finca Cafetalera", 3), ("1050", "Lácteos", 3),
    ("1073", "Chocolates", 2), ("1079", "Dulces Típicos", 2), ("3100", "Mueblería", 3), ("1811", "Imprenta", 2),
    ("4923", "Transportes", 3), ("5510", "Hotel", 2), ("7912", "Tours", 2), ("6201", "Soluciones Informáticas", 2),
    ("7310", "Publicidad", 1), ("6920", "Despacho Contable", 2), ("2023", "Jabones Artesanales", 1),
    ("1520", "Calzado", 2), ("1030", "Conservas", 1), ("0322", "Camaronera", 1), ("3211", "Joyería", 1),
    ("1392", "Textiles", 2), ("4690", "Distribuidora", 4), ("0113", "Hortalizas", 2), ("1104", "Bebidas", 1),
    ("2220", "Plásticos", 1),
]
FANCY = ["La Esperanza", "El Buen Sabor", "Santa Lucía", "Los Pinos", "El Roble", "La Bendición", "Doña Rosa",
         "Don Chepe", "El Progreso", "Las Palmas", "Monteverde", "El Sol", "La Estrella", "Tropical", "Maya",
         "Centroamericana", "del Valle", "Linda Vista", "El Porvenir", "Santa Fe", "La Ceiba", "El Mirador",
         "Los Volcanes", "San Judas", "La Fuente", "El Manantial", "Las Brisas", "El Triunfo", "Nuevo Amanecer",
         "La Perla", "El Cafetal", "Las Flores", "Buena Vista", "El Caribe", "Los Ángeles", "La Cosecha"]
SURNAMES = ["Hernández", "López", "Martínez", "González", "Pérez", "Rodríguez", "Ramírez", "Flores", "Cruz",
            "Morales", "Reyes", "Castillo", "Mejía", "Ortiz", "Aguilar", "Vásquez", "Rivera", "Chávez", "Mendoza",
            "Jiménez", "Romero", "Orellana", "Alvarado", "Portillo", "Quintanilla", "Solórzano", "Zelaya",
            "Matamoros", "Bonilla", "Arce", "Villalobos", "Guzmán", "Herrera", "Peralta", "Marroquín", "Batres",
            "Amador", "Pineda", "Carranza", "Sandoval", "Escobar", "Cordero", "Urbina", "Tejada", "Almonte"]
WOMEN = ["María", "Ana", "Rosa", "Carmen", "Gloria", "Sonia", "Patricia", "Claudia", "Karla", "Marta",
         "Lucía", "Daniela", "Silvia", "Elena", "Yesenia", "Alejandra", "Verónica", "Wendy", "Beatriz", "Xiomara"]
MEN = ["José", "Juan", "Carlos", "Luis", "Jorge", "Miguel", "Francisco", "Roberto", "Mario", "Óscar",
       "Ricardo", "Manuel", "Fernando", "Pedro", "Julio", "Héctor", "Raúl", "Edwin", "Walter", "Rafael"]

# size -> (share, employees range, annual sales range in USD, share exporting)
SIZES = {
    "micro": (0.86, (0, 10), (3_000, 95_000), 0.03),
    "pequena": (0.11, (11, 45), (110_000, 900_000), 0.14),
    "mediana": (0.025, (55, 95), (1_200_000, 4_500_000), 0.35),
    "grande": (0.005, (150, 600), (8_000_000, 40_000_000), 0.55),
}
# Legal suffixes as each country writes them: (sociedad anónima, responsabilidad limitada).
SUFFIX = {"SV": ("S.A. de C.V.", "Ltda."), "GT": ("S.A.", "Ltda."), "CR": ("S.A.", "S.R.L."),
          "HN": ("S.A.", "S. de R.L."), "NI": ("S.A.", "Ltda."), "PA": ("S.A.", "S.R.L."), "DO": ("S.A.", "S.R.L.")}

DEMO_ADVISER = {"name": "Asesora de demostración", "centre": "Centro de demostración Rumbo"}

PERSON_FORMS = ("persona_natural", "empresa_individual")  # the legal name is the owner's
NAME_ATTEMPTS = 100  # draws before a business name gets a branch number instead


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if c.isascii() and (c.isalnum() or c == " ")).lower()


class _Words:
    """Interchangeable name parts (first names, surnames, activities or distinctive
    parts, already folded) and, for each, the others nearest first by Indel distance."""

    def __init__(self, words: Iterable[str]):
        self.words = sorted(set(words))
        self.longest = max(map(len, self.words))
        self._near: dict[str, tuple[int, list[int], list[str]]] = {}

    def near(self, word: str, within: int) -> tuple[list[int], list[str]]:
        """The other words at distance <= ``within`` (maybe more), as (distances, words) nearest first."""
        known = self._near.get(word)
        if known is None or known[0] < within:
            within = max(within, 8)
            hits = process.extract(word, self.words, scorer=Indel.distance, score_cutoff=within, limit=None)
            hits = sorted((dist, other) for other, dist, _i in hits if other != word)
            known = self._near[word] = (within, [d for d, _w in hits], [w for _d, w in hits])
        return known[1], known[2]


@functools.cache
def _word_lists() -> dict[str, _Words]:
    surnames = [fold(s) for s in SURNAMES]
    return {
        "first": _Words(fold(f) for f in WOMEN + MEN),
        "surname": _Words(surnames),
        "activity": _Words(fold(a) for _i, a, _w in ACTIVITIES),
        "distinctive": _Words([fold(f) for f in FANCY] + surnames + [f"{a} {b}" for a in surnames for b in surnames]),
    }


_SLACK = 1 - NAME_THRESHOLD / 100  # how much of two names' total length may differ in a duplicate
_fold = functools.cache(fold)  # the words come from the lists above: a few thousand at most


class _UsedNames:
    """The folded legal names given so far in each place, and whether a new one would be
    taken for a duplicate of one of them (as :meth:`DuplicateIndex.find` would say).

    A name is a sequence of parts joined by spaces, each either fixed ("cooperativa",
    "rl", a branch number) or drawn from a :class:`_Words` list. Near-duplicates in
    the demo vocabulary differ in exactly one drawn part (see the module notes), and
    two names that differ only there, by words at Indel distance ``d``, score
    ``100 * (1 - d / (len1 + len2))`` (their common start and end always match). So
    only the words near enough to reach :data:`NAME_THRESHOLD` are tried, each a set
    lookup, and the ones present are scored with rapidfuzz to decide.
    """

    def __init__(self) -> None:
        self._places: dict[tuple[str, str], set[str]] = {}

    def taken(self, place: tuple[str, str], parts: Sequence[str], lists: Sequence[_Words | None]) -> bool:
        used = self._places.get(place)
        if not used:
            return False
        name = " ".join(parts)
        if name in used:
            return True
        for index, words in enumerate(lists):
            if words is None:
                continue
            word = parts[index]
            rest = len(name) - len(word)
            reach = _SLACK * (2 * rest + len(word) + words.longest) + 1e-6
            distances, others = words.near(word, int(reach))
            for dist, other in zip(distances, others):
                if dist > reach:
                    break
                if dist > _SLACK * (2 * rest + len(word) + len(other)) + 1e-6:
                    continue
                twin = " ".join((*parts[:index], other, *parts[index + 1:]))
                if twin in used and fuzz.ratio(name, twin, score_cutoff=NAME_THRESHOLD):
                    return True
        return False

    def add(self, place: tuple[str, str], parts: Sequence[str]) -> None:
        self._places.setdefault(place, set()).add(" ".join(parts))


def name_parts(legal_form: str, owner: str, activity: str, distinctive: str,
               branch: int | None = None) -> tuple[list[str], list[_Words | None]]:
    """The folded parts of a demo firm's legal name, and the word list each part comes from.

    The parts joined by spaces are the name as :func:`desktop.domain.registry.dedupe.normalise_name`
    gives it (accents, case, punctuation and the legal suffix gone).
    """
    lists = _word_lists()
    if legal_form in PERSON_FORMS:
        return [_fold(w) for w in owner.split(" ")], [lists["first"], lists["surname"], lists["surname"]]
    parts = [_fold(activity), _fold(distinctive)]
    kinds: list[_Words | None] = [lists["activity"], lists["distinctive"]]
    if branch is not None:
        parts.append(str(branch))
        kinds.append(None)
    if legal_form == "cooperativa":
        parts = ["cooperativa", *parts, "rl"]
        kinds = [None, *kinds, None]
    return parts, kinds


def legal_name(cc: str, legal_form: str, owner: str, trade: str) -> str:
    """A demo firm's legal name: the owner's for a person, else the trade name with its legal suffix."""
    if legal_form in PERSON_FORMS:
        return owner
    if legal_form == "cooperativa":
        return f"Cooperativa {trade}, R.L."
    return f"{trade}, {SUFFIX[cc][legal_form == 'sociedad_responsabilidad_limitada']}"


class _Maker:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used_ids: set[tuple[str, str]] = set()
        self.used_names = _UsedNames()
        self.year = _dt.date.today().year

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def tax_id(self, cc: str, legal: bool) -> tuple[str, str]:
        while True:
            kind, value = self._tax_id(cc, legal)
            if (cc, value) not in self.used_ids:
                self.used_ids.add((cc, value))
                return kind, value

    def _tax_id(self, cc: str, legal: bool) -> tuple[str, str]:
        r, d = self.rng, self.digits
        if cc == "SV":
            body = "06" + d(2) + f"{r.randint(1, 28):02d}{r.randint(1, 12):02d}{r.randint(0, 99):02d}" + d(3)
            return "NIT", body + sv_nit.calc_check_digit(body)
        if cc == "GT":
            body = str(r.randint(1_000_000, 99_999_999))
            return "NIT", body + gt_nit.calc_check_digit(body)
        if cc == "CR":
            return ("cedula_juridica", r.choice(("3101", "3102")) + d(6)) if legal else \
                ("cedula_fisica", f"0{r.randint(1, 7)}{d(8)}")
        if cc == "DO":
            if legal:
                body = r.choice("13") + d(7)
                return "RNC", body + rnc.calc_check_digit(body)
            body = "0" + d(9)
            return "cedula", body + luhn.calc_check_digit(body)
        if cc == "HN":
            return "RTN", f"08{r.randint(1, 28):02d}{r.randint(1950, 2005)}{d(6)}"
        if cc == "NI":
            return ("RUC", "J0310000" + d(6)) if legal else \
                ("RUC", f"{d(3)}{r.randint(1, 28):02d}{r.randint(1, 12):02d}{d(2)}{d(4)}" + r.choice("ABCDEFGH"))
        # PA: legal persons have a long registry number, natural persons their cédula.
        return ("RUC", f"155{d(6)}-2-{r.randint(2005, self.year)}") if legal else \
            ("RUC", f"{r.randint(1, 9)}-{r.randint(100, 999)}-{r.randint(100, 9999)}")

    def phone(self, cc: str) -> str:
        r = self.rng
        for _ in range(50):
            if cc == "DO":
                local = r.choice(("809", "829", "849")) + self.digits(7)
            elif cc == "PA":
                local = r.choice(("6", "2")) + self.digits(7 if r.random() < 0.7 else 6)
            else:
                local = r.choice({"SV": "267", "CR": "2678", "GT": "2345", "HN": "239", "NI": "2578"}[cc]) + self.digits(7)
            number = phonenumbers.parse(local, cc)
            if phonenumbers.is_valid_number(number):
                return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        raise AssertionError(f"no valid demo phone for {cc}")  # pragma: no cover

    def person(self) -> tuple[str, str]:
        gender = "F" if self.rng.random() < 0.47 else "M"
        first = self.rng.choice(WOMEN if gender == "F" else MEN)
        return f"{first} {self.rng.choice(SURNAMES)} {self.rng.choice(SURNAMES)}", gender

    def distinctive(self) -> str:
        """What follows the activity in a business name: a fancy name, a surname or two."""
        r = self.rng
        pattern = r.random()
        if pattern < 0.45:
            return r.choice(FANCY)
        if pattern < 0.80:
            return r.choice(SURNAMES)
        return f"{r.choice(SURNAMES)} {r.choice(SURNAMES)}"

    def firm(self) -> dict:
        r = self.rng
        cc = r.choices(DEMO_COUNTRIES, weights=[CURRENCIES[c][2] for c in DEMO_COUNTRIES])[0]
        size = r.choices(list(SIZES), weights=[s[0] for s in SIZES.values()])[0]
        _share, (emp_lo, emp_hi), (sales_lo, sales_hi), export_share = SIZES[size]
        isic, activity, _w = r.choices(ACTIVITIES, weights=[a[2] for a in ACTIVITIES])[0]
        department, municipality = r.choice(PLACES[cc])
        owner, owner_gender = self.person()
        if size == "micro":
            legal_form = r.choices(("persona_natural", "empresa_individual", "sociedad_anonima",
                                    "sociedad_responsabilidad_limitada", "cooperativa"), (70, 6, 12, 9, 3))[0]
        else:
            legal_form = r.choices(("sociedad_anonima", "sociedad_responsabilidad_limitada", "cooperativa"),
                                   (70, 25, 5))[0]
        place = place_key(cc, municipality)
        for _attempt in range(NAME_ATTEMPTS):
            distinctive = self.distinctive()
            parts, lists = name_parts(legal_form, owner, activity, distinctive)
            if not self.used_names.taken(place, parts, lists):
                break
            owner, owner_gender = self.person()
        else:
            # Every draw was taken, which only happens when a place holds a great many firms:
            # number the last business name as a branch (a person's firm becomes a company
            # for it); some number is always free.
            if legal_form in PERSON_FORMS:
                legal_form = "sociedad_responsabilidad_limitada"
            branch = 2
            while self.used_names.taken(place, *name_parts(legal_form, owner, activity, distinctive, branch)):
                branch += 1
            parts, _lists = name_parts(legal_form, owner, activity, distinctive, branch)
            distinctive = f"{distinctive} {branch}"
        trade = f"{activity} {distinctive}"
        legal = legal_name(cc, legal_form, owner, trade)
        self.used_names.add(place, parts)
        kind, tax_id = self.tax_id(cc, legal_form not in PERSON_FORMS)
        if size == "micro":  # most micro firms are one to three people; some are self-employed
            employees = r.choices(range(11), (8, 24, 20, 14, 10, 7, 5, 4, 3, 3, 2))[0]
        else:
            employees = r.randint(emp_lo, emp_hi)
        women = round(employees * r.uniform(0.2, 0.7))
        currency, rate, _ = CURRENCIES[cc]
        # Log-uniform sales: within a class, small figures are more common than large ones.
        sales_usd = int(sales_lo * (sales_hi / sales_lo) ** r.random())
        exporting = r.random() < export_share
        def local(usd: int) -> str:
            return str(int(Decimal(usd) * Decimal(rate)))

        contact, contact_gender = (owner, owner_gender) if r.random() < 0.7 else self.person()
        slug = _ascii(trade).replace(" ", "")[:24]
        return {
            "legal_name": legal, "trade_name": trade, "tax_id": tax_id, "tax_id_type": kind, "country": cc,
            "department": department, "municipality": municipality,
            "address": f"{r.choice(('Calle', 'Avenida', 'Barrio', 'Colonia'))} {r.choice(FANCY)} #{r.randint(1, 250)}",
            "sector_isic": isic, "year_founded": self.year - min(int(r.expovariate(1 / 9)), 60),
            "legal_form": legal_form, "formal_registration": size != "micro" or r.random() < 0.6,
            "employees_women": women, "employees_men": employees - women, "employees": employees,
            "currency": currency, "usd_rate": rate, "sales_amount": local(sales_usd),
            "assets_amount": local(int(sales_usd * r.uniform(0.2, 0.9))),
            "exports_amount": local(int(sales_usd * r.uniform(0.05, 0.6))) if exporting else None,
            "owner_name": owner, "owner_gender": owner_gender,
            "contact_name": contact, "contact_gender": contact_gender, "phone": self.phone(cc),
            "email": f"{slug}@{r.choice(('gmail.com', 'hotmail.com', 'yahoo.com', 'outlook.com'))}" if r.random() < 0.8 else None,
            "notes": None,
        }


def iter_demo_firms(n_firms: int, seed: int = 2024) -> Iterator[dict]:
    """Yield ``n_firms`` demo firms as canonical field dicts (amounts in local currency)."""
    maker = _Maker(seed)
    for _ in range(n_firms):
        yield maker.firm()


def demo_firms(n_firms: int, seed: int = 2024) -> list[dict]:
    """``n_firms`` demo firms as a list (see :func:`iter_demo_firms`)."""
    return list(iter_demo_firms(n_firms, seed))
