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

Links and citations
    Moodle shows the questions without the course's site (builder/exports LmsText): a link to the
    course's own pages is written as its text, a picture of the course as its text alternative,
    and a `[@id]` citation as its sources' titles in parentheses, each linked to the source's
    address. Links to other sites are kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from builder.course import Course, Module, QuizFile
from builder.exports import Export, LmsText
from builder.models import Question
from builder.questions import question_type
from builder.questions.base import NotExpressible
from builder.questions.choice import MOODLE_FRACTIONS, WRONG_WEIGHT, weight_text

__all__ = ["MOODLE_FRACTIONS", "WRONG_WEIGHT", "NotExpressible", "export", "question_gift", "weight_text"]

_ESCAPES = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"}
)


def export(course: Course) -> Export:
    """The course's question banks as one GIFT file."""
    meta = course.meta
    course_id = meta.id if meta else course.root.name
    header = f"// {_line(meta.title)} ({course_id}, version {_line(meta.version)})" if meta else f"// {course_id}"
    blocks = [header + ": question bank for Moodle (GIFT), made by the course builder.\n"
              "// Import it with \"Get category from file\" ticked: one category per module."]
    skipped: list[str] = []
    items = 0
    lms = LmsText(course)
    for category, module_id, quiz_file in _quizzes(course, course_id):
        questions: list[str] = []
        for question in quiz_file.quiz.questions:
            name = f"{module_id}/{question.id}"
            try:
                questions.append(
                    question_gift(name, lms.question(question, quiz_file), quiz_file.option_orders.get(question.id))
                )
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
    """One question in GIFT, or NotExpressible; choice options in `order` (the site's, builder/arrange.py).
    Each type writes its answers (`QuestionType.gift`, builder/questions/)."""
    head = f"::{escape(name)}::{markdown(question.prompt)}"
    general = f"####{markdown(question.explanation)}"
    answers = question_type(question).gift(question, tuple(order) if order is not None else None, _WRITER)
    if isinstance(answers, str):  # written inline, as `{T}`
        return head + "{" + answers + general + "}"
    return head + "{\n" + "".join(f"\t{answer}\n" for answer in answers) + f"\t{general}\n}}"


def _feedback(text: str | None) -> str:
    return f"#{markdown(text)}" if text and text.strip() else ""


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


class _Writer:
    """The helpers above, for the types' `gift` hooks (builder/questions/base.py GiftWriter)."""

    markdown = staticmethod(markdown)
    escape = staticmethod(escape)
    line = staticmethod(_line)
    feedback = staticmethod(_feedback)


_WRITER = _Writer()
