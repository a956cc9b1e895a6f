"""Item quality: the cues that let a trainee pass a knowledge check without reading the module.

Assessment research (Haladyna, Downing & Rodriguez 2002; Millman, Bishop & Ebel 1965) lists the cues
a test-wise trainee uses: the key is the longest option or sits in one position, true/false items
are mostly false, multiple-answer items list their right options first, absolute words ("never",
"always") mark the wrong answers. Each check here looks at the options as the trainee sees them
(builder/arrange.py), never at the content, and `score_without_reading` plays fixed content-free
strategies ("always the longest option", "always False", …) against every quiz.

A trainer silences a check for one question, or a quiz-wide check for a whole quiz, with
`allow: {code: reason}`; `course report` lists every silenced check with its reason.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations

from builder.arrange import scrambled, shown
from builder.course import Course, QuizFile
from builder.diagnostics import Diagnostic, Pos, closest, error, warning
from builder.models import QUESTION_TYPES, ChoiceQuestion, ItemChecks, Option, Question
from builder.questions import question_type

#: Checks a question's `allow` may silence (it then leaves the question out of that check).
QUESTION_CODES = (
    "key-position",
    "key-longest",
    "key-much-longer",
    "true-false-balance",
    "correct-first",
    "absolute-words",
    "similar-prompts",
)
#: Checks a quiz's `allow` may silence for the whole quiz.
QUIZ_CODES = ("key-position", "key-longest", "true-false-balance", "correct-first", "absolute-words", "guessable")

#: Absolute words that test-wise trainees read as "wrong answer" (English and Spanish), matched in
#: lowercased text (half the time of a case-insensitive pattern).
ABSOLUTE = re.compile(
    r"\b(?:never|always|only|all|none|cannot|can't|must|every|no one|nobody|nothing|"
    r"nunca|jamás|siempre|solo|sólo|solamente|todos|todas|todo|ninguno|ninguna|nadie|nada|"
    r"no puede|no pueden|debe|deben)\b"
)
#: How a true/false option says "true", in the languages the builder has strings for and a few more.
TRUE_WORDS = frozenset({"true", "verdadero", "cierto", "vrai", "wahr", "vero", "verdadeiro", "waar"})
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`\\]")
_WORD = re.compile(r"[^\W_]+")
#: Prompts shorter than this (in words that are not stop words) say too little to compare.
SIMILAR_MIN_WORDS = 4
_STOP = frozenset(
    (
        "a an and are as at be by for from has have in is it its of on or that the this "
        "to was what which who with you your"
    ).split()
)


def plain(text: str) -> str:
    """An option's text as the trainee reads it: links as their text, no emphasis marks."""
    if "](" in text:  # a link or an image (re.sub with a template costs more than the test)
        text = _LINK.sub(r"\1", text)
    return " ".join(_MARKUP.sub("", text).split())


def true_option(question: ChoiceQuestion) -> int:
    """The index of the option that says "True" (the first one when neither says it in a known language)."""
    for index, option in enumerate(question.options):
        if plain(option.text).casefold() in TRUE_WORDS:
            return index
    return 0


# -- what the trainee sees ----------------------------------------------------------------------
@dataclass(frozen=True)
class Seen:
    """A question as shown: choice options in display order (`right[i]`: is shown option i right?)."""

    question: Question
    options: tuple[Option, ...] = ()
    right: tuple[bool, ...] = ()
    order_right: bool = False  # matching/ordering: is the shown order reversed the answer?

    @cached_property
    def lengths(self) -> tuple[int, ...]:
        """Each shown option's length as read; computed once (the checks ask for it about ten
        times a question: a tenth of `course check` on 4,000 questions)."""
        return tuple(len(plain(o.text)) for o in self.options)

    @cached_property
    def hits(self) -> tuple[bool, ...]:
        """Does each of its type's STRATEGIES get it right? Computed once: the score without reading
        is taken per quiz and again for the whole course."""
        return tuple(test(self) for _, test in STRATEGIES.get(self.question.type, ()))

    @cached_property
    def absolute(self) -> tuple[tuple[bool, tuple[str, ...]], ...]:
        """(is it a right answer?, the absolute words it holds, lowercased) for each answer
        (`_answers`); computed once, as `hits`."""
        return tuple((right, tuple(ABSOLUTE.findall(plain(text).lower()))) for right, text in _answers(self))


