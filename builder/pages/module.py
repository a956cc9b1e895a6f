"""Module pages (banner, content note, objectives, body, knowledge check, sources, answers) and
the whole-course print page, which is every module page on one page with one answers appendix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from builder.course import Module
from builder.links import PRINT_ID
from builder.markdown_scan import CITATION, CITE_KEY, apply_local_sections, mask_code, strip_instructor
from builder.models import Quiz
from builder.render import RenderContext, json_for_html, md_escape


@dataclass(frozen=True)
class Cite:
    anchor: str
    number: int


class ModulePages:
    """The Markdown of the module pages (builder/templates/module.md) and of the print page, for
    one rendered course."""

    def __init__(self, r: RenderContext) -> None:
        self.r = r

    def module_page(self, module: Module, p: str = "") -> str:
        """The Markdown of a module's page: banner, content note, objectives, body, quiz, sources.

        `p` prefixes the generated ids, so that several modules can share one page (print.md).
        """
        meta = module.meta
        quiz = self.r.course.quiz_for(module.id)
        assert quiz is not None
        page = f"modules/{PRINT_ID if p else module.id}.md"
        self.r.links.showing(page)
        review = self.r.env.get_template("review.html").render(
            t=self.r.t,
            by=meta.reviewed.by if meta.reviewed else None,
            on=meta.reviewed.on.isoformat() if meta.reviewed else None,
            due=meta.review_by.isoformat() if meta.review_by else None,
        )
        note = (
            self.r.env.get_template("content_note.html").render(t=self.r.t, text=meta.content_note, p=p)
            if meta.content_note
            else ""
        )
        return self.r.env.get_template("module.md").render(
            t=self.r.t,
            p=p,
            title=md_escape(meta.title),
            review=review.strip(),
            content_note=note.strip(),
            objectives=self.r.env.get_template("objectives.html")
            .render(t=self.r.t, module=module, changed=self._changed(module), p=p)
            .strip(),
            body=self.r.expand(self.r.links.sitemap.for_mkdocs(self.cite(module, p), page, module.path), p).strip(),
            quiz=self.r.defer(self.quiz(module, quiz.quiz, p).strip()),
            sources=self.r.env.get_template("sources.html")
            .render(t=self.r.t, sources=self._sources(module, p))
            .strip(),
            # A module printed alone: its answers after its sources (the whole-course page has one
            # appendix for every module; the instructor edition shows each key under its question).
            answers=self.r.defer(self.answers([module], print_only=True))
            if self.r.edition == "trainee" and not p
            else None,
            scenarios=[(sf.scenario.id, md_escape(sf.scenario.title)) for sf in self.r.course.scenarios_for(module.id)],
        )

    def _changed(self, module: Module) -> str | None:
        """The last commit date of the module or its quiz (None outside git)."""
        quiz = self.r.course.quiz_for(module.id)
        dates = [self.r.changed[p] for p in (module.path, quiz.path if quiz else "") if p in self.r.changed]
        return max(dates).isoformat() if dates else None

    def _sources(self, module: Module, p: str = "") -> list[dict[str, Any]]:
        return [
            {
                "anchor": p + self._anchor(module, index),
                "publisher": s.publisher,
                "title": s.title,
                "date": s.date,
                "url": s.url,
                "accessed": s.accessed.isoformat() if s.accessed else None,
            }
            for index, s in enumerate(module.meta.sources)
        ]

    @staticmethod
    def _anchor(module: Module, index: int) -> str:
        source = module.meta.sources[index]
        return f"source-{source.id}" if source.id else f"source-{index + 1}"

    def cite(self, module: Module, p: str = "") -> str:
        """The body with each `[@id; @id2]` turned into numbered links to the source list."""
        numbers = {s.id: i for i, s in enumerate(module.meta.sources) if s.id}
        template = self.r.env.get_template("citation.html")
        body = apply_local_sections(
            module.body,
            [s for s in self.r.course.local_sections if s.module == module.id],
            self.r.t["local_by"].format(agency=self.r.course.local.agency if self.r.course.local else "your agency"),
        )
        body = body if self.r.edition == "instructor" else strip_instructor(body)
        masked = mask_code(body)
        out: list[str] = []
        last = 0
        for match in CITATION.finditer(masked):
            keys = [CITE_KEY.match(k.strip()) for k in match.group(1).split(";")]
            if not all(k and k.group(1) in numbers for k in keys):
                continue  # `check` reports it; never reached for a checked course
            cites = [Cite(p + self._anchor(module, numbers[k.group(1)]), numbers[k.group(1)] + 1) for k in keys if k]
            out.append(body[last : match.start()])
            out.append(template.render(t=self.r.t, cites=cites).strip())
            last = match.end()
        out.append(body[last:])
        return "".join(out)

    def print_page(self) -> str:
        """Every module on one page, for a classroom binder (kept out of the search index)."""
        intro = self.r.t["print_intro_instructor" if self.r.edition == "instructor" else "print_intro"]
        parts = [f"---\nsearch:\n  exclude: true\n---\n\n# {md_escape(self.r.meta.title)}\n\n{intro}\n"]
        for module in self.r.course.modules:
            parts.append(self.module_page(module, p=f"{module.id}-"))
        if self.r.edition == "trainee":  # the instructor edition prints each key under its question
            parts.append(str(self.r.defer(self.answers(self.r.course.modules))) + "\n")
        return "\n\n".join(parts)

    def answers(self, modules: Sequence[Module], print_only: bool = False) -> str:
        """The answers appendix (answers.html) of these modules' knowledge checks, each answer
        headed by its question's number."""
        entries = []
        for module in modules:
            quiz = self.r.course.quiz_for(module.id)
            if quiz is None:
                continue
            total = len(quiz.quiz.questions)
            numbered = [
                (self.r.t["question_n"].format(n=n, total=total), self.r.question(q, module.id, "")[0])
                for n, q in enumerate(quiz.quiz.questions, 1)
            ]
            entries.append({"id": module.id, "title": module.meta.title, "questions": numbered})
        return (
            self.r.env.get_template("answers.html")
            .render(t=self.r.t, modules=entries, print_only=print_only, kinds=self.r.kinds())
            .strip()
        )

    def quiz(self, module: Module, quiz: Quiz, p: str = "") -> str:
        total = len(quiz.questions)
        pairs = [self.r.question(q, module.id, self._number(n, total)) for n, q in enumerate(quiz.questions, 1)]
        pass_mark = quiz.pass_mark if quiz.pass_mark is not None else self.r.meta.pass_mark
        # The pass mark and the interface strings (QUIZ_STRINGS) are in course.js, cached: JourneyPages.course_data_js
        data = {
            "module": module.id,
            "questions": [d for _, d in pairs],
        }
        # Hack: Material's instant navigation re-creates every inline <script> of the new page
        # without its `type` (bundle.js: `n.textContent=o.textContent`), so the data would run as
        # JavaScript. A JSON *array* is a harmless expression statement when that happens.
        instructor = self.r.edition == "instructor"
        forms = [self.r.question_html(v, instructor) for v, _ in pairs]
        return self.r.env.get_template("quiz.html").render(
            t=self.r.t,
            module=module,
            questions=forms,
            pass_mark=pass_mark,
            data=Markup(json_for_html([data])),
            instructor=instructor,
            p=p,
        )

    def _number(self, n: int, total: int) -> str:
        return self.r.t["question_n"].format(n=n, total=total) + "."
