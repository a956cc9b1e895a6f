"""Moodle GIFT export: every question of every quiz, for import into a Moodle question bank.

The syntax and its escaping follow Moodle's own GIFT reader and writer
(`question/format/gift/format.php`: `readquestion()`, `repchar()`); `tests/test_export_gift.py`
checks the output with an independent parser (gift-pegjs).

The file
    A `//` comment naming the course, then one `$CATEGORY: $course$/<course id>/<nn> <module title>`
    per module (Moodle files the questions there when "Get category from file" is ticked at
    import) followed by that module's questions, named `::<module>/<question>::`. Blocks are
    separated by one blank line; the file is UTF-8 with `\\n` line ends and nothing that varies
    between runs, so the same course gives the same bytes.

Text format: Markdown, tagged `[markdown]`
    Prompts, options, feedback and explanations are Markdown, and GIFT has a Markdown text format
    (Moodle's FORMAT_MARKDOWN): Moodle stores the text as written and renders it as Markdown, so
    emphasis, lists and links look as they do on the site. Plain text would show the asterisks,
    and converting to HTML here would make the bank hard to edit in Moodle. Every such text gets
    its own `[markdown]` tag (Moodle only needs it on the prompt, the rest inherit it): an explicit
    tag also stops Moodle from reading a text that happens to start with `[html]` as a format, or
    an option that starts with `%50%` as a weight. Moodle cleans the rendered HTML (HTML Purifier),
    so raw HTML, shown as typed on the site, may be rendered by Moodle but never runs.

    Texts GIFT stores as plain strings get no tag and are written as they are (Markdown and all):
    the right-hand side of a matching pair (a menu entry in Moodle; line breaks become spaces)
    and the accepted answers of a short-answer question (compared with what the trainee types).

Escaping (Moodle's `repchar()`)
    `\\` becomes `\\\\` first, then `~ = # { } :` get a backslash and a line break (`\\r\\n`, `\\r`
    or `\\n`) becomes `\\n`. GIFT has no escape for `->`, the matching marker, so in two places it
    is written `-\\>`, a Markdown escape that renders as `->` (outside code spans): the left side
    of a matching pair (Moodle splits the pair at the first `->`) and the text of a right (`=`)
    option (a parser that tries matching first, as gift-pegjs does, reads `{=a -> b` as a pair).
    A short answer containing `->` would make Moodle read the question as matching, so that
    question is skipped with the reason.

Types
    single        `{=right ~wrong}`, each option's feedback after `#`.
    true_false    `{T}` or `{F}` when the options are literally "True" and "False", with the
                  feedback in Moodle's order `{T#<feedback of the wrong option>#<feedback of the
                  right option>}`; otherwise exported like `single`.
    multiple      Moodle's multiple-answer question, `{~%50%a ~%50%b ~%-100%c}`. The course scores
                  it all-or-nothing, which GIFT cannot express: Moodle adds up the weights of the
                  chosen options and keeps the sum between 0 and 100%. So each of the k right
                  options weighs 100/k % (a fully right answer scores 100%) and each wrong option
                  -100%: choosing any wrong option scores 0, as on the site. The one difference is
                  partial credit (j/k) for choosing only some of the right options and nothing wrong.
                  Weights are written to 5 decimals (33.33333), as Moodle lists them; it refuses a
                  weight that is not on its grade list, which has 100/k only for k = 1 to 10 and 20,
                  so other counts are skipped with that reason rather than imported with wrong weights.
    matching      `{=left -> right …}`.
    short_answer  `{=%100%answer …}`, each accepted answer with its spaces collapsed (two that
                  the course compares as equal are written once). Moodle compares case-insensitively (its
                  default) but without NFKC or collapsing the trainee's spaces; `*` is Moodle's
                  wildcard, so a literal `*` is written `\\*`, and an answer that starts like a
                  format tag (`[html]…`) gets `[plain]` in front so that Moodle keeps it whole.
    ordering      no GIFT syntax: listed in `skipped` with the reason, never silently dropped.

    Every question gets its explanation as general feedback (`####`). `shuffle` and `pin` have no
    GIFT syntax: Moodle shuffles options by its own (site and quiz) settings.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from builder.arrange import shown
from builder.course import Course, Module, QuizFile
from builder.exports import Export
from builder.models import ChoiceQuestion, Matching, Multiple, Ordering, Question, ShortAnswer, Single, TrueFalse, normalize_answer

#: Moodle's grade options (`question_bank::fraction_options_full()`), positive half. An imported
#: weight must be within 0.00001 of one of them (or its negative), else the question is refused.
MOODLE_FRACTIONS = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)
#: The weight of a wrong option of a multiple-answer question: any wrong choice scores 0.
WRONG_WEIGHT = -100

_ESCAPES = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"})
_FORMATS = ("[moodle]", "[html]", "[plain]", "[markdown]")


class NotExpressible(Exception):
    """A question GIFT cannot express; the message says why."""


def export(course: Course) -> Export:
    """The course's question banks as one GIFT file."""
    meta = course.meta
    course_id = meta.id if meta else course.root.name
    header = f"// {_line(meta.title)} ({course_id}, version {_line(meta.version)})" if meta else f"// {course_id}"
    blocks = [header + ": question bank for Moodle (GIFT), made by the course builder.\n"
              "// Import it with \"Get category from file\" ticked: one category per module."]
    skipped: list[str] = []
    items = 0
    for category, module_id, quiz_file in _quizzes(course, course_id):
        questions: list[str] = []
        for question in quiz_file.quiz.questions:
            name = f"{module_id}/{question.id}"
            try:
                questions.append(question_gift(name, question, quiz_file.option_orders.get(question.id)))
            except NotExpressible as reason:
                skipped.append(f"{name}: {reason}")
        if questions:
            blocks.append(f"$CATEGORY: {category}")
            blocks.extend(questions)
            items += len(questions)
    return Export(data=("\n\n".join(blocks) + "\n").encode("utf-8"), skipped=skipped, items=items)


