"""The glossary page, from course/glossary.yml."""

from __future__ import annotations

from builder.render import RenderContext, slug


def glossary_page(r: RenderContext) -> str | None:
    """The glossary page from course/glossary.yml, terms in alphabetical order."""
    glossary = r.course.glossary
    if glossary is None:
        return None
    r.links.showing("glossary.md")
    r.links.writing("glossary.md", "course/glossary.yml", None)
    terms = [
        {
            "term": term.term,
            "abbr": term.abbr,
            "definition": r.inline(term.definition),
            "source": term.source,
            "anchor": "term-" + slug(term.abbr or term.term),
        }
        for term in sorted(glossary.terms, key=lambda t: t.term.lower())
    ]
    return r.env.get_template("glossary.md").render(t=r.t, terms=terms)
