"""Who said a quotation: the speaker of the clause that introduces it.

Looking back from the opening mark within its sentence, the nearest quote cue (a
speech verb, a statement noun such as بيان، قول، حديث, حسب/وفق, or كتب/غرد) names the
speaker:

1. ``نقل ... عن X`` → X (``نقلت وكالة «فرانس برس» عن العقيد جون توماس ... قوله``);
2. the subject right after the cue (adverbs such as أمس، أيضاً skipped): a titled
   person (``وقال المتحدث باسم البيت الأبيض جود دير``), an actor not behind a
   preposition (``لـ«الشرق الأوسط»`` is whom it was said to), an unnamed source
   (``مصدر مصري مسؤول``، ``المصدر``) or, after a speech verb, the words up to the
   colon or ``أن`` (``وقالت هوا:``) — a speaker span with no entity — or the holder
   named after an office (``وأكد مبعوثه إلى الشرق الأوسط، ستيف ويتكوف، أنه``);
3. the actor right before a speech verb not joined by و (``وكان التحالف الدولي أعلن``);
4. a cue that names no subject — a participle (``قائلاً``، ``مشدداً``), a verb after
   ``أنه``, or one with none written — takes the speaker of the nearest cue before it
   that names one (``وهو ما أكده X … قائلا``);
5. then the previous quotation of the sentence (``«…»، معرباً عن أسفه بسبب «…»``), the
   sentence's first cue that names a speaker, its subject written before any cue
   (``وكان المتحدث … جود دير، تعقيباً على …، أوضح أن``), a statement noun itself
   (``وجاء في البيان الذي بثه التلفزيون``), and last the speaker of one of the three
   sentences before (``وأضاف: «…»``، ``وتابع: «…»``).

A quotation with no cue before it is attributed only through ``كما قال`` right after it
or as the continuation of a quotation of its own sentence.
"""

from __future__ import annotations

from hadath.entities.gazetteer import mention_start
from hadath.entities.rules import entity_rules
from hadath.events.arguments import title_ranges
from hadath.events.cues import Cues
from hadath.events.roles import (
    ADVERBS,
    COMPLEMENTIZERS,
    PREP_WORDS,
    PREPOSITIONS,
    PRONOUN_COMPLEMENTIZERS,
    QUOTES,
)
from hadath.model import Article, Sentence, Span, Token
from hadath.text.normalize import normalize

COLONS = frozenset({":", "："})
SOURCE_PHRASE_MAX = 4  # words of an unnamed source (مصدر مقرب من الحركة)
NAME_RUN_MAX = 3  # words of an unknown speaker between a speech verb and its colon
AFTER_QUOTE_REACH = 3  # words after a quotation searched for "كما قال"
SENTENCES_BACK = 3  # sentences searched back for the speaker a quotation goes on with
SUBJECT_OPENING = 4  # words a sentence's subject (before its verb) may start after
OBJECT_PRONOUNS = frozenset({"له", "لها", "لهم", "لهما", "لنا", "لي", "لك", "لكم"})  # normalized
SOURCE_WORD_LEMMAS = frozenset({"وفق", "حسب", "بحسب"})
PHRASE_STOPS = frozenset(
    PREP_WORDS - {"من"} | COMPLEMENTIZERS | ADVERBS | {"وهو", "وهي", "الذي", "التي"}
)
Earlier = tuple[int, "Span | None"] | None  # end and speaker of the sentence's last quotation


