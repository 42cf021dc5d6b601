"""Who the subject of a clause is: the subject of a clause embedded by إن/أن and the
speaker outside it, a verb's object that cannot be its subject, quantifiers, honorifics
and statements before the subject, the genitive of a verbal noun; on dev, training and
SaudiNewsNet sentences."""

from __future__ import annotations

import pytest

from tests.conftest import sentence_events


def test_the_subject_after_fa_inna_is_the_source(pipeline) -> None:
    """Dev (al-Jazirah): "فإنَّ تركيا لن تقصف المدنيين" had made the civilians the shellers:
    فإن, like إن, puts the subject before the verb."""
    text = ("وتابع محمود ان «المسبب الرئيسي هو حزب العمال الكردستاني لأنه لو لم تكن هناك قواعد "
            "له في داخل أراضي الإقليم فإنَّ تركيا لن تقصف المدنيين».")
    found = sentence_events(pipeline, text)
    assert ("ASSAULT", "تركيا", "المدنيين") in found, found
    assert not [e for e in found if e[1] == "المدنيين"], found


def test_an_oblique_plural_after_a_verb_is_its_object_not_its_subject(pipeline) -> None:
    """Dev (al-Jazirah): in "حيث يلتقي مسؤولين عراقيين" the officials (accusative -ين)
    are met by the pronoun's Carter; they met no one."""
    text = ("وصل وزير الدفاع الأميركي آشتون كارتر أمس الخميس في زيارة غير معلنة إلى بغداد، حيث "
            "يلتقي مسؤولين عراقيين لبحث مواجهة تنظيم داعش.")
    found = sentence_events(pipeline, text)
    assert not [e for e in found if e[1] == "مسؤولين عراقيين"], found


def test_who_says_what_an_embedded_clause_tells_does_not_do_it(pipeline) -> None:
    """Dev (al-Jazirah) and training gold (al-Weeam): a police general and an army radio
    report a car bomb and an arson; the role model had made them the attackers."""
    text = ("وقال الجبوري إن سيارة مفخخة مركونة على جانب الطريق انفجرت عند مرور رتل لعناصر تنظيم "
            "داعش لدى دخوله بوابة مدينة الموصل من الجهة الجنوبية ما أسفر عن مقتل 42 منهم.")
    found = sentence_events(pipeline, text)
    assert not [e for e in found if e[1] == "الجبوري"], found
    text = ("وذكرت اذاعة الجيش ان رجلين ملثمين اضرموا الحريق بالقاء زجاجات حارقة على منزلين "
            "احدهما منزل عائلة دوابشة.")
    found = sentence_events(pipeline, text)
    assert not [e for e in found if e[1] == "الجيش"], found


def test_the_speaker_still_does_what_its_own_fighters_did(pipeline) -> None:
    """Training gold (Asharq Al-Awsat): "قال جيش الفتح … إن مقاتليه فجّروا": the subject
    is the speaker's own, so the speaker is the source."""
    text = ("وقال جيش الفتح على صفحته الرسمية في موقع التواصل الاجتماعي «فيسبوك»، إن مقاتليه "
            "فجّروا خلال الهجوم أحد مقرات لواء شهداء اليرموك في بلدة الشجرة غرب مدينة درعا.")
    found = sentence_events(pipeline, text)
    assert [e for e in found if e[0] == "ASSAULT" and e[1] == "جيش الفتح"], found


def test_the_speaker_does_the_act_of_its_next_clause(pipeline) -> None:
    """Seed 004: "وأكد ياكوفينكو أن موسكو ولندن تتفقان … لافتا إلى أنه أبلغ غاس … وطلب
    منه": أنه turns back to the speaker, who asked."""
    text = ("وأكد ياكوفينكو أن موسكو ولندن تتفقان حول ضرورة أن تأتي جهود مكافحة الإرهاب بموازاة "
            "العمل الجماعي الرامي إلى دفع التسوية السياسية للأزمة في سورية قدما إلى الأمام لافتا "
            "إلى أنه أبلغ غاس بأهداف العملية الروسية الجوية في سورية ونتائجها الأولية وطلب منه "
            "أي معلومات حول البنية التحتية للإرهابيين في سورية من أجل زيادة فعالية الغارات "
            "الروسية.")
    found = sentence_events(pipeline, text)
    assert ("REQUEST", "ياكوفينكو", "غاس") in found, found


