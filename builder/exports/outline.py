"""`course export outline`: the expanded course outline a standards board or training office asks
for in a submission packet: purpose, audience, credit, each module with its minutes, objectives
(and how each is assessed), key points and dated sources, the assessment design, review status and
version. Made from the same checked data as the site, so it is never out of date.

Markdown, or a standalone HTML page (the same Markdown converted; no scripts, no outside files).
The labels are in the course's language (builder/i18n.py).
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter

import markdown
from markupsafe import escape

from builder.course import Course, Module
from builder.exports import Export
from builder.i18n import counted, course_strings
from builder.markdown_scan import CITATION, strip_instructor
from builder.render import credit_lines

#: The key points of a module: the body's `!!! abstract` callouts (README, "Module").
_ABSTRACT = re.compile(r'^!!! abstract(?: "([^"\n]*)")?[ \t]*\n((?:[ \t]*\n|(?: {4}|\t).*\n?)*)', re.MULTILINE)
_MARKER = "<!-- course:overview -->"
#: What would turn a course's plain text into Markdown or break a table cell. Lighter than
#: render.md_escape: the Markdown file is also read as it is, so "(" and "." stay unescaped.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def export(course: Course, html: bool = False) -> Export:
    """The outline as Markdown, or as HTML when `html`."""
    text = outline_markdown(course)
    if html:
        text = _html_page(course, text)
    questions = sum(len(q.quiz.questions) for q in course.quizzes)
    return Export(text.encode("utf-8"), items=questions)


def outline_markdown(course: Course) -> str:
    meta = course.meta
    assert meta is not None
    t = course_strings(meta.language, meta.draft_banner)
    minutes = sum(m.meta.duration for m in course.modules)
    lines = [
        f"# {md_escape(meta.title)}",
        "",
        f"*{t['outline_kind']}* · {t['outline_version'].format(version=meta.version)} · `{meta.id}`",
        "",
    ]
    purpose = _purpose(course)
    if purpose:
        lines += [f"## {t['outline_purpose']}", "", purpose, ""]
    lines += [f"## {t['outline_audience']}", "", md_escape(meta.audience), ""]
    lines += [
        f"## {t['outline_time']}",
        "",
        t["outline_time_text"].format(
            minutes=minutes,
            hours=f"{minutes / 60:.1f}".rstrip("0").rstrip("."),
            modules=counted(t, len(course.modules), "module"),
        ),
        "",
    ]
    credit = credit_lines(meta, t)
    if credit:
        lines += [f"## {t['credit_heading']}", "", *(f"- {label}: {md_escape(value)}" for label, value in credit), ""]
    lines += _assessment(course, t)
    lines += _review(course, t)
    lines += [f"## {t['outline_modules']}", ""]
    for module in course.modules:
        lines += _module(course, module, t)
    return "\n".join(lines).rstrip("\n") + "\n"


def _purpose(course: Course) -> str:
    """The home page's opening paragraphs: up to the overview marker or the first heading or callout."""
    page = next((p for p in course.pages if p.path == "course/index.md"), None)
    if page is None:
        return ""
    text = page.text.split(_MARKER, 1)[0]
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block or block.startswith("# "):
            continue
        if block.startswith(("#", "!!!", "[[", "<")):
            break
        paragraphs.append(block)
    return "\n\n".join(paragraphs)


def _assessment(course: Course, t: dict[str, str]) -> list[str]:
    meta = course.meta
    assert meta is not None
    types: Counter[str] = Counter(q.type for quiz in course.quizzes for q in quiz.quiz.questions)
    total = sum(types.values())
    per_module = meta.final_assessment.per_module
    drawn = sum(min(per_module, len(q.quiz.questions)) for q in course.quizzes)
    kinds = ", ".join(f"{t['outline_type_' + kind]} {count}" for kind, count in sorted(types.items()))
    lines = [f"## {t['outline_assessment']}", ""]
    lines.append(
        "- "
        + t["outline_checks"].format(
            quizzes=counted(t, len(course.quizzes), "quiz"),
            questions=counted(t, total, "question"),
            kinds=kinds,
            pass_mark=meta.pass_mark,
        )
    )
    lines.append(
        "- "
        + t["outline_final"].format(
            per_module=counted(t, per_module, "question"), total=drawn, pass_mark=meta.pass_mark
        )
    )
    if course.scenarios:
        lines.append("- " + t["outline_scenarios"].format(count=counted(t, len(course.scenarios), "scenario")))
    lines += ["- " + t["outline_records"], "- " + t["certificate_statement"], ""]
    return lines


