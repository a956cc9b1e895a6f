"""benchmarks/run.py still runs: a smoke test at the small size, one run, our builder and the two
plain-Material variants only (mkdocs-quiz is skipped, so CI installs nothing extra). No timing
assertions: the benchmark is a report, not a test."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest
import yaml
from course_helpers import REPO

pytestmark = pytest.mark.slow  # builds the benchmark courses

RUN = REPO / "benchmarks" / "run.py"


def _module():
    spec = importlib.util.spec_from_file_location("benchmark_run", RUN)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_benchmark_small_runs_and_prints_the_table(tmp_path):
    results = tmp_path / "small.json"
    proc = subprocess.run(
        [sys.executable, str(RUN), "--size", "small", "--runs", "1", "--warmup", "0", "--check-questions", "100",
         "--variants", "ours,plain-text,plain-prose", "--work-dir", str(tmp_path / "work"), "--results", str(results)],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "Installing" not in out  # no peer environment without mkdocs-quiz
    assert "| variant " in out and "| CPU s |" in out
    for variant in ("ours", "plain-text", "plain-prose"):
        assert f"| {variant} " in out
    assert "| mkdocs-quiz " not in out
    assert "Goals" in out and "quiz JS+CSS on a module page" in out
    assert "course check on 100 questions" in out

    data = json.loads(results.read_text(encoding="utf-8"))
    assert data["size"] == "small" and data["variants"] == ["ours", "plain-text", "plain-prose"]
    for variant, build in data["builds"].items():
        assert build["cpu_s"] > 0 and build["site"]["module_pages"] == 10, variant
    assert data["payload"]["ours"]["pages"] == 10
    assert {g["status"] for g in data["goals"]} <= {"PASS", "MISS", "n/a"}


def test_generated_courses_are_deterministic_with_the_same_prose(tmp_path):
    bench = _module()
    first, again = bench.make_pages(3, 5), bench.make_pages(3, 5)
    assert first == again
    # A page does not depend on the course size.
    assert bench.make_pages(1, 5)[0] == first[0]
    page = first[1]
    for variant in bench.VARIANTS:
        root = bench.generate(variant, 3, 5, tmp_path / variant)
        text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.md")))
        for prose in (page.intro, page.sections[0].para1, page.sections[-1].para2):
            assert prose in text, variant
        if variant.startswith("ours"):
            quiz = yaml.safe_load((root / "quizzes" / "module-002.yml").read_text(encoding="utf-8"))
            text = "\n".join(q["prompt"] for q in quiz["questions"])
        assert (page.sections[0].question.prompt in text) == (variant != "plain-prose"), variant


def test_generated_questions_look_like_real_ones(tmp_path):
    """The mix the README states, Markdown in the texts, feedback on every option, block prompts;
    every question's explanation is in every variant that has questions."""
    bench = _module()
    questions = [s.question for s in bench.make_pages(1, 10)[0].sections]
    kinds = [q.kind for q in questions]
    assert {k: kinds.count(k) for k in set(kinds)} == {"single": 5, "multiple": 2, "true_false": 2, "short_answer": 1}
    assert all(o.feedback for q in questions if q.kind != "short_answer" for o in q.options)
    assert all("](https://example.org/guide#section-" in q.explanation for q in questions)
    assert sum("\n\n- " in q.prompt for q in questions) == 1 and sum("\n\n" in q.prompt for q in questions) == 2
    assert any("`" in q.prompt for q in questions)
    for variant in ("ours", "mkdocs-quiz", "plain-text"):
        root = bench.generate(variant, 1, 10, tmp_path / variant)
        text = "\n".join(
            p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.md")) + sorted(root.rglob("*.yml"))
        )
        if variant == "ours":
            text = "\n".join(
                str(v)
                for q in yaml.safe_load((root / "quizzes" / "module-001.yml").read_text(encoding="utf-8"))["questions"]
                for v in q.values()
            )
        for q in questions:
            assert q.explanation in text, (variant, q.qid)
        short = next(q for q in questions if q.kind == "short_answer")
        assert (f"[[{short.options[0].text}]]" in text) == (variant == "mkdocs-quiz")
