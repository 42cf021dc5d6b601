"""Sentence splitting (hadath.text.sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.text import sentences
from hadath.text.sentences import split_sentences
from tests.conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def parts(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_spans_on_whole_seed_are_ordered_stripped_and_cover_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert len(spans) >= 15
    previous = 0
    for start, end in spans:
        assert previous <= start < end
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert "\n" not in text[start:end]
        previous = end
    kept = "".join(text[start:end] for start, end in spans)
    assert "".join(kept.split()) == "".join(text.split())


def test_quote_spanning_a_full_stop_stays_in_its_sentence() -> None:
    text = (
        "ووفقاً للبيان التركي؛ فقد «أكد وفدنا على الحاجة إلى التخفيف الفوري للتوترات». "
        "وأضاف: «تمت مناقشة التدابير التي يمكن اتخاذها لمنع انتهاك وقف إطلاق النار. "
        "وقد تمت الإشارة أيضاً إلى ضرورة العمل في إطار اتفاقية سوتشي حول إدلب، "
        "وستستأنف المحادثات غداً (اليوم) صباحاً». وجرت المحادثات على خلفية توتر متصاعد."
    )
    result = parts(text)
    assert len(result) == 3
    assert result[1].startswith("وأضاف: «تمت")
    assert result[1].endswith("صباحاً».")
    assert result[2] == "وجرت المحادثات على خلفية توتر متصاعد."


def test_seed_quote_then_sentence_after_closing_quote() -> None:
    text = (
        "وقال الناشط في «تجمع الرقة تذبح بصمت» أبو محمد الرقاوي لـ«الشرق الأوسط»: "
        "«رغم تعثّر المفاوضات إنما تبدو هناك جهود مستمرة لإخراج ما تبقى من مقاتلي داعش. "
        "وكانت آخر الشروط التي فرضها التحالف هو تسليم العناصر الأجانب إليه أو إلى "
        "(سوريا الديمقراطية)، وهو ما لاقى رفضا من التنظيم»، ويقدر عدد هؤلاء بالعشرات "
        "إضافة إلى عائلاتهم وعشرات الأطفال. وبعد أيام على هدوء صوت المعركة في المدينة."
    )
    result = parts(text)
    assert len(result) == 2
    assert result[0].endswith("وعشرات الأطفال.")
    assert result[1].startswith("وبعد أيام")


def test_straight_and_curly_quotes_are_protected_too() -> None:
    text = 'قال: "نعم. سنعود" ثم غادر. وقالت “لا. أبدا” بهدوء. النهاية.'
    assert parts(text) == ['قال: "نعم. سنعود" ثم غادر.', "وقالت “لا. أبدا” بهدوء.", "النهاية."]


def test_unclosed_straight_quote_does_not_swallow_the_next_sentence() -> None:
    text = 'وأضافت "نحن نعطي حصصا تموينية. وتابعت الكوري "نحن نشجع الأطفال" فيما أوضحت.'
    assert parts(text) == [
        'وأضافت "نحن نعطي حصصا تموينية.',
        'وتابعت الكوري "نحن نشجع الأطفال" فيما أوضحت.',
    ]


def test_very_long_quote_is_split(monkeypatch) -> None:
    text = "قال: «الجملة الأولى طويلة جدا. والجملة الثانية أيضا». وانتهى."
    assert len(parts(text)) == 2
    monkeypatch.setattr(sentences, "QUOTE_CAP", 20)
    assert parts(text) == ["قال: «الجملة الأولى طويلة جدا.", "والجملة الثانية أيضا».", "وانتهى."]


def test_newline_always_ends_a_sentence_even_inside_a_quote() -> None:
    text = "روسيا تتحدث عن اتصالات بـ«الجيش الحر»\n\nمع مواصلتها «قصف\nالمواقع»"
    assert parts(text) == [
        "روسيا تتحدث عن اتصالات بـ«الجيش الحر»",
        "مع مواصلتها «قصف",
        "المواقع»",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "نازحون في مخيم أقيم مؤخرا (أ.ف.ب) وصلوا أمس.",
        "وقالت وكالة أ.ف.ب. إن الوفد وصل أمس.",
        "التقى د. محمد الأحمد بالوفد أمس.",
        "وأوضح م. خالد أن المشروع اكتمل.",
        "أرسلوا الطلبات إلى ص.ب. 1234 في الرياض.",
        "وذكرت وكالة أ.ش.أ المصرية أن الوفد وصل.",
        "The U.S. envoy met Mr. Smith in Paris.",
        "كتبت جيه. كيه. رولينج الرواية.",
        "ارتفع النمو إلى 3.5 في المائة هذا العام.",
        "3. يجب أن يتبع تأسيس الهيئة تأسيس مجلس.",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_split(text: str) -> None:
    assert parts(text) == [text]


def test_abbreviation_file_is_loaded() -> None:
    keys = sentences.abbreviations()
    assert {"ص.ب", "mr", "u.s", "ا.ف.ب"} <= keys


def test_era_letter_after_a_number_ends_the_sentence() -> None:
    text = "وقع ذلك عام 2015م. ثم انتهى في 1436 هـ. وبعدها عاد."
    assert parts(text) == ["وقع ذلك عام 2015م.", "ثم انتهى في 1436 هـ.", "وبعدها عاد."]


def test_question_exclamation_and_glued_stops() -> None:
    text = "هل انتهى؟ نعم!! انتهى.وقال آخرون شيئا آخر"
    assert parts(text) == ["هل انتهى؟", "نعم!!", "انتهى.", "وقال آخرون شيئا آخر"]


def test_ellipsis_inside_a_sentence_is_a_pause() -> None:
    title = "وفد إسرائيلي بالقاهرة... توقعات بـ«اتفاق وشيك» للتهدئة في غزة"
    assert parts(title) == [title]
    assert parts("حكمه.. ولذلك فليُعلم أن الأمر انتهى") == ["حكمه.. ولذلك فليُعلم أن الأمر انتهى"]
    assert parts("He waited... The end came.") == ["He waited...", "The end came."]
    assert parts("ثم انتهى الأمر...\nسطر جديد") == ["ثم انتهى الأمر...", "سطر جديد"]


def test_ellipsis_ends_an_overlong_sentence(monkeypatch) -> None:
    text = "كلام طويل جدا هنا.. وكلام آخر"
    monkeypatch.setattr(sentences, "ELLIPSIS_CAP", 10)
    assert parts(text) == ["كلام طويل جدا هنا..", "وكلام آخر"]


def test_arabic_indic_decimal_and_urls_do_not_split() -> None:
    text = "بلغت النسبة ١٤٫٥ بالمائة حسب spa.gov.sa الرسمي. ثم تراجعت."
    assert parts(text) == ["بلغت النسبة ١٤٫٥ بالمائة حسب spa.gov.sa الرسمي.", "ثم تراجعت."]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_an_abbreviated_word_is_a_single_letter_or_a_listed_entry() -> None:
    from hadath.text.sentences import abbreviated

    assert abbreviated("د") and abbreviated("م") and abbreviated("أ.ف.ب")
    assert not abbreviated("البار") and not abbreviated("2015")