class Speakers:
    """Resolves quotation speakers over one article's sentences and actor mentions
    (PER, ORG and GPE, in text order)."""

    def __init__(self, article: Article, mentions: list[Span], cues: Cues) -> None:
        self.article, self.mentions, self.cues = article, mentions, cues
        self._titles = title_ranges(mentions)
        self._stops = frozenset(PREP_WORDS | {normalize(w) for w in entity_rules().role_links})

    def of_quote(self, sentence: Sentence, start: int, end: int,
                 previous: Earlier) -> tuple[Span | None, Token | None]:  # fmt: skip
        """The speaker of the quotation ``[start, end)`` and its cue. ``previous`` is the
        end offset and speaker of the previous quotation of the sentence, if any."""
        before = [t for t in sentence.tokens if t.end <= start]
        window = [t for t in before if previous is None or t.start >= previous[0]]
        at = self._nearest_cue(window)
        cue = None if at is None else window[at]
        quoted = self._quoted_from(window)
        if quoted is not None:
            return quoted, cue
        if cue is None:
            if previous is not None:
                return previous[1], None  # «…» وأنَّ «…»
            said = self._said_after(sentence, end)
            return (self._matrix(before) if said else None), said
        speaker = self._own_subject(window, at) or self._nearest_speaker(window[:at])
        if speaker is None and previous is not None:
            speaker = previous[1]  # "«…»، معرباً عن أسفه بسبب «…»": the same speaker
        speaker = speaker or self._matrix(before) or self._statement(window, at)
        return speaker or self._earlier_speaker(sentence), cue

    def of_sentence(self, sentence: Sentence) -> Span | None:
        """Who speaks in a sentence: the subject of its first cue that names one."""
        tokens = list(sentence.tokens)
        return self._cue_speaker(tokens, range(len(tokens)))

    def _own_subject(self, tokens: list[Token], at: int) -> Span | None:
        """The subject of the cue at ``at``: right after it, else an actor right before."""
        if self._subjectless(tokens, at):
            return None
        return self._subject_after(tokens, at) or self._subject_before(tokens, at)

    def _matrix(self, before: list[Token]) -> Span | None:
        """The speaker of the sentence's first cue that names one, else the subject
        written before its first cue."""
        found = self._cue_speaker(before, range(len(before)))
        if found is not None:
            return found
        first_cue = next((i for i, t in enumerate(before) if self._cue(t)), len(before))
        return self._sentence_subject(before[:first_cue])

    def _nearest_speaker(self, tokens: list[Token]) -> Span | None:
        """The speaker of the nearest cue that names one (``وهو ما أكده X … قائلا``)."""
        return self._cue_speaker(tokens, range(len(tokens) - 1, -1, -1))

    def _cue_speaker(self, tokens: list[Token], order: range) -> Span | None:
        for at in order:
            if self._cue(tokens[at]):
                found = self._own_subject(tokens, at)
                if found is not None:
                    return found
        return None

    def _subjectless(self, tokens: list[Token], at: int) -> bool:
        """A participle (``قائلاً``) or a verb after ``أنه``: the speaker is another's."""
        pronoun = at > 0 and tokens[at - 1].norm in PRONOUN_COMPLEMENTIZERS
        return (_participle(tokens[at]) and self.cues.is_speech_verb(tokens[at])) or pronoun

    def _subject_after(self, tokens: list[Token], at: int) -> Span | None:
        """The actor, unnamed source or (after a speech verb) unknown name that stands
        right after the cue, adverbs skipped."""
        i = at + 1
        while i < len(tokens) and tokens[i].norm in ADVERBS:
            i += 1
        if i >= len(tokens) or tokens[i].is_punct:
            return None
        lo, hi = tokens[at].end, tokens[-1].end
        found = self._actor_at(tokens, i, lo, hi) or self._source_at(tokens, i)
        found = found or self._described(tokens, i, lo, hi)
        if found is None and self._said(tokens[at]):
            found = self._name_run(tokens, i) or self._titled_after(tokens, i, lo)
        return found

    def _described(self, tokens: list[Token], i: int, lo: int, hi: int) -> Span | None:
        """``وكتبت المغنية ميسي ايليوت``: a person right after a descriptive noun."""
        token = tokens[i]
        if token.prefixes != ("ال",) or token.norm in PHRASE_STOPS or i + 1 >= len(tokens):
            return None
        found = self._actor_at(tokens, i + 1, lo, hi)
        return found if found is not None and found.label == "PER" else None

    def _titled_after(self, tokens: list[Token], i: int, lo: int) -> Span | None:
        """``وأكد مبعوثه إلى الشرق الأوسط، ستيف ويتكوف``: an office right after the verb
        whose holder is named after it (the first free person before ``أن``)."""
        heads = entity_rules().role_heads
        if tokens[i].stem not in heads and tokens[i].lemma not in heads:
            return None
        stop = next((j for j in range(i, len(tokens)) if tokens[j].norm in COMPLEMENTIZERS),
                    len(tokens))  # fmt: skip
        hi = tokens[stop - 1].end
        for j in range(i + 1, stop):
            found = self._actor_at(tokens, j, lo, hi)
            if found is not None and found.label == "PER":
                return found
        return None

    def _actor_at(self, tokens: list[Token], i: int, lo: int, hi: int,
                  free: bool = True) -> Span | None:  # fmt: skip
        """An actor mention whose phrase (its title included) starts at token ``i``, not
        inside another's title and, when ``free``, not behind a preposition."""
        token = tokens[i]
        if free and self._governed(tokens, i):
            return None
        for mention in self.mentions:
            head = _phrase_start(mention)
            if lo <= head < hi and token.start <= head <= token.end and not self._in_title(mention):
                return mention
        return None

    def _source_at(self, tokens: list[Token], i: int, free: bool = True) -> Span | None:
        """An unnamed source starting at token ``i`` (``مصدر مصري مسؤول``), up to
        ``SOURCE_PHRASE_MAX`` words, ending before punctuation, ل or a time word."""
        token = tokens[i]
        if not self.cues.lists["speaker_nouns"].contains(token):
            return None
        if free and self._governed(tokens, i) and not _after_source_word(tokens, i):
            return None
        return self._phrase(tokens, i, SOURCE_PHRASE_MAX)

    def _name_run(self, tokens: list[Token], i: int) -> Span | None:
        """``وقالت هوا:``، ``وأكد عبد الرحمن أنه``: the few words between a speech verb
        and its colon or ``أن`` name its speaker even when no mention does."""
        ends = (j for j, t in enumerate(tokens) if t.text in COLONS or t.norm in COMPLEMENTIZERS)
        stop = next((j for j in ends if j >= i), None)
        if stop is None or not 0 < stop - i <= NAME_RUN_MAX:
            return None
        run = tokens[i:stop]
        at = next((k for k, t in enumerate(run) if t.norm == "في"), len(run))
        run, rest = run[:at], run[at:]  # "وقالت العائلة في بيان إن": where it was said
        if not run or any(t.is_punct or t.norm in PHRASE_STOPS or t.lemma in PREP_WORDS
                          for t in run + rest[1:]):  # fmt: skip
            return None  # "لفت الانتباه إلى أن"، "وقالت لهم:"
        if set(run[0].prefixes) - {"ال"} or run[0].stem.isdigit() or run[0].norm in OBJECT_PRONOUNS:
            return None
        return self._phrase(tokens, i, len(run))

    def _phrase(self, tokens: list[Token], i: int, most: int) -> Span:
        last = i
        for j in range(i + 1, min(len(tokens), i + most)):
            word = tokens[j]
            if word.is_punct or word.norm in PHRASE_STOPS or "ل" in word.prefixes:
                break
            last = j
        start = mention_start(tokens[i], self.article.body)
        return self.article.span(start, tokens[last].end, "SOURCE")

    def _subject_before(self, tokens: list[Token], at: int) -> Span | None:
        """``وكان التحالف الدولي أعلن``: a free actor right before a speech verb not
        joined by و/ف, nothing between them."""
        cue = tokens[at]
        if {"و", "ف"} & set(cue.prefixes) or at == 0 or not self._said(cue):
            return None
        previous = tokens[at - 1]
        if previous.is_punct:
            return None  # "… ورجب طيب إردوغان، أوضح": the actor ends another phrase
        for mention in reversed(self.mentions):
            if previous.start <= mention.end <= previous.end:
                head = _phrase_start(mention)
                first = next((j for j, t in enumerate(tokens) if t.end > head), at)
                return None if self._governed(tokens, first) else mention
        return None

    def _sentence_subject(self, tokens: list[Token]) -> Span | None:
        """The first free actor of the words before the first cue and any ``أن``, its
        phrase starting among the sentence's first words (``وكان المتحدث … جود دير``;
        not ``التي تربط مصر``)."""
        stop = next((i for i, t in enumerate(tokens) if t.norm in COMPLEMENTIZERS), len(tokens))
        stop = min(stop, SUBJECT_OPENING)
        if stop == 0:
            return None
        lo, hi = tokens[0].start, tokens[stop - 1].end
        for i in range(stop):
            found = self._actor_at(tokens, i, lo, hi)
            if found is not None:
                return found
        return None

    def _statement(self, tokens: list[Token], at: int) -> Span | None:
        """``وجاء في البيان الذي بثه التلفزيون``: a statement noun names no one after it,
        so the statement itself is the source."""
        if self._said(tokens[at]):
            return None
        return self._source_at(tokens, at, free=False)

    def _quoted_from(self, window: list[Token]) -> Span | None:
        """``نقلت وكالة … عن X``: X, when X is an actor or an unnamed source."""
        transmitting = self.cues.lists["transmitting"]  # "نقلت X عن Y" quotes Y
        told = [i for i, t in enumerate(window) if transmitting.contains(t)]
        if not told:
            return None
        for i in range(len(window) - 1, told[0], -1):
            if window[i].norm == "عن" and i + 1 < len(window):
                lo, hi = window[i].end, window[-1].end
                j = i + 1
                while j < len(window) and window[j].text in QUOTES:
                    j += 1
                if j < len(window):
                    found = self._actor_at(window, j, lo, hi, free=False)
                    return found or self._source_at(window, j, free=False)
        return None

    def _said_after(self, sentence: Sentence, end: int) -> Token | None:
        """``«…» كما قال``: a speech verb within a few words after the quotation."""
        after = [t for t in sentence.tokens if t.start > end and t.text not in QUOTES]
        return next((t for t in after[:AFTER_QUOTE_REACH] if self.cues.is_speech_verb(t)), None)

    def _nearest_cue(self, window: list[Token]) -> int | None:
        """Index of the cue nearest before the quotation; a statement noun behind a
        preposition (``وقال هولاند في خطاب ألقاه``) only when no speech verb precedes it."""
        for at in range(len(window) - 1, -1, -1):
            token = window[at]
            if self._said(token):
                return at
            if self._cue(token) and not (
                self._governed(window, at)
                and any(self._said(t) for t in window[:at])
            ):
                return at
        return None

    def _cue(self, token: Token) -> bool:
        return self._said(token) or self.cues.lists["quote_cues"].contains(token)

    def _said(self, token: Token) -> bool:
        """A verb of saying or writing."""
        return self.cues.is_speech_verb(token) or self.cues.lists["writing_verbs"].contains(token)

    def _governed(self, tokens: list[Token], i: int) -> bool:
        """The word at ``i`` stands behind a preposition (a clitic, the word before, or
        a noun with ب/ل before it: ``لتلفزيون رويترز``), quotation marks skipped: whom
        something was said to, not who said it."""
        if PREPOSITIONS & set(tokens[i].prefixes):
            return True
        j = i - 1
        while j >= 0 and tokens[j].text in QUOTES:
            j -= 1
        if j < 0:
            return False
        word = tokens[j]
        return word.norm in self._stops or word.lemma in self._stops or bool(
            PREPOSITIONS & set(word.prefixes)
        )

    def _in_title(self, mention: Span) -> bool:
        return any(lo <= mention.start and mention.end <= hi for lo, hi in self._titles)

    def _earlier_speaker(self, sentence: Sentence) -> Span | None:
        """The speaker of the nearest of the ``SENTENCES_BACK`` sentences before."""
        sentences = self.article.sentences
        at = next((k for k, s in enumerate(sentences) if s.start == sentence.start), 0)
        for earlier in reversed(sentences[max(0, at - SENTENCES_BACK) : at]):
            found = self.of_sentence(earlier)
            if found is not None:
                return found
        return None


def _participle(token: Token) -> bool:
    """``قائلاً``، ``مشدداً``، ``لافتة``: an adverbial participle, not a verb (``قالوا``،
    ``نوّه``)."""
    norm = token.norm
    if norm.endswith("ا"):
        return not norm.endswith("وا")
    return norm.endswith("ه") and len(norm) >= 5


def _after_source_word(tokens: list[Token], i: int) -> bool:
    """``وفقاً للبيان``: a source word's لـ does not make its noun an addressee."""
    return i > 0 and tokens[i - 1].lemma in SOURCE_WORD_LEMMAS


def _phrase_start(mention: Span) -> int:
    title = mention.attrs.get("title_start")
    return title if title is not None and title < mention.start else mention.start
