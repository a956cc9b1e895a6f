"""`course report`: what each module teaches, what assesses it, and when it was reviewed.

For reviewers of a pull request: per module, which questions assess each objective, which
objectives nothing assesses, question counts by type, duration, sources and review dates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from builder.course import Course, Module
from builder.models import QUESTION_TYPES
from builder.quality import Guessing, course_guessing, silenced, strategies


@dataclass(frozen=True)
class ObjectiveRow:
    id: str
    assessed_by: str
    questions: tuple[str, ...]

    @property
    def unassessed(self) -> bool:
        return self.assessed_by == "quiz" and not self.questions


@dataclass(frozen=True)
class ModuleRow:
    number: int
    id: str
    title: str
    minutes: int
    sources: int
    reviewed_on: str
    reviewed_by: str
    review_by: str
    types: dict[str, int]
    objectives: tuple[ObjectiveRow, ...]
    guessing: Guessing

    @property
    def questions(self) -> int:
        return sum(self.types.values())

    @property
    def unassessed(self) -> list[str]:
        return [o.id for o in self.objectives if o.unassessed]


def rows(course: Course) -> list[ModuleRow]:
    guessing, _ = course_guessing(course)
    return [_row(course, m, guessing.get(m.id, Guessing(0, 0, ()))) for m in course.modules]


def _row(course: Course, module: Module, guessing: Guessing) -> ModuleRow:
    quiz = course.quiz_for(module.id)
    questions = quiz.quiz.questions if quiz else []
    meta = module.meta
    return ModuleRow(
        number=module.number,
        id=module.id,
        title=meta.title,
        minutes=meta.duration,
        sources=len(meta.sources),
        reviewed_on=meta.reviewed.on.isoformat() if meta.reviewed else "",
        reviewed_by=(meta.reviewed.by or "") if meta.reviewed else "",
        review_by=meta.review_by.isoformat() if meta.review_by else "",
        types=dict(Counter(q.type for q in questions)),
        objectives=tuple(
            ObjectiveRow(o.id, o.assessed_by, tuple(q.id for q in questions if o.id in q.objectives))
            for o in meta.objectives
        ),
        guessing=guessing,
    )


def _guesses(score: Guessing) -> str:
    """"42% (single: the longest option, 5 of 9; …)": the score without reading and how."""
    how = strategies(score)
    return f"{score.percent}%" + (f" ({how})" if how else "")


def _silenced_lines(course: Course) -> list[str]:
    return [
        (
            f"{s.path}:{s.pos.line}: "
            f"{s.code} silenced for {f'question `{s.question}`' if s.question else 'the whole quiz'}: {s.reason}"
        )
        for s in silenced(course)
    ]


def without_reading_summary(course: Course) -> str:
    _, whole = course_guessing(course)
    return f"Score without reading, one fixed strategy per question type for the whole course: {_guesses(whole)}."


def _guessing_data(score: Guessing) -> dict[str, Any]:
    strategies = [
        {"type": kind, "strategy": name, "right": right, "of": of} for kind, name, right, of in score.strategies
    ]
    return {"percent": score.percent, "right": score.right, "questions": score.total, "strategies": strategies}


def format_json(course: Course) -> dict[str, Any]:
    """The report as data (`course report --format json`)."""
    _, whole = course_guessing(course)
    modules = [
        {
            "number": row.number,
            "id": row.id,
            "title": row.title,
            "minutes": row.minutes,
            "questions": row.questions,
            "types": row.types,
            "objectives": [
                {"id": o.id, "assessed_by": o.assessed_by, "questions": list(o.questions)} for o in row.objectives
            ],
            "sources": row.sources,
            "reviewed_on": row.reviewed_on or None,
            "reviewed_by": row.reviewed_by or None,
            "review_by": row.review_by or None,
            "without_reading": _guessing_data(row.guessing),
        }
        for row in rows(course)
    ]
    quiet = [
        {"path": s.path, "line": s.pos.line, "code": s.code, "question": s.question, "reason": s.reason}
        for s in silenced(course)
    ]
    return {"modules": modules, "without_reading": _guessing_data(whole), "silenced": quiet}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _types(row: ModuleRow) -> str:
    return ", ".join(f"{t} {row.types[t]}" for t in QUESTION_TYPES if t in row.types)


def format_text(course: Course) -> str:
    lines: list[str] = []
    table = rows(course)
    for row in table:
        status = f"reviewed by {row.reviewed_by}" if row.reviewed_by else "draft: no named reviewer"
        lines.append(f"{row.number:02d} {row.id}: {row.title}")
        lines.append(
            f"   {row.minutes} min · {_count(row.questions, 'question')} ({_types(row)}) "
            f"· {_count(row.sources, 'source')} · checked {row.reviewed_on or '-'}, "
            f"review by {row.review_by or '-'} · {status}"
        )
        lines.append(f"   without reading: {_guesses(row.guessing)}")
        width = max(len(o.id) for o in row.objectives)
        for o in row.objectives:
            assessed = (
                ", ".join(o.questions) if o.questions else ("NOT ASSESSED" if o.unassessed else f"({o.assessed_by})")
            )
            lines.append(f"   {o.id.ljust(width)}  {assessed}")
        lines.append("")
    total = sum(r.questions for r in table)
    lines.append(
        f"{_count(len(course.modules), 'module')}, {_count(total, 'question')}, "
        f"{_count(sum(r.minutes for r in table), 'minute')}."
    )
    lines.append(without_reading_summary(course))
    lines += _silenced_lines(course)
    return "\n".join(lines)


def format_markdown(course: Course, collapsible: bool = True, title: str = "## Course report") -> str:
    """A summary table and, per module, its objectives and the questions that assess them.

    `collapsible` wraps each module's table in <details> (for pull-request comments); the site's
    instructor report uses plain headings, since Markdown inside raw HTML is not rendered there,
    and its own `title`.
    """
    table = [
        (
            "| # | module | minutes | questions | by type | not assessed | without reading | sources | "
            "checked | review by | reviewer |"
        ),
        "| --- | --- | ---: | ---: | --- | --- | ---: | ---: | --- | --- | --- |",
    ]
    details: list[str] = []
    for row in rows(course):
        unassessed = ", ".join(f"`{o}`" for o in row.unassessed) or "none"
        table.append(
            f"| {row.number:02d} | `{row.id}` {row.title} | {row.minutes} | {row.questions} | {_types(row)} | "
            f"{unassessed} | {row.guessing.percent}% | {row.sources} | {row.reviewed_on} | {row.review_by} | "
            f"{row.reviewed_by or '**draft**'} |"
        )
        if collapsible:
            details.append(f"<details><summary><code>{row.id}</code>: objectives and questions</summary>\n")
        else:
            details.append(f"### `{row.id}`: objectives and questions\n")
        details.append("| objective | assessed by | questions |\n| --- | --- | --- |")
        for o in row.objectives:
            questions = ", ".join(f"`{q}`" for q in o.questions) or ("**none**" if o.unassessed else "-")
            details.append(f"| `{o.id}` | {o.assessed_by} | {questions} |")
        details.append("\n</details>\n" if collapsible else "")
    notes = [without_reading_summary(course), ""] + [f"- {line}" for line in _silenced_lines(course)]
    return "\n".join([title, "", *table, "", *notes, "", *details])
