"""Reading inputs: formats, encodings, provenance, and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.errors import InputError
from hadath.ingest import iter_files, read_file
from hadath.ingest.decode import decode_bytes
from hadath.model import Document
from tests.conftest import seed_text

ARABIC = "أعلنت وزارة الخارجية الروسية في بيان أن ميخائيل بوغدانوف التقى في باريس المستشار الفرنسي."


def read_all(path: Path) -> list[Document | InputError]:
    return list(read_file(path))


def only_error(path: Path) -> InputError:
    (item,) = read_all(path)
    assert isinstance(item, InputError), item
    assert str(path) in str(item)
    return item


# Encodings -------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoded,encoding",
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16"),  # with BOM, machine order
        (b"\xfe\xff" + ARABIC.encode("utf-16-be"), "utf-16"),
        (b"\xff\xfe" + ARABIC.encode("utf-16-le"), "utf-16"),
        (ARABIC.encode("cp1256"), "cp1256"),
    ],
)
def test_encodings_are_detected(encoded: bytes, encoding: str) -> None:
    text, found = decode_bytes(encoded, "x.txt")
    assert text == ARABIC
    assert found == encoding


def test_seed_in_windows_1256_reads_like_utf8(tmp_path: Path) -> None:
    text = seed_text("002")
    (tmp_path / "a.txt").write_bytes(text.encode("cp1256", errors="strict"))
    (doc,) = read_all(tmp_path / "a.txt")
    assert doc.text == text


def test_latin1_bytes_are_not_taken_for_arabic(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président français a déclaré à l'été, très sûr de lui.".encode("latin-1"))
    assert "undecodable" in only_error(path).problem


# Bad input ----------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert only_error(path).problem == "empty file"
    path.write_bytes(b"  \n\n ")
    assert only_error(path).problem == "empty file"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in only_error(path).problem


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(ARABIC.encode("utf-8") + b"\x81\x8d\x90\x9d")
    assert "undecodable" in only_error(path).problem


def test_non_arabic_text(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text("The Russian foreign ministry said on Saturday that talks went well.\n" * 5)
    assert "no Arabic text" in only_error(path).problem


def test_huge_page_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse 50 MB file
    error = only_error(path)
    assert "too large" in error.problem and "50.0 MiB" in error.problem


def test_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>الرئيسية</nav></body></html>")
    assert "no article text" in only_error(path).problem


def test_malformed_jsonl_line_is_a_counted_skip(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {"id": "a1", "text": ARABIC, "outlet": "SANA", "published": "2015-10-09"}
    path.write_text(
        json.dumps(good, ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps({"id": "a2", "text": ARABIC + " ثانية"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "a3"})
        + "\n",
        encoding="utf-8",
    )
    items = read_all(path)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.doc_id for d in docs] == ["a1", "a2"]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:4"]
    assert "malformed JSON" in errors[0].problem
    assert "neither a 'text' nor an 'html'" in errors[1].problem


def test_bad_published_date_in_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"text": ARABIC, "published": "yesterday"}) + "\n")
    (error,) = read_all(path)
    assert isinstance(error, InputError) and "not an ISO date" in error.problem


# Formats and provenance ---------------------------------------------------------


def test_jsonl_metadata_and_clean_article(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    record = {"id": 17, "text": ARABIC, "url": "https://sana.sy/?p=1", "title": "عنوان",
              "published": "2015-10-09T10:00:00Z"}  # fmt: skip
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = read_all(path)
    assert doc.doc_id == "17"
    assert doc.title == "عنوان" and doc.is_clean_article
    assert doc.outlet == "SANA"  # from the URL's host
    assert doc.published.isoformat() == "2015-10-09"
    assert doc.source == "https://sana.sy/?p=1"


def test_empty_title_still_means_clean_article(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": ARABIC, "title": ""}) + "\n")
    (doc,) = read_all(path)
    assert doc.is_clean_article


def test_html_page_with_metadata(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in seed_text("002").splitlines()[1:8])
    html = f"""<html><head><title>مملوك في موسكو</title>
    <meta property="og:site_name" content="الوطن">
    <link rel="canonical" href="https://www.alwatan.com.sa/article/1">
    <script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2016-08-26T09:00:00+03:00"}}</script>
    </head><body><nav><a href="/">الرئيسية</a></nav><article><h1>مملوك في موسكو لبحث نتائج الاجتماعات</h1>
    {paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = read_all(path)
    assert doc.published.isoformat() == "2016-08-26"
    assert doc.url == "https://www.alwatan.com.sa/article/1"
    assert doc.outlet == "Al Watan"
    assert "زيارة مرتقبة لمدير مكتب الأمن الوطني" in doc.text
    assert "جميع الحقوق محفوظة" not in doc.text


def test_directory_walk_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARABIC)
    (tmp_path / "1.txt").write_text(ARABIC)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text(ARABIC)
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([str(tmp_path)])]
    assert found == ["1.txt", "b/2.txt"]


def test_missing_and_unsupported_inputs(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    errors = list(iter_files([str(tmp_path / "nope"), str(tmp_path / "x.pdf")]))
    assert [e.problem for e in errors] == [
        "no such file or directory",
        "unsupported file type (expected .htm, .html, .jsonl, .txt)",
    ]
