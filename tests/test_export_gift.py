"""Moodle GIFT export, checked with an independent parser: gift-pegjs (npm, run by Node).

gift-pegjs is a PEG grammar of GIFT (also behind the VS Code GIFT extension), not our code. It reads
answer positions the way Moodle does, with three quirks handled here: true/false feedback is named
`trueFeedback`/`falseFeedback` but is positional (Moodle: wrong answer's feedback, then right
answer's), the right side of a matching pair is returned with its escapes still encoded as
`&&NNN;` placeholders (Moodle decodes them), and it needs `node_modules` (`npm ci`).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from course_helpers import REPO, make_course

from builder.check import check_course
from builder.cli import cli
from builder.exports.gift import MOODLE_FRACTIONS, NotExpressible, export, question_gift
from builder.loader import load_course
from builder.models import Matching, ShortAnswer, Single

PARSER = REPO / "tests" / "js" / "gift-parse.mjs"
ORDERING_SKIPPED = (
    "basics/steps: ordering questions cannot be expressed in GIFT (Moodle's GIFT format has no ordering type)"
)

# The fixture course (tests/fixtures/minimal) as GIFT, byte for byte; choice options in the site's
# order (builder/arrange.py), pinned "None of the above" last.
EXPECTED_MINIMAL = """\
// Minimal course (minimal, version 1.0): question bank for Moodle (GIFT), made by the course builder.
// Import it with "Get category from file" ticked: one category per module.

$CATEGORY: $course$/minimal/01 Basics

::basics/rule::[markdown]What is the rule?{
\t~[markdown]It is hard.#[markdown]No, it is simple.
\t=[markdown]It is simple.#[markdown]Yes, it is.
\t####[markdown]The rulebook says the rule is simple.
}

::basics/many::[markdown]Which are true?{
\t~%-100%[markdown]Three
\t~%50%[markdown]One
\t~%50%[markdown]Two
\t####[markdown]One and two are.
}

::basics/tf::[markdown]The rule is simple.{T####[markdown]It is.}

::basics/pairs::[markdown]Match each step with what it does.{
\t=[markdown]Learn -> Read the rule
\t=[markdown]Apply -> Use the rule
\t=[markdown]Review -> Check the result
\t####[markdown]You learn, then apply, then review.
}

::basics/word::[markdown]In one word, what is the rule?{
\t=%100%Simple
\t=%100%very simple
\t####[markdown]The rule is simple.
}

::basics/shuffled::[markdown]Which is true?{
\t~[markdown]The rule is hard.
\t=[markdown]The rule is simple.
\t~[markdown]None of the above.
\t####[markdown]The rule is simple.
}
"""


# -- helpers ------------------------------------------------------------------------------------
def oracle(gift: str | bytes) -> list[dict]:
    """Parse GIFT with gift-pegjs; fail the test with its message if it does not parse."""
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail(
            "the GIFT oracle needs Node.js and gift-pegjs: run `npm ci` in the repository (./scripts/test does)"
        )
    text = gift.decode("utf-8") if isinstance(gift, bytes) else gift
    result = subprocess.run(
        [node, str(PARSER)],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"gift-pegjs refused the export:\n{result.stderr}\n{text}"
    return json.loads(result.stdout)


def by_title(parsed: list[dict]) -> dict[str, dict]:
    return {item["title"]: item for item in parsed if item["type"] != "Category"}


def categories(parsed: list[dict]) -> list[str]:
    return [item["title"] for item in parsed if item["type"] == "Category"]


PLACEHOLDERS = {
    "&&092;": "\\",
    "&&058;": ":",
    "&&035;": "#",
    "&&061;": "=",
    "&&123;": "{",
    "&&125;": "}",
    "&&126;": "~",
    "&&010": "\n",
}


def decoded(text: str) -> str:
    """gift-pegjs leaves a matching pair's right side encoded; decode it as Moodle does."""
    for placeholder, char in PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return text


def moodle_category(line_text: str) -> list[str]:
    """Moodle reading a `$CATEGORY:` path: its escape pass (`\\\\` is `\\`), then split_category_path()."""
    text = line_text.replace("\\\\", "\\")
    return [name.replace("//", "/").strip() for name in re.split(r"(?<!/)/(?!/)", text)]


def md(text: str) -> dict:
    return {"format": "markdown", "text": text}


def loaded(root: Path):
    course, report = check_course(root)
    assert report.errors == 0, report.format_text()
    return course


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):  # type: ignore[no-untyped-def]
        return True  # course files refuse YAML aliases