def _quizzes(course: Course, course_id: str) -> Iterator[tuple[str, str, QuizFile]]:
    """(category path, module id, quiz) in the learning path's order; a quiz without a module last."""
    done: set[str] = set()
    for module in course.modules:
        quiz_file = course.quiz_for(module.id)
        if quiz_file is not None:
            done.add(module.id)
            yield category_path(course_id, module), module.id, quiz_file
    for quiz_file in course.quizzes:
        if quiz_file.quiz.module not in done:
            yield _category([course_id, quiz_file.quiz.module]), quiz_file.quiz.module, quiz_file


def category_path(course_id: str, module: Module) -> str:
    """`$course$/<course id>/<nn> <module title>`, escaped as Moodle reads category paths."""
    return _category([course_id, f"{module.number:02d} {_line(module.meta.title)}"])


def _category(names: list[str]) -> str:
    # Moodle's assemble_category_path(): "/" inside a name is doubled, and a name may not start
    # or end with "/". The line is read after Moodle's escape pass, which turns "\\" into "\",
    # so backslashes are doubled; nothing else is unescaped in a category line.
    escaped = []
    for name in names:
        name = name.replace("\\", "\\\\").replace("/", "//")
        if name.startswith("/"):
            name = " " + name
        if name.endswith("/"):
            name += " "
        escaped.append(name)
    return "/".join(["$course$", *escaped])


def question_gift(name: str, question: Question, order: Sequence[int] | None = None) -> str:
    """One question in GIFT, or NotExpressible; choice options in `order` (the site's, builder/arrange.py)."""
    head = f"::{escape(name)}::{markdown(question.prompt)}"
    general = f"####{markdown(question.explanation)}"
    if isinstance(question, TrueFalse) and _is_true_false(question):
        return head + "{" + _true_false(question) + general + "}"
    if isinstance(question, (Single, TrueFalse)):
        answers = _single(question, order)
    elif isinstance(question, Multiple):
        answers = _multiple(question, order)
    elif isinstance(question, Matching):
        answers = [f"={markdown(pair.left, arrow=True)} -> {escape(_line(pair.right))}" for pair in question.pairs]
    elif isinstance(question, ShortAnswer):
        answers = _short_answer(question)
    elif isinstance(question, Ordering):
        raise NotExpressible("ordering questions cannot be expressed in GIFT (Moodle's GIFT format has no ordering type)")
    else:  # pragma: no cover - a new question type must choose its GIFT form
        raise NotExpressible(f"{question.type} questions are not supported by the GIFT export")
    return head + "{\n" + "".join(f"\t{answer}\n" for answer in answers) + f"\t{general}\n}}"


