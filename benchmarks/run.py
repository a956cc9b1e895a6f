#!/usr/bin/env python3
"""Speed-and-size benchmark: our builder against mkdocs-quiz and plain mkdocs-material.

Run from the repository root with the project's virtual environment:

    .venv/bin/python benchmarks/run.py --size small|large [--runs N]

It generates one synthetic course (deterministic, seeded) in four variants with the same prose on
every page, builds each variant, measures CPU, wall time, peak memory, site size and the JS+CSS a
module page loads, times `course check` on a 10,000-question course, prints a table and the goals
with PASS/MISS, and writes everything to benchmarks/results/<size>.json. See benchmarks/README.md.

Variants:
  ours         `course build` (this project): modules/*.md + quizzes/*.yml
  mkdocs-quiz  mkdocs-material + the mkdocs-quiz plugin (version in requirements.txt), the same
               questions in its documented `<quiz>` syntax, installed from PyPI into
               benchmarks/.venv-peers (made by this script)
  plain-text   mkdocs-material, no plugin: the same text, questions and options as plain Markdown
  plain-prose  mkdocs-material, no plugin: the prose only (no questions)

A missed goal is a result, not a failure: the exit code is 0 whenever the benchmark ran. It is
non-zero only when something went wrong (a build failed, the peer install failed, bad arguments).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html.parser
import io
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from posixpath import normpath
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PEERS_VENV = HERE / ".venv-peers"
REQUIREMENTS = HERE / "requirements.txt"
PYPI = "https://pypi.org/simple"

SIZES = {"small": (10, 10), "large": (200, 20)}
VARIANTS = ("ours", "ours-print", "mkdocs-quiz", "plain-text", "plain-prose")
DESCRIPTIONS = {
    "ours": "course build (this project), default settings",
    "ours-print": "course build with print_page: always (the whole-course print page at any size)",
    "mkdocs-quiz": "mkdocs-material + mkdocs-quiz, same questions",
    "plain-text": "mkdocs-material, questions as plain text",
    "plain-prose": "mkdocs-material, prose only",
}
SEED = 20261129
CHECK_QUESTIONS = 10_000
CHECK_PER_MODULE = 20

#: The goals (issue), all at 200 modules x 20 questions unless said otherwise.
GOAL_CPU_VS_QUIZ = 0.5
GOAL_CPU_VS_PLAIN = 1.2
GOAL_SIZE_VS_QUIZ = 0.8
GOAL_SIZE_VS_PLAIN = 1.25
GOAL_QUIZ_ASSETS_GZIP = 8_000  # bytes (8 KB, 1 KB = 1,000 B as in peers.md)
GOAL_CHECK_CPU = 3.0  # seconds for `course check` on 10,000 questions
#: Linear growth: from small to large, our build CPU grows at most this much more than plain-text's
#: (the same text without quizzes), i.e. what the quizzes add grows no faster than the pages do.
GOAL_GROWTH_VS_PLAIN = 1.1


class BenchError(Exception):
    """Something went wrong: the benchmark could not measure what it meant to."""


# ---------------------------------------------------------------------------------------------
# Synthetic content: the same for every variant
# ---------------------------------------------------------------------------------------------

VOCABULARY = """
officer report witness interview record evidence victim agency support referral safety trust
service language interpreter document passport employer worker contract debt travel housing
shelter control threat fear consent labor wage hours schedule access phone family community
case file note question answer response follow plan check review signal indicator pattern
contact hotline partner prosecutor attorney advocate counselor nurse teacher inspector visit
site farm factory restaurant hotel salon vehicle border station office court hearing process
rule policy procedure training practice standard guidance request decision option priority
person group child adult parent friend neighbor customer supervisor manager recruiter broker
first second next clear calm careful simple quiet private written spoken local federal state
early late daily weekly often rarely always never before after during while within without
ask listen explain describe note confirm share protect refer arrange provide offer keep make
find see hear notice remember consider compare decide learn apply respond recognize identify
the a an of to in on for with from by about into over under between through around toward
and or but so because if when where which that this these those each every any some many few
is are was were be been has have had can could should would may might must will shall does
""".split()
FUNCTION_WORDS = set(
    (
        "the a an of to in on for with from by about into over under between through around toward and or but so "
        "because if when where which that this these those each every any some many few is are was were be been has "
        "have had can could should would may might must will shall does"
    ).split()
)
CONTENT_WORDS = [w for w in VOCABULARY if w not in FUNCTION_WORDS]


def _sentence(rng: random.Random, n: int, end: str = ".") -> str:
    words = [rng.choice(VOCABULARY) for _ in range(n)]
    words[0] = rng.choice(CONTENT_WORDS)
    words[-1] = rng.choice(CONTENT_WORDS)
    return " ".join(words).capitalize() + end


def _paragraph(rng: random.Random, n_words: int) -> str:
    """Exactly n_words words, in sentences of 8 to 15 words."""
    sentences, left = [], n_words
    while left > 0:
        n = min(left, rng.randint(8, 15))
        if 0 < left - n < 5:
            n = left  # no stub sentence at the end
        sentences.append(_sentence(rng, n))
        left -= n
    return " ".join(sentences)


def _title(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(CONTENT_WORDS) for _ in range(n)).capitalize()


@dataclass
class Option:
    text: str
    correct: bool = False
    feedback: str | None = None


@dataclass
class Question:
    qid: str
    kind: str  # single | multiple | true_false | short_answer
    prompt: str  # Markdown; may be several blocks (paragraphs, a list)
    options: list[Option]  # the accepted answer for short_answer
    explanation: str  # Markdown; may be two paragraphs
    blank: str | None = None  # short_answer: the prompt's "…" that mkdocs-quiz writes as [[answer]]


@dataclass
class Section:
    heading: str
    para1: str  # 60 words
    para2: str  # 40 words
    question: Question


@dataclass
class Page:
    number: int
    mid: str
    title: str
    summary: str
    intro: str  # 80 words
    sections: list[Section] = field(default_factory=list)


#: The question mix, one cycle of ten (so 10 and 20 questions a module have the same mix), only
#: types mkdocs-quiz can also express: 50 % single choice (4 options), 20 % multiple choice
#: (5 options, 2 correct), 20 % true/false (mkdocs-quiz: a two-answer single choice), 10 % short
#: answer (mkdocs-quiz: fill in the blank). Every option has feedback, every question an
#: explanation with emphasis and a link (a third of them two paragraphs). Prompts: 2 in 10 are
#: blocks (a list of facts, then the question; a short case paragraph, then the question), 1 in
#: 10 has a code span; about a quarter of options and a third of feedback carry emphasis or code.
MIX = (
    "single",
    "single:list",
    "multiple",
    "true_false",
    "single:code",
    "short_answer",
    "single:case",
    "multiple",
    "true_false",
    "single",
)
MIX_TEXT = (
    "50 % single choice (4 options), 20 % multiple choice (5 options, 2 correct), 20 % true/false, "
    "10 % short answer (fill in the blank); feedback on every option; every explanation with emphasis and a link "
    "(a third in two paragraphs); prompts: 10 % a list, 10 % two paragraphs, 10 % a code span"
)
FIELDS = ("case_status", "referral_date", "contact_method", "interpreter_needed", "safety_plan")


def _marked(rng: random.Random, n: int, end: str = ".", kinds: str = "*_`") -> str:
    """A sentence with one inner word marked up: *emphasis*, **strong** or a `code` span."""
    words = _sentence(rng, n, end).split()
    i = rng.randrange(1, len(words) - 1)
    mark = rng.choice(kinds)
    words[i] = {"*": f"*{words[i]}*", "_": f"**{words[i]}**", "`": f"`{rng.choice(FIELDS)}`"}[mark]
    return " ".join(words)


def _explanation(rng: random.Random, index: int) -> str:
    section = rng.randint(1, 12)
    text = (f"{_marked(rng, rng.randint(10, 14), kinds='*_')} {_sentence(rng, rng.randint(8, 12))} "
            f"See [the guide, section {section}](https://example.org/guide#section-{section}).")
    if index % 3 == 2:
        text += "\n\n" + _paragraph(rng, rng.randint(12, 18))
    return text


def _options(rng: random.Random, count: int, correct: set[int]) -> list[Option]:
    return [
        Option(
            _marked(rng, rng.randint(4, 9)) if rng.random() < 0.25 else _sentence(rng, rng.randint(4, 9)),
            i in correct,
            _marked(rng, rng.randint(8, 14), kinds="*_") if rng.random() < 0.33 else _sentence(rng, rng.randint(8, 14)),
        )
        for i in range(count)
    ]


def make_question(rng: random.Random, index: int) -> Question:
    kind, _, shape = MIX[index % len(MIX)].partition(":")
    qid = f"q{index + 1:02d}"
    explanation = _explanation(rng, index)
    if kind == "single":
        question = _sentence(rng, rng.randint(12, 18), "?")
        if shape == "list":
            facts = "\n".join(f"- {_sentence(rng, rng.randint(5, 9))}" for _ in range(3))
            prompt = f"{_sentence(rng, rng.randint(6, 10), ':')}\n\n{facts}\n\n{question}"
        elif shape == "case":
            prompt = f"{_paragraph(rng, rng.randint(30, 40))}\n\n{question}"
        elif shape == "code":
            prompt = _marked(rng, rng.randint(12, 18), "?", kinds="`")
        else:
            prompt = question
        return Question(qid, kind, prompt, _options(rng, 4, {rng.randrange(4)}), explanation)
    if kind == "multiple":
        return Question(qid, kind, "Which of these apply? " + _sentence(rng, rng.randint(10, 16)),
                        _options(rng, 5, set(rng.sample(range(5), 2))), explanation)
    if kind == "true_false":
        truth = index % 10 < 5  # the first of a cycle's two is keyed True, the second False (check: true-false-balance)
        options = [
            Option("True", truth, _sentence(rng, rng.randint(8, 14))),
            Option("False", not truth, _sentence(rng, rng.randint(8, 14))),
        ]
        return Question(qid, kind, _sentence(rng, rng.randint(10, 16)), options, explanation)
    answer = rng.choice(CONTENT_WORDS)
    before, after = (
        _sentence(rng, rng.randint(6, 10), ""),
        " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(3, 6))),
    )
    prompt = f"Complete the sentence: {before} … {after}."
    return Question(qid, kind, prompt, [Option(answer, True)], explanation, blank="…")


def make_pages(modules: int, questions: int, seed: int = SEED) -> list[Page]:
    pages = []
    for m in range(1, modules + 1):
        rng = random.Random(f"{seed}:{m}")  # a page does not depend on how many pages there are
        page = Page(m, f"module-{m:03d}", f"Module {m:03d}: {_title(rng, rng.randint(3, 5))}",
                    _sentence(rng, 12), _paragraph(rng, 80))
        for q in range(questions):
            page.sections.append(
                Section(
                    _title(rng, rng.randint(3, 6)),
                    _paragraph(rng, 60),
                    _paragraph(rng, 40),
                    make_question(rng, q),
                )
            )
        pages.append(page)
    return pages


# ---------------------------------------------------------------------------------------------
# Writing the four variants
# ---------------------------------------------------------------------------------------------

def _yaml():  # type: ignore[no-untyped-def]
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:  # `course check` refuses YAML aliases
            return True

    def text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:  # several lines as a block, as trainers write them
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)

    Dumper.add_representer(str, text)

    def dump(data: Any) -> str:
        return yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)

    return dump, yaml.safe_load


def mkdocs_config(variant: str) -> dict[str, Any]:
    """The project's own theme and Markdown settings for every variant; only the plugins differ."""
    _, load = _yaml()
    project = load(((BUILDER_SNAPSHOT or ROOT) / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = {
        "ours": ["search", "course"],
        "ours-print": ["search", "course"],
        "mkdocs-quiz": ["search", "mkdocs_quiz"],
    }.get(variant, ["search"])
    return {
        "site_name": "Benchmark course",
        "docs_dir": "course" if variant.startswith("ours") else "docs",
        "use_directory_urls": False,
        "theme": project["theme"],
        "plugins": plugins,
        "markdown_extensions": project["markdown_extensions"],
    }


INDEX_INTRO = "A synthetic course for the speed-and-size benchmark. Every page has the same prose in every variant."


def write_ours(pages: list[Page], dest: Path, variant: str = "ours") -> None:
    dump, _ = _yaml()
    (dest / "course").mkdir(parents=True)
    (dest / "modules").mkdir()
    (dest / "quizzes").mkdir()
    (dest / "mkdocs.yml").write_text(dump(mkdocs_config(variant)), encoding="utf-8")
    settings: dict[str, Any] = {
        "id": "benchmark", "title": "Benchmark course", "audience": "Benchmark readers.",
        "version": "1.0.0", "language": "en", "pass_mark": 80, "progress_epoch": 1,
    }
    if variant == "ours-print":
        settings["print_page"] = "always"  # default `auto`: only up to 50 modules
    (dest / "course" / "course.yml").write_text(dump(settings), encoding="utf-8")
    (dest / "course" / "index.md").write_text(
        f"# Benchmark course\n\n{INDEX_INTRO}\n\n<!-- course:overview -->\n", encoding="utf-8"
    )
    width = max(2, len(str(len(pages))))
    for page in pages:
        meta = {
            "id": page.mid, "title": page.title, "summary": page.summary, "duration": 30,
            "objectives": [{"id": "understand", "text": "Explain the main points of this module."}],
            "sources": [{"id": "guide", "title": "Benchmark guide", "publisher": "Example Agency",
                         "url": "https://example.org/guide", "accessed": "2026-11-29"}],
            "reviewed": {"on": "2026-11-29", "by": "Benchmark Reviewer"},
            "review_by": "2099-01-01",
        }
        body = [f"{page.intro} [@guide]"]
        for s in page.sections:
            body += [f"## {s.heading}", s.para1, s.para2]
        text = "---\n" + dump(meta) + "---\n\n" + "\n\n".join(body) + "\n"
        (dest / "modules" / f"{page.number:0{width}d}-{page.mid}.md").write_text(text, encoding="utf-8")
        questions = []
        for s in page.sections:
            q = s.question
            question: dict[str, Any] = {"id": q.qid, "type": q.kind, "objectives": ["understand"], "prompt": q.prompt}
            if q.kind == "short_answer":
                question["accepted"] = [o.text for o in q.options]
            else:
                options = []
                for o in q.options:
                    item: dict[str, Any] = {"text": o.text}
                    if o.correct:
                        item["correct"] = True
                    if o.feedback:
                        item["feedback"] = o.feedback
                    options.append(item)
                question["options"] = options
            questions.append({**question, "explanation": q.explanation})
        (dest / "quizzes" / f"{page.mid}.yml").write_text(
            dump({"module": page.mid, "questions": questions}), encoding="utf-8"
        )


def _quiz_block(q: Question) -> str:
    """mkdocs-quiz's documented syntax: question, `- [x]`/`- [ ]` answers, `>` feedback right
    under its answer, then the content section (explanation) shown after answering; a short answer
    as fill in the blank (`[[answer]]` in the sentence, `---` before the content section)."""
    if q.kind == "short_answer":
        assert q.blank is not None
        return "\n".join(
            ["<quiz>", q.prompt.replace(q.blank, f"[[{q.options[0].text}]]", 1), "", "---", q.explanation, "</quiz>"]
        )
    lines = ["<quiz>", q.prompt]
    for o in q.options:
        lines.append(f"- [{'x' if o.correct else ' '}] {o.text}")
        if o.feedback:
            lines.append(f"> {o.feedback}")
    lines += ["", q.explanation, "</quiz>"]
    return "\n".join(lines)


def _plain_block(q: Question) -> str:
    """The same text as static Markdown: prompt, options (with their feedback), the answer and
    the explanation."""
    lines = [f"**Question {q.qid[1:]}.** {q.prompt}", ""]
    if q.kind != "short_answer":
        for o in q.options:
            lines.append(f"- {o.text}" + (f" {o.feedback}" if o.feedback else ""))
        lines.append("")
    answer = "; ".join(o.text for o in q.options if o.correct)
    lines.append(f"*Answer:* {answer}{'' if answer.endswith(('.', '?', '!')) else '.'} {q.explanation}")
    return "\n".join(lines)


def write_peer(pages: list[Page], dest: Path, variant: str) -> None:
    dump, _ = _yaml()
    (dest / "docs" / "modules").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(dump(mkdocs_config(variant)), encoding="utf-8")
    (dest / "docs" / "index.md").write_text(f"# Benchmark course\n\n{INDEX_INTRO}\n", encoding="utf-8")
    for page in pages:
        parts = [f"# {page.title}", page.intro]
        if variant == "mkdocs-quiz":
            parts.append("<!-- mkdocs-quiz intro -->")
        for s in page.sections:
            parts += [f"## {s.heading}", s.para1, s.para2]
            if variant == "mkdocs-quiz":
                parts.append(_quiz_block(s.question))
            elif variant == "plain-text":
                parts.append(_plain_block(s.question))
        if variant == "mkdocs-quiz":
            parts.append("<!-- mkdocs-quiz results -->")
        (dest / "docs" / "modules" / f"{page.mid}.md").write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def generate(variant: str, modules: int, questions: int, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    pages = make_pages(modules, questions)
    if variant.startswith("ours"):
        write_ours(pages, dest, variant)
    else:
        write_peer(pages, dest, variant)
    return dest


# ---------------------------------------------------------------------------------------------
# The peer's environment (mkdocs-quiz from PyPI, same MkDocs and Material as the project)
# ---------------------------------------------------------------------------------------------

def project_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown")}


def requirement_lines() -> list[str]:
    lines = [line.split("#")[0].strip() for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def peer_venv(log: Path) -> Path:
    """benchmarks/.venv-peers with mkdocs-quiz from PyPI only, and MkDocs, Material and
    pymdown-extensions pinned to the project's versions so that only the plugin differs."""
    pins = [f"{name}=={version}" for name, version in project_versions().items()]
    wanted = {"requirements": requirement_lines(), "pins": pins, "python": platform.python_version()}
    stamp = PEERS_VENV / "benchmark-stamp.json"
    python = PEERS_VENV / "bin" / "python"
    if stamp.is_file() and python.exists():
        try:
            if json.loads(stamp.read_text()) == wanted:
                return PEERS_VENV
        except ValueError:
            pass
    if PEERS_VENV.exists():
        shutil.rmtree(PEERS_VENV)
    print(
        f"Installing {', '.join(wanted['requirements'])} from PyPI into {PEERS_VENV.relative_to(ROOT)} ...", flush=True
    )
    with log.open("wb") as out:
        steps = [
            [sys.executable, "-m", "venv", str(PEERS_VENV)],
            # --isolated: no pip.conf, no PIP_* variables, so no local mirror or wheel folder:
            # the packages come from PyPI only.
            [str(python), "-m", "pip", "install", "--isolated", "--disable-pip-version-check", "--no-cache-dir",
             "--index-url", PYPI, "-r", str(REQUIREMENTS), *pins],
        ]
        for cmd in steps:
            if subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT).returncode:
                raise BenchError(f"could not install the peer environment: `{' '.join(cmd)}` failed; see {log}")
    stamp.write_text(json.dumps(wanted, indent=2))
    return PEERS_VENV


def peer_versions(venv: Path) -> dict[str, str]:
    code = (
        "import json, importlib.metadata as m; "
        "print(json.dumps({n: m.version(n) for n in ('mkdocs-quiz', 'mkdocs', 'mkdocs-material', "
        "'pymdown-extensions', 'markdown')}))"
    )
    out = subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------

@dataclass
class Run:
    cpu: float  # user + sys of the child, s (resource.getrusage(RUSAGE_CHILDREN) before/after)
    wall: float  # s
    maxrss_kib: int  # peak resident set of the child (wait4's ru_maxrss, KiB on Linux)
    load1: float  # 1-minute load average when it started (other work on the machine)


#: Bytecode cache for the measured processes (set in main): the warm-up run compiles every module
#: once, so no variant pays for compiling, even where PYTHONDONTWRITEBYTECODE is set or a source
#: file is newer than its .pyc.
PYCACHE: Path | None = None
#: With --builder-ref: a copy of builder/ and mkdocs.yml at that commit, put first on PYTHONPATH
#: so that `course` runs it instead of the working tree (which may be mid-edit).
BUILDER_SNAPSHOT: Path | None = None


def measured(cmd: list[str], cwd: Path, log: Path) -> Run:
    """Run one command; its CPU from RUSAGE_CHILDREN, its peak RSS from its own wait4 rusage."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONWARNINGS="ignore")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if PYCACHE is not None:
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    if BUILDER_SNAPSHOT is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(BUILDER_SNAPSHOT), env.get("PYTHONPATH")]))
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"`{' '.join(cmd)}` exited with {proc.returncode} (log {log}):\n{tail}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(cpu, wall, usage.ru_maxrss, load)


def summarize(runs: list[Run]) -> dict[str, Any]:
    return {
        "cpu_s": statistics.median(r.cpu for r in runs),
        "wall_s": statistics.median(r.wall for r in runs),
        "maxrss_mib": statistics.median(r.maxrss_kib for r in runs) / 1024,
        "runs": [
            {
                "cpu_s": round(r.cpu, 3),
                "wall_s": round(r.wall, 3),
                "maxrss_kib": r.maxrss_kib,
                "load1": round(r.load1, 2),
            }
            for r in runs
        ],
    }


def build_command(variant: str, source: Path, site: Path, peers: Path | None) -> list[str]:
    bin_dir = Path(sys.executable).parent
    if variant.startswith("ours"):
        course = bin_dir / "course"
        base = [str(course)] if course.exists() else [sys.executable, "-m", "builder"]
        return [*base, "build", "--root", str(source), "--site-dir", str(site)]
    if variant == "mkdocs-quiz":
        assert peers is not None
        mkdocs = [str(peers / "bin" / "python"), "-m", "mkdocs"]
    else:
        mkdocs = [sys.executable, "-m", "mkdocs"]
    return [
        *mkdocs,
        "build",
        "--quiet",
        "--clean",
        "--config-file",
        str(source / "mkdocs.yml"),
        "--site-dir",
        str(site),
    ]


def check_command(source: Path) -> list[str]:
    course = Path(sys.executable).parent / "course"
    base = [str(course)] if course.exists() else [sys.executable, "-m", "builder"]
    return [*base, "check", "--root", str(source)]


# -- what a page loads ------------------------------------------------------------------------

class _Assets(html.parser.HTMLParser):
    """External scripts and stylesheets a page references, and its inline <script>/<style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.external: list[tuple[str, str]] = []  # (kind, url)
        self.inline: list[tuple[str, str, str]] = []  # (kind, label, text)
        self._open: tuple[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script" and a.get("src"):
            self.external.append(("js", a["src"]))
        elif tag == "link" and "stylesheet" in a.get("rel", "").split() and a.get("href"):
            self.external.append(("css", a["href"]))
        if tag in ("script", "style") and not a.get("src"):
            label = a.get("id") or a.get("class") or a.get("type") or ""
            self._open, self._text = (("js" if tag == "script" else "css"), label), []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_entityref(self, name: str) -> None:
        if self._open:
            self._text.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if self._open:
            self._text.append(f"&#{name};")

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag in ("script", "style"):
            kind, label = self._open
            self.inline.append((kind, label, "".join(self._text)))
            self._open = None


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_assets(site: Path, page: Path) -> list[dict[str, Any]]:
    """Every JS/CSS item the page loads: external files (resolved in the site) and inline blocks."""
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    items = []
    page_dir = page.parent.relative_to(site).as_posix()
    for kind, url in parser.external:
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            items.append({"kind": kind, "where": "remote", "key": url, "raw": None, "gzip": None})
            continue
        path = normpath(f"{page_dir}/{parts.path}") if not parts.path.startswith("/") else parts.path.lstrip("/")
        data = (site / path).read_bytes()
        items.append({"kind": kind, "where": "file", "key": path, "raw": len(data), "gzip": _gz(data)})
    for kind, label, text in parser.inline:
        data = text.encode("utf-8")
        items.append({"kind": kind, "where": "inline", "key": f"inline {kind} {label}".strip(), "content": text,
                      "raw": len(data), "gzip": _gz(data)})
    return items


def _item_identity(item: dict[str, Any]) -> tuple[str, str]:
    return (item["where"], item["key"] if item["where"] != "inline" else item["content"])


def _totals(items: list[dict[str, Any]]) -> dict[str, int]:
    return {"raw": sum(i["raw"] or 0 for i in items), "gzip": sum(i["gzip"] or 0 for i in items),
            "count": len(items), "remote": sum(1 for i in items if i["where"] == "remote")}


def _public(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in i.items() if k != "content"} for i in items]


def site_stats(site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    search = site / "search" / "search_index.json"
    modules = module_pages(site)
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "html_pages": sum(1 for p in files if p.suffix == ".html"),
        "search_index_bytes": search.stat().st_size if search.exists() else 0,
        "module_pages": len(modules),
        "module_page_html_mean_bytes": statistics.mean(p.stat().st_size for p in modules) if modules else 0,
        "print_page_bytes": (
            (site / "modules" / "all-modules.html").stat().st_size
            if (site / "modules" / "all-modules.html").exists()
            else None
        ),
        "largest_files": [
            {"path": p.relative_to(site).as_posix(), "bytes": p.stat().st_size}
            for p in sorted(files, key=lambda p: (-p.stat().st_size, p.as_posix()))[:5]
        ],
    }


def module_pages(site: Path) -> list[Path]:
    return sorted((site / "modules").glob("module-*.html"))


def payload(sites: dict[str, Path]) -> dict[str, Any]:
    """JS+CSS per module page: all of it, and what the variant adds over plain-text (or plain-prose)."""
    out: dict[str, Any] = {}
    baseline_name = "plain-text" if "plain-text" in sites else ("plain-prose" if "plain-prose" in sites else None)
    baseline: dict[str, set[tuple[str, str]]] = {}
    if baseline_name:
        for page in module_pages(sites[baseline_name]):
            baseline[page.name] = {_item_identity(i) for i in page_assets(sites[baseline_name], page)}
    for variant, site in sites.items():
        pages = module_pages(site)
        if not pages:
            raise BenchError(f"{variant}: no module pages in {site}/modules")
        totals, added_totals, first = [], [], None
        for page in pages:
            items = page_assets(site, page)
            added = [i for i in items if baseline_name and _item_identity(i) not in baseline.get(page.name, set())]
            totals.append(_totals(items))
            added_totals.append(_totals(added))
            if first is None:
                first = {
                    "page": page.relative_to(site).as_posix(),
                    "items": _public(items),
                    "added_over_baseline": _public(added),
                }

        def mean(rows: list[dict[str, int]], key: str) -> float:
            return statistics.mean(r[key] for r in rows)

        out[variant] = {
            "pages": len(pages),
            "baseline": baseline_name,
            "all": {
                "raw": mean(totals, "raw"),
                "gzip": mean(totals, "gzip"),
                "items": mean(totals, "count"),
                "remote": mean(totals, "remote"),
            },
            "added": {
                "raw": mean(added_totals, "raw"),
                "gzip": mean(added_totals, "gzip"),
                "items": mean(added_totals, "count"),
            },
            "added_max_gzip": max(r["gzip"] for r in added_totals),
            "first_page": first,
        }
    return out


# ---------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------

def bench_builds(variants: list[str], modules: int, questions: int, work: Path, runs: int, warmup: int,
                 peers: Path | None, label: str) -> tuple[dict[str, Any], dict[str, Path]]:
    sources, sites, results = {}, {}, {}
    for variant in variants:
        sources[variant] = generate(variant, modules, questions, work / "src" / variant)
        sites[variant] = work / "site" / variant
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    timed: dict[str, list[Run]] = {v: [] for v in variants}
    order = list(variants)
    for attempt in range(warmup + runs):
        kind = "warm-up" if attempt < warmup else f"run {attempt - warmup + 1}/{runs}"
        for variant in order:
            if sites[variant].exists():
                shutil.rmtree(sites[variant])  # every build starts from nothing; not timed
            print(f"  {label} {kind}: {variant} ...", end="", flush=True)
            run = measured(build_command(variant, sources[variant], sites[variant], peers), work,
                           logs / f"{label}-{variant}-{attempt}.log")
            print(f" {run.cpu:.2f} s CPU, {run.wall:.2f} s wall", flush=True)
            if attempt >= warmup:
                timed[variant].append(run)
        order = order[1:] + order[:1]  # rotate, so no variant always runs first or last
    for variant in variants:
        results[variant] = {
            "description": DESCRIPTIONS[variant],
            **summarize(timed[variant]),
            "site": site_stats(sites[variant]),
        }
    return results, sites


def bench_check(modules: int, per_module: int, work: Path, runs: int, warmup: int) -> dict[str, Any]:
    """`course check` (load and validate everything, no build) on a generated course."""
    source = generate("ours", modules, per_module, work / "src" / f"check-{modules}x{per_module}")
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    timed = []
    for attempt in range(warmup + runs):
        run = measured(check_command(source), work, logs / f"check-{modules}x{per_module}-{attempt}.log")
        kind = "warm-up" if attempt < warmup else f"run {attempt - warmup + 1}/{runs}"
        print(
            f"  course check, {modules} x {per_module} questions, {kind}: {run.cpu:.2f} s CPU, {run.wall:.2f} s wall",
            flush=True,
        )
        if attempt >= warmup:
            timed.append(run)
    return {"modules": modules, "questions": modules * per_module, **summarize(timed)}


def check_shape(questions_total: int) -> tuple[int, int]:
    """A course of about that many questions, 20 per module like the large size."""
    modules = max(1, round(questions_total / CHECK_PER_MODULE))
    return modules, max(1, round(questions_total / modules))


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def evaluate(size: str, builds: dict[str, Any], pay: dict[str, Any], check: dict[str, Any] | None,
             linearity: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    goals = []
    at_size = size == "large"

    def goal(
        name: str,
        value: float | None,
        limit: float,
        unit: str,
        size_bound: bool,
        note: str | None = None,
    ) -> None:
        status = "n/a" if value is None else ("PASS" if value <= limit else "MISS")
        goals.append({"goal": name, "value": value, "limit": limit, "unit": unit, "status": status,
                      "measured_at_goal_size": at_size or not size_bound, "note": note})

    ours = builds.get("ours")
    quiz = builds.get("mkdocs-quiz")
    plain = builds.get("plain-text")
    if ours:
        goal("build CPU, ours / mkdocs-quiz", ratio(ours["cpu_s"], quiz and quiz["cpu_s"]), GOAL_CPU_VS_QUIZ, "x", True)
        goal(
            "build CPU, ours / plain-text",
            ratio(ours["cpu_s"], plain and plain["cpu_s"]),
            GOAL_CPU_VS_PLAIN,
            "x",
            True,
        )
        goal(
            "site size, ours / mkdocs-quiz",
            ratio(ours["site"]["bytes"], quiz and quiz["site"]["bytes"]),
            GOAL_SIZE_VS_QUIZ,
            "x",
            True,
        )
        goal(
            "site size, ours / plain-text",
            ratio(ours["site"]["bytes"], plain and plain["site"]["bytes"]),
            GOAL_SIZE_VS_PLAIN,
            "x",
            True,
        )
        added = pay.get("ours", {})
        note = None
        if added.get("baseline"):
            net = added["all"]["gzip"] - pay[added["baseline"]]["all"]["gzip"]
            note = (
                f"counts every item not on the {added['baseline']} page, Material's inline scripts that the builder "
                f"moves into files included; net difference in what the page loads: {net:,.0f} B"
            )
        goal("quiz JS+CSS on a module page, gzip -9", added["added_max_gzip"] if added.get("baseline") else None,
             GOAL_QUIZ_ASSETS_GZIP, "B", False, note)
        growth = (linearity or {}).get("builds", {})
        if "ours" in growth and "plain-text" in growth:
            ours_x, plain_x = growth["ours"]["ratio"], growth["plain-text"]["ratio"]
            goal(
                "linear growth, CPU small -> large, ours / plain-text",
                ours_x / plain_x,
                GOAL_GROWTH_VS_PLAIN,
                "x",
                True,
                f"ours x{ours_x:.1f}, plain-text x{plain_x:.1f}, "
                f"for x{linearity['questions_factor']:.0f} questions",  # type: ignore[index]
            )
        else:
            goal("linear growth, CPU small -> large, ours / plain-text", None, GOAL_GROWTH_VS_PLAIN, "x", True,
                 "measured by --size large only")
    if check:
        goal(f"course check on {check['questions']:,} questions, CPU", check["cpu_s"], GOAL_CHECK_CPU, "s", False)
    return goals


# -- printing ---------------------------------------------------------------------------------

def _kb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1000:.1f}"


def _mib(n: float) -> str:
    return f"{n / 1024 / 1024:.2f}"


def table(builds: dict[str, Any], pay: dict[str, Any]) -> str:
    head = (
        "variant",
        "CPU s",
        "wall s",
        "peak RSS MiB",
        "site MiB",
        "files",
        "page JS+CSS KB raw / gz",
        "added KB raw / gz",
    )
    rows = [head]
    for variant, r in builds.items():
        p = pay[variant]
        added = f"{_kb(p['added']['raw'])} / {_kb(p['added']['gzip'])}" if p["baseline"] else "-"
        rows.append(
            (
                variant,
                f"{r['cpu_s']:.2f}",
                f"{r['wall_s']:.2f}",
                f"{r['maxrss_mib']:.0f}",
                _mib(r["site"]["bytes"]),
                str(r["site"]["files"]),
                f"{_kb(p['all']['raw'])} / {_kb(p['all']['gzip'])}",
                added,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = []
    for n, row in enumerate(rows):
        lines.append(
            "| "
            + " | ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
            + " |"
        )
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 1) + ("-" if i == 0 else ":") for i, w in enumerate(widths)) + "|")
    return "\n".join(lines)


def report(result: dict[str, Any]) -> str:
    out = []
    size = result["size"]
    out.append(
        f"\nBenchmark {size}: {result['modules']} modules x {result['questions_per_module']} questions, "
        f"median of {result['runs']} run(s) after {result['warmup']} warm-up; {result['environment']['cpus']} CPUs, "
        f"load average {result['environment']['load_before'][0]:.2f} before, "
        f"{result['environment']['load_after'][0]:.2f} after"
    )
    b = result["builder"]
    where = (
        f"git {b['ref']} = {(b['commit'] or '?')[:12]}"
        if b["ref"]
        else (
            f"the working tree (HEAD {(b['commit'] or '?')[:12]}"
            + (
                f", {len(b.get('working_tree_changes') or [])} uncommitted change(s) in builder/)"
                if b.get("working_tree_changes")
                else ", clean)"
            )
        )
    )
    out.append(f"Questions (the same text in every variant): {result['question_mix']}")
    out.append(
        f"builder/ measured: {where}; "
        f"mkdocs-quiz {((result['environment']['peers'] or {}).get('mkdocs-quiz')) or 'not run'}\n"
    )
    out.append(table(result["builds"], result["payload"]))
    out.append(
        "\nNoise: CPU of every timed run (s), "
        "its spread ((max - min) / median) and the 1-minute load average at each start:"
    )
    for variant, r in result["builds"].items():
        cpus = [run["cpu_s"] for run in r["runs"]]
        loads = ", ".join(f"{run['load1']:.1f}" for run in r["runs"])
        out.append(
            f"  {variant}: {', '.join(f'{c:.2f}' for c in cpus)}; "
            f"spread {(max(cpus) - min(cpus)) / r['cpu_s'] * 100:.0f} %; load {loads}"
        )
    ours_runs = result["builds"].get("ours", {}).get("runs", [])
    for peer in ("mkdocs-quiz", "plain-text"):
        peer_runs = result["builds"].get(peer, {}).get("runs", [])
        if ours_runs and peer_runs:  # the variants of one round ran one after another, under about the same load
            paired = [o["cpu_s"] / p["cpu_s"] for o, p in zip(ours_runs, peer_runs)]
            out.append(f"  CPU ours / {peer}, round by round: {', '.join(f'{x:.2f}' for x in paired)}")
    baseline = next((p["baseline"] for p in result["payload"].values() if p["baseline"]), None)
    out.append(
        f"\nPage JS+CSS: mean per module page of external .js/.css files it references plus inline <script>/<style> "
        f"(gzip -9 per item). 'added' = items not on the {baseline or '(none)'} page."
    )
    for variant, p in result["payload"].items():
        added = p["first_page"]["added_over_baseline"]
        if added:
            net = p["all"]["gzip"] - result["payload"][p["baseline"]]["all"]["gzip"]
            out.append(
                f"  {variant}, "
                f"added on {p['first_page']['page']} (net over {p['baseline']}: {net / 1000:+.1f} KB gzip):"
            )
            for i in added:
                out.append(f"    {i['key']}: {i['raw']:,} B raw, {i['gzip']:,} B gzip")
    out.append("\nLargest file of each site, and mean module page (HTML only):")
    for variant, r in result["builds"].items():
        big = r["site"]["largest_files"][0]
        out.append(
            f"  {variant}: {big['path']} {_mib(big['bytes'])} MiB; "
            f"module page {r['site']['module_page_html_mean_bytes'] / 1000:.1f} KB; "
            f"search index {_mib(r['site']['search_index_bytes'])} MiB"
        )
        if variant.startswith("ours"):
            printed = r["site"].get("print_page_bytes")
            out.append(
                "    whole-course print page modules/all-modules.html: "
                + (f"{_mib(printed)} MiB" if printed else "not built (print_page: auto, more than 50 modules)")
            )
    if result["ratios"]:
        out.append("\nRatios (ours / peer):")
        for name, values in result["ratios"].items():
            out.append("  " + name + ": " + ", ".join(f"{k} {v:.2f}x" for k, v in values.items() if v is not None))
    if result.get("check"):
        for key in ("check_course", "check_10k"):
            c = result["check"].get(key)
            if c:
                out.append(f"\n`course check` on {c['questions']:,} questions ({c['modules']} modules): "
                           f"{c['cpu_s']:.2f} s CPU, {c['wall_s']:.2f} s wall, {c['maxrss_mib']:.0f} MiB")
    if result.get("linearity"):
        lin = result["linearity"]
        out.append(
            f"\nLinearity, small -> large (questions x{lin['questions_factor']:.0f}, "
            f"pages x{lin['pages_factor']:.0f}), CPU:"
        )
        for variant, row in lin["builds"].items():
            extra = ""
            if row.get("overhead_ms_per_question_small") is not None:
                extra = (f"; over plain-text {row['overhead_ms_per_question_small']:.2f} -> "
                         f"{row['overhead_ms_per_question_large']:.2f} ms per question")
            out.append(
                f"  {variant}: {row['small_cpu_s']:.2f} s -> {row['large_cpu_s']:.2f} s (x{row['ratio']:.1f}){extra}"
            )
        if lin.get("check"):
            c = lin["check"]
            ten_k = "" if c["check_10k_cpu_s"] is None else f"; 10,000 questions {c['check_10k_cpu_s']:.2f} s"
            out.append(
                f"  course check: {c['small_cpu_s']:.2f} s -> {c['large_cpu_s']:.2f} s (x{c['ratio']:.1f}){ten_k}"
            )
    out.append("\nGoals (from the issue; build and size goals are defined at 200x20):")
    for g in result["goals"]:
        value = (
            "-"
            if g["value"] is None
            else (f"{g['value']:.2f}{g['unit']}" if g["unit"] != "B" else f"{g['value']:,.0f} B")
        )
        limit = f"{g['limit']}{g['unit']}" if g["unit"] != "B" else f"{g['limit']:,} B"
        note = "" if g["measured_at_goal_size"] else "  (measured at 10x10: indicative only)"
        out.append(f"  {g['status']:4}  {g['goal']}: {value} (goal <= {limit}){note}")
        if g.get("note"):
            out.append(f"        ({g['note']})")
    return "\n".join(out)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.rstrip()


def tree_digest(folder: Path) -> str:
    """sha256 over the builder package's files (names and contents), to tell what was measured."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def snapshot_builder(ref: str, dest: Path) -> str:
    """builder/ and mkdocs.yml at `ref`, extracted into dest; returns the commit."""
    try:
        commit = _git("rev-parse", "--verify", f"{ref}^{{commit}}")
        data = subprocess.run(["git", "archive", "--format=tar", commit, "builder", "mkdocs.yml"], cwd=ROOT,
                              capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise BenchError(f"cannot take builder/ at {ref!r} from git: {exc}") from None
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(dest, filter="data")
        else:  # Python < 3.11.4
            tar.extractall(dest)  # noqa: S202 (our own repository's archive)
    probe = subprocess.run(
        [sys.executable, "-c", "import builder; print(builder.__file__)"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(dest)),
        cwd=dest.parent,
    )
    if not probe.stdout.strip().startswith(str(dest)):
        raise BenchError(
            f"the snapshot of builder/ in {dest} is not the one Python imports: {probe.stdout}{probe.stderr}"
        )
    return commit


def builder_state(ref: str | None, commit: str | None) -> dict[str, Any]:
    state: dict[str, Any] = {"ref": ref, "measured": "snapshot" if ref else "working tree", "commit": commit}
    try:
        state["head"] = _git("rev-parse", "HEAD")
        state["working_tree_changes"] = _git("status", "--porcelain", "--", "builder", "mkdocs.yml").splitlines()
    except (OSError, subprocess.CalledProcessError):
        state["head"] = None
    state["tree_sha256"] = tree_digest((BUILDER_SNAPSHOT or ROOT) / "builder")
    return state


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--size",
        choices=SIZES,
        required=True,
        help="small: 10 modules x 10 questions; large: 200 x 20",
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per variant (median reported; default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs per variant first (default 1)")
    parser.add_argument(
        "--variants", default=",".join(VARIANTS), help=f"comma-separated subset of {','.join(VARIANTS)} (default: all)"
    )
    parser.add_argument(
        "--check-questions",
        type=int,
        default=CHECK_QUESTIONS,
        help="size of the course timed with `course check` (0: skip; default 10000)",
    )
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=HERE / ".work",
        help="where the generated courses and sites go (default benchmarks/.work)",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=None,
        help="JSON output (default benchmarks/results/<size>.json)",
    )
    parser.add_argument(
        "--builder-ref",
        default=None,
        metavar="REF",
        help="measure builder/ (and mkdocs.yml) as committed at this git ref, e.g. HEAD, instead of the working tree",
    )
    parser.add_argument(
        "--pages",
        action="store_true",
        help="also measure the default course in Debian's chromium: page weight with and without the search index, "
        "and Lighthouse performance (benchmarks/page_weight.py; needs chromium and npm ci)",
    )
    args = parser.parse_args(argv)

    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown or not variants or args.runs < 1 or args.warmup < 0 or args.check_questions < 0:
        parser.error(
            f"unknown variant(s) {', '.join(unknown)}"
            if unknown
            else "need at least one variant, --runs >= 1, --warmup >= 0, --check-questions >= 0"
        )
    variants = [v for v in VARIANTS if v in variants]
    modules, questions = SIZES[args.size]
    work = args.work_dir.resolve() / args.size
    global PYCACHE, BUILDER_SNAPSHOT
    PYCACHE = args.work_dir.resolve() / "pycache"
    results_path = args.results or HERE / "results" / f"{args.size}.json"

    try:
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        commit = None
        if args.builder_ref:
            BUILDER_SNAPSHOT = work / "builder-snapshot"
            commit = snapshot_builder(args.builder_ref, BUILDER_SNAPSHOT)
            print(f"Measuring builder/ at {args.builder_ref} = {commit[:12]}", flush=True)
        else:
            try:
                commit = _git("rev-parse", "HEAD")
            except (OSError, subprocess.CalledProcessError):
                commit = None
        peers = peer_venv(work / "peer-install.log") if "mkdocs-quiz" in variants else None
        load_before = os.getloadavg()
        started = time.time()
        print(f"Building {args.size} ({modules} x {questions}): {', '.join(variants)}", flush=True)
        builds, sites = bench_builds(
            variants,
            modules,
            questions,
            work / "main",
            args.runs,
            args.warmup,
            peers,
            args.size,
        )
        pay = payload(sites)

        check: dict[str, Any] = {}
        if "ours" in variants:
            check["check_course"] = bench_check(modules, questions, work / "check", args.runs, args.warmup)
            if args.check_questions:
                check["check_10k"] = bench_check(
                    *check_shape(args.check_questions),
                    work / "check",
                    args.runs,
                    args.warmup,
                )

        linearity: dict[str, Any] = {}
        if args.size == "large":
            small_m, small_q = SIZES["small"]
            print(f"Building small ({small_m} x {small_q}) for the linearity figures", flush=True)
            small_builds, _ = bench_builds(
                variants,
                small_m,
                small_q,
                work / "small",
                args.runs,
                args.warmup,
                peers,
                "small",
            )
            small_check = (
                bench_check(small_m, small_q, work / "check", args.runs, args.warmup) if "ours" in variants else None
            )
            linearity = {
                "questions_factor": (modules * questions) / (small_m * small_q),
                "pages_factor": modules / small_m,
                "builds": {},
            }
            for variant in variants:
                row: dict[str, Any] = {
                    "small_cpu_s": small_builds[variant]["cpu_s"],
                    "large_cpu_s": builds[variant]["cpu_s"],
                    "ratio": builds[variant]["cpu_s"] / small_builds[variant]["cpu_s"],
                }
                if "plain-text" in variants and variant not in ("plain-text", "plain-prose"):
                    row["overhead_ms_per_question_small"] = (
                        1000
                        * (small_builds[variant]["cpu_s"] - small_builds["plain-text"]["cpu_s"])
                        / (small_m * small_q)
                    )
                    row["overhead_ms_per_question_large"] = (
                        1000 * (builds[variant]["cpu_s"] - builds["plain-text"]["cpu_s"]) / (modules * questions)
                    )
                linearity["builds"][variant] = row
            linearity["small_builds"] = small_builds
            if small_check:
                linearity["check"] = {
                    "small_cpu_s": small_check["cpu_s"],
                    "large_cpu_s": check["check_course"]["cpu_s"],
                    "ratio": check["check_course"]["cpu_s"] / small_check["cpu_s"],
                    "check_10k_cpu_s": check["check_10k"]["cpu_s"] if "check_10k" in check else None,
                }

        ratios: dict[str, Any] = {}
        for mine in ("ours", "ours-print"):
            for peer in ("mkdocs-quiz", "plain-text", "plain-prose"):
                if mine in builds and peer in builds:
                    o, p = builds[mine], builds[peer]
                    ratios[peer if mine == "ours" else f"{peer} ({mine})"] = {
                        "CPU": ratio(o["cpu_s"], p["cpu_s"]),
                        "wall": ratio(o["wall_s"], p["wall_s"]),
                        "peak RSS": ratio(o["maxrss_mib"], p["maxrss_mib"]),
                        "site size": ratio(o["site"]["bytes"], p["site"]["bytes"]),
                        "page JS+CSS gzip": ratio(pay[mine]["all"]["gzip"], pay[peer]["all"]["gzip"]),
                    }

        result: dict[str, Any] = {
            "size": args.size,
            "modules": modules,
            "questions_per_module": questions,
            "runs": args.runs,
            "warmup": args.warmup,
            "variants": variants,
            "seed": SEED,
            "question_mix": MIX_TEXT,
            "command": "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "environment": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "load_before": load_before,
                "load_after": os.getloadavg(),
                "started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)),
                "seconds": round(time.time() - started, 1),
                "project": project_versions(),
                "peers": peer_versions(peers) if peers else None,
            },
            "builder": builder_state(args.builder_ref, commit),
            "builds": builds,
            "payload": pay,
            "ratios": ratios,
            "check": check,
            "linearity": linearity,
        }
        result["goals"] = evaluate(args.size, builds, pay, check.get("check_10k"), linearity)
        text = report(result)
        if args.pages:  # page weight and Lighthouse: a section of its own (benchmarks/page_weight.py)
            sys.path.insert(0, str(HERE))
            import page_weight

            try:
                result["pages"] = page_weight.measure(work / "pages")
            except RuntimeError as exc:
                raise BenchError(str(exc)) from exc
            text += "\n" + page_weight.report(result["pages"])
        print(text)
        results_path.parent.mkdir(parents=True, exist_ok=True)
        results_path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nWrote {results_path}")
        return 0
    except BenchError as exc:
        print(f"\nbenchmark error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