def seen(quiz_file: QuizFile) -> list[Seen]:
    """The quiz's questions as shown; none for a quiz with repeated question ids (an error already).
    Only questions the checks can judge (`QuestionType.well_formed`: `check` reports the others)."""
    questions = quiz_file.quiz.questions
    if len({q.id for q in questions}) != len(questions):
        return []
    out = []
    for question in questions:
        kind = question_type(question)
        if not kind.well_formed(question):
            continue
        order = quiz_file.option_orders.get(question.id)
        if order is not None:  # a question with options (builder/arrange.py)
            assert isinstance(question, ChoiceQuestion)
            options = tuple(o for _, o in shown(question, order))
            out.append(Seen(question, options, tuple(o.correct for o in options)))
        elif ids := kind.scrambled_ids(question):
            # The ids its form lists in builder/arrange.py's fixed order (render.py: the same scramble).
            order_ids = scrambled(ids, ids, f"{quiz_file.quiz.module}/{question.id}")
            out.append(Seen(question, order_right=order_ids[::-1] == ids))
        else:
            out.append(Seen(question))
    return out


# -- content-free strategies ----------------------------------------------------------------------
def _pick(index: Callable[[Seen], int]) -> Callable[[Seen], bool]:
    def right(s: Seen) -> bool:
        i = index(s)
        return 0 <= i < len(s.options) and s.right[i] and sum(s.right) == 1

    return right


def _longest(s: Seen) -> int:
    lengths = s.lengths
    return lengths.index(max(lengths))


def _shortest(s: Seen) -> int:
    lengths = s.lengths
    return lengths.index(min(lengths))


def _tick(chosen: Callable[[Seen], Sequence[int]]) -> Callable[[Seen], bool]:
    def right(s: Seen) -> bool:
        picked = set(chosen(s))
        return all((i in picked) == r for i, r in enumerate(s.right))

    return right


def _true(s: Seen) -> bool:
    assert isinstance(s.question, ChoiceQuestion) and s.question.type == "true_false"
    return s.question.options[true_option(s.question)].correct


