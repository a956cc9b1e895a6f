"""Option order and item quality: what a trainee sees gives no key away, and the checks say when it does."""

from __future__ import annotations

import json
import re
from collections import Counter

from check_cases import CASES
from click.testing import CliRunner
from course_helpers import REPO, make_course

from builder.arrange import option_orders, scrambled
from builder.check import check_course
from builder.cli import cli
from builder.models import Quiz


def quiz(questions: list[dict]) -> Quiz:
    return Quiz.model_validate({"module": "m", "questions": questions})


def single(n: int, options: int = 3, key: int = 0, **extra: object) -> dict:
    opts = [{"text": f"Option {i} of {n}", **({"correct": True} if i == key else {})} for i in range(options)]
    return {
        "id": f"q{n}",
        "type": "single",
        "objectives": ["o"],
        "prompt": "P",
        "options": opts,
        "explanation": "E",
        **extra,
    }


def multiple(n: int, right: int, options: int = 5, **extra: object) -> dict:
    opts = [{"text": f"Option {i}", **({"correct": True} if i < right else {})} for i in range(options)]
    return {
        "id": f"m{n}",
        "type": "multiple",
        "objectives": ["o"],
        "prompt": "P",
        "options": opts,
        "explanation": "E",
        **extra,
    }


def key_slots(q: Quiz) -> list[int]:
    orders = option_orders(q)
    return [
        [q.questions[i].options[j].correct for j in orders[question.id]].index(True)  # type: ignore[union-attr]
        for i, question in enumerate(q.questions)
    ]


def test_keys_written_first_are_spread_evenly_and_the_same_every_time():
    q = quiz([single(n) for n in range(12)])
    assert Counter(key_slots(q)) == {0: 4, 1: 4, 2: 4}
    assert option_orders(q) == option_orders(quiz([single(n) for n in range(12)]))
    mixed = quiz([single(n, options=3 + n % 2) for n in range(14)])
    for k in (3, 4):
        slots = Counter(
            slot
            for question, slot in zip(mixed.questions, key_slots(mixed))
            if len(question.options) == k  # type: ignore[union-attr]
        )
        assert len(slots) == k and max(slots.values()) - min(slots.values()) <= 1  # even within each option count


def test_pinned_options_and_kept_orders_stay_where_they_are_written():
    pinned = single(1, options=4)
    pinned["options"][3]["pin"] = True
    q = quiz(
        [
            pinned,
            single(2, keep_order=True),
            {**single(3), "type": "true_false", "options": single(3, options=2, key=1)["options"]},
        ]
    )
    orders = option_orders(q)
    assert orders["q1"][3] == 3 and sorted(orders["q1"]) == [0, 1, 2, 3]
    assert orders["q2"] == (0, 1, 2) and orders["q3"] == (0, 1)


def test_right_options_never_lead_a_multiple_answer_item():
    q = quiz([multiple(n, right=1 + n % 4) for n in range(40)])
    for question in q.questions:
        shown = [question.options[i].correct for i in option_orders(q)[question.id]]  # type: ignore[union-attr]
        count = sum(shown)
        assert not all(shown[:count]), (question.id, shown)
    every = quiz([multiple(1, right=5)])
    assert sorted(option_orders(every)["m1"]) == [0, 1, 2, 3, 4]


def test_scramble_is_never_the_answer_order():
    for n in range(2, 8):
        for seed in ("a/b", "c/d", "e/f"):
            ids = [f"i{k}" for k in range(n)]
            assert scrambled(ids, ids, seed) != ids


def test_the_site_shows_options_in_the_arranged_order(tmp_path):
    root = make_course(tmp_path / "c")
    course, report = check_course(root)
    assert not report.errors
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(out)])
    assert result.exit_code == 0, result.output
    html = (out / "modules" / "basics.html").read_text(encoding="utf-8")
    qf = course.quizzes[0]
    for question in qf.quiz.questions:
        if question.type in ("single", "multiple"):
            form = html[html.index(f'id="q-basics-{question.id}"') :]
            form = form[: form.index("</form>")]
            ids = question.option_ids()
            assert re.findall(r'name="q-basics-[^"]+" value="([^"]+)"', form) == [
                ids[i] for i in qf.option_orders[question.id]
            ]
    assert qf.option_orders["rule"] != (0, 1)  # the fixture writes its key first; trainees do not see it there


def test_report_gives_the_score_without_reading_and_what_was_silenced(tmp_path):
    edits = dict(CASES)["item-guessable"]
    root = make_course(tmp_path / "c", edits)
    result = CliRunner().invoke(cli, ["report", "--root", str(root), "--format", "json"])
    data = json.loads(result.output[: result.output.rindex("}") + 1])
    assert data["without_reading"]["percent"] == 100 and data["without_reading"]["questions"] == 9
    assert {(s["type"], s["strategy"]) for s in data["without_reading"]["strategies"]} == {
        ("single", "the longest option"),
        ("true_false", "always False"),
        ("multiple", "all but the last two"),
    }
    text = (root / "quizzes" / "basics.yml").read_text()
    (root / "quizzes" / "basics.yml").write_text(
        text.replace("questions:\n", "allow:\n  guessable: A warm-up quiz, practice only.\nquestions:\n", 1)
    )
    _, report = check_course(root)
    assert [d.code for d in report] == []
    plain = CliRunner().invoke(cli, ["report", "--root", str(root)]).output
    assert (
        "without reading: 100% (single: the longest option, 3 of 3; "
        "multiple: all but the last two, 3 of 3; true/false: always False, 3 of 3)"
        in plain
    )
    assert "quizzes/basics.yml:3: guessable silenced for the whole quiz: A warm-up quiz, practice only." in plain


