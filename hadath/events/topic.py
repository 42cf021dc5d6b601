"""What an article is about, as far as event coding cares: a sports report carries no
political events (PLOVER codes the interactions of political actors, not a club's
"attack" or a coach's "meeting"), so the extractor skips it."""

from __future__ import annotations

from hadath.events.cues import CueList
from hadath.model import Article

SPORTS_TERMS_MIN = 4  # different sports words (cue list sports_terms) that make a sports report


def sports_report(article: Article, terms: CueList) -> bool:
    """Whether at least ``SPORTS_TERMS_MIN`` different words of ``terms`` occur in the
    article's sentences."""
    found: set[str] = set()
    for sentence in article.sentences:
        for token in sentence.tokens:
            if terms.contains(token):
                found.add(token.stem)
                if len(found) >= SPORTS_TERMS_MIN:
                    return True
    return False