def _longest_half(s: Seen) -> list[int]:
    by_length = sorted(range(len(s.options)), key=lambda i: -s.lengths[i])
    return by_length[: max(1, len(s.options) // 2)]


#: Per question type, the fixed strategies a trainee could follow without reading: name and test
#: (a type without an entry has none: its items count as not guessable).
STRATEGIES: dict[str, tuple[tuple[str, Callable[[Seen], bool]], ...]] = {
    "single": (
        ("the longest option", _pick(_longest)),
        ("the shortest option", _pick(_shortest)),
        ("the first option", _pick(lambda s: 0)),
        ("the second option", _pick(lambda s: 1)),
        ("the third option", _pick(lambda s: 2)),
        ("the last option", _pick(lambda s: len(s.options) - 1)),
    ),
    "true_false": (
        ("always True", _true),
        ("always False", lambda s: not _true(s)),
    ),
    "multiple": (
        ("every option", _tick(lambda s: range(len(s.options)))),
        ("all but the last", _tick(lambda s: range(len(s.options) - 1))),
        ("all but the last two", _tick(lambda s: range(len(s.options) - 2))),
        ("the first two", _tick(lambda s: range(2))),
        ("the longest half", _tick(_longest_half)),
    ),
    "matching": (("the shown order reversed", lambda s: s.order_right),),
    "ordering": (("the shown order reversed", lambda s: s.order_right),),
    "short_answer": (),
}


@dataclass(frozen=True)
class Guessing:
    """The best content-free strategy per question type, and what it scores."""

    right: int
    total: int
    strategies: tuple[tuple[str, str, int, int], ...]  # (type, strategy, right, of)

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0


def score_without_reading(items: Sequence[Seen]) -> Guessing:
    """The best fixed strategy per question type over `items` (one quiz, or the whole course)."""
    by_type: dict[str, list[Seen]] = defaultdict(list)
    for item in items:
        by_type[item.question.type].append(item)
    right, used = 0, []
    for kind, group in sorted(by_type.items(), key=lambda item: QUESTION_TYPES.index(item[0])):
        scores = [(sum(s.hits[i] for s in group), name) for i, (name, _) in enumerate(STRATEGIES.get(kind, ()))]
        best, name = max(scores, key=lambda x: x[0], default=(0, "none"))
        right += best
        if best:
            used.append((kind, name, best, len(group)))
    return Guessing(right, len(items), tuple(used))


def course_guessing(course: Course) -> tuple[dict[str, Guessing], Guessing]:
    """Without-reading scores by module id, and for the course as one strategy throughout."""
    per_quiz = [(qf.quiz.module, seen(qf)) for qf in course.quizzes]
    return {m: score_without_reading(s) for m, s in per_quiz}, score_without_reading(
        [s for _, group in per_quiz for s in group]
    )


# -- checks ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Silenced:
    path: str
    pos: Pos
    code: str
    reason: str
    question: str | None  # None: the whole quiz


def silenced(course: Course) -> list[Silenced]:
    out = []
    for qf in course.quizzes:
        out += [
            Silenced(qf.path, qf.positions.of(("allow", code), key=True), code, reason, None)
            for code, reason in qf.quiz.allow.items()
        ]
        for index, question in enumerate(qf.quiz.questions):
            out += [
                Silenced(
                    qf.path,
                    qf.positions.of(("questions", index, "allow", code), key=True),
                    code,
                    reason,
                    question.id,
                )
                for code, reason in question.allow.items()
            ]
    return out


def _ordinal(position: int) -> str:
    return {0: "first", 1: "second", 2: "third", 3: "fourth"}.get(position, f"number {position + 1}")


def _key_position(items: list[Seen], limits: ItemChecks) -> str | None:
    singles = [s for s in items if s.question.type == "single"]
    if len(singles) < limits.min_items:
        return None
    keys = [s.right.index(True) for s in singles]
    counts = Counter(keys)
    fair = Counter(
        {
            p: sum(1 / len(s.options) for s in singles if len(s.options) > p)
            for p in range(max(len(s.options) for s in singles))
        }
    )
    last = sum(int(k == len(s.options) - 1) for k, s in zip(keys, singles))
    checks: list[tuple[int, float, str]] = [(counts[p], fair[p], f"the {_ordinal(p)} option") for p in sorted(fair)]
    checks.append((last, sum(1 / len(s.options) for s in singles), "the last option"))
    for count, share, where in checks:
        if count >= 3 and count > limits.key_position_factor * share:
            return (
                f"the right answer is {where} in {count} of {len(singles)} single-choice questions "
                f"(about {share:.0f} would be even)"
            )
    return None


def _key_longest(items: list[Seen], limits: ItemChecks) -> str | None:
    singles = [s for s in items if s.question.type == "single"]
    if len(singles) < limits.min_items:
        return None
    longest = sum(
        sorted(s.lengths)[-1] > sorted(s.lengths)[-2] and s.lengths.index(max(s.lengths)) == s.right.index(True)
        for s in singles
    )
    if 100 * longest > limits.key_longest * len(singles):
        return f"the right answer is the longest option in {longest} of {len(singles)} single-choice questions"
    return None


def _true_false(items: list[Seen], limits: ItemChecks) -> str | None:
    statements = [s for s in items if s.question.type == "true_false"]
    if len(statements) < limits.min_items:
        return None
    true = sum(_true(s) for s in statements)
    low, high = limits.true_share
    if not low * len(statements) <= 100 * true <= high * len(statements):
        return (
            f"{true} of {len(statements)} true/false questions are keyed True ({round(100 * true / len(statements))}%; "
            f"keep it between {low}% and {high}%)"
        )
    return None


def _leading(s: Seen) -> bool:
    count = sum(s.right)
    return 0 < count < len(s.right) and all(s.right[:count])


def _correct_first(items: list[Seen], limits: ItemChecks) -> str | None:
    multiples = [s for s in items if s.question.type == "multiple"]
    if len(multiples) < limits.min_items:
        return None
    leading = sum(_leading(s) for s in multiples)
    if 100 * leading > limits.correct_first * len(multiples):
        return (
            "the right options come first, before every wrong one, "
            f"in {leading} of {len(multiples)} multiple-answer questions"
        )
    return None


def _answers(s: Seen) -> Iterator[tuple[bool, str]]:
    """(is it a right answer?, its text): choice options, and true/false statements by their key."""
    if s.question.type == "true_false":
        yield _true(s), s.question.prompt
    else:
        yield from zip(s.right, (o.text for o in s.options))


def _absolute_words(items: list[Seen], limits: ItemChecks) -> str | None:
    in_right: Counter[str] = Counter()
    in_wrong: Counter[str] = Counter()
    wrong_answers = 0
    for s in items:
        for is_right, found in s.absolute:
            (in_right if is_right else in_wrong).update(found)
            wrong_answers += bool(found) and not is_right
    if wrong_answers >= limits.absolute_words and not in_right:
        words = ", ".join(f"“{w}”" for w, _ in in_wrong.most_common(4))
        return f"{wrong_answers} wrong answers hold absolute words ({words}) and no right answer does"
    return None


#: Quiz-wide checks: code, test, what to do.
QUIZ_CHECKS: tuple[tuple[str, Callable[[list[Seen], ItemChecks], str | None], str], ...] = (
    (
        "key-position",
        _key_position,
        "remove `keep_order` or `pin` where they are not needed, so the builder spreads the keys, or move the keys",
    ),
    (
        "key-longest",
        _key_longest,
        "a trainee who picks the longest option gains; trim the keys and give wrong options the same qualified detail",
    ),
    (
        "true-false-balance",
        _true_false,
        'key about half of them True, or turn a myth ("X can never…") into a single-choice question',
    ),
    (
        "correct-first",
        _correct_first,
        "remove `keep_order` or `pin` where they are not needed, or spread the right options",
    ),
    (
        "absolute-words",
        _absolute_words,
        (
            'trainees learn that "never" and "always" mark wrong answers: '
            "reword the wrong ones, or use such words where they are right"
        ),
    ),
)


def _excluding(items: list[Seen], code: str) -> list[Seen]:
    return [s for s in items if code not in s.question.allow]


def allow_known(course: Course) -> Iterator[Diagnostic]:
    """`allow` names only checks that can be silenced there, each with a reason."""
    for qf in course.quizzes:
        places: list[tuple[tuple[str | int, ...], dict[str, str], tuple[str, ...], str]] = [
            (("allow",), qf.quiz.allow, QUIZ_CODES, "a quiz")
        ]
        places += [
            (("questions", i, "allow"), q.allow, QUESTION_CODES, "a question") for i, q in enumerate(qf.quiz.questions)
        ]
        for path, allow, codes, what in places:
            for code in allow:
                if code not in codes:
                    yield error(
                        "unknown-allow",
                        qf.path,
                        qf.positions.of((*path, code), key=True),
                        f"`{code}` is not a check {what}'s `allow` can silence",
                        closest(code, list(codes)) + "it can silence: " + ", ".join(codes),
                    )


def check_quality(course: Course) -> Iterator[Diagnostic]:
    """Every item-quality warning of the course (`course check` runs it after the other rules)."""
    if course.meta is None:
        return
    yield from allow_known(course)
    limits = course.meta.item_checks
    everything: list[Seen] = []
    counted: list[Seen] = []  # for the course-wide score: quizzes that silence `guessable` left out
    fired: set[str] = set()
    for qf in course.quizzes:
        items = seen(qf)
        everything += items
        if "guessable" not in qf.quiz.allow:
            counted += items
        where = qf.positions.of(("questions",), key=True)
        for code, test, hint in QUIZ_CHECKS:
            message = test(_excluding(items, code), limits) if code not in qf.quiz.allow else None
            if message:
                fired.add(code)
                yield warning(
                    code,
                    qf.path,
                    where,
                    message,
                    hint + f"; or silence it with `allow: {{{code}: <reason>}}`",
                )
        yield from _much_longer(qf, items, limits)
        pass_mark = qf.quiz.pass_mark if qf.quiz.pass_mark is not None else course.meta.pass_mark
        score = score_without_reading(items)
        if score.total >= limits.min_items and score.percent >= pass_mark and "guessable" not in qf.quiz.allow:
            fired.add("guessable")
            yield warning(
                "guessable",
                qf.path,
                where,
                (
                    f"a trainee who does not read scores {score.percent}%, "
                    f"at or above the pass mark of {pass_mark}% ({strategies(score)})"
                ),
                "rewrite the questions the strategies answer; `course report` shows the score per quiz",
            )
    where = course.meta_positions.of(("pass_mark",)) if course.meta_positions else Pos()
    for code, test, hint in QUIZ_CHECKS:
        message = test(_excluding(everything, code), limits) if code not in fired else None
        if message:
            yield warning(code, "course/course.yml", Pos(), "across the course's quizzes, " + message, hint)
    whole = score_without_reading(counted)
    if "guessable" not in fired and whole.total >= limits.min_items and whole.percent >= course.meta.pass_mark:
        yield warning(
            "guessable",
            "course/course.yml",
            where,
            (
                f"a trainee who does not read scores {whole.percent}% across the course, "
                f"at or above the pass mark of {course.meta.pass_mark}% ({strategies(whole)})"
            ),
            "rewrite the questions the strategies answer; `course report` shows the score per quiz",
        )
    yield from _similar_prompts(course, limits)


def strategies(score: Guessing) -> str:
    """"single: the longest option, 5 of 9; …": the winning strategies, in words."""
    return "; ".join(f"{kind.replace('_', '/')}: {name}, {right} of {of}" for kind, name, right, of in score.strategies)


def _much_longer(qf: QuizFile, items: list[Seen], limits: ItemChecks) -> Iterator[Diagnostic]:
    for index, s in enumerate(items):
        if s.question.type != "single" or "key-much-longer" in s.question.allow:
            continue
        key = s.right.index(True)
        lengths = s.lengths
        longest_wrong = max(length for i, length in enumerate(lengths) if i != key)
        if lengths[key] >= limits.key_length_ratio * max(longest_wrong, 1) and lengths[key] - longest_wrong >= 20:
            written = qf.option_orders[s.question.id][key]
            yield warning(
                "key-much-longer",
                qf.path,
                qf.positions.of(("questions", index, "options", written, "text")),
                (
                    f"in question `{s.question.id}` the right answer is "
                    f"{lengths[key] / max(longest_wrong, 1):.1f} times as long as the longest wrong one "
                    f"({lengths[key]} and {longest_wrong} characters)"
                ),
                (
                    "trim the right answer (move detail into its feedback or the explanation), "
                    "or give the wrong ones the same detail"
                ),
            )


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(plain(text).casefold()) if w not in _STOP)


def _similar_prompts(course: Course, limits: ItemChecks) -> Iterator[Diagnostic]:
    """Pairs of prompts sharing `similar_prompts`% of their words (Jaccard); each prompt is
    reported once, against the first earlier prompt that similar.

    Only prompts that share `k` words (three, at the default threshold) among the first words of
    each (ranked rarest first) are compared, as bit sets. Two prompts that share at least `a`
    words have their first `k` common words within the first `len - a + k` words of each;
    prompts are taken shortest first, so the one already indexed is the shorter, which bounds `a`
    from below (prefix filtering as in AllPairs, Bayardo et al. 2007, with word triples instead of
    single words). With single words, prompts written from a small vocabulary (every word common)
    met every earlier prompt: 2.0 s for 10,000 prompts, growing with the square of their number."""
    threshold = limits.similar_prompts / 100
    entries = []
    for qf in course.quizzes:
        for index, question in enumerate(qf.quiz.questions):
            words = _words(question.prompt)
            if len(words) >= SIMILAR_MIN_WORDS and "similar-prompts" not in question.allow:
                entries.append((qf, index, words))
    frequency = Counter(w for _, _, words in entries for w in words)
    rank = {w: r for r, w in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    ranked = [sorted(rank[w] for w in words) for _, _, words in entries]
    bits = [sum(1 << r for r in ids) for ids in ranked]
    first_like: dict[int, int] = {}  # prompt -> the first earlier prompt that similar
    index_by_key: dict[tuple[int, ...], list[int]] = defaultdict(list)
    # The least overlap of a similar pair: t * |longer| for the prompt probing the index, and
    # 2t / (1 + t) * |shorter| for the one indexed. Rounded down (one word more of prefix where
    # the bound is a whole number), so that float rounding never drops a pair; every candidate is
    # compared exactly.
    share = 2 * threshold / (1 + threshold)
    # Word triples where every similar pair shares three words (it shares at least t * 4).
    k = min(3, max(1, math.ceil(threshold * SIMILAR_MIN_WORDS - 1e-9)))
    for n in sorted(range(len(entries)), key=lambda n: (len(ranked[n]), n)):
        ids, size = ranked[n], len(ranked[n])
        seen: set[int] = set()
        for key in combinations(ids[: size - int(threshold * size + 1e-9) + k], k):
            for m in index_by_key.get(key, ()):
                if m in seen:
                    continue
                seen.add(m)
                other = len(ranked[m])
                if other < threshold * size - 1e-9:
                    continue
                common = (bits[n] & bits[m]).bit_count()
                if common >= threshold * (size + other - common):
                    earlier, later = min(n, m), max(n, m)
                    if first_like.get(later, later) > earlier:
                        first_like[later] = earlier
        for key in combinations(ids[: size - int(share * size + 1e-9) + k], k):
            index_by_key[key].append(n)
    for n in sorted(first_like):
        qf, index, _ = entries[n]
        other_qf, other_index, _ = entries[first_like[n]]
        first_question = other_qf.quiz.questions[other_index]
        line = other_qf.positions.of(("questions", other_index, "prompt")).line
        yield warning(
            "similar-prompts",
            qf.path,
            qf.positions.of(("questions", index, "prompt")),
            (
                f"question `{qf.quiz.questions[index].id}` asks nearly what `{first_question.id}` asks "
                f"({other_qf.path}, line {line})"
            ),
            "the same point asked twice adds nothing: assess another decision the module teaches",
        )
