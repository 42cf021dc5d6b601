"""Quotation speakers on sentences of the seeds and of SaudiNewsNet (2015)."""

from __future__ import annotations

from datetime import date

import pytest

from hadath.model import Document
from hadath.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def quotes(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    """(first words of the quotation, speaker text) for each quotation found."""
    doc = Document("t", "test", text, "jsonl", published=date(2015, 8, 2), title="")
    pipeline(doc)
    found = doc.articles[0].records["quotes"]
    return [(" ".join(q.text.split()[:2]), q.speaker.text if q.speaker else None) for q in found]


def test_the_addressee_after_لـ_is_not_the_speaker(pipeline) -> None:
    """Seed 003: the activist speaks to the newspaper; the group's name in quotation
    marks inside his title is no quotation."""
    text = ("وقال الناشط في «تجمع الرقة تذبح بصمت» أبو محمد الرقاوي لـ«الشرق الأوسط»: "
            "«رغم تعثّر المفاوضات إنما تبدو هناك جهود مستمرة لإخراج ما تبقى من مقاتلي داعش».")  # fmt: skip
    assert quotes(pipeline, text) == [("رغم تعثّر", "أبو محمد الرقاوي")]


def test_an_unnamed_source_is_the_speaker(pipeline) -> None:
    text = ("وأفاد مصدر مصري مسؤول لـ«الشرق الأوسط» بأن «وفداً إسرائيلياً رفيع المستوى زار "
            "القاهرة في إطار سعي مصر للوصول إلى تهدئة في قطاع غزة».")  # fmt: skip
    assert quotes(pipeline, text) == [("وفداً إسرائيلياً", "مصدر مصري مسؤول")]


def test_a_continuation_goes_on_with_the_speaker_of_the_sentence_before(pipeline) -> None:
    """Seed 001: "وأضاف:" names no one; the Turkish statement of the sentence before
    does. SaudiNewsNet: "وتابع:" after a sentence whose verb has no subject goes back
    to the minister named two sentences earlier."""
    text = ("ووفقاً للبيان التركي؛ فقد «أكد وفدنا، في المفاوضات التي جرت في موسكو، على الحاجة "
            "إلى التخفيف الفوري للتوترات». وأضاف: «تمت مناقشة التدابير التي يمكن اتخاذها لمنع "
            "انتهاك وقف إطلاق النار».")  # fmt: skip
    # "للبيان" writes no alef of the article: the span starts at the noun
    assert [s for _, s in quotes(pipeline, text)] == ["بيان التركي", "بيان التركي"]
    text = ("من جانب آخر، أكد نعمت زاده أن بلاده تتوقع الانضمام مجددًا إلى نظام سويفت. وقال في "
            "مؤتمر صحافي عقده في فيينا إن «رفع العقوبات عن طهران سيسهل على الشركات الأجنبية "
            "المشاركة». وتابع: «يتعلق الأمر ببعض الشركات المتخصصة في أنشطة المصب».")  # fmt: skip
    assert [s for _, s in quotes(pipeline, text)] == ["نعمت زاده", "نعمت زاده"]


def test_a_participle_takes_the_speaker_of_the_nearest_verb(pipeline) -> None:
    """Seed 003: the monitor's director confirmed it, "قائلا" — not the activist the
    sentence began with."""
    text = ("أشار الرقاوي إلى أنه كان لافتا يوم أمس الاستنفار في مدينة عين عيسى، وهو ما أكده "
            "مدير المرصد رامي عبد الرحمن، لـ«الشرق الأوسط» قائلا: «لا شك أن الإعلان النهائي عن "
            "المعركة مرتبط بإخراج مقاتلي التنظيم».")  # fmt: skip
    assert quotes(pipeline, text) == [("لا شك", "رامي عبد الرحمن")]


def test_a_verb_after_its_subject_and_a_transmitted_quote(pipeline) -> None:
    """Seed 001 (the spokesman named before the verb, a parenthesis between) and seed 002
    (نقلت وكالة … عن X … قوله: X speaks, not the agency)."""
    text = ("وكان المتحدث باسم البيت الأبيض جود دير، تعقيباً على الاتصال الهاتفي بين الرئيسين "
            "دونالد ترمب ورجب طيب إردوغان، أوضح أن «الرئيس ترمب قال لنظيره التركي إن الولايات "
            "المتحدة ترغب في أن تتوقف روسيا عن دعم الفظائع».")  # fmt: skip
    assert quotes(pipeline, text) == [("الرئيس ترمب", "جود دير")]
    text = ("ونقلت وكالة الصحافة الفرنسية، عن الكولونيل راين ديلن المتحدث باسم التحالف، قوله في "
            "مؤتمر صحافي في بغداد: «هناك نحو أربعة آلاف مدني ما زالوا في الرقة».")  # fmt: skip
    assert [s for _, s in quotes(pipeline, text)] == ["الكولونيل راين ديلن"]


def test_an_unknown_name_before_the_colon_speaks(pipeline) -> None:
    """SaudiNewsNet: a name no list knows, between the verb and its colon."""
    text = "وقالت هوا: «لم أكن أتوقع هذا الشكل من أشكال التواصل مع المستثمرين»."
    assert quotes(pipeline, text) == [("لم أكن", "هوا")]


def test_a_short_title_nobody_says_is_no_quotation(pipeline) -> None:
    """SaudiNewsNet: a festival's name in quotation marks (five words, no speech cue)."""
    text = ("وتستعد شواطئ محافظة أملج مساء اليوم لانطلاق فعاليات «مهرجان أملج التراثي البحري "
            "الثاني»، الذي يشهد لمدة 6 أيام عدداً من الأنشطة.")  # fmt: skip
    assert quotes(pipeline, text) == []


def test_writing_verbs_introduce_quotations_but_books_do_not(pipeline) -> None:
    """SaudiNewsNet: ``وكتبت … في تغريدة «…»`` quotes its writer (after a descriptive
    noun); ``الكتب`` (books) is no verb and names no speaker."""
    text = ("وكتبت المغنية ميسي ايليوت عبر «تويتر»، «قلبي مثقل بالحزن حقا. ارقدي بسلام إلى "
            "جانب والدتك».")  # fmt: skip
    assert quotes(pipeline, text) == [("قلبي مثقل", "ميسي ايليوت")]
    text = "ويعتبر كتاب البروفسور دانيال ويلينغام من أهم الكتب «لماذا يكره الطلاب المدرسة؟ إجابات العلم»."
    assert all(speaker is None for _, speaker in quotes(pipeline, text))


def test_no_speaker_from_an_idiom_or_an_addressee_pronoun(pipeline) -> None:
    """SaudiNewsNet (2,000 articles read as a user): ``لفت الانتباه إلى أن`` had made
    "the attention" a speaker and ``وقالت لهم:`` "them"."""
    text = ("ذهبت شيرمان إلى مؤتمر يهودي في واشنطن، وقالت لهم: «أحس بالفخر لأنني أقود هذه "
            "المفاوضات الصعبة».")  # fmt: skip
    assert all(s != "لهم" for _, s in quotes(pipeline, text)), quotes(pipeline, text)
    text = "ولفت الانتباه إلى أن «الأوضاع في المدينة تتدهور يوما بعد يوم بسبب الحصار»."
    assert all(s != "الانتباه" for _, s in quotes(pipeline, text))
