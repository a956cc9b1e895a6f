"""The site's own scripts and stylesheets, minified when they are published.

The sources in builder/assets/ stay readable; trainees on slow agency networks get them about
30% smaller (measured: 9.2 KB gzip of JS and CSS on a module page becomes 6.5 KB).
rjsmin and rcssmin are tiny, dependency-free and stable (the same author, maintained since 2011).
"""

from __future__ import annotations

from pathlib import Path

import rcssmin  # type: ignore[import-untyped]  # no type information shipped
import rjsmin  # type: ignore[import-untyped]

ASSETS = Path(__file__).parent / "assets"


def minified(text: str, name: str) -> str:
    if name.endswith(".js"):
        return str(rjsmin.jsmin(text)) + "\n"
    if name.endswith(".css"):
        return str(rcssmin.cssmin(text)) + "\n"
    return text


#: Where a question type's script (builder/assets/questions/<partial>.js) turns from grading,
#: which every page needs, to building the final assessment's form, which only journey-pages.js does.
FORM_MARK = "/* @form */"


def asset(name: str) -> str:
    """builder/assets/<name>, minified."""
    return minified((ASSETS / name).read_text(encoding="utf-8"), name)


def question_script(partial: str, *, form: bool = False) -> str:
    """A question type's script, minified: its grading part, or (`form`) its form builder's."""
    text = (ASSETS / "questions" / f"{partial}.js").read_text(encoding="utf-8")
    grading, mark, builder = text.partition(FORM_MARK)
    if not mark:
        raise ValueError(f"builder/assets/questions/{partial}.js has no {FORM_MARK} line before its form builder")
    return minified(builder if form else grading, ".js")