def test_a_joined_verb_takes_no_genitive_plural_as_its_subject(pipeline) -> None:
    """Dev (al-Yaum): "بسبب حاجة اليمنيين للمساعدات، فيما رحبت الجامعة العربية بالهدنة
    ودعت الحوثيين": the Yemenis (genitive -ين) are nobody's subject; the League called."""
    text = ("وذكر هادي أن الدعوة للهدنة كانت بسبب حاجة اليمنيين للمساعدات، فيما رحبت الجامعة "
            "العربية بالهدنة الإنسانية ودعت الحوثيين وحلفاءهم للالتزام ببنودها.")
    found = sentence_events(pipeline, text)
    assert ("REQUEST", "الجامعة العربية", "الحوثيين") in found, found
    assert not [e for e in found if e[1] == "اليمنيين"], found


def test_a_people_named_by_its_demonym_is_a_side(pipeline) -> None:
    """Dev (al-Riyadh): thousands of Iraqis demonstrated; the plural demonym had been no
    mention, so the protest had no actor and was dropped."""
    text = ("تظاهر آلاف العراقيين اليوم الجمعة في بغداد وست محافظات جنوب البلاد، احتجاجاً على "
            "الفساد المالي والإداري ونقص الخدمات الأساسية خصوصاً الكهرباء.")
    found = sentence_events(pipeline, text)
    assert [e for e in found if e[0] == "PROTEST" and e[1] and "العراقيين" in e[1]], found


def test_a_quantifier_before_the_subject_does_not_hide_it(pipeline) -> None:
    """SaudiNewsNet (Lebanon, 2015): "اتصل بعض وزراء الحكومة بسفراء": some ministers
    called; the quantifier had made the subject unnamed and the ministers the ones
    called."""
    text = "بالفعل فقد اتصل بعض وزراء الحكومة بسفراء بعض الدول كألمانيا والسويد."
    found = sentence_events(pipeline, text)
    assert [e for e in found if e[0] == "CONSULT" and e[1] == "وزراء الحكومة"], found


def test_the_trainee_of_a_training_noun_is_its_target(pipeline) -> None:
    """Dev (al-Jazirah) and training gold (Asharq Al-Awsat): the genitive of تدريب is the
    one trained, unless a لـ object follows it (``تدريب واشنطن لمقاتلي المعارضة``), which
    makes the genitive the trainer."""
    found = sentence_events(pipeline, "كما تقوم دول من الائتلاف بتدريب القوات الأمنية العراقية.")
    assert not [e for e in found if e[1] == "القوات الأمنية العراقية"], found
    text = ("وفي السابع من يوليو (تموز)، أعلن وزير الدفاع الاميركي اشتون كارتر أن تدريب واشنطن "
            "لمقاتلي المعارضة السورية المعتدلة بدأ.")
    found = sentence_events(pipeline, text)
    assert ("AID", "واشنطن", "المعارضة السورية") in found, found


def test_an_honorific_before_a_titled_subject_does_not_hide_it(pipeline) -> None:
    """Training gold (SPA): "التقى معالي وزير الخارجية … الجبير … لافروف": the honorific
    had left the verb with no subject and the Saudi minister as the one met."""
    text = ("التقى معالي وزير الخارجية الأستاذ عادل بن أحمد الجبير اليوم في موسكو معالي وزير "
            "خارجية روسيا الاتحادية سيرجي لافروف.")
    found = sentence_events(pipeline, text)
    assert ("CONSULT", "عادل بن أحمد الجبير", "سيرجي لافروف") in found, found


def test_a_statement_speaks_for_the_actor_it_belongs_to(pipeline) -> None:
    """Training gold (Asharq Al-Awsat): "وانتقد بيان للنصرة خطة أميركية تركية": al-Nusra
    criticized, through its statement; it had been the one criticized."""
    text = ("وانتقد بيان للنصرة بتاريخ أمس، خطة أميركية تركية لطرد تنظيم داعش من منطقة الحدود "
            "السورية التركية.")
    found = sentence_events(pipeline, text)
    assert [e for e in found if e[0] == "ACCUSE" and e[1] == "نصرة"], found


def test_a_coordinator_is_a_title_and_a_name_starting_with_ba_asks_for_nothing(pipeline) -> None:
    """Training gold (al-Watan): the UN humanitarian coordinator Robert Piper called on
    Israel; منسق heads his title, and the ب of بايبر is no "asked for" بـ."""
    text = ("دعا منسق الشؤون الإنسانية في الأرض الفلسطينية، روبيرت بايبر، إسرائيل إلى وقف خططها "
            "لهدم منازل في قرية سوسيا.")
    found = sentence_events(pipeline, text)
    assert ("REQUEST", "روبيرت بايبر", "إسرائيل") in found, found


