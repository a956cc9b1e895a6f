"""The trainee's journey pages: My progress, the final self-assessment and the certificate, and
the course data every page's script starts with (course-data.js). Made from a RenderContext,
which renders the questions (the assessment's pool) and holds the templates and strings."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from builder.questions import TYPES
from builder.render import QUIZ_STRINGS, RenderContext, credit_lines, json_for_html

#: The interface strings of question.html and the types' partials (`QuestionType.form_strings`),
#: for the forms journey-pages.js builds.
FORM_STRINGS = tuple(
    dict.fromkeys(("show_answer", "answer", *(s for kind in TYPES.values() for s in kind.form_strings)))
)


def form_data(view: dict[str, Any]) -> dict[str, Any]:
    """What journey-pages.js needs to build a question's form as question.html does: its
    rendered (inert) text fragments, compactly (the type's part: `QuestionType.form`)."""
    form: dict[str, Any] = {"prompt": view["prompt_inline"] or view["prompt_block"], "explanation": view["explanation"]}
    if view["prompt_block"]:
        form["block"] = True
    return {**form, **TYPES[view["type"]].form(view)}  # Markup is a str: json.dumps writes it as it is


class JourneyPages:
    """The Markdown of the journey pages (builder/templates/progress.md, assessment.md,
    certificate.md) and assets/course/course.js's data, for one rendered course."""

    def __init__(self, r: RenderContext) -> None:
        self.r = r

    def js_strings(self, only: tuple[str, ...] | None = None) -> dict[str, str]:
        """The interface strings of the site's scripts (`js_…` in builder/i18n.py): all, or `only` these."""
        return {k[3:]: v for k, v in self.r.t.items() if k.startswith("js_") and (only is None or k[3:] in only)}

    def course_data_js(self) -> str:
        """The start of assets/course/course.js: the little every page needs (storage key, pass marks,
        the knowledge checks' interface strings), cacheable. The course's pass mark, and the
        modules whose quiz sets another: not every module's id, which module pages do not need
        (648 B gzip at 200 modules); the journey pages' data lists the modules (`_journey_data`)."""
        own = {
            qf.quiz.module: qf.quiz.pass_mark
            for qf in self.r.course.quizzes
            if qf.quiz.pass_mark not in (None, self.r.meta.pass_mark)
        }
        data = {
            "id": self.r.meta.id,
            "epoch": self.r.meta.progress_epoch,
            "passMark": self.r.meta.pass_mark,
            "passMarks": own,
            "strings": self.js_strings((*QUIZ_STRINGS, "passed_mark")),
        }
        return self.r.env.get_template("course-data.js").render(data=Markup(json_for_html(data)))

    def _journey_data(self) -> Markup:
        """What the progress, assessment and certificate pages need: titles, question ids, strings,
        the course's version (for the final result and the certificate)."""
        modules = []
        for module in self.r.course.modules:
            quiz = self.r.course.quiz_for(module.id)
            modules.append(
                {
                    "id": module.id,
                    "title": module.meta.title,
                    "questions": [q.id for q in quiz.quiz.questions] if quiz else [],
                }
            )
        strings = {**self.js_strings(), **{k: v for k, v in self.r.t.items() if k.startswith("status_")}}
        return Markup(json_for_html([{"modules": modules, "strings": strings, "version": self.r.meta.version}]))

    def progress_page(self) -> str:
        modules = [{"id": m.id, "title": m.meta.title, "number": n} for n, m in enumerate(self.r.course.modules, 1)]
        return self.r.env.get_template("progress.md").render(t=self.r.t, modules=modules, journey=self._journey_data())

    def assessment_page(self) -> str:
        """The final self-assessment: every question of every quiz as data; journey-pages.js draws
        `per_module` of each and builds their forms as question.html would (without JavaScript
        there is no draw). The pool as HTML was 8.7 MiB at 200 modules x 20 questions; as data it
        is a third of that."""
        per_module = self.r.meta.final_assessment.per_module
        self.r.links.showing("assessment.md")
        data, total = [], 0
        for module in self.r.course.modules:
            quiz = self.r.course.quiz_for(module.id)
            if quiz is None:
                continue
            total += min(per_module, len(quiz.quiz.questions))
            for question in quiz.quiz.questions:
                view, datum = self.r.question(question, module.id, "")
                data.append({**datum, **form_data(view), "module": module.id, "objectives": list(question.objectives)})
        objectives = {f"{m.id}/{o.id}": o.text for m in self.r.course.modules for o in m.meta.objectives}
        strings = {k: self.r.t[k] for k in FORM_STRINGS}
        payload = {
            "perModule": per_module,
            "passMark": self.r.meta.pass_mark,
            "questions": data,
            "objectives": objectives,
            "form": strings,
        }
        # Deferred: Python-Markdown would scan the pool (4.6 MiB at 200 modules x 20 questions) as
        # a raw HTML block only to pass it through; the page is not searched.
        return self.r.env.get_template("assessment.md").render(
            t=self.r.t,
            per_module=per_module,
            total=total,
            pass_mark=self.r.meta.pass_mark,
            data=self.r.defer(json_for_html([payload])),
            journey=self._journey_data(),
        )

    def certificate_page(self) -> str:
        """The certificate; its data also makes the roster file (a JSON array: see `ModulePages.quiz`)."""
        credit = self.r.meta.credit
        data = {
            "title": self.r.meta.title,
            "passMark": self.r.meta.pass_mark,
            "credit": {
                "hours": credit.hours,
                "courseNumber": credit.course_number,
                "provider": credit.provider,
                "approvingBody": credit.approving_body,
                "approvalNumber": credit.approval_number,
            },
        }
        return self.r.env.get_template("certificate.md").render(
            t=self.r.t,
            title=self.r.meta.title,
            credit=credit_lines(self.r.meta, self.r.t),
            data=Markup(json_for_html([data])),
            journey=self._journey_data(),
        )
