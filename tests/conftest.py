"""Shared test fixtures: the bundled seed pages and (when present) the shared corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hadath.model import Document
from hadath.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
SHARED_NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


def seed_text(prefix: str) -> str:
    """Text of the seed page whose file name starts with ``prefix`` (e.g. "000")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


def require_shared_news() -> Path:
    if not SHARED_NEWS.is_dir():
        pytest.skip(f"SaudiNewsNet not found at {SHARED_NEWS} (needs ../shared beside the repo)")
    return SHARED_NEWS


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The full default pipeline, loaded once for the session (models and data files)."""
    return Pipeline()


def sentence_events(pipeline: Pipeline, text: str,
                    published: date = date(2015, 8, 2)) -> list[tuple[str, str | None, str | None]]:  # fmt: skip
    """``(type, source text, target text)`` of each event hadath finds in ``text``, run as
    one clean article published on ``published``."""
    doc = Document("t", "test", text, "jsonl", published=published, title="")
    pipeline(doc)
    found = doc.articles[0].records["events"]
    return [(e.type, e.source and e.source.text, e.target and e.target.text) for e in found]