def test_a_part_of_a_named_group_makes_the_group_the_source(pipeline) -> None:
    """Training gold (Asharq Al-Awsat, Okaz): "استهدفت فصائل من المعارضة"، "اقتحمت قوات من
    جيش الاحتلال": the unnamed part acts for the named whole, which had been read as
    the target."""
    text = ("واتسعت دائرة القتال إلى ريف اللاذقية، حيث استهدفت فصائل من المعارضة مواقع تابعة "
            "للقوات السورية النظامية.")
    found = sentence_events(pipeline, text)
    assert [e for e in found if e[0] == "ASSAULT" and e[1] == "المعارضة"], found
    found = sentence_events(pipeline, "وهاجمت عناصر من تنظيم داعش مواقع الجيش العراقي في الرمادي.")
    assert ("ASSAULT", "تنظيم داعش", "الجيش العراقي") in found, found
    found = sentence_events(pipeline, "وقصفت طائرات من التحالف الدولي مواقع للتنظيم في الرقة.")
    assert not [e for e in found if e[2] == "التحالف الدولي"], found


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # training gold (Asharq Al-Awsat): a kind noun منظمة before a quoted name
        ("وأدانت منظمة «هيومان رايتس ووتش» اختطاف الجنيد أمس، قائلة إن الحوثيين أخرجوه "
         "بالقوة من منزله.", ("ACCUSE", "هيومان رايتس ووتش", "الحوثيين")),
        # training gold (Rai al-Youm): مرجع heads the cleric's title
        ("دعا المرجع الشيعي الأعلى في العراق آية الله علي السيستاني رئيس الوزراء حيدر العبادي "
         "اليوم الجمعة للضرب بيد من حديد.", ("REQUEST", "علي السيستاني", "حيدر العبادي")),
    ],
)  # fmt: skip
def test_a_titled_or_kind_named_subject_is_not_the_target(pipeline, text, event) -> None:
    assert event in sentence_events(pipeline, text)


def test_a_name_between_commas_after_an_unnamed_title_is_the_subject(pipeline) -> None:
    """Training gold (Sabq): "دعا رئيس لجنة حقوق الإنسان العربية، الدكتور هادي بن علي
    اليامي، هيئات": the committee head called; he had been the one called on."""
    text = ("سبق- أبها: دعا رئيس لجنة حقوق الإنسان العربية، الدكتور هادي بن علي اليامي، هيئات "
            "حماية حقوق الإنسان كافة إلى التحرك.")
    found = sentence_events(pipeline, text)
    assert [e for e in found if e[0] == "REQUEST" and e[1] == "هادي بن علي اليامي"], found
    assert not [e for e in found if e[2] == "هادي بن علي اليامي"], found


def test_who_tells_an_embedded_clause_is_no_target_of_it_either(pipeline) -> None:
    """Training gold (al-Weeam): the mayor and two police sources report a suicide
    bombing; the police had been read as its target."""
    text = ("وقال علي الحسيني رئيس بلدية طوز خورماتو ومصدران بالشرطة إن مهاجما انتحاريا فجر "
            "سترته الناسفة في حمام شعبي.")
    found = sentence_events(pipeline, text)
    assert not [e for e in found if e[2] == "الشرطة"], found


def test_a_first_person_verb_has_the_speaker_as_subject(pipeline) -> None:
    """Training gold (al-Jazirah): "وقال الرئيس الفلسطيني: «نُحمل الإدارة الأميركية
    المسؤولية»": we, the speaker, hold the administration responsible; it had been the
    one holding."""
    text = "وقال الرئيس الفلسطيني: «نُحمل الإدارة الأميركية أيضاً المسؤولية»."
    found = sentence_events(pipeline, text)
    assert ("ACCUSE", "الرئيس الفلسطيني", "الإدارة الأميركية") in found, found


def test_whom_a_report_quotes_with_an_is_the_doer_the_rules_found(pipeline) -> None:
    """Seed 000: "نقلت وكالة «سبوتنيك» الروسية عن فهد المصري … أنه «عقد اجتماعًا مع
    بوغدانوف»": the frame names the doer; the role model had dropped him as too far."""
    text = ("في هذه الأثناء، نقلت وكالة «سبوتنيك» الروسية عن فهد المصري، المسؤول الإعلامي السابق "
            "في «الجيش السوري الحر» أنه «عقد اجتماعًا مع بوغدانوف في باريس».")
    found = sentence_events(pipeline, text)
    assert ("CONSULT", "فهد المصري", "بوغدانوف") in found, found


def test_the_coalition_named_alone_is_the_doer(pipeline) -> None:
    """Training gold (al-Madina): "إنّ التحالف استهدف الحوثيين" in a report that names no
    coalition before: the bare التحالف had been no actor, so the strike had no doer."""
    text = ("وقال مصدر في المقاومة الشعبية: إنّ التحالف استهدف الحوثيين مع آلياتهم ولم يعرف على "
            "الفور نتائج الضربات الجوية.")
    assert ("ASSAULT", "التحالف", "الحوثيين") in sentence_events(pipeline, text)
