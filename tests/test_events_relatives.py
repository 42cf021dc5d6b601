"""A verb whose subject is the head of its clause (a relative clause, an event noun):
the head acts and the actor after the verb is the object. SaudiNewsNet sentences."""

from __future__ import annotations

from tests.conftest import sentence_events


def test_the_antecedent_of_a_relative_pronoun_is_the_subject(pipeline) -> None:
    text = ("الجدير بالذكر أن الهاشتاق المذكور هو في الأساس سياسي ويعارض سياسة حزب المؤتمر "
            "الوطني الهندي والحكومة الهندية على خلفية انتقادات الزعيم البرلماني مانيش تيواري "
            "الذي اتهم الحكومة الهندية بالتعامل مع تنظيم داعش الإرهابي.")
    accusations = [(s, t) for kind, s, t in sentence_events(pipeline, text) if kind == "ACCUSE"]
    assert accusations == [("مانيش تيواري", "الحكومة الهندية")], accusations


def test_a_visitor_named_before_الذي_visits_the_city_after_the_verb(pipeline) -> None:
    text = ("التقى الشيخ تميم بن حمد أمير دولة قطر اليوم، وزير الخارجية الروسي سيرغي لافروف "
            "الذي يزور الدوحة حاليًا.")
    assert ("CONSULT", "سيرغي لافروف", "الدوحة") in sentence_events(pipeline, text)


def test_a_noun_antecedent_leaves_the_object_a_target_not_a_doer(pipeline) -> None:
    """The resolution demands: the Secretary-General is asked, he asks no one."""
    text = ("وتبنى مجلس الأمن صباح الجمعة القرار 2235 الذي يطالب الأمين العام للأمم المتحدة بان "
            "كي مون بالتنسيق مع المدير العام لمنظمة حظر الأسلحة الكيماوية بتقديم تقرير.")
    requests = [(s, t) for kind, s, t in sentence_events(pipeline, text) if kind == "REQUEST"]
    assert requests and all(s is None or "بان كي مون" not in s for s, _ in requests), requests
    assert any(t and "بان كي مون" in t for _, t in requests), requests


def test_what_a_campaign_targets_is_no_attacker(pipeline) -> None:
    text = ("من جهة أخرى ألقت الشرطة التركية القبض على 251 شخصًا في إطار سلسلة مداهمات في 13 "
            "محافظة استهدفت عناصر تنظيم داعش الإرهابي وحزب العمال الكردستاني.")
    found = sentence_events(pipeline, text)
    assert not any(s and ("داعش" in s or "العمال" in s) for _, s, _ in found), found


def test_a_passive_after_a_relative_pronoun_keeps_its_marked_agent(pipeline) -> None:
    text = ("وطالب المجلس الاعلى لشؤون المرأة في إقليم كردستان يوم الأحد حكومة الاقليم بإجراء "
            "تحقيق حول مصير الفتيات والنساء الأيزيديات اللاتي اختطفن من قبل مسلحي داعش.")
    found = sentence_events(pipeline, text)
    assert any(k == "ASSAULT" and s and "داعش" in s for k, s, _ in found), found


def test_a_pronoun_resuming_the_antecedent_leaves_the_subject_after_the_verb(pipeline) -> None:
    text = ("وتم اختيار محسن الفضلي ليكون ممثلا شخصيا لزعيم التنظيم الحالي أيمن الظواهري بدلا "
            "من أبو خالد السوري الذي اغتاله تنظيم داعش بسبب انحيازه إلى «أبو محمد الجولاني» "
            "زعيم جبهة النصرة.")
    found = sentence_events(pipeline, text)
    assert any(k == "ASSAULT" and s == "تنظيم داعش" for k, s, _ in found), found


def test_a_definite_noun_ending_a_phrase_before_the_verb_is_not_its_subject(pipeline) -> None:
    text = ("وفي مستهل الاجتماع رحب مساعد المدير العام لخدمة العملاء بالمركز العميد حامد السهلي "
            "نيابة عن مدير عام مركز المعلومات الوطني الدكتور طارق الشدي بالجميع.")
    found = sentence_events(pipeline, text)
    assert any(k == "SUPPORT" and s and "حامد السهلي" in s for k, s, _ in found), found