def test_a_silenced_question_leaves_the_quiz_wide_count(tmp_path):
    root = make_course(tmp_path / "c", dict(CASES)["item-key-longest"])
    path = root / "quizzes" / "basics.yml"
    text = path.read_text()
    for n in (1, 2):
        text = text.replace(
            f"  - id: single-{n}\n",
            f"  - id: single-{n}\n    allow:\n      key-longest: The statute's words, quoted in full.\n",
        )
    path.write_text(text)
    _, report = check_course(root)
    assert [d.code for d in report] == []  # 3 of the 5 remain: under the minimum of 4 items


def test_matching_and_ordering_are_judged_in_the_order_the_page_shows():
    """The reversed-order strategy is played on the order render.py gives the page."""
    from builder.quality import seen
    from builder.render import RenderContext

    course, _ = check_course(REPO)
    context = RenderContext(course)
    judged = reversed_right = 0
    for qf in course.quizzes:
        for item in seen(qf):
            if item.question.type in ("matching", "ordering"):
                view, _ = context.question(item.question, qf.quiz.module, "")
                shown = (
                    [r["id"] for r in view["rights"]] if "rights" in view else [i["id"] for i in view["order_items"]]
                )
                answer = sorted(shown, key=lambda i: int(i[1:]))
                assert item.order_right == (shown[::-1] == answer), (qf.quiz.module, item.question.id)
                judged += 1
                reversed_right += item.order_right
    assert judged >= 12 and reversed_right >= 1  # the default course has both outcomes to compare


def test_similar_prompts_finds_exactly_the_pairs_a_full_comparison_finds(tmp_path):
    """The prefix-filtered search reports each prompt against the first earlier prompt sharing 80%
    of its words, exactly as comparing every pair would, on prompts of a tiny vocabulary (many
    near-duplicates, every word common)."""
    import random

    import yaml

    from builder.quality import _words

    rng = random.Random(19)
    vocabulary = (
        "officer report witness record evidence victim agency referral safety "
        "interpreter passport employer debt"
    ).split()
    base = [rng.sample(vocabulary, rng.randint(4, 9)) for _ in range(40)]
    prompts = []
    for _ in range(160):  # near-copies of a few prompts: a word swapped, added or dropped
        words = list(rng.choice(base))
        change = rng.randrange(4)
        if change == 1:
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        elif change == 2:
            words.append(rng.choice(vocabulary))
        elif change == 3 and len(words) > 4:
            words.pop(rng.randrange(len(words)))
        prompts.append(" ".join(words).capitalize() + "?")
    questions = [
        {
            "id": f"q{n}",
            "type": "short_answer",
            "objectives": ["recall"],
            "prompt": p,
            "accepted": ["x"],
            "explanation": "E.",
        }
        for n, p in enumerate(prompts)
    ]
    root = make_course(tmp_path / "c")
    (root / "quizzes" / "basics.yml").write_text(
        yaml.safe_dump({"module": "basics", "questions": questions}), encoding="utf-8"
    )
    _, report = check_course(root)
    found = {
        re.search(r"question `(q\d+)`", d.message).group(1): (  # type: ignore[union-attr]
            re.search(r"what `(q\d+)`", d.message).group(1)  # type: ignore[union-attr]
        )
        for d in report
        if d.code == "similar-prompts"
    }

    sets = [_words(p) for p in prompts]
    expected = {}
    for n, words in enumerate(sets):
        if len(words) < 4:
            continue
        for m in range(n):
            if len(sets[m]) >= 4 and len(words & sets[m]) >= 0.8 * len(words | sets[m]):
                expected[f"q{n}"] = f"q{m}"
                break
    assert len(expected) > 50
    assert found == expected


def test_absolute_words_are_found_whatever_their_case():
    """`absolute-words` reads answers as a trainee does: "Never", "ALWAYS", "Sólo" and "NADIE" are
    the absolute words they are in lowercase (the pattern runs on lowercased text)."""
    from builder.models import ChoiceQuestion
    from builder.quality import Seen

    question = quiz([single(1, options=4)]).questions[0]
    assert isinstance(question, ChoiceQuestion)
    texts = ["Never at **night**", "ALWAYS, in [every](https://example.org) case", "Sólo NADIE", "Most of the time"]
    options = tuple(o.model_copy(update={"text": t}) for o, t in zip(question.options, texts))
    seen = Seen(question, options, tuple(o.correct for o in options))
    assert [words for _, words in seen.absolute] == [("never",), ("always", "every"), ("sólo", "nadie"), ()]
