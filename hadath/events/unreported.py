"""What a sentence says without reporting it as done (guidelines §3): the object of a
request, threat, refusal or allegation, a view after a word of necessity, a question put
to a speaker, and an aim (``زار القاهرة لبحث التهدئة``). The extractor drops triggers at
these positions."""

from __future__ import annotations

from hadath.events.cues import CueList, Cues
from hadath.events.lexicon import TriggerMatch
from hadath.events.roles import clause_bounds, comma_clause
from hadath.model import Sentence, Token


def unreported_positions(sentence: Sentence, matches: list[TriggerMatch],
                         cues: Cues) -> set[int]:  # fmt: skip
    """Token positions whose triggers report no event."""
    positions = governed_positions(sentence, matches, cues.lists["necessity"])
    positions |= question_positions(sentence.tokens)
    positions |= habitual_positions(sentence.tokens, cues.lists["habitual"])
    positions |= negotiated_positions(sentence.tokens, matches, cues.lists["negotiated"])
    return positions | purpose_positions(sentence.tokens, matches, cues)


GOVERNING_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT"})
GOVERNED_REACH = 12  # tokens after a request/threat/refusal that its object may span


def governed_positions(sentence: Sentence, matches: list[TriggerMatch],
                        necessity: CueList) -> set[int]:  # fmt: skip
    """Token positions inside the object of a request, threat or refusal in the sentence
    (``طلب من الخارجية تقديم المساعدة``: the aid is asked for, not given). Every such
    trigger governs its object, whether or not it is reported as an event itself
    (``دعا الرئيس الفرنسي إلى هدنة``: the truce is not declared). So does an
    allegation (``اتهمت موسكو أنقرة بقصف``: only the accusation is reported, guidelines
    §11), and words of necessity (``على ضرورة مواصلة الحوار``: a view, not talks)."""
    tokens = sentence.tokens
    heads = [m.start for m in matches if m.type in GOVERNING_TYPES or m.mode == "allege"]
    heads += necessity_positions(tokens, necessity)
    governed: set[int] = set()
    for head in heads:
        end = min(clause_bounds(tokens, head)[1], head + 1 + GOVERNED_REACH)
        # a comma up to the object's last word may open another clause ("، فيما رحبت …");
        # comma_clause looks two words past each comma, so its bound goes two further
        other = comma_clause(tokens, head + 1, min(end + 2, len(tokens)))
        governed.update(range(head + 1, end if other is None else min(end, other)))
    return governed


def habitual_positions(tokens: list[Token], habitual: CueList) -> set[int]:
    """Token positions of the clause after ``عادة ما``، ``نادرا ما``، ``غالبا ما``: what
    is done as a rule, not an event (guidelines §3)."""
    out: set[int] = set()
    for i, token in enumerate(tokens):
        if habitual.contains(token) and i + 1 < len(tokens) and tokens[i + 1].norm == "ما":
            out.update(range(i + 2, clause_bounds(tokens, i)[1]))
    return out


def negotiated_positions(tokens: list[Token], matches: list[TriggerMatch],
                         negotiated: CueList) -> set[int]:  # fmt: skip
    """Triggers right after a noun of talks, efforts or proposals (``مفاوضات إخراج
    المقاتلين``، ``جهود وقف إطلاق النار``): what is negotiated or proposed, not done."""
    return {m.start for m in matches
            if m.start > 0 and negotiated.contains(tokens[m.start - 1])
            and not tokens[m.start].prefixes}  # fmt: skip


QUESTION_MARKS = frozenset({"؟", "?"})
QUESTION_ENDS = QUESTION_MARKS | {"»", "”"}
QUESTION_WORD = "هل"
QUESTION_OPENERS = frozenset({".", "؛", ";", ":", "!", "«", "“"})


def question_positions(tokens: list[Token]) -> set[int]:
    """Token positions inside a question (``هل تدعمون هجوم القوات السورية؟``): from
    ``هل`` to the question mark, closing quote or sentence end, and back from a question
    mark to the clause's start. A question put to a speaker reports no event."""
    inside: set[int] = set()
    for i, token in enumerate(tokens):
        if token.norm == QUESTION_WORD:
            end = next((j for j in range(i, len(tokens))
                        if tokens[j].text in QUESTION_ENDS),
                       len(tokens))  # fmt: skip
            inside.update(range(i, end))
        elif token.text in QUESTION_MARKS:
            start = next((j for j in range(i - 1, -1, -1)
                          if tokens[j].text in QUESTION_OPENERS), -1)  # fmt: skip
            inside.update(range(start + 1, i))
    return inside


PURPOSE_PREFIX = "ل"
# An operation's aim (``شنت هجوما لطرد القوات``، ``تستعد لتحرير العند``) is annotated as
# often as not (training gold: 32 of 92), so ASSAULT aims stay events.
AIMS_TOLD = frozenset({"ASSAULT"})
PURPOSE_CUE_REACH = 3  # a purpose cue ends at most this many tokens before the noun


def purpose_positions(tokens: list[Token], matches: list[TriggerMatch], cues: Cues) -> set[int]:
    """Triggers that state an aim (guidelines §3): a verbal noun carrying لـ
    (``ستستقبل مملوك للتشاور``) unless the word before governs that لـ (``تعرضت لقصف``),
    or any trigger right after a purpose cue (``سعيا إلى التوصل``، ``من أجل بحث``; no
    verb follows ``بهدف`` or ``من أجل``, so a verb trigger there is its verbal noun:
    ``بهدف بحث إمكانية تنسيق``), and the triggers inside the aim's phrase."""
    aims = {m.start for m in matches if m.type not in AIMS_TOLD and _is_aim(tokens, m, cues)}
    inside = {m.start for m in matches for aim in matches
              if aim.start in aims and aim.start < m.start < aim.end}  # fmt: skip
    return aims | inside  # ``للتوصل إلى اتفاق``: اتفاق is part of the aim


def _is_aim(tokens: list[Token], match: TriggerMatch, cues: Cues) -> bool:
    """The trigger is a verbal noun carrying an aim's لـ or follows a purpose cue."""
    i = match.start
    if match.pos == "noun" and PURPOSE_PREFIX in tokens[i].prefixes:
        return not (i and cues.lists["purpose_exempt"].contains(tokens[i - 1]))
    reach = range(max(0, i - PURPOSE_CUE_REACH), i)
    return any(i - 1 <= cues.match("purpose", tokens, j) <= i for j in reach)


def necessity_positions(tokens: list[Token], necessity: CueList) -> list[int]:
    """Where a word of necessity stands (``ضرورة``، ``أهمية``): what follows is a view."""
    return [i for i, token in enumerate(tokens) if necessity.contains(token)]