def _review(course: Course, t: dict[str, str]) -> list[str]:
    lines = [f"## {t['outline_review']}", "", f"| {t['outline_module']} | {t['outline_status']} |", "| --- | --- |"]
    for module in course.modules:
        meta = module.meta
        if meta.reviewed and meta.reviewed.by:
            status = t["reviewed"].format(by=md_escape(meta.reviewed.by), date=meta.reviewed.on.isoformat())
        elif meta.reviewed:
            status = md_escape(t["draft"]) + " " + t["outline_checked"].format(date=meta.reviewed.on.isoformat())
        else:
            status = md_escape(t["draft"])
        due = " " + t["review_due"].format(date=meta.review_by.isoformat()) if meta.review_by else ""
        lines.append(f"| {module.number}. {md_escape(meta.title)} | {status}{due} |")
    return [*lines, ""]


def _module(course: Course, module: Module, t: dict[str, str]) -> list[str]:
    meta = module.meta
    quiz = course.quiz_for(module.id)
    questions = quiz.quiz.questions if quiz else []
    scenarios = [s.scenario.title for s in course.scenarios_for(module.id)]
    lines = [
        f"### {module.number}. {md_escape(meta.title)}",
        "",
        f"{md_escape(meta.summary)} *{t['duration'].format(minutes=meta.duration)}.*",
        "",
    ]
    lines += [
        f"**{t['objectives']}**",
        "",
        f"| {t['outline_objective']} | {t['outline_assessed_by']} |",
        "| --- | --- |",
    ]
    for objective in meta.objectives:
        if objective.assessed_by == "quiz":
            count = sum(1 for q in questions if objective.id in q.objectives)
            how = t["outline_by_quiz"].format(count=counted(t, count, "question"))
        elif objective.assessed_by == "scenario":
            how = t["outline_by_scenario"] + (": " + "; ".join(md_escape(s) for s in scenarios) if scenarios else "")
        else:
            how = t["outline_by_classroom"]
        lines.append(f"| {md_escape(objective.text)} | {how} |")
    lines.append("")
    points = _key_points(module)
    if points:
        lines += [f"**{t['outline_key_points']}**", "", points, ""]
    lines += [f"**{t['sources']}**", ""]
    for number, source in enumerate(meta.sources, 1):
        parts = [md_escape(source.title)]
        if source.publisher:
            parts.append(md_escape(source.publisher))
        if source.date:
            parts.append(md_escape(source.date))
        accessed = " " + t["outline_accessed"].format(date=source.accessed.isoformat()) if source.accessed else ""
        lines.append(f"{number}. {'. '.join(parts)}. <{source.url}>{accessed}")
    return [*lines, ""]


def _key_points(module: Module) -> str:
    """The module's `!!! abstract` callouts, dedented, with citations as source numbers ([2])."""
    numbers = {s.id: n for n, s in enumerate(module.meta.sources, 1) if s.id}

    def cite(match: re.Match[str]) -> str:
        keys = [k.strip().lstrip("@") for k in match.group(1).split(";")]
        return "[" + ", ".join(str(numbers.get(k, k)) for k in keys) + "]"

    blocks = [textwrap.dedent(m.group(2)).strip() for m in _ABSTRACT.finditer(strip_instructor(module.body))]
    return CITATION.sub(cite, "\n\n".join(b for b in blocks if b))


def _html_page(course: Course, text: str) -> str:
    meta = course.meta
    assert meta is not None
    body = markdown.markdown(text, extensions=["tables"], output_format="html")
    style = (
        "body{font:16px/1.5 system-ui,sans-serif;max-width:48em;margin:2em auto;"
        "padding:0 1em;color:#111;background:#fff}"
        "table{border-collapse:collapse;width:100%}"
        "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}"
        "h3{margin-top:2em}@media print{h3{break-after:avoid}table{break-inside:auto}}"
    )
    title = escape(meta.title)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(meta.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
