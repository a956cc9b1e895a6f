"""Property-based tests: generated valid quizzes and mutations of them.

The loader never crashes, whatever the file holds; every valid quiz checks clean, renders, and
its quiz data survives as JSON. `max_examples` stays small so CI stays fast.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import yaml
from course_helpers import make_course
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from builder.check import check_course
from builder.models import normalize_answer
from builder.pages.module import ModulePages
from builder.render import QuizText, RenderContext

SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("HYPOTHESIS_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LOCATED = re.compile(r"^[\w./-]+:\d+:\d+: (error|warning): ")

# Text full of the characters that break naive HTML, YAML, GIFT and JSON handling. Not the word
# TODO: a placeholder left in a quiz is an error (`placeholder`), so such a quiz is not valid.
text = st.text(
    alphabet=string.ascii_letters + string.digits + " <>&\"'{}[]:#~=\\/*_`|-!?éñ漢\u2028", min_size=1, max_size=40
).filter(lambda s: s.strip() != "" and normalize_answer(s) != "" and not re.search(r"\bTODO\b", s))
slug = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?", fullmatch=True)


@st.composite
def question(draw, qid: str) -> dict:
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "matching", "ordering", "short_answer"]))
    q: dict = {
        "id": qid,
        "type": kind,
        "objectives": ["recall", "apply"],
        "prompt": draw(text),
        "explanation": draw(text),
    }
    if kind in ("single", "true_false", "multiple"):
        n = 2 if kind == "true_false" else draw(st.integers(2, 5))
        correct = draw(st.sets(st.integers(0, n - 1), min_size=1, max_size=1 if kind != "multiple" else n))
        q["options"] = [
            {
                "text": draw(text),
                **({"correct": True} if i in correct else {}),
                **({"feedback": draw(text)} if draw(st.booleans()) else {}),
            }
            for i in range(n)
        ]
        q["shuffle"] = draw(st.booleans())
    elif kind == "matching":
        lefts = draw(st.lists(text, min_size=2, max_size=4, unique_by=normalize_answer))
        rights = draw(st.lists(text, min_size=len(lefts), max_size=len(lefts), unique_by=normalize_answer))
        q["pairs"] = [{"left": left, "right": right} for left, right in zip(lefts, rights)]
    elif kind == "ordering":
        q["items"] = draw(st.lists(text, min_size=2, max_size=5, unique_by=normalize_answer))
    else:
        q["accepted"] = draw(st.lists(text, min_size=1, max_size=3, unique_by=normalize_answer))
    return q


@st.composite
def quiz(draw) -> dict:
    ids = draw(st.lists(slug, min_size=2, max_size=5, unique=True))
    return {"module": "basics", "questions": [draw(question(qid)) for qid in ids]}


def _course(tmp_path_factory) -> Path:
    return make_course(tmp_path_factory.mktemp("prop") / "c")


@SETTINGS
@given(data=quiz())
def test_valid_quizzes_check_clean_and_render(tmp_path_factory, data):
    root = _course(tmp_path_factory)
    (root / "quizzes" / "basics.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    course, report = check_course(root)
    assert [d.format() for d in report if d.level.value == "error"] == []
    html = ModulePages(RenderContext(course)).quiz(course.modules[0], course.quizzes[0].quiz)
    payload = re.search(r'<script type="application/json" class="cb-quiz__data">(.*?)</script>', html, re.DOTALL)
    assert payload is not None and "</" not in payload.group(1)
    assert [q["id"] for q in json.loads(payload.group(1))[0]["questions"]] == [q["id"] for q in data["questions"]]
    assert "<script>" not in html.replace('<script type="application/json" class="cb-quiz__data">', "")
    for module in ("gift", "qti"):
        try:
            export = __import__(f"builder.exports.{module}", fromlist=["export"]).export
        except ImportError:
            continue
        assert export(course).data  # every valid quiz survives the exports


mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(
        st.just("insert"),
        st.integers(0, 10_000),
        st.sampled_from(list(":-[]{}#&*!|>'\"\t\n \x00\u00e9") + ["yes", "No", "~", "@", "%"]),
    ),
    st.tuples(st.just("swap-lines"), st.integers(0, 200), st.integers(0, 200)),
    st.tuples(st.just("truncate"), st.integers(0, 10_000)),
)


def _mutate(text: str, steps) -> str:
    for step in steps:
        if step[0] == "delete" and text:
            i = step[1] % len(text)
            text = text[:i] + text[i + 1 :]
        elif step[0] == "insert":
            i = step[1] % (len(text) + 1)
            text = text[:i] + step[2] + text[i:]
        elif step[0] == "swap-lines":
            lines = text.split("\n")
            a, b = step[1] % len(lines), step[2] % len(lines)
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
        elif step[0] == "truncate":
            text = text[: step[1] % (len(text) + 1)]
    return text


@SETTINGS
@given(
    data=quiz(),
    steps=st.lists(mutation, min_size=1, max_size=4),
    where=st.sampled_from(["quizzes/basics.yml", "modules/01-basics.md"]),
)
def test_mutated_files_never_crash_the_loader(tmp_path_factory, data, steps, where):
    root = _course(tmp_path_factory)
    (root / "quizzes" / "basics.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    file = root / where
    file.write_text(_mutate(file.read_text(encoding="utf-8"), steps), encoding="utf-8")
    course, report = check_course(root)  # must not raise
    text = report.format_text()
    for line in text.splitlines():
        assert (
            LOCATED.match(line) or line.startswith(("  hint: ", "Found ", "No problems")) or " more problem" in line
        ), line
    if not report.errors:
        ModulePages(RenderContext(course)).quiz(course.modules[0], course.quizzes[0].quiz)


# Markdown-heavy fragments: lists, quotes, code, headings, emphasis and links across lines.
markdown_piece = st.sampled_from(
    [
        "- item",
        "1. first",
        "> quote",
        "    code",
        "# Title",
        "*em*",
        "**strong**",
        "`code`",
        "[link](https://example.org)",
        "[ref][r]",
        "<b>raw</b>",
        "a  ",
        "---",
        "\\",
        "\n",
        "\n\n",
        " ",
        "text",
        "Title\n===",
        "* * *",
        "2) two",
        "\t",
    ]
)
fragment = st.lists(st.one_of(markdown_piece, text), min_size=1, max_size=8).map("".join)


@SETTINGS
@given(texts=st.lists(fragment, min_size=1, max_size=12))
def test_fragments_converted_together_match_one_by_one(texts):
    renderer = QuizText()  # the converter alone, as the exports use it: no course, no pages
    # Python-Markdown sometimes leaks an inline-stash placeholder (`klzzwxh:0001`) into its
    # output for tangled emphasis; alone or in company it is the same leak with another number.
    def same(html: list) -> list[str]:
        return [re.sub("klzzwxh:\\d+", "klzzwxh:", str(h)) for h in html]

    assert same(renderer.blocks(texts)) == same([renderer.block(t) for t in texts])


# Plain sentences and their near misses: block starts, specials, odd spaces, digits and dots.
plain_piece = st.sampled_from(
    [
        "word",
        " ",
        "  ",
        ".",
        ",",
        "?",
        ":",
        ";",
        "'",
        '"',
        "(",
        ")",
        "%",
        "$",
        "/",
        "-",
        "+",
        "=",
        ">",
        "1",
        "12",
        "1.",
        "2)",
        "é",
        "—",
        "’",
        "\u00a0",
        "\u2028",
        "\u3000",
        "\x85",
        "\t",
        "*",
        "_",
        "`",
        "[",
        "&",
        "<",
        "#",
        "!",
        "\\",
        "~",
        "|",
        "{",
        "}",
    ]
)


@SETTINGS
@given(text=st.lists(plain_piece, min_size=1, max_size=10).map("".join))
@example(text='a *b* c')
@example(text='a **b** c')
@example(text='a _b_ c')
@example(text='x`y`z')
@example(text='a [b](https://e.org) c')
@example(text='a &amp; b')
@example(text='a &copy; b')
@example(text='a <b>c</b>')
@example(text='a \\\\* b')
@example(text='a # b')
@example(text='5. x')
@example(text='1) x')
@example(text='- x')
@example(text='+ x')
@example(text='* x')
@example(text='> x')
@example(text='= x')
@example(text='a\xa0')
@example(text='a\u2028b')
@example(text='a\u3000')
@example(text='a\tb')
@example(text='x  y')
@example(text='a!b')
@example(text='a![b](c)')
@example(text='---')
@example(text='2024 was a year.')
@example(text='He said "no" (twice): 50% / 3;')
def test_plain_fragments_skip_the_parser_only_when_it_would_change_nothing(text):
    renderer = QuizText()
    assert renderer.block(text) == renderer.convert(text)


# Sentences with the Markdown trainers put in options, feedback and explanations, and near misses:
# marks without their pair, marks inside words, nesting, unsafe or odd link targets, entities.
simple_piece = st.sampled_from(
    [
        "word",
        "two words",
        " ",
        "\n\n",
        "\n\n\n",
        "\n\n    ",
        "\n\n- ",
        "\n\n1. ",
        ".",
        ",",
        "?",
        ":",
        "(",
        ")",
        "'",
        '"',
        "-",
        "1.",
        "*",
        "**",
        "_",
        "__",
        "`",
        "``",
        "[",
        "]",
        "](",
        "https://e.org/a#b",
        "http://e.org/x?y=1",
        "javascript:x",
        "mailto:a@b.c",
        "&",
        "<",
        "!",
        "\\",
        "\n",
        "\t",
        "\u00a0",
        "#",
        "~",
        "*em*",
        "**strong**",
        "`code_x`",
        "[link](https://example.org/guide#s-1)",
        "[a](https://e.org)b",
        "*a **b** c*",
        "`a & b`",
        "` a`",
        "[*x*](https://e.org)",
        "*a*b",
        "a*b*",
    ]
)


@SETTINGS
@given(text=st.lists(simple_piece, min_size=1, max_size=10).map("".join))
@example(text="Note written learn *child* case always.")
@example(text="Plan attorney `interpreter_needed` salon.")
@example(text="Local **these** notice. See [the guide, section 9](https://example.org/guide#section-9).")
@example(text="(*a*) and *b*, *c*; *d*: *e*? **f**.")
@example(text="a *b*c")
@example(text="a*b* c")
@example(text="*a* b")
@example(text="a * b * c")
@example(text="a ** b ** c")
@example(text="a *b *c")
@example(text="a `b`c `d` e")
@example(text="a ``b`` c")
@example(text="a [b](https://e.org/x(y)) c")
@example(text="a [b](https://e.org \"t\") c")
@example(text="a [b] (https://e.org) c")
@example(text="[b](https://e.org)")
@example(text="1. [b](https://e.org)")
@example(text="a `<b>` c")
@example(text="`code_x``code_x`")
@example(text="a\n")
@example(text="a *b*\n\nc [d](https://e.org).\n")
@example(text="a\n\nb\n\nc")
@example(text="a\n\n\nb")
@example(text="a\n\n")
@example(text="\n\na")
@example(text="a\n\n- b")
@example(text="a\n\n    b")
@example(text="a\n\n1. b")
@example(text="a\nb")
@example(text="a\n\n=")
@example(text="a \\`b` c")
def test_simple_fragments_skip_the_parser_only_when_it_would_change_nothing(tmp_path_factory, text):
    if "renderer" not in _ONE:
        course, _ = check_course(_course(tmp_path_factory))
        _ONE["renderer"] = RenderContext(course)
    renderer = _ONE["renderer"]
    assert renderer.block(text) == renderer.convert(text)


_ONE: dict[str, RenderContext] = {}  # one renderer for the many examples above (loading a course each time is slow)


def test_the_markdown_of_realistic_questions_skips_the_parser():
    """Emphasis, strong, a code span and a web link in a sentence take the short way (a sixth of
    the benchmark's realistic build went into parsing them)."""
    from builder.render import _simple

    for text in (
        "Note written learn *child* case.",
        "Plan `interpreter_needed` salon.",
        "Local **these** notice.",
        "See [the guide, section 9](https://example.org/guide#section-9).",
        "(*a*), **b**; `c`: [d](http://e.org/f?g=1)?",
    ):
        assert _simple(text) is not None, text


NORMALIZE_VECTORS = json.loads(
    (Path(__file__).parent / "vectors" / "normalize.json").read_text(encoding="utf-8"),
)["cases"]


def test_answer_normalization_matches_the_shared_vectors():
    """The same cases run against quiz.js in tests/browser/test_question_types.py."""
    assert [normalize_answer(case["input"]) for case in NORMALIZE_VECTORS] == [
        case["expected"] for case in NORMALIZE_VECTORS
    ]