def quiz_file(questions: list[dict]) -> str:
    return yaml.dump(
        {"module": "basics", "questions": questions},
        Dumper=_NoAliases,
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    return make_course(tmp_path / "minimal")


# -- the fixture course -------------------------------------------------------------------------
def test_exports_every_question_but_ordering(minimal):
    result = export(loaded(minimal))
    assert result.items == 6
    assert result.skipped == [ORDERING_SKIPPED]
    assert result.data.decode("utf-8") == EXPECTED_MINIMAL


def test_oracle_reads_each_question_of_the_fixture(minimal):
    parsed = oracle(export(loaded(minimal)).data)
    assert [item["type"] for item in parsed] == ["Category", "MC", "MC", "TF", "Matching", "Short", "MC"]
    assert categories(parsed) == ["$course$/minimal/01 Basics"]
    questions = by_title(parsed)
    assert list(questions) == [
        "basics/rule",
        "basics/many",
        "basics/tf",
        "basics/pairs",
        "basics/word",
        "basics/shuffled",
    ]
    assert "basics/steps" not in questions  # ordering: reported, not exported

    rule = questions["basics/rule"]
    assert rule["stem"] == md("What is the rule?")
    assert [(c["isCorrect"], c["weight"], c["text"], c["feedback"]) for c in rule["choices"]] == [
        (False, None, md("It is hard."), md("No, it is simple.")),
        (True, None, md("It is simple."), md("Yes, it is.")),
    ]
    assert rule["globalFeedback"] == md("The rulebook says the rule is simple.")

    many = questions["basics/many"]
    assert [(c["isCorrect"], c["weight"], c["text"]["text"], c["feedback"]) for c in many["choices"]] == [
        (False, -100, "Three", None),
        (False, 50, "One", None),
        (False, 50, "Two", None),
    ]
    # No `=` answer: Moodle makes it a multiple-answer question scored by the weights.
    assert sum(c["weight"] for c in many["choices"] if c["weight"] > 0) == 100
    assert many["globalFeedback"] == md("One and two are.")

    tf = questions["basics/tf"]
    assert tf["isTrue"] is True and tf["trueFeedback"] is None and tf["falseFeedback"] is None
    assert tf["stem"] == md("The rule is simple.") and tf["globalFeedback"] == md("It is.")

    pairs = questions["basics/pairs"]
    assert [(p["subquestion"], p["subanswer"]) for p in pairs["matchPairs"]] == [
        (md("Learn"), "Read the rule"),
        (md("Apply"), "Use the rule"),
        (md("Review"), "Check the result"),
    ]
    assert pairs["globalFeedback"] == md("You learn, then apply, then review.")

    word = questions["basics/word"]
    assert [(c["isCorrect"], c["weight"], c["text"]["text"]) for c in word["choices"]] == [
        (True, 100, "Simple"),
        (True, 100, "very simple"),
    ]
    assert word["globalFeedback"] == md("The rule is simple.")

    shuffled = questions["basics/shuffled"]
    assert [(c["isCorrect"], c["text"]["text"]) for c in shuffled["choices"]] == [
        (False, "The rule is hard."),
        (True, "The rule is simple."),
        (False, "None of the above."),
    ]


def test_same_course_same_bytes(tmp_path):
    first = export(loaded(make_course(tmp_path / "a"))).data
    second = export(loaded(make_course(tmp_path / "elsewhere" / "b"))).data
    assert first == second
    assert first.endswith(b"}\n") and b"\r" not in first and not first.startswith(b"\xef\xbb\xbf")


def test_questions_are_separated_by_one_blank_line(minimal):
    text = export(loaded(minimal)).data.decode("utf-8")
    blocks = text.rstrip("\n").split("\n\n")
    assert len(blocks) == 1 + 1 + 6  # header, category, questions
    assert all(block.strip() and "\n\n" not in block for block in blocks)
    assert not any(line.strip() == "" for block in blocks for line in block.split("\n"))


# -- the command --------------------------------------------------------------------------------
def test_cli_writes_the_file_and_reports_the_ordering_question(minimal, tmp_path):
    out = tmp_path / "out" / "bank.gift"
    result = run("export", "gift", "--root", str(minimal), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == EXPECTED_MINIMAL.encode("utf-8")
    assert f"not exported: {ORDERING_SKIPPED}" in result.stderr
    assert result.stdout.strip() == f"Wrote 6 questions to {out}; 1 not expressible in GIFT (listed above)."
    assert not list(out.parent.glob(".*.tmp"))
    oracle(out.read_bytes())


def test_cli_refuses_to_overwrite_without_force(minimal, tmp_path):
    out = tmp_path / "bank.gift"
    out.write_text("keep me", encoding="utf-8")
    result = run("export", "gift", "--root", str(minimal), "-o", str(out))
    assert result.exit_code == 1
    assert "exists; pass --force to overwrite it" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"

    result = run("export", "gift", "--root", str(minimal), "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == EXPECTED_MINIMAL.encode("utf-8")


def test_cli_twice_gives_the_same_bytes(minimal, tmp_path):
    out = tmp_path / "bank.gift"
    assert run("export", "gift", "--root", str(minimal), "-o", str(out)).exit_code == 0
    first = out.read_bytes()
    assert run("export", "gift", "--root", str(minimal), "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes() == first


def test_cli_exports_nothing_from_a_course_with_errors(tmp_path):
    root = make_course(
        tmp_path / "broken",
        [
            (
                "quizzes/basics.yml",
                "        correct: true\n        feedback: Yes",
                "        corect: true\n        feedback: Yes",
            )
        ],
    )
    out = tmp_path / "bank.gift"
    result = run("export", "gift", "--root", str(root), "-o", str(out))
    assert result.exit_code == 1
    assert "unknown key `corect`" in result.stderr and "Export stopped" in result.stderr
    assert not out.exists()


# -- mapping details ----------------------------------------------------------------------------
CHOICE_OBJECTIVES = ["recall", "apply"]


def one_quiz(tmp_path: Path, questions: list[dict], title: str | None = None) -> Path:
    """A course whose one quiz holds `questions`, choice options shown as written (these tests read
    escaping and weights by position; the fixture course's tests cover the arranged order)."""
    questions = [
        {**q, "keep_order": True} if q["type"] in ("single", "multiple") and "keep_order" not in q else q
        for q in questions
    ]
    edits = [("quizzes/basics.yml", quiz_file(questions))]
    if title is not None:
        edits.append(("modules/01-basics.md", "title: Basics", f"title: {json.dumps(title)}"))
    return make_course(tmp_path / "course", edits)


def test_true_false_feedback_in_moodle_order_and_yes_no_as_single(tmp_path):
    root = one_quiz(tmp_path, [
        {"id": "tf", "type": "true_false", "objectives": CHOICE_OBJECTIVES, "prompt": "One indicator is proof.",
         "options": [{"text": "True", "feedback": "No: an indicator is a reason to look closer."},
                     {"text": "False", "correct": True, "feedback": "Right: never proof on its own."}],
         "explanation": "Indicators point to questions to ask."},
        {"id": "tf-right-only", "type": "true_false", "objectives": CHOICE_OBJECTIVES, "prompt": "Ask open questions.",
         "options": [{"text": "True", "correct": True, "feedback": "Yes."}, {"text": "False"}],
         "explanation": "Open questions help."},
        {"id": "yes-no", "type": "true_false", "objectives": CHOICE_OBJECTIVES, "prompt": "Call the hotline?",
         "options": [{"text": "Yes", "correct": True, "feedback": "Good."}, {"text": "No", "feedback": "Call it."}],
         "explanation": "Always call."},
    ])
    data = export(loaded(root)).data.decode("utf-8")
    assert ("{F#[markdown]No\\: an indicator is a reason to look closer.#[markdown]Right\\: never proof on its own."
            "####[markdown]Indicators point to questions to ask.}") in data
    assert "{T##[markdown]Yes.####[markdown]Open questions help.}" in data
    questions = by_title(oracle(data))

    tf = questions["basics/tf"]
    assert tf["type"] == "TF" and tf["isTrue"] is False
    # Positional (Moodle): first the feedback for the wrong answer ("True"), then for the right one.
    assert tf["trueFeedback"] == md("No: an indicator is a reason to look closer.")
    assert tf["falseFeedback"] == md("Right: never proof on its own.")
    assert tf["globalFeedback"] == md("Indicators point to questions to ask.")

    right_only = questions["basics/tf-right-only"]
    assert (
        right_only["isTrue"] is True
        and right_only["trueFeedback"] is None
        and right_only["falseFeedback"] == md("Yes.")
    )

    yes_no = questions["basics/yes-no"]
    assert yes_no["type"] == "MC"
    assert [(c["isCorrect"], c["text"]["text"], c["feedback"]) for c in yes_no["choices"]] == [
        (True, "Yes", md("Good.")),
        (False, "No", md("Call it.")),
    ]


def test_multiple_weights_sum_to_100_and_wrong_choices_cost_everything(tmp_path):
    options = [{"text": f"Right {n}", "correct": True} for n in range(3)] + [
        {"text": "Wrong", "feedback": "Not this one."}
    ]
    all_right = [{"text": "A", "correct": True}, {"text": "B", "correct": True}]
    root = one_quiz(
        tmp_path,
        [
            {
                "id": "three",
                "type": "multiple",
                "objectives": CHOICE_OBJECTIVES,
                "prompt": "Pick three.",
                "options": options,
                "explanation": "Three.",
            },
            {
                "id": "all",
                "type": "multiple",
                "objectives": CHOICE_OBJECTIVES,
                "prompt": "Pick both.",
                "options": all_right,
                "explanation": "Both.",
            },
        ],
    )
    questions = by_title(oracle(export(loaded(root)).data))
    for title, right, wrong in (("basics/three", 3, 1), ("basics/all", 2, 0)):
        choices = questions[title]["choices"]
        assert questions[title]["type"] == "MC" and not any(c["isCorrect"] for c in choices)  # no `=`: multiple answers
        weights = [c["weight"] for c in choices]
        positive = [w for w in weights if w > 0]
        assert len(positive) == right and abs(sum(positive) - 100) < 0.001  # a fully right answer scores 100%
        assert weights.count(-100) == wrong  # any wrong choice: the sum drops to 0 or below (Moodle scores 0)
        assert all(
            any(abs(w / 100 - f) < 0.00001 or abs(w / 100 + f) < 0.00001 for f in MOODLE_FRACTIONS) for w in weights
        )
    assert [c["weight"] for c in questions["basics/three"]["choices"]] == [33.33333, 33.33333, 33.33333, -100]
    assert questions["basics/three"]["choices"][3]["feedback"] == md("Not this one.")


def test_multiple_with_a_weight_moodle_cannot_store_is_skipped(tmp_path):
    options = [{"text": f"Right {n}", "correct": True} for n in range(11)] + [{"text": "Wrong"}]
    root = one_quiz(
        tmp_path,
        [
            {
                "id": "eleven",
                "type": "multiple",
                "objectives": CHOICE_OBJECTIVES,
                "prompt": "Pick eleven.",
                "options": options,
                "explanation": "Eleven.",
            },
            {
                "id": "steps",
                "type": "ordering",
                "objectives": ["apply"],
                "prompt": "Order.",
                "items": ["First", "Second"],
                "explanation": "So.",
            },
        ],
    )
    result = export(loaded(root))
    assert result.items == 0
    assert result.skipped == [
        (
            "basics/eleven: with 11 right options each would weigh 9.09091%, "
            "which is not one of Moodle's grade options (it has 100/k % only for 1 to 10 or 20 right options)"
        ),
        ORDERING_SKIPPED,
    ]
    assert "$CATEGORY" not in result.data.decode("utf-8")  # no empty category


def test_short_answers_are_plain_deduplicated_and_literal(tmp_path):
    root = one_quiz(
        tmp_path,
        [
            {
                "id": "word",
                "type": "short_answer",
                "objectives": CHOICE_OBJECTIVES,
                "prompt": "Name it.",
                "accepted": ["T-visa", "t-VISA", "very   simple", "a*b = c: {d} #e ~f \\g", "[html] not a format"],
                "explanation": "So.",
            },
            {
                "id": "arrow",
                "type": "short_answer",
                "objectives": CHOICE_OBJECTIVES,
                "prompt": "Arrow?",
                "accepted": ["a -> b"],
                "explanation": "So.",
            },
        ],
    )
    # `course check` refuses the duplicate ("T-visa", "t-VISA"); the exporter still keeps one only.
    course, report = load_course(root)
    assert report.errors == 0, report.format_text()
    result = export(course)
    assert result.skipped == [
        "basics/arrow: the accepted answer 'a -> b' contains `->`, which Moodle would read as a matching question"
    ]
    word = by_title(oracle(result.data))["basics/word"]
    assert word["type"] == "Short"
    # `*` is Moodle's short-answer wildcard: `\*` matches a literal asterisk.
    assert [(c["weight"], c["text"]["text"]) for c in word["choices"]] == [
        (100, "T-visa"), (100, "very simple"), (100, "a\\*b = c: {d} #e ~f \\g"), (100, "[html] not a format")
    ]
    assert word["choices"][3]["text"]["format"] == "plain"


SPECIAL = "Radio code 10~4 = OK #1 {ack}: a \\ backslash, C:\\new\\table, 50% and a colon:"
MARKDOWN_BLOCK = (
    "Read **carefully**: `{x}` ~ *y* = z #1\n\n"
    "- a [link](https://example.org/a?b=c#frag)\n"
    "- 18 U.S.C. § 1592 — café\n"
    "// not a comment\n"
    "::not a title:: $CATEGORY: nor a category\n\n"
    "> quoted {braces} and a trailing backslash \\"
)


def test_special_characters_and_markdown_round_trip(tmp_path):
    questions = [
        {
            "id": "single",
            "type": "single",
            "objectives": CHOICE_OBJECTIVES,
            "prompt": MARKDOWN_BLOCK,
            "options": [
                {"text": "%50% is not a weight", "feedback": "#### not general feedback; ends in \\"},
                {"text": "[html] is not a format", "feedback": SPECIAL},
                {
                    "text": "step -> next, `=` {right}",
                    "correct": True,
                    "feedback": "=yes= ~ {} \\n is not a line break",
                },
                {"text": "[DHS](https://www.dhs.gov/blue-campaign) link ending in \\", "feedback": MARKDOWN_BLOCK},
            ],
            "explanation": MARKDOWN_BLOCK + "\n\n" + SPECIAL,
        },
        {
            "id": "multiple",
            "type": "multiple",
            "objectives": CHOICE_OBJECTIVES,
            "prompt": SPECIAL,
            "options": [
                {"text": "a -> b ~ c", "correct": True, "feedback": "x -> y"},
                {"text": SPECIAL, "correct": True},
                {"text": "::x::"},
            ],
            "explanation": "#",
        },
        {
            "id": "pairs",
            "type": "matching",
            "objectives": ["apply"],
            "prompt": "Match {these}:",
            "pairs": [
                {"left": "A -> B = {1}", "right": "one: #1 ~ \\"},
                {"left": "**two**\nlines", "right": "two\nlines -> as one"},
            ],
            "explanation": SPECIAL,
        },
        {
            "id": "steps",
            "type": "ordering",
            "objectives": ["apply"],
            "prompt": "Order {x}.",
            "items": ["a", "b"],
            "explanation": "So.",
        },
    ]
    root = one_quiz(tmp_path, questions, title="Basics: A/B \\ C {1} #2")
    result = export(loaded(root))
    assert result.items == 3 and result.skipped == [ORDERING_SKIPPED]
    parsed = oracle(result.data)

    (category,) = categories(parsed)
    assert category == "$course$/minimal/01 Basics: A//B \\\\ C {1} #2"
    assert moodle_category(category) == ["$course$", "minimal", "01 Basics: A/B \\ C {1} #2"]

    found = by_title(parsed)
    single = found["basics/single"]
    assert single["type"] == "MC"
    assert single["stem"] == md(MARKDOWN_BLOCK)
    assert [(c["isCorrect"], c["weight"], c["text"], c["feedback"]) for c in single["choices"]] == [
        (False, None, md("%50% is not a weight"), md("#### not general feedback; ends in \\")),
        (False, None, md("[html] is not a format"), md(SPECIAL)),
        # A right (`=`) option: `->` is written as the Markdown escape `-\>` (renders as `->`).
        (True, None, md("step -\\> next, `=` {right}"), md("=yes= ~ {} \\n is not a line break")),
        (False, None, md("[DHS](https://www.dhs.gov/blue-campaign) link ending in \\"), md(MARKDOWN_BLOCK)),
    ]
    assert single["globalFeedback"] == md(MARKDOWN_BLOCK + "\n\n" + SPECIAL)

    multiple = found["basics/multiple"]
    assert multiple["stem"] == md(SPECIAL)
    assert [(c["weight"], c["text"], c["feedback"]) for c in multiple["choices"]] == [
        (50, md("a -> b ~ c"), md("x -> y")),
        (50, md(SPECIAL), None),
        (-100, md("::x::"), None),
    ]
    assert multiple["globalFeedback"] == md("#")

    pairs = found["basics/pairs"]
    assert pairs["stem"] == md("Match {these}:")
    assert [(p["subquestion"], decoded(p["subanswer"])) for p in pairs["matchPairs"]] == [
        (md("A -\\> B = {1}"), "one: #1 ~ \\"),
        (md("**two**\nlines"), "two lines -> as one"),
    ]
    assert pairs["globalFeedback"] == md(SPECIAL)


def test_non_ascii_text_is_utf8(tmp_path):
    root = one_quiz(
        tmp_path,
        [
            {
                "id": "u",
                "type": "single",
                "objectives": CHOICE_OBJECTIVES,
                "prompt": "Trata de personas — ¿qué es? 人口贩卖 🚩",
                "options": [{"text": "Sí", "correct": True}, {"text": "Nein, ß"}],
                "explanation": "§ 1592.",
            },
        ],
    )
    data = export(loaded(root)).data
    assert "Trata de personas — ¿qué es? 人口贩卖 🚩".encode() in data
    assert by_title(oracle(data))["basics/u"]["stem"] == md("Trata de personas — ¿qué es? 人口贩卖 🚩")


FUZZ_ALPHABET = "~=#{}:\\%[]*/->|`_!?<>&'\"$ \t\nabcXYZ09é漢—"


def test_random_texts_round_trip(tmp_path):
    """900 random texts of GIFT's special characters: escaped, parsed back, equal (a fixed seed)."""
    rng = random.Random(20261129)

    def text() -> str:
        while True:
            value = "".join(rng.choice(FUZZ_ALPHABET) for _ in range(rng.randint(1, 30)))
            if value.strip():
                return value

    blocks, expected = [], {}
    for n in range(60):
        single = Single.model_validate({
            "id": f"s{n}", "type": "single", "objectives": ["x"], "prompt": text(), "explanation": text(),
            "options": [{"text": text(), "correct": True, "feedback": text()}, {"text": text(), "feedback": text()}],
        })
        blocks.append(question_gift(f"m/s{n}", single))
        expected[f"m/s{n}"] = single
        pairs = Matching.model_validate({
            "id": f"p{n}", "type": "matching", "objectives": ["x"], "prompt": text(), "explanation": text(),
            "pairs": [{"left": text(), "right": text()}, {"left": text(), "right": text()}],
        })
        blocks.append(question_gift(f"m/p{n}", pairs))
        expected[f"m/p{n}"] = pairs
        short = ShortAnswer.model_validate(
            {
                "id": f"a{n}",
                "type": "short_answer",
                "objectives": ["x"],
                "prompt": text(),
                "explanation": text(),
                "accepted": [text()],
            }
        )
        try:
            blocks.append(question_gift(f"m/a{n}", short))
            expected[f"m/a{n}"] = short
        except NotExpressible as reason:
            assert "->" in short.accepted[0], reason

    found = by_title(oracle("\n\n".join(blocks) + "\n"))
    assert list(found) == list(expected)
    for title, question in expected.items():
        parsed = found[title]
        assert parsed["stem"] == md(question.prompt.strip())
        assert parsed["globalFeedback"] == md(question.explanation.strip())
        if isinstance(question, Single):
            right, wrong = question.options
            assert [(c["isCorrect"], c["text"], c["feedback"]) for c in parsed["choices"]] == [
                (True, md(right.text.strip().replace("->", "-\\>")), md(right.feedback.strip())),
                (False, md(wrong.text.strip()), md(wrong.feedback.strip())),
            ]
        elif isinstance(question, Matching):
            assert [(p["subquestion"], decoded(p["subanswer"])) for p in parsed["matchPairs"]] == [
                (md(pair.left.strip().replace("->", "-\\>")), " ".join(pair.right.split())) for pair in question.pairs
            ]
        else:
            assert [c["text"]["text"] for c in parsed["choices"]] == [
                " ".join(question.accepted[0].split()).replace("*", "\\*")
            ]


# -- links and citations: Moodle has no course site ------------------------------------------------
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")  # a picture of the course


def test_citations_become_source_titles_and_links_to_the_course_become_text(tmp_path):
    """`[@id]` would reach trainees as text and `basics.md` as a dead link: Moodle shows the
    question without the site. A citation is its source's title (linked to the source), a link
    to the course's own pages its text, a picture of the course its text alternative; web links stay."""
    root = one_quiz(
        tmp_path,
        [
            {
                "id": "cited",
                "type": "single",
                "objectives": CHOICE_OBJECTIVES,
                "prompt": (
                    "What does the rulebook say [@rulebook]? Read [the rule](basics.md#the-rule) first.\n\n"
                    "![The flow of a case](../images/flow.png)"
                ),
                "options": [
                    {
                        "text": "It is simple.",
                        "correct": True,
                        "feedback": 'Yes [@rulebook]; see [the home page](../index.md "Home").',
                    },
                    {
                        "text": "It is hard, says [the ERA](https://example.org/era).",
                        "feedback": "No: `[@rulebook]` in code stays code.",
                    },
                ],
                "explanation": "See [the rule](01-basics.md) and [its source](basics.md#source-rulebook) [@rulebook].",
            },
        ],
    )
    (root / "course" / "images").mkdir()
    (root / "course" / "images" / "flow.png").write_bytes(PNG)
    data = export(loaded(root)).data.decode("utf-8")
    cite = "([The Rulebook](https://example.org/rulebook))"
    question = by_title(oracle(data))["basics/cited"]
    assert question["stem"] == md(f"What does the rulebook say {cite}? Read the rule first.\n\nThe flow of a case")
    assert [(c["text"], c["feedback"]) for c in question["choices"]] == [
        (md("It is simple."), md(f"Yes {cite}; see the home page.")),
        (md("It is hard, says [the ERA](https://example.org/era)."), md("No: `[@rulebook]` in code stays code.")),
    ]
    assert question["globalFeedback"] == md(f"See the rule and its source {cite}.")
    assert ".md" not in data and ".png" not in data
