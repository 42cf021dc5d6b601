"""Regenerate hadath/data/actors/countries.yaml from Babel (CLDR) and a hand table.

Every ISO 3166-1 country gets its CLDR Arabic name(s) (all ``ar_*`` locales) and its
English name. Countries in the hand table ``HAND`` (the ~75 that matter most in
Arabic news, hand-checked) also get spelling variants, demonyms, the capital (the
city whose name stands for the state in the news: رام الله for Palestine, تل أبيب
for Israel) and generic state organs derived from the nisba adjective
(الحكومة الروسية، الجيش الروسي، وزارة الخارجية الروسية ...).

Usage: python scripts/build_countries.py [--check]
(``--check`` exits 1 if the shipped file differs from what would be generated.)
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import yaml
from babel import Locale, localedata

OUT = Path(__file__).resolve().parent.parent / "hadath" / "data" / "actors" / "countries.yaml"

# ISO 3166-1 alpha-2 -> alpha-3 (plus XK -> XKX, Kosovo's customary user-assigned code).
_ISO_TABLE = """AD:AND AE:ARE AF:AFG AG:ATG AI:AIA AL:ALB AM:ARM AO:AGO AQ:ATA AR:ARG AS:ASM
AT:AUT AU:AUS AW:ABW AX:ALA AZ:AZE BA:BIH BB:BRB BD:BGD BE:BEL BF:BFA BG:BGR BH:BHR BI:BDI
BJ:BEN BL:BLM BM:BMU BN:BRN BO:BOL BQ:BES BR:BRA BS:BHS BT:BTN BV:BVT BW:BWA BY:BLR BZ:BLZ
CA:CAN CC:CCK CD:COD CF:CAF CG:COG CH:CHE CI:CIV CK:COK CL:CHL CM:CMR CN:CHN CO:COL CR:CRI
CU:CUB CV:CPV CW:CUW CX:CXR CY:CYP CZ:CZE DE:DEU DJ:DJI DK:DNK DM:DMA DO:DOM DZ:DZA EC:ECU
EE:EST EG:EGY EH:ESH ER:ERI ES:ESP ET:ETH FI:FIN FJ:FJI FK:FLK FM:FSM FO:FRO FR:FRA GA:GAB
GB:GBR GD:GRD GE:GEO GF:GUF GG:GGY GH:GHA GI:GIB GL:GRL GM:GMB GN:GIN GP:GLP GQ:GNQ GR:GRC
GS:SGS GT:GTM GU:GUM GW:GNB GY:GUY HK:HKG HM:HMD HN:HND HR:HRV HT:HTI HU:HUN ID:IDN IE:IRL
IL:ISR IM:IMN IN:IND IO:IOT IQ:IRQ IR:IRN IS:ISL IT:ITA JE:JEY JM:JAM JO:JOR JP:JPN KE:KEN
KG:KGZ KH:KHM KI:KIR KM:COM KN:KNA KP:PRK KR:KOR KW:KWT KY:CYM KZ:KAZ LA:LAO LB:LBN LC:LCA
LI:LIE LK:LKA LR:LBR LS:LSO LT:LTU LU:LUX LV:LVA LY:LBY MA:MAR MC:MCO MD:MDA ME:MNE MF:MAF
MG:MDG MH:MHL MK:MKD ML:MLI MM:MMR MN:MNG MO:MAC MP:MNP MQ:MTQ MR:MRT MS:MSR MT:MLT MU:MUS
MV:MDV MW:MWI MX:MEX MY:MYS MZ:MOZ NA:NAM NC:NCL NE:NER NF:NFK NG:NGA NI:NIC NL:NLD NO:NOR
NP:NPL NR:NRU NU:NIU NZ:NZL OM:OMN PA:PAN PE:PER PF:PYF PG:PNG PH:PHL PK:PAK PL:POL PM:SPM
PN:PCN PR:PRI PS:PSE PT:PRT PW:PLW PY:PRY QA:QAT RE:REU RO:ROU RS:SRB RU:RUS RW:RWA SA:SAU
SB:SLB SC:SYC SD:SDN SE:SWE SG:SGP SH:SHN SI:SVN SJ:SJM SK:SVK SL:SLE SM:SMR SN:SEN SO:SOM
SR:SUR SS:SSD ST:STP SV:SLV SX:SXM SY:SYR SZ:SWZ TC:TCA TD:TCD TF:ATF TG:TGO TH:THA TJ:TJK
TK:TKL TL:TLS TM:TKM TN:TUN TO:TON TR:TUR TT:TTO TV:TUV TW:TWN TZ:TZA UA:UKR UG:UGA UM:UMI
US:USA UY:URY UZ:UZB VA:VAT VC:VCT VE:VEN VG:VGB VI:VIR VN:VNM VU:VUT WF:WLF WS:WSM YE:YEM
YT:MYT ZA:ZAF ZM:ZMB ZW:ZWE XK:XKX"""
ISO = dict(pair.split(":") for pair in _ISO_TABLE.split())

# Hand table: ISO3 -> (short name used in constructs, extra names, nisba adjective(s)
# separated by "/", broken plurals, capital place id). Empty adjective: no organs.
HAND: dict[str, tuple[str, str, str, str, str]] = {
    "SYR": ("سوريا", "سورية|الجمهورية العربية السورية", "سوري", "", "damascus"),
    "IRQ": ("العراق", "جمهورية العراق", "عراقي", "", "baghdad"),
    "LBN": ("لبنان", "الجمهورية اللبنانية", "لبناني", "", "beirut"),
    "JOR": ("الأردن", "المملكة الأردنية الهاشمية", "أردني", "", "amman"),
    "PSE": ("فلسطين", "فلسطين|دولة فلسطين|الأراضي الفلسطينية المحتلة", "فلسطيني", "", "ramallah"),
    "ISR": ("إسرائيل", "دولة إسرائيل", "إسرائيلي", "", "tel_aviv"),
    "EGY": ("مصر", "جمهورية مصر العربية", "مصري", "", "cairo"),
    "SAU": ("السعودية", "السعودية|المملكة السعودية", "سعودي", "", "riyadh"),
    "ARE": (
        "الإمارات",
        "الإمارات|دولة الإمارات|دولة الإمارات العربية المتحدة",
        "إماراتي",
        "",
        "abu_dhabi",
    ),
    "QAT": ("قطر", "دولة قطر", "قطري", "", "doha"),
    "KWT": ("الكويت", "دولة الكويت", "كويتي", "", "kuwait_city"),
    "BHR": ("البحرين", "مملكة البحرين", "بحريني", "", "manama"),
    "OMN": ("عمان", "سلطنة عمان", "عماني", "", "muscat"),
    "YEM": ("اليمن", "الجمهورية اليمنية", "يمني", "", "sanaa"),
    "LBY": ("ليبيا", "دولة ليبيا", "ليبي", "", "tripoli"),
    "TUN": ("تونس", "الجمهورية التونسية", "تونسي", "", "tunis"),
    "DZA": ("الجزائر", "الجمهورية الجزائرية", "جزائري", "", "algiers"),
    "MAR": ("المغرب", "المملكة المغربية", "مغربي", "مغاربة", "rabat"),
    "MRT": ("موريتانيا", "الجمهورية الإسلامية الموريتانية", "موريتاني", "", "nouakchott"),
    "SDN": ("السودان", "جمهورية السودان", "سوداني", "", "khartoum"),
    "SSD": ("جنوب السودان", "دولة جنوب السودان", "", "", "juba"),
    "SOM": ("الصومال", "جمهورية الصومال", "صومالي", "", "mogadishu"),
    "DJI": ("جيبوتي", "", "جيبوتي", "", "djibouti"),
    "COM": ("جزر القمر", "", "", "", "moroni"),
    "TUR": ("تركيا", "الجمهورية التركية", "تركي", "أتراك", "ankara"),
    "IRN": (
        "إيران",
        "الجمهورية الإسلامية الإيرانية|الجمهورية الإسلامية في إيران",
        "إيراني",
        "",
        "tehran",
    ),
    "RUS": ("روسيا", "روسيا الاتحادية|الاتحاد الروسي", "روسي", "روس", "moscow"),
    "USA": (
        "الولايات المتحدة",
        "الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا",
        "أمريكي/أميركي",
        "أمريكان|أميركان",
        "washington",
    ),
    "GBR": (
        "بريطانيا",
        "بريطانيا|بريطانيا العظمى|المملكة المتحدة لبريطانيا العظمى",
        "بريطاني",
        "",
        "london",
    ),
    "FRA": ("فرنسا", "الجمهورية الفرنسية", "فرنسي", "", "paris"),
    "DEU": ("ألمانيا", "جمهورية ألمانيا الاتحادية", "ألماني", "ألمان", "berlin"),
    "ITA": ("إيطاليا", "", "إيطالي", "", "rome"),
    "ESP": ("إسبانيا", "أسبانيا", "إسباني", "", "madrid"),
    "CHN": ("الصين", "جمهورية الصين الشعبية", "صيني", "", "beijing"),
    "JPN": ("اليابان", "", "ياباني", "", "tokyo"),
    "IND": ("الهند", "", "هندي", "هنود", "new_delhi"),
    "PAK": ("باكستان", "", "باكستاني", "", "islamabad"),
    "AFG": ("أفغانستان", "", "أفغاني", "أفغان", "kabul"),
    "UKR": ("أوكرانيا", "", "أوكراني", "", "kyiv"),
    "BEL": ("بلجيكا", "", "بلجيكي", "", "brussels"),
    "CHE": ("سويسرا", "", "سويسري", "", "bern"),
    "NLD": ("هولندا", "", "هولندي", "", "amsterdam"),
    "AUT": ("النمسا", "", "نمساوي", "", "vienna"),
    "GRC": ("اليونان", "", "يوناني", "", "athens"),
    "CYP": ("قبرص", "", "قبرصي", "", "nicosia"),
    "SWE": ("السويد", "", "سويدي", "", "stockholm"),
    "NOR": ("النرويج", "", "نرويجي", "", "oslo"),
    "DNK": ("الدنمارك", "الدنمارك", "دنماركي", "", "copenhagen"),
    "CAN": ("كندا", "", "كندي", "", "ottawa"),
    "AUS": ("أستراليا", "استراليا", "أسترالي", "", "canberra"),
    "BRA": ("البرازيل", "", "برازيلي", "", "brasilia"),
    "KOR": ("كوريا الجنوبية", "", "كوري جنوبي", "", "seoul"),
    "PRK": ("كوريا الشمالية", "", "كوري شمالي", "", "pyongyang"),
    "AZE": ("أذربيجان", "", "أذربيجاني", "", "baku"),
    "ARM": ("أرمينيا", "", "أرميني", "", "yerevan"),
    "GEO": ("جورجيا", "", "جورجي", "", "tbilisi"),
    "KAZ": ("كازاخستان", "", "كازاخستاني", "", "astana"),
    "ETH": ("إثيوبيا", "أثيوبيا", "إثيوبي", "", "addis_ababa"),
    "ERI": ("إريتريا", "أريتريا", "إريتري", "", "asmara"),
    "KEN": ("كينيا", "", "كيني", "", "nairobi"),
    "NGA": ("نيجيريا", "", "نيجيري", "", "abuja"),
    "MLI": ("مالي", "", "", "", "bamako"),
    "TCD": ("تشاد", "", "تشادي", "", "ndjamena"),
    "NER": ("النيجر", "", "نيجري", "", "niamey"),
    "ZAF": ("جنوب أفريقيا", "جنوب إفريقيا", "", "", "pretoria"),
    "POL": ("بولندا", "", "بولندي", "", "warsaw"),
    "BLR": ("بيلاروسيا", "بيلاروسيا|روسيا البيضاء", "بيلاروسي", "", "minsk"),
    "VEN": ("فنزويلا", "", "فنزويلي", "", "caracas"),
    "CUB": ("كوبا", "", "كوبي", "", "havana"),
    "MEX": ("المكسيك", "", "مكسيكي", "", "mexico_city"),
    "ARG": ("الأرجنتين", "", "أرجنتيني", "", "buenos_aires"),
    "IDN": ("إندونيسيا", "", "إندونيسي", "", "jakarta"),
    "MYS": ("ماليزيا", "", "ماليزي", "", "kuala_lumpur"),
    "BGD": ("بنغلاديش", "بنغلادش", "بنغلاديشي", "", "dhaka"),
    "VAT": ("الفاتيكان", "دولة الفاتيكان|الكرسي الرسولي", "", "", "vatican"),
    "COD": ("جمهورية الكونغو الديمقراطية", "الكونغو الديمقراطية", "", "", "kinshasa"),
    "COG": ("جمهورية الكونغو", "الكونغو برازافيل", "", "", ""),
    "HKG": ("هونغ كونغ", "", "", "", ""),
    "MAC": ("ماكاو", "", "", "", ""),
}
# Heads of state or government named by a title rather than "الرئيس".
HEADS = {
    "SAU": ["الملك السعودي", "العاهل السعودي", "ولي العهد السعودي", "خادم الحرمين الشريفين"],
    "JOR": ["الملك الأردني", "العاهل الأردني"],
    "MAR": ["الملك المغربي", "العاهل المغربي"],
    "BHR": ["ملك البحرين", "العاهل البحريني"],
    "QAT": ["أمير قطر", "أمير دولة قطر"],
    "KWT": ["أمير الكويت", "أمير دولة الكويت"],
    "OMN": ["سلطان عمان", "السلطان العماني"],
    "ARE": ["رئيس دولة الإمارات"],
    "IRN": ["المرشد الإيراني", "المرشد الأعلى الإيراني", "المرشد الأعلى في إيران"],
}
# Names that belong to one generated organ besides the generated ones.
EXTRA = {
    "syr.gov": [
        {"name": "النظام السوري", "valid": [None, "2024-12-08"]},
        {"name": "نظام الأسد", "valid": [None, "2024-12-08"]},
        {"name": "الإدارة السورية الجديدة", "valid": ["2024-12-08", None]},
        {"name": "السلطات السورية الجديدة", "valid": ["2024-12-08", None]},
    ],
    "syr.mil": [
        "الجيش العربي السوري",
        {"name": "قوات النظام", "valid": [None, "2024-12-08"]},
        {"name": "قوات النظام السوري", "valid": [None, "2024-12-08"]},
        "القوات الحكومية السورية",
        "قوات الحكومة السورية",
    ],
    "syr.leg": ["مجلس الشعب السوري"],
    "isr.mil": [
        "جيش الدفاع الإسرائيلي",
        "جيش الاحتلال",
        "جيش الاحتلال الإسرائيلي",
        "قوات الاحتلال",
    ],
    "isr.leg": ["الكنيست", "الكنيست الإسرائيلي"],
    "usa.leg": ["الكونغرس", "الكونغرس الأمريكي", "الكونغرس الأميركي", "مجلس الشيوخ الأمريكي"],
    "rus.leg": ["الدوما", "مجلس الدوما"],
    "usa.mod": ["البنتاغون", "البنتاجون", "وزارة الحرب الأمريكية"],
    "usa.spy": ["وكالة المخابرات المركزية الأمريكية", "سي آي إيه"],
    "gbr.pol": ["سكوتلاند يارد"],
    "lbn.mil": ["الجيش اللبناني"],
}
NOTES = {
    "ISR": "capital: تل أبيب is the metonym Arabic news uses for the Israeli government "
    "(Israel designates Jerusalem; see place.isr.jerusalem).",
    "PSE": "capital: رام الله, seat of the Palestinian Authority; القدس is the declared capital.",
    "XKX": "XKX is not an ISO 3166-1 code; it is the customary user-assigned code for Kosovo.",
}


def adjective(adj: str, fem: bool, article: bool) -> str:
    """``روسي`` -> ``الروسية`` etc.; multi-word adjectives agree word by word."""
    words = [w + "ة" if fem else w for w in adj.split()]
    return " ".join("ال" + w if article else w for w in words)


def demonyms(adj: str, plurals: str) -> list[str]:
    """Masculine/feminine singular, dual and sound plurals, and broken plurals."""
    if " " in adj:
        return []
    forms = [adj, adj + "ة", adj + "ان", adj + "ون", adj + "ين", adj + "ات"]
    return forms + [p for p in plurals.split("|") if p]


# Generic organs: (id suffix, sector, kind, parent suffix, name patterns). ``{m}`` and
# ``{f}`` are the masculine/feminine adjective with the article, ``{s}`` the short name.
ORGANS = [
    ("gov", "GOV", "government", "", ["الحكومة {f}", "السلطات {f}", "الإدارة {f}", "حكومة {s}"]),
    (
        "head",
        "GOV",
        "office",
        ".gov",
        [
            "الرئاسة {f}",
            "الرئيس {m}",
            "رئيس الوزراء {m}",
            "رئيس الحكومة {f}",
            "رئيس {s}",
            "رئيس وزراء {s}",
            "رئيس حكومة {s}",
        ],
    ),
    (
        "mfa",
        "GOV",
        "ministry",
        ".gov",
        [
            "وزارة الخارجية {f}",
            "الخارجية {f}",
            "وزير الخارجية {m}",
            "وزارة خارجية {s}",
            "وزير خارجية {s}",
        ],
    ),
    (
        "mod",
        "MIL",
        "ministry",
        ".gov",
        ["وزارة الدفاع {f}", "الدفاع {f}", "وزير الدفاع {m}", "وزارة دفاع {s}", "وزير دفاع {s}"],
    ),
    (
        "interior",
        "GOV",
        "ministry",
        ".gov",
        ["وزارة الداخلية {f}", "الداخلية {f}", "وزير الداخلية {m}", "وزارة داخلية {s}"],
    ),
    ("justice", "GOV", "ministry", ".gov", ["وزارة العدل {f}", "وزير العدل {m}", "وزارة عدل {s}"]),
    (
        "mil",
        "MIL",
        "armed forces",
        "",
        ["الجيش {m}", "القوات {f}", "القوات المسلحة {f}", "جيش {s}"],
    ),
    (
        "spy",
        "SPY",
        "intelligence",
        ".gov",
        ["المخابرات {f}", "الاستخبارات {f}", "جهاز المخابرات {m}", "جهاز الاستخبارات {m}"],
    ),
    ("pol", "POL", "police", ".gov", ["الشرطة {f}", "قوات الأمن {f}"]),
    ("leg", "LEG", "legislature", "", ["البرلمان {m}"]),
    ("people", "CVL", "population", "", ["الشعب {m}"]),
]


def organs(iso3: str, short: str, adjs: list[str]) -> list[dict]:
    """Generic state organs named with the country's adjective(s)."""
    low, out = iso3.lower(), []
    for slug, sector, kind, parent, patterns in ORGANS:
        names = _dedup(
            p.format(m=adjective(a, False, True), f=adjective(a, True, True), s=short)
            for p in patterns
            for a in adjs
        )
        if slug == "head":
            names += HEADS.get(iso3, [])
        actor_id = f"{low}.{slug}"
        out.append(
            {
                "id": actor_id,
                "name": names[0],
                "names": names[1:] + EXTRA.get(actor_id, []),
                "type": "ORG",
                "kind": kind,
                "country": iso3,
                "sector": sector,
                "code": iso3 + sector,
                "parent": low + parent if parent else low,
            }
        )
    return out


