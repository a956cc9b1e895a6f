"""The pages of course/ (the trainers' own: home, support, …) as the site shows them, and the
home page's overview of the course."""

from __future__ import annotations

from builder.i18n import counted
from builder.render import RenderContext, credit_lines


def course_page(r: RenderContext, markdown: str, uri: str) -> str:
    """A page of course/ (`uri` as the site has it) with links to modules by file name and
    other repository paths written as the site's own (builder/links.py), and its contacts and
    diagrams (`[[contact:id]]`, `[[contacts]]`, `[[diagram:name]]`) as HTML."""
    return r.expand(r.links.sitemap.for_mkdocs(markdown, uri, f"course/{uri}"))


def overview(r: RenderContext) -> str:
    """The home page's overview: time, modules, review dates, credit."""
    minutes = sum(m.meta.duration for m in r.course.modules)
    count = len(r.course.modules)
    hours = f"{minutes / 60:.1f}".rstrip("0").rstrip(".")
    modules = counted(r.t, count, "module")
    time = (
        r.t["about_hours"].format(hours=hours, modules=modules)
        if minutes >= 90
        else r.t["about_minutes"].format(minutes=minutes, modules=modules)
    )
    checked = [m.meta.reviewed.on for m in r.course.modules if m.meta.reviewed]
    due = [m.meta.review_by for m in r.course.modules if m.meta.review_by]
    credit = (
        r.t["credit"].format(hours=f"{r.course.local.credit_hours:g}", agency=r.course.local.agency)
        if r.course.local and r.course.local.credit_hours
        else ""
    )
    review = (
        r.t["content_checked"].format(checked=min(checked).isoformat(), due=min(due).isoformat())
        if checked and due
        else ""
    )
    return r.env.get_template("overview.md").render(
        t=r.t,
        meta=r.meta,
        modules=r.course.modules,
        time=time,
        review=review,
        credit=credit,
        local_note=r.course.local.note if r.course.local else None,
        course_credit=credit_lines(r.meta, r.t),
    )