def _is_true_false(question: TrueFalse) -> bool:
    return sorted(option.text.strip().casefold() for option in question.options) == ["false", "true"]


def _true_false(question: TrueFalse) -> str:
    """`T#<wrong option's feedback>#<right option's feedback>` (Moodle's order, by position)."""
    right = [option for option in question.options if option.correct]
    if len(right) != 1:
        raise NotExpressible(f"a true/false question needs exactly one right option, not {len(right)}")
    wrong = next(option for option in question.options if not option.correct)
    answer = "T" if right[0].text.strip().casefold() == "true" else "F"
    wrong_feedback = _feedback(wrong.feedback)[1:]
    right_feedback = _feedback(right[0].feedback)[1:]
    if right_feedback:
        return f"{answer}#{wrong_feedback}#{right_feedback}"
    return f"{answer}#{wrong_feedback}" if wrong_feedback else answer


def _single(question: ChoiceQuestion, order: Sequence[int] | None) -> list[str]:
    right = sum(option.correct for option in question.options)
    if right != 1:
        raise NotExpressible(f"a single-answer question needs exactly one right option, not {right}")
    return [("=" + markdown(o.text, arrow=True) if o.correct else "~" + markdown(o.text)) + _feedback(o.feedback) for _, o in shown(question, order)]


def _multiple(question: Multiple, order: Sequence[int] | None) -> list[str]:
    right = sum(option.correct for option in question.options)
    if right == 0:
        raise NotExpressible("a multiple-answer question needs at least one right option")
    weight = weight_text(100 / right)
    if not any(abs(float(weight) / 100 - fraction) < 0.00001 for fraction in MOODLE_FRACTIONS):
        raise NotExpressible(
            f"with {right} right options each would weigh {weight}%, which is not one of Moodle's grade options "
            "(it has 100/k % only for 1 to 10 or 20 right options)"
        )
    return [f"~%{weight if o.correct else WRONG_WEIGHT}%{markdown(o.text)}{_feedback(o.feedback)}" for _, o in shown(question, order)]


def _short_answer(question: ShortAnswer) -> list[str]:
    answers: list[str] = []
    seen: set[str] = set()
    for accepted in question.accepted:
        text = _line(accepted)
        if "->" in text:
            raise NotExpressible(f"the accepted answer {text!r} contains `->`, which Moodle would read as a matching question")
        key = normalize_answer(text)
        if key in seen:  # Moodle compares case-insensitively: "Simple" and "simple" are one answer
            continue
        seen.add(key)
        text = text.replace("*", "\\*")  # Moodle's wildcard; `\*` is a literal asterisk
        if text.startswith(_FORMATS):  # Moodle would take it for a text format
            text = "[plain]" + text
        answers.append(f"=%100%{escape(text)}")
    return answers


def _feedback(text: str | None) -> str:
    return f"#{markdown(text)}" if text and text.strip() else ""


def weight_text(percent: float) -> str:
    """A weight as Moodle writes grade options: at most 5 decimals, no trailing zeros."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def markdown(text: str, *, arrow: bool = False) -> str:
    """A Markdown text tagged `[markdown]` and escaped; `arrow`: also make `->` unambiguous."""
    text = _tidy(text)
    if arrow:
        text = text.replace("->", "-\\>")
    return "[markdown]" + escape(text)


def escape(text: str) -> str:
    """Moodle's `repchar()`: backslash first, then `~ = # { } :`, line breaks as `\\n`."""
    return _tidy(text).translate(_ESCAPES)


def _tidy(text: str) -> str:
    """Line ends as `\\n`, no surrounding white space (Moodle trims every text it reads)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _line(text: str) -> str:
    """All white space, line breaks included, as single spaces."""
    return " ".join(text.split())