def _dedup(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def cldr_names(iso2: str) -> list[str]:
    """Arabic names of a territory across all ``ar*`` CLDR locales; '(x)' split off."""
    names: list[str] = []
    for ident in sorted(i for i in localedata.locale_identifiers() if i.split("_")[0] == "ar"):
        name = Locale.parse(ident).territories.get(iso2)
        if name:
            main, _, rest = name.partition(" (")
            names += [name, main.strip(), rest.rstrip(")").strip()] if rest else [name]
    return _dedup(names)


def country(iso2: str, iso3: str) -> list[dict]:
    short, extra, adj, plurals, capital = HAND.get(iso3, ("", "", "", "", ""))
    names = _dedup([*cldr_names(iso2), short, *extra.split("|")])
    name = short or names[0]
    entry = {
        "id": iso3.lower(),
        "name": name,
        "names": [n for n in names if n != name] or None,
        "en": Locale("en").territories.get(iso2),
        "type": "GPE",
        "kind": "country",
        "country": iso3,
        "code": iso3,
    }
    adjs = [a for a in adj.split("/") if a]
    if capital:
        entry["capital"] = f"place.{iso3.lower()}.{capital}"
    if adjs:
        entry["demonyms"] = _dedup([d for a in adjs for d in demonyms(a, plurals)])
    if iso3 in NOTES:
        entry["note"] = NOTES[iso3]
    return [entry] + (organs(iso3, name, adjs) if adjs else [])


def build() -> str:
    actors = [
        e for iso2, iso3 in sorted(ISO.items(), key=lambda kv: kv[1]) for e in country(iso2, iso3)
    ]
    header = (
        "# GENERATED by scripts/build_countries.py from Babel (CLDR) Arabic territory names\n"
        "# and the script's hand table. Do not edit by hand: edit the script and rerun it,\n"
        "# or extend/override entries from a user file (see README.md).\n"
    )
    actors = [{k: v for k, v in a.items() if v is not None} for a in actors]
    body = yaml.safe_dump(
        {"actors": actors}, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None
    )
    return header + body


def main(argv: list[str]) -> int:
    text = build()
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(
            "countries.yaml is up to date" if same else "countries.yaml is stale: rerun the script"
        )
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count('- id:')} actors)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
