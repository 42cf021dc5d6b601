"""The event trigger lexicon and the cue lists: shipped files validate, every PLOVER
type has triggers, triggers fire on real sentences (tokenized and lemmatized as the
tokenize stage does) and stay quiet on their look-alikes, bad files fail clearly."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from hadath.errors import DataFileError
from hadath.events.cues import Cues
from hadath.events.lexicon import Lexicon, TriggerMatch, ontology
from hadath.model import Token
from hadath.text.lemma import lemmatize
from hadath.text.tokenize import tokenize
from tests.conftest import require_shared_news, seed_text, sentence_events

PLOVER_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def cues() -> Cues:
    return Cues.load()


def analyzed(text: str) -> list[Token]:
    """Tokens with lemmas, filled the way the tokenize stage fills them."""
    tokens = tokenize(text)
    for token in tokens:
        token.lemma = token.norm if token.is_punct else lemmatize(token.text)
    return tokens


def matches(lexicon: Lexicon, text: str) -> list[tuple[str, str | None, str, str]]:
    """(type, mode, pos, matched words) of every trigger in ``text``."""
    tokens = analyzed(text)
    found = lexicon.match_all(tokens)
    return [(m.type, m.mode, m.pos, _words(tokens, m)) for m in found]


def _words(tokens: list[Token], m: TriggerMatch) -> str:
    return " ".join(t.text for t in tokens[m.start : m.end])


def in_seed(prefix: str, text: str) -> str:
    """``text``, checked to be a passage of the seed page ``prefix``."""
    assert text in seed_text(prefix), text
    return text


# --- the shipped lexicon ----------------------------------------------------------


def test_every_plover_type_has_verb_or_noun_triggers(lexicon: Lexicon) -> None:
    assert list(ontology().types) == PLOVER_TYPES
    for kind in PLOVER_TYPES:
        assert len(lexicon.by_type(kind)) >= 5, kind


def test_shipped_entries_are_consistent(lexicon: Lexicon) -> None:
    onto = ontology()
    ids = [t.id for t in lexicon.triggers]
    assert len(ids) == len(set(ids))
    for trigger in lexicon.triggers:
        assert trigger.type in onto.cameo_types[trigger.cameo], trigger.id
        assert trigger.mode is None or trigger.mode in onto.modes[trigger.type], trigger.id
        assert trigger.lemmas or trigger.forms or trigger.nouns or trigger.verb_forms


def test_speech_verbs_are_not_triggers(lexicon: Lexicon) -> None:
    text = "وقال بيسكوف وأكد لافروف وأعلنت الوزارة وأضاف وشدد وأوضح"
    assert matches(lexicon, text) == []


# --- triggers on seed sentences ----------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "text", "kind", "mode", "pos", "words"),
    [
        ("000", "المبعوث الشخصي للرئيس فلاديمير بوتين التقى في العاصمة الفرنسية باريس", "CONSULT", None, "verb", "التقى"),
        ("000", "أنه طلب من وزارة الخارجية البريطانية «تقديم المساعدة للجانب الروسي", "REQUEST", None, "verb", "طلب من"),
        ("001", "وقال بيسكوف إن «موسكو ستواصل دعمها عمليات الجيش السوري ضد الإرهابيين»", "SUPPORT", None, "noun", "دعمها"),
        ("003", "سيطرت قوات النظام، أمس، على أربعة أحياء على الأقل", "ASSAULT", None, "verb", "سيطرت قوات النظام ، أمس ، على"),
        ("003", "أحرزت قوات النظام تقدما في مدينة الميادين", "ASSAULT", None, "verb", "أحرزت قوات النظام تقدما"),
        ("003", "في دير الزور بسيطرتها على أربعة أحياء", "ASSAULT", None, "noun", "بسيطرتها على"),
        ("002", "أعلنت واشنطن، أمس، التوصل لاتفاق حول وقف إطلاق النار", "AGREE", None, "noun", "التوصل لاتفاق"),
        ("002", "أعلنت واشنطن، أمس، التوصل لاتفاق حول وقف إطلاق النار", "RETREAT", "ceasefire", "noun", "وقف إطلاق النار"),
        ("002", "أرسل الجانب الروسي مساعدات طبية وزنها قرابة طن", "AID", None, "verb", "أرسل الجانب الروسي مساعدات"),
        ("002", "كما انتقد أيضاً الدور الروسي", "ACCUSE", "disapprove", "verb", "انتقد"),
        ("001", "واتهامات موسكو للجانب التركي بأنه سلم المسلحين أسلحة", "ACCUSE", "allege", "noun", "واتهامات"),
        ("003", "وتشارك في القتال ميدانياً، وتنفذ غارات كثيفة", "ASSAULT", "aerial", "noun", "غارات"),
        ("000", "تتعلق بإمكانية تنسيق عملياته مع قوات نظام الأسد", "COOPERATE", None, "noun", "تنسيق"),
        ("002", "عن زيارة مرتقبة لمدير مكتب الأمن الوطني السوري", "CONSULT", "visit", "noun", "زيارة"),
        ("002", "موسكو ستستقبل مملوك الثلاثاء المقبل للتشاور مع الجانب الروسي", "CONSULT", "visit", "verb", "ستستقبل"),
        ("001", "تعقيباً على الاتصال الهاتفي بين الرئيسين دونالد ترمب", "CONSULT", "phone", "noun", "الاتصال الهاتفي"),
        ("001", "على خلفية التعزيزات العسكرية التركية المتواصلة", "MOBILIZE", "troops", "noun", "التعزيزات العسكرية"),
        ("001", "وردود الفعل الروسية على التهديدات التركية المتواصلة", "THREATEN", None, "noun", "التهديدات"),
        ("003", "وهو ما لاقى رفضا من التنظيم", "REJECT", None, "noun", "رفضا"),
        ("003", "كما اعتقل آخرون خلال محاولتهم الهرب", "COERCE", "arrest", "verb", "اعتقل"),
        ("001", "أن 33 رهينة محتجزين في غزة سيتم الإفراج عنهم", "RETREAT", "release", "noun", "الإفراج عنهم"),
        ("002", "ودعا الرئيس الفرنسي إلى «هدنة فورية»", "REQUEST", None, "verb", "ودعا"),
    ],
)  # fmt: skip
def test_seed_sentence_fires(
    lexicon: Lexicon, seed: str, text: str, kind: str, mode: str | None, pos: str, words: str
) -> None:
    assert (kind, mode, pos, words) in matches(lexicon, in_seed(seed, text))


def test_agreement_comes_before_the_ceasefire_it_settles(lexicon: Lexicon) -> None:
    found = matches(lexicon, in_seed("002", "التوصل لاتفاق حول وقف إطلاق النار"))
    assert found[0][:2] == ("AGREE", None)
    assert ("RETREAT", "ceasefire") in [f[:2] for f in found]


def test_specific_mode_is_returned_first(lexicon: Lexicon) -> None:
    tokens = analyzed("قصفت الطائرات الروسية مواقع المعارضة")
    found = lexicon.match(tokens, 0)
    assert [(m.type, m.mode) for m in found] == [("ASSAULT", "aerial"), ("ASSAULT", None)]
    assert found[0].span == (0, 2) and found[0].target_preps == ("علي",)


# --- triggers on SaudiNewsNet sentences --------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        ("اعتقال أكثر من 200 مدرس خلال تظاهرة في طهران", "PROTEST", "demo"),
        ("بين إيران والولايات المتحدة اللتين قطعتا العلاقات الدبلوماسية بينهما", "SANCTION", "discontinue"),
        ("اعتقلت السلطات التركية 590 شخصا لهم ارتباط بتنظيم داعش", "COERCE", "arrest"),
        ("وتوعدت بملاحقة المسؤولين عنها أمام القضاء", "THREATEN", "violence"),
        ("نشرت روسيا جنود لها بالمنطقة ارتدوا الزي الرسمي", "MOBILIZE", "troops"),
        ("مقابل تخفيف العقوبات المفروضة عليها", "CONCEDE", None),
        ("السيطرة على حي التواهي في عدن", "ASSAULT", None),
        ("بسبب قصف الطائرات النظامية لحي الكلاسة بالبراميل المتفجرة", "ASSAULT", "aerial"),
        ("وطرد السفير الإيراني في المملكة", "SANCTION", "expel"),
        ("أصدرت محكمة أسترالية اليوم حكما بالسجن 6 سنوات على أب", "SANCTION", "convict"),
        ("قالت البحرين اليوم السبت إنها استدعت سفيرها لدى طهران للتشاور", "SANCTION", "discontinue"),
        ("مدينة العريش التي يبدأ فيها حظر التجول من منتصف الليل", "COERCE", "curfew"),
        ("تم الإعلان عن هدنة إنسانية في نهاية الأسبوع الماضي", "RETREAT", "ceasefire"),
        ("وقد اجتمعت اللجنة مع وفد الحكومة", "CONSULT", None),
        ("ويجتمعون مع الوفد غدا", "CONSULT", None),
        ("أرسلت المملكة العربية السعودية مساعدات إغاثية إلى اليمن", "AID", None),
        ("وطالبت الحكومة بالإفراج عن المعتقلين", "REQUEST", "yield"),
        ("ونفى قالن الاتهامات التي تقول إن تركيا لم تقم بأية عمليات", "REJECT", None),
        ("وأشاد بدور قوات التحالف العربي", "SUPPORT", None),
        ("وأعلنت الحكومة استقالتها", "RETREAT", "resign"),
        ("مطالبة بوقف فوري للهجوم", "REQUEST", None),  # بوقف: a ب the splitter left on
        ("بطلب رسمي من الرئيس اليمني عبد ربه منصور هادي", "REQUEST", None),
        ("وسيطر الجيش الوطني والمقاومة الشعبية ليلة أمس الجمعة على معسكر لبوزة", "ASSAULT", None),
        ("أعلنت قيادة التحالف العربي عن هدنة إنسانية في اليمن", "RETREAT", "ceasefire"),
        # طالب with a long titled subject before its بـ (training gold, Asharq Al-Awsat)
        ("وطالب مسعود بارزاني، رئيس إقليم كردستان العراق، بوقف القصف الجوي التركي", "REQUEST", None),
        # an operation against someone (dev, al-Watan)
        ("إن العملية التي تشنها تركيا ضد تنظيم داعش ليست مؤقتة", "ASSAULT", None),
    ],
)  # fmt: skip
def test_news_sentence_fires(lexicon: Lexicon, text: str, kind: str, mode: str | None) -> None:
    assert (kind, mode) in [f[:2] for f in matches(lexicon, text)]


@pytest.mark.parametrize(
    "text",
    [
        "عاطل، طالب جامعي، موظف يبتغي دخلا إضافيا",  # طالب "student"
        "ظل يبحث عن عمل منذ تخرجه في الجامعة",  # بحث عن "searched for"
        "بمبعوث دول مجلس التعاون الخليجي لدى اليمن",  # GCC, a name
        "وقال ستيج ابيل، رئيس التحرير الإداري لصحيفة ذا صن",  # تحرير "editing"
        "آخر مناطق المدينة كانت تحت سيطرة الحوثيين",  # a state, not a capture
        "ظاهرة التدين في المجتمع",  # التدين is not تدين "condemns"
        "وزير الدولة للشؤون الخارجية الدكتور نزار بن عبيد مدني",  # نزار, a name
        "والاتحاد الأفريقي والاتحاد الأوروبي وتشاد",  # تشاد, Chad
        "وقوع حادث عند تقاطع سجن جازان العام",  # تقاطع "intersection"
        "حرص الكثير على أداء صلاة العيد والإلتقاء بالأقارب",  # الالتقاء, a noun
        "التي تستهدف الشباب في المنطقة",  # a programme's audience
        "وهنا يمكن القول إن الأمر انتهى",  # هنا "here", not هنأ
        "وصل ثمنها إلى مليون إسترليني",  # ثمن "price"
        "والطلب من الأعضاء تقديم المقترحات",  # طلب, a noun without بـ
        "سيطرت فرق الدفاع المدني على الحريق",  # a fire brought under control
        "أطلقت الوزارة حملة توعية ضد التدخين",  # a campaign against smoking
        "داعية الله بأن يتغمده بواسع رحمته",  # a prayer (SaudiNewsNet, Sabq)
        "في منطقة مركشيلة في قمة النبي يونس بالساحل السوري",  # a peak (al-Sharq al-Awsat)
        "إن المستشفى استقبل خلال شهر يوليو الماضي جثامين 9 مدنيين",  # bodies (dev, Libya)
    ],
)  # fmt: skip
def test_look_alikes_do_not_fire(lexicon: Lexicon, text: str) -> None:
    assert matches(lexicon, text) == []


def ids(lexicon: Lexicon, text: str) -> list[str]:
    """Ids of every trigger in ``text``."""
    return [m.trigger.id for m in lexicon.match_all(analyzed(text))]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # training sentences (eval/events-train-*.jsonl) and SaudiNewsNet
        ("حمّلت الرئاسة الفلسطينية سلطات الاحتلال الإسرائيلية مسؤولية استشهاد الرضيع", "accuse.hold_responsible"),
        ("ورصد المآسي المهولة التي ارتكبها الحوثيون في عدن", "accuse.commit_crimes"),
        ("ما اقترفه الإسرائيليون جريمة نكراء لا مبرر لها", "accuse.crime"),
        ("رفعت الحكومة الأردنية شكوى ضد اسرائيل", "accuse.complaint"),
        ("الأجهزة الأمنية تجري التحقيق مع الكثير من القيادات الحوثية", "accuse.interrogate"),
        ("القوات المعارضة التي دربتها الولايات المتحدة", "aid.train_them"),
        ("مهمة تدريب القوات الافغانية وتقديم المشورة لها", "aid.train"),
        ("اعترف أنه تلقى التعليمات من شقيقه وزود الخلية بالسلاح اللازم", "aid.supply_weapons"),
        ("القوات الأمنية التي تتقدم باتجاه حي التأميم القريب", "assault.advance_toward"),
        ("استكمال تحرير محافظة عدن من ميليشيات الحوثي", "assault.liberate"),
        ("تحرير عدن من أيدي ميليشيات الحوثي وصالح", "assault.liberate_from"),
        ("يجري تمشيط معسكر الفتح من بعض الجيوب", "assault.sweep"),
        ("القوات الهندية فتحت النار السبت على قاطع بونش", "assault.open_fire"),
        ("المقاومة في شبوة نصبت كمينا للميليشيات الحوثية", "assault.lay_ambush"),
        ("المستوطنين أحرقوا منزلاً آخر في البلدة", "assault.burn"),
        ("تنظيم داعش أعدم أربعة سائقين في مدينة الشرقاط", "assault.execute"),
        ("شنت تركيا حربا على الإرهاب ضد حزب العمال الكردستاني", "assault.wage_war"),
        ("سقوط ثلاثة صواريخ قرب المدرج", "assault.projectile_fall"),
        ("أوقفت قوة من الجيش في محلتي تعنايل 23 شخصا", "coerce.arrest_stop"),
        ("قالت النصرة إنها أسرت مقاتلين سوريين", "coerce.capture_prisoners"),
        ("قوات الأمن وحرس الحدود أحبطت محاولة تسلل مجموعة تضم 19 إرهابياً", "coerce.foil"),
        ("قوات الاحتلال اقتادت الأسير وهو مقيد", "coerce.lead_away"),
        ("القوات أغلقت أبواب المسجد بالسلاسل الحديدية", "coerce.close_roads"),
        ("كيري في مؤتمر صحفي مشترك مع نظيره المصري سامح شكري", "consult.joint_press_conference"),
        ("وتلقى اتصالاً هاتفيًا من ملك الأردن", "consult.receive_call"),
        ("وصلت أول كتيبة إلى جبهة العند يوم الثلاثاء الماضي", "mobilize.arrive"),
        ("قيادات هربت في وقت متأخر من صباح أمس من عدن", "retreat.flee"),
        ("أعرب نائب الرئيس اليمني خالد بحاح عن تقديره البالغ للدور", "support.express_gratitude"),
        ("حذر الجيش في بيان رسمي كل المتظاهرين من مغبة محاولة الاقتراب", "threaten.warn_consequences"),
    ],
)  # fmt: skip
def test_training_gap_triggers_fire(lexicon: Lexicon, text: str, trigger: str) -> None:
    assert trigger in ids(lexicon, text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the non-event readings each guard blocks (SaudiNewsNet phrasings)
        ("ضرورة تحمل مسؤولياته تجاه الشعب", "accuse.hold_responsible"),  # تحمّل, bearing
        ("وضع مشروع جديد لمقاومة خطر الجرائم الإلكترونية", "accuse.crime"),
        ("وارتفعت نسبة البطالة إلى 35 % بين مواطنيها", "accuse.attribute"),  # a ratio
        ("تحسين شكاوى المواطنين المقدمة إلى البلدية", "accuse.complaint"),
        ("وزيادة تدريب الموظفين على الخدمات الإلكترونية", "aid.train"),
        ("تزويد المنازل بالمياه والكهرباء", "aid.supply_weapons"),
        ("لكنها تقدم معلومات يكتنفها الشك على نحو خطير", "assault.advance_toward"),
        ("التقدم نحو السلام في المنطقة", "assault.advance_toward"),
        ("بعد تحرير مخالفات مرورية من قبل الدوريات", "assault.liberate_from"),
        ("قال رئيس التحرير من جهته إن الصحيفة", "assault.liberate_from"),
        ("التمارين تساعد على حرق السعرات الحرارية", "assault.burn"),
        ("وأوقفت الشركة أعمالها في المنطقة", "coerce.arrest_stop"),
        ("رفض تنفيذ مذكرة توقيف بحق الرئيس السوداني", "coerce.arrest_stop"),
        ("أسر الشهداء في المنطقة", "coerce.capture_prisoners"),  # families
        ("أصيب بإحباط شديد بعد المباراة", "coerce.foil"),
        ("سيتم إغلاق طريق الملك عبدالعزيز لأعمال الصيانة", "coerce.close_roads"),
        ("عقد مؤتمر صحفي في مقر الوزارة", "consult.joint_press_conference"),
        ("تلقى رسالة من صديقه", "consult.receive_call"),
        ("فر المسجون من السجن المركزي", "retreat.flee"),
        ("بحسب تقديرات الخبراء للأسعار", "support.express_gratitude"),
        ("حسب تقدير الخبراء لحجم السوق", "support.express_gratitude"),
    ],
)  # fmt: skip
def test_training_gap_guards(lexicon: Lexicon, text: str, trigger: str) -> None:
    assert trigger not in ids(lexicon, text)


def test_verb_triggers_on_a_verbal_noun_report_a_noun(lexicon: Lexicon) -> None:
    assert ("ASSAULT", None, "noun", "القصف") in matches(lexicon, "توقف القصف على المدينة")
    assert ("ASSAULT", None, "verb", "وقصفوا") in matches(lexicon, "وقصفوا المدينة")


def test_generated_verb_forms(lexicon: Lexicon) -> None:
    for text, kind in [("تجتمع", "CONSULT"), ("يستهدفون", "ASSAULT"), ("اعتقلتها", "COERCE")]:
        assert kind in [f[0] for f in matches(lexicon, text)], text
    trigger = lexicon.by_id("request.demand")
    assert trigger is not None and "طالبه" not in trigger.verb_forms  # طالبة "student"
    assert "يطالبون" in trigger.forms + trigger.verb_forms


def test_generated_noun_forms(lexicon: Lexicon) -> None:
    """Training gold: a noun matches in the dual and with a possessive pronoun
    (``تحدث لافروف عن اجتماعين مع كيري``، ``تلقى شكري اتصالين هاتفيين``، ``زيارتهما``)."""
    for text, kind in [("تحدث لافروف عن اجتماعين مع كيري", "CONSULT"),
                       ("تلقى شكري اتصالين هاتفيين من لافروف", "CONSULT"),
                       ("خلال زيارتهما إلى الرياض", "CONSULT"),
                       ("قبل ساعات من اختطافه", "ASSAULT")]:  # fmt: skip
        assert kind in [f[0] for f in matches(lexicon, text)], text
    visit = lexicon.by_id("consult.visit_noun")
    assert visit is not None and "زيارتين" in visit.forms and "زياراتين" not in visit.forms


# --- cues ------------------------------------------------------------------------


def test_cues_on_seed_phrases(cues: Cues) -> None:
    said = analyzed(in_seed("001", "وقال بيسكوف"))
    assert cues.is_speech_verb(said[0]) and not cues.is_speech_verb(said[1])
    denied = analyzed(in_seed("000", "لم تؤكد خبر عقد لقاء"))
    assert cues.is_negation(denied[0])
    possible = analyzed(in_seed("000", "بإمكانية تنسيق عملياته"))
    assert cues.is_hypothetical(possible[0])
    expected = analyzed(in_seed("002", "زيارة مرتقبة"))
    assert cues.is_hypothetical(expected[1]) and not cues.is_hypothetical(expected[0])
    future = analyzed(in_seed("002", "موسكو ستستقبل مملوك"))
    assert cues.is_hypothetical(future[1])  # the future prefix سـ


def test_still_far(cues: Cues) -> None:
    text = in_seed("002", "أنَّ موسكو وواشنطن مازالتا بعيدتين عن التعاون الحقيقي")
    tokens = analyzed(text)
    assert cues.find("still_far", tokens) == (3, 5)
    assert cues.find("still_far", analyzed("إننا مازلنا بعيدين عن التعاون")) is not None
    assert cues.find("still_far", analyzed("مازالت المحادثات مستمرة")) is None


def test_qad_is_hypothetical_only_before_an_imperfect(cues: Cues) -> None:
    assert cues.match("hypothetical", analyzed("قد يلتقي الرئيسان"), 0) == 2
    assert cues.match("hypothetical", analyzed("قد التقى الرئيسان"), 0) == -1


def test_negation_patterns(cues: Cues) -> None:
    tokens = analyzed("ونفى المتحدث أن يكون الوفد قد التقى المعارضة")
    assert cues.find("negation", tokens) == (0, 3)


def test_reporting_frames(cues: Cues) -> None:
    text = in_seed("000", "وأعلنت وزارة الخارجية الروسية في بيان أن ميخائيل بوغدانوف")
    assert cues.find("reporting_frames", analyzed(text)) == (0, 7)
    quoted = analyzed(in_seed("000", "نقلت وكالة «سبوتنيك» الروسية عن فهد المصري"))
    assert cues.find("reporting_frames", quoted) is not None
    according = analyzed(in_seed("000", "وحسب البيان الروسي"))
    assert cues.is_reporting_frame(according[0])


def test_target_preps(cues: Cues) -> None:
    tokens = analyzed("مع بوغدانوف لوزارة على ضد الوزير")
    assert [cues.is_target_prep(t) for t in tokens] == [True, False, True, True, True, False]


def test_speech_verb_needs_a_verb_form(cues: Cues) -> None:
    tokens = analyzed("التصريح الذي قاله الوزير")
    assert not cues.is_speech_verb(tokens[0])


# --- validation ----------------------------------------------------------------------

GOOD = "{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى]}"


def write(tmp_path: Path, body: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("{id: t.x, type: CONSLT, cameo: '04', pos: verb, lemmas: [التقى]}", "unknown type 'CONSLT'"),
        ("{id: t.x, type: CONSULT, mode: aerial, cameo: '04', pos: verb, lemmas: [التقى]}", "unknown mode 'aerial' for type CONSULT"),
        ("{id: t.x, type: CONSULT, cameo: '21', pos: verb, lemmas: [التقى]}", "unknown cameo root code '21'"),
        ("{id: t.x, type: CONSULT, cameo: '19', pos: verb, lemmas: [التقى]}", "cameo 19 does not fit type CONSULT"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb}", "needs 'lemmas', 'forms', 'nouns' or 'conjugate'"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: []}", "needs 'lemmas'"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], requires: مع 3}", "'requires' item 'مع 3' is not Arabic words"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], requires: [with]}", "'requires' item 'with' is not Arabic words"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], requires: [ع]}", "a one-letter item must be a proclitic"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], requires: [{a: b}]}", "'requires' must be a list of non-empty strings"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], requires: [مع], window: 40}", "'window' must be an integer"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemma: [التقى]}", "unknown key 'lemma'"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: adj, lemmas: [التقى]}", "'pos' must be 'verb' or 'noun'"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: noun, conjugate: [التقى]}", "'conjugate' and 'nouns' need pos 'verb'"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [لقاء تاريخي]}", "must be one word"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], confidence: 2}", "'confidence' must be a number"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], genitive: object}", "'genitive' must be one of"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], voice: middle}", "'voice' must be one of"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], subject: doer}", "'subject' must be one of"),
        ("{id: t.x, type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى], prefix: [ع]}", "'prefix' item 'ع' is not a proclitic"),
        ("{type: CONSULT, cameo: '04', pos: verb, lemmas: [التقى]}", "missing key 'id'"),
    ],
)  # fmt: skip
def test_bad_entry_names_file_and_entry(tmp_path: Path, entry: str, problem: str) -> None:
    path = write(tmp_path, f"triggers:\n- {GOOD}\n- {entry}\n")
    with pytest.raises(DataFileError) as caught:
        Lexicon.load([path])
    assert caught.value.path == str(path)
    assert caught.value.problem.startswith("trigger 2")
    assert problem in caught.value.problem
    if "id:" in entry:
        assert "(t.x)" in caught.value.problem


def test_duplicate_id_and_broken_files(tmp_path: Path) -> None:
    path = write(tmp_path, f"triggers:\n- {GOOD}\n- {GOOD}\n")
    with pytest.raises(DataFileError, match=r"trigger 2 \(t\.x\): duplicate id"):
        Lexicon.load([path])
    with pytest.raises(DataFileError, match="invalid YAML"):
        Lexicon.load([write(tmp_path, "triggers: [", "broken.yaml")])
    with pytest.raises(DataFileError, match="'triggers' list"):
        Lexicon.load([write(tmp_path, "entries: []", "other.yaml")])
    with pytest.raises(DataFileError, match="unexpected top-level key 'settings'"):
        Lexicon.load([write(tmp_path, "settings: {}\ntriggers: []", "settings.yaml")])
    with pytest.raises(DataFileError, match="not found"):
        Lexicon.load([tmp_path / "missing.yaml"])


def test_cameo_written_as_a_yaml_integer_is_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path, "triggers:\n- {id: t.y, type: ASSAULT, cameo: 19, pos: noun, forms: [كمين]}\n"
    )
    lexicon = Lexicon.load([path])
    assert lexicon.by_id("t.y").cameo == "19"
    assert matches(lexicon, "وقع الجنود في كمين") == [("ASSAULT", None, "noun", "كمين")]


def test_user_files_add_override_and_disable(tmp_path: Path, lexicon: Lexicon) -> None:
    body = """triggers:
- {id: assault.ambush, type: ASSAULT, cameo: "19", pos: noun, forms: [كمين], note: ambush}
- {id: consult.meet, type: CONSULT, mode: visit, cameo: "04", pos: verb, lemmas: [التقى]}
- {id: assault.kill, disabled: true}
"""
    user = Lexicon.load([write(tmp_path, body)])
    assert len(user.triggers) == len(lexicon.triggers)  # one added, one removed
    assert user.by_id("assault.kill") is None
    assert user.by_id("consult.meet").mode == "visit"
    assert ("ASSAULT", None, "noun", "كمين") in matches(user, "نصب المسلحون كمينا ثم كمين")
    assert lexicon.by_id("assault.kill") is not None  # the shared shipped lexicon is untouched


def test_bad_cue_files(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="unknown cue list 'speech'"):
        Cues.load([write(tmp_path, "speech: {lemmas: [قال]}")])
    bad_pattern = "negation:\n  patterns:\n  - {forms: [نفى]}\n"
    with pytest.raises(DataFileError, match="negation pattern 1: needs 'requires' or 'next'"):
        Cues.load([write(tmp_path, bad_pattern, "b.yaml")])
    perfect = "hypothetical:\n  patterns:\n  - {forms: [قد], next: perfect}\n"
    with pytest.raises(DataFileError, match="unknown 'next' check 'perfect'"):
        Cues.load([write(tmp_path, perfect, "c.yaml")])
    with pytest.raises(DataFileError, match="negation: unknown key 'word'"):
        Cues.load([write(tmp_path, "negation: {word: [لم]}", "d.yaml")])


def test_user_cue_file_extends_a_list(tmp_path: Path) -> None:
    extended = Cues.load([write(tmp_path, "speech_verbs: {lemmas: [غرد]}")])
    tweeted = analyzed("وغرد الرئيس")
    assert extended.is_speech_verb(tweeted[0])
    assert not Cues.load().is_speech_verb(tweeted[0])


# --- the corpus --------------------------------------------------------------------


def test_saudinewsnet_day_covers_most_types(lexicon: Lexicon) -> None:
    """One day of real news: at least 14 of the 16 types fire, none floods the output."""
    news = require_shared_news()
    with zipfile.ZipFile(sorted(news.glob("*.zip"))[0]) as archive:
        name = archive.namelist()[0]
        bodies = [rec["content"] for rec in json.loads(archive.read(name))][:400]
    counts: dict[str, int] = {}
    tokens_seen = 0
    for body in bodies:
        tokens = analyzed(body)
        tokens_seen += len(tokens)
        for m in lexicon.match_all(tokens):
            counts[m.type] = counts.get(m.type, 0) + 1
    assert len(counts) >= 14, counts
    assert sum(counts.values()) < tokens_seen * 0.02, counts


def test_a_confluence_is_no_meeting(pipeline) -> None:
    """SaudiNewsNet: التقاء (lemmatized like the verb التقى) of two rivers had been talks."""
    text = "كما أن كازان تقع عند نقطة التقاء نهري فولجا وكازانكا في الجزء الأوروبي من روسيا."
    assert sentence_events(pipeline, text) == []


def test_reviewing_with_someone_is_consultation(pipeline) -> None:
    """SaudiNewsNet (two sentences of one article): استعرض مع "reviewed with" is talks; the
    bare surname is the president named before."""
    text = ("اجتمع الرئيس اليمني عبدربه منصور هادي، مع المبعوث الأممي، إسماعيل ولد الشيخ أحمد، "
            "لتنسيق الجهد الإغاثي خلال الهدنة. واستعرض هادي مع المبعوث الأممي خلال اللقاء "
            "مستجدات الساحة، وبحث آلية تنفيذ قرار مجلس الأمن الدولي 2216.")
    found = sentence_events(pipeline, text)
    reviewed = [(s, t) for k, s, t in found if k == "CONSULT" and s == "هادي"]
    assert reviewed, found


def test_a_port_receiving_a_ship_is_no_reception(pipeline) -> None:
    """SaudiNewsNet: ports "receive" ships and cargo; the ship had been a visitor."""
    text = ("وقال المتحدث إن ميناء الزيتيات بالسويس استقبل السفينة جاز برايد وعلى متنها 3500 طن "
            "غاز سائل، كما استقبل ميناء الأدبية السفينة كيمرود وينج، وعلى متنها 1019 طن كيماويات.")
    assert not any(k == "CONSULT" for k, _, _ in sentence_events(pipeline, text))
