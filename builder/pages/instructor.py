"""What only the instructor edition has: the "do not publish" banner on every page, the print
rule that repeats it on every sheet, and the coverage report page."""

from __future__ import annotations

from builder.render import RenderContext


def banner(r: RenderContext) -> str:
    """"Instructor edition: do not publish", for the top of every page of that edition."""
    return r.env.get_template("instructor_banner.html").render(t=r.t).strip()


def page_css(r: RenderContext) -> str:
    """The instructor edition's stylesheet rule that prints the banner's words on every sheet."""
    return r.env.get_template("instructor_page.css").render(label=css_string(r.t["instructor_banner"]))


def report(r: RenderContext) -> str:
    """The instructor edition's coverage report: objectives, questions, sources, review dates."""
    from builder.report import format_markdown

    return format_markdown(r.course, collapsible=False, title="# Instructor report")


def css_string(text: str) -> str:
    """`text` as a CSS string literal (quoted, backslashes and quotes escaped, line breaks as \\A)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{escaped}"'
