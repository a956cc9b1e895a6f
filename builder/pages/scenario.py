"""Scenario pages: a branching story, its steps numbered in the order a trainee first meets them."""

from __future__ import annotations

import re

from builder.course import ScenarioFile
from builder.render import RenderContext, md_escape

_TAG = re.compile(r"<[^>]+>|[*_`#>\[\]]|\]\([^)]*\)")
#: A sentence ends at . ? or ! before a capital, but not after "Mr." or an initial ("K.").
_SENTENCE_END = re.compile(r"(?<=[.?!])(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z]\.)\s+(?=[A-Z\"“¿¡])")


def gist(text: str, words: int = 10) -> str:
    """The first sentence of a Markdown text as plain text, cut to `words` words with "…"."""
    plain = " ".join(_TAG.sub("", re.sub(r"\]\([^)]*\)|\s*\[@[^\]\n]*\]", "", text)).split())
    first = _SENTENCE_END.split(plain, 1)[0]
    cut = first.split()
    if len(cut) <= words:
        return first
    cut = cut[:words]
    while len(cut) > 1 and re.fullmatch(r"\W*\w{1,3}\.", cut[-1]):  # not "… Mr.…"
        cut.pop()
    return " ".join(cut).rstrip(",;:") + "…"


def scenario_page(r: RenderContext, sf: ScenarioFile) -> str:
    """A scenario's page: steps in the order a trainee first meets them, then the ends."""
    sc = sf.scenario
    r.links.showing(f"scenarios/{sc.id}.md")
    r.links.writing(f"scenarios/{sc.id}.md", sf.path, r.course.module(sc.module))
    order: list[str] = []
    todo = [sc.start]
    while todo:  # breadth-first from the start: step numbers follow the story
        current = todo.pop(0)
        if current in order or current not in sc.steps:
            continue
        order.append(current)
        todo.extend(c.goto for c in sc.steps[current].choices)
    order += [s for s in sc.steps if s not in order]
    # A heading says where the trainee is, not only "Step 2": the number and the first words.
    titles = {
        sid: r.t["scenario_step"].format(n=n, gist=gist(sc.steps[sid].situation)) for n, sid in enumerate(order, 1)
    }
    titles.update(
        {
            eid: r.t["scenario_outcome"].format(n=n, gist=gist(e.outcome))
            for n, (eid, e) in enumerate(sc.ends.items(), 1)
        }
    )
    steps = [
        {
            "id": sid,
            "title": titles[sid],
            "situation": r.block(sc.steps[sid].situation),
            "choices": [
                {
                    "text": r.inline(c.text),
                    "goto": c.goto,
                    "feedback": r.block(c.feedback),
                    "is_end": c.goto in sc.ends,
                    "target_title": titles.get(c.goto, c.goto),
                }
                for c in sc.steps[sid].choices
            ],
        }
        for sid in order
    ]
    ends = [
        {"id": eid, "title": titles[eid], "outcome": r.block(e.outcome), "debrief": r.block(e.debrief)}
        for eid, e in sc.ends.items()
    ]
    # Not deferred: a scenario is searchable, and the search plugin indexes the page before `fill`.
    body = r.env.get_template("scenario.html").render(t=r.t, s=sc, steps=steps, ends=ends).strip()
    module = r.course.module(sc.module)
    note = (
        r.env.get_template("content_note.html").render(
            t=r.t,
            text=sc.content_note,
            p="",
            skip_to="#end-" + next(iter(sc.ends)),
        )
        if sc.content_note
        else ""
    )
    return r.env.get_template("scenario.md").render(
        t=r.t,
        title=md_escape(sc.title),
        content_note=note.strip(),
        module_id=sc.module,
        module_title=md_escape(module.meta.title if module else sc.module),
        body=body,
    )
