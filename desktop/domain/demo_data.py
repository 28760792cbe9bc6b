"""Realistic, made-up client firms for trying the app and for benchmarks.

Firms are spread over the seven countries of the study (CR, SV, GT, HN, NI, PA,
DO) with Spanish names, real departments (ISO 3166-2 names as pycountry gives
them) and a handful of real municipalities each, tax ids that pass
python-stdnum's checks (or the format checks of :mod:`desktop.domain.validation`
for HN, NI and PA), ISIC Rev.4 activities, and sizes distributed as mipyme
populations are: mostly micro firms, few medium and large ones, exporters
mostly among the larger. Everything is drawn from one ``random.Random(seed)``,
so the same seed gives the same firms.

Nothing here is a real firm or person; any resemblance is chance.
"""

from __future__ import annotations

import datetime as _dt
import random
import unicodedata
from collections.abc import Iterator
from decimal import Decimal

import phonenumbers
from stdnum import luhn
from stdnum.do import rnc
from stdnum.gt import nit as gt_nit
from stdnum.sv import nit as sv_nit

from desktop.domain.dedupe import DuplicateIndex

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


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if c.isascii() and (c.isalnum() or c == " ")).lower()


class _Maker:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used_ids: set[tuple[str, str]] = set()
        self.dupes = DuplicateIndex()
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

    def business_name(self, activity: str) -> str:
        r = self.rng
        pattern = r.random()
        if pattern < 0.45:
            return f"{activity} {r.choice(FANCY)}"
        if pattern < 0.80:
            return f"{activity} {r.choice(SURNAMES)}"
        return f"{activity} {r.choice(SURNAMES)} {r.choice(SURNAMES)}"

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
        for attempt in range(200):
            trade = self.business_name(activity) if attempt < 100 else f"{self.business_name(activity)} {attempt}"
            legal = owner if legal_form in ("persona_natural", "empresa_individual") else (
                f"{trade}, {SUFFIX[cc][legal_form == 'sociedad_responsabilidad_limitada']}"
                if legal_form != "cooperativa" else f"Cooperativa {trade}, R.L.")
            if not self.dupes.find(cc, municipality, legal, None):
                break
            owner, owner_gender = self.person()
        kind, tax_id = self.tax_id(cc, legal_form not in ("persona_natural", "empresa_individual"))
        self.dupes.add("demo", cc, municipality, legal, tax_id)
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
