"""Course → Markdown pages and HTML fragments, from Jinja templates. Knows nothing of MkDocs.

Quiz text is Markdown written by trainers in YAML; it is rendered here with raw HTML escaped
(shown as typed) and unsafe link schemes neutralised, so whatever a quiz contains stays inert.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from builder.course import Course, Module, ScenarioFile
from builder.i18n import counted, course_strings
from builder.links import PRINT_ID, SiteMap, TextLinks
from builder.markdown_scan import CITATION, CITE_KEY, apply_local_sections, directives, mask_code, strip_instructor
from builder.models import CourseMeta, Question, Quiz
from builder.questions import TYPES, question_type
from builder.questions.base import ViewContext

#: The interface strings quiz.js uses (`s.<name>`), carried by course.js (cb.course.strings); the
#: progress, assessment and certificate pages carry all of them in their own data.
#: quiz.js's own, then each question type's (`QuestionType.quiz_strings`).
QUIZ_STRINGS = tuple(dict.fromkeys(("correct", "incorrect", "partly", "empty", "score", "score_one", "best_passed", "best_not_passed", "practise", "passed", "not_passed", *(s for kind in TYPES.values() for s in kind.quiz_strings))))
#: Where generated HTML waits in a page's Markdown until MkDocs has converted it (`Renderer.defer`).
DEFERRED = re.compile(r"<!-- course:html (\d+) -->")
#: The paragraph that separates fragments converted in one pass (`Renderer.blocks`).
_SPLIT = "cbsplit7e1f0c"
#: What a fragment must not hold to be converted with others: a reference-style link definition
#: (it would reach across fragments), a blank first line or nothing but blanks (alone, these are
#: not normalised as they are in company).
_NOT_BATCHED = re.compile(r"^ {0,3}\[[^\]]*\]:|\A[ \t]*(?:\n|\Z)", re.MULTILINE)
#: A fragment Python-Markdown would only wrap in <p>, unchanged: one line, no leading or trailing
#: space, no character that starts Markdown or HTML (emphasis, code, links, escapes, entities,
#: tags, headings) and no start that opens a block (list item, quote, rule). Most options and
#: feedback are such sentences; they skip the parser (tests/test_properties.py holds it to
#: Python-Markdown's own output).
_PLAIN = re.compile(r"(?![-+*=>\s]|[0-9]+[.)](?:\s|$))[^\x00-\x1f\x7f\\`*_\[\]<>&!#]+(?<!\s)")
_ODD_SPACE = re.compile(r"[^\S ]")  # tabs, no-break, line separators: Markdown normalises them
#: A one-line fragment whose only Markdown is the kind trainers put in options, feedback and
#: explanations: `*emphasis*`, `**strong**`, a `` `code` `` span and a `[link](https://…)`,
#: each on its own (no nesting), emphasis between spaces or punctuation, and otherwise the
#: characters `_PLAIN` allows. Python-Markdown's answer for these is known (tests/test_properties.py
#: holds `_simple` to it), and spelling it out costs a hundredth of parsing: on the benchmark's
#: realistic questions, a sixth of the build went into parsing such sentences.
_TEXT = r"[^\x00-\x1f\x7f\\`*_\[\]<>&!#]"
_WORDS = rf"(?!\s){_TEXT}+(?<!\s)"
_MARK = re.compile(
    rf"(?<![^ (])(?:\*\*(?P<strong>{_WORDS})\*\*|\*(?P<em>{_WORDS})\*)(?![^ .,;:?)])"
    r"|(?<![`\\])`(?P<code>(?!\s)[^\x00-\x1f\x7f`\\&<>]+(?<!\s))`(?!`)"
    rf"|\[(?P<text>{_WORDS})\]\((?P<url>https?://[A-Za-z0-9._~:/?#=%+-]+)\)"
)
_SIMPLE = re.compile(rf"(?![-+*=>\s]|[0-9]+[.)](?:\s|$))(?:{_TEXT}|{_MARK.pattern})+(?<!\s)")

_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "#", "/", "./", "../")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def _plain(text: str) -> bool:
    return _PLAIN.fullmatch(text) is not None and _ODD_SPACE.search(text) is None


def _paragraph(text: str) -> Markup:
    """What Python-Markdown makes of a `_plain` text (it holds no character to escape)."""
    return Markup(f"<p>{text}</p>")


def _marked(match: re.Match[str]) -> str:
    if match["strong"]:
        return f"<strong>{match['strong']}</strong>"
    if match["em"]:
        return f"<em>{match['em']}</em>"
    if match["code"]:
        return f"<code>{match['code']}</code>"
    return f'<a href="{match["url"]}">{match["text"]}</a>'


def _simple(text: str) -> Markup | None:
    """What Python-Markdown makes of a text of plain or `_SIMPLE` paragraphs, one line each,
    separated by one blank line (an explanation in two paragraphs, a YAML block's final line
    break); None for any other text."""
    paragraphs = [_line(part) for part in text.removesuffix("\n").split("\n\n")]
    return None if None in paragraphs else Markup("\n".join(paragraphs))  # type: ignore[arg-type]


def _line(text: str) -> str | None:
    if _ODD_SPACE.search(text) is not None:
        return None
    if _PLAIN.fullmatch(text) is not None:
        return f"<p>{text}</p>"
    if _SIMPLE.fullmatch(text) is None:
        return None
    return f"<p>{_MARK.sub(_marked, text)}</p>"


class _InertLinks(markdown.treeprocessors.Treeprocessor):
    """Links and images with schemes other than web, mail and phone become plain text."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attr in ("href", "src"):
                value = (element.get(attr) or "").strip()
                if value and ":" in value.split("/")[0] and not value.lower().startswith(_SAFE_SCHEMES):
                    del element.attrib[attr]
                    element.tag = "span"


class _QuizTextExtension(markdown.Extension):
    def __init__(self, links: TextLinks | None = None) -> None:
        super().__init__()
        self.links = links

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_InertLinks(md), "inert_links", 0)
        if self.links is not None:
            self.links.extend(md)  # links, images and [@id] citations (builder/links.py)


@dataclass(frozen=True)
class Cite:
    anchor: str
    number: int


def templates() -> Environment:
    """The Jinja environment over builder/templates/: HTML autoescaped, the `md` filter (Markdown
    escaping) and the `tel` and `host` functions."""
    env = Environment(
        loader=PackageLoader("builder", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["md"] = md_escape
    env.globals.update(tel=tel_uri, host=url_host)
    return env


class QuizText:
    """The quiz-text converter: Markdown written by trainers in YAML, as inert HTML (raw HTML shown
    as typed, unsafe links as text), through one reusable Python-Markdown converter. All the
    exports need to render a course's text: it knows no course and no page (a Renderer hands it
    `links`, which writes links, images and citations for the page that shows the text)."""

    def __init__(self, links: TextLinks | None = None) -> None:
        self._md = markdown.Markdown(extensions=[_QuizTextExtension(links), "sane_lists"])

    def block(self, text: str) -> Markup:
        html = _simple(text)
        return html if html is not None else self.convert(text)

    def convert(self, text: str) -> Markup:
        """Quiz text through Python-Markdown, always."""
        self._md.reset()
        return Markup(self._md.convert(text))

    def inline(self, text: str) -> Markup:
        return _unwrap(self.block(text))

    def blocks(self, texts: list[str]) -> list[Markup]:
        """Several fragments in one Markdown pass, each converted as `block` would convert it alone.

        Starting a conversion costs Python-Markdown about as much as converting a short option,
        and a question has up to a dozen fragments (4,000 questions: 36,800 conversions, a fifth
        of the build). The fragments are joined by a paragraph that none of them contains, which
        ends any list, quote or code block before it, and the output is cut at that paragraph.
        The rare batch with a fragment that would convert differently in company (`_NOT_BATCHED`)
        is converted one fragment at a time; tests/test_properties.py compares both ways.
        """
        out = [_simple(text) for text in texts]
        rest = [text for text, html in zip(texts, out) if html is None]
        if len(rest) < 2 or any(_SPLIT in text or _NOT_BATCHED.search(text) for text in rest):
            converted = [self.block(text) for text in rest]
        else:
            parts = str(self.convert(f"\n\n{_SPLIT}\n\n".join(rest))).split(f"<p>{_SPLIT}</p>")
            converted = [Markup(part.strip()) for part in parts] if len(parts) == len(rest) else [self.block(text) for text in rest]
        pending = iter(converted)
        return [html if html is not None else next(pending) for html in out]


class Renderer(QuizText):
    """Renders one course's pages, from the Jinja templates, converting its quiz text as QuizText does."""

    def __init__(self, course: Course, language: str | None = None, changed: dict[str, datetime.date] | None = None, edition: str = "trainee") -> None:
        assert course.meta is not None, "render only a course that passed check"
        self.course = course
        self.meta = course.meta
        self.t = course_strings(language or self.meta.language, self.meta.draft_banner)
        #: Where quiz and scenario text is written and shown, for its links (set per page).
        self.links = TextLinks(SiteMap(course), self.t["source_n"])
        super().__init__(self.links)
        self.changed = changed or {}
        #: "trainee" strips `!!! instructor` blocks before anything is rendered; "instructor" keeps
        #: them and shows the answer keys.
        self.edition = edition
        self.env = templates()
        self._questions: dict[tuple[str, ...], tuple[dict[str, Any], dict[str, Any]]] = {}
        #: Questions whose text links to the site's own files: their HTML depends on the page's folder.
        self._linked: set[tuple[str, str]] = set()
        self._question_html: dict[tuple[str, str, bool], Markup] = {}
        self._kind_modules: dict[str, Any] | None = None
        self._deferred: dict[int, str] = {}
        self._next_key = 0
        self._quizzes = {qf.quiz.module: qf for qf in course.quizzes}
        self._modules = {m.id: m for m in course.modules}

    # -- generated HTML in page Markdown ----------------------------------------------------
    def defer(self, html: str) -> Markup:
        """A placeholder for a block of generated HTML; `fill` puts the HTML back after Markdown.

        Only for HTML that search leaves out (quizzes): the adapter fills
        the page once it is rendered, after the search plugin has indexed it.

        Hack: a raw HTML block in a page's Markdown is parsed again, tag by tag, by
        Python-Markdown's HTML-block preprocessor and md_in_html, only to come out unchanged
        (half the build time of a 200-module course went there). An HTML comment is stashed
        and passed through verbatim, so the page's converter sees only the comment.
        """
        key = self._next_key
        self._next_key += 1
        self._deferred[key] = html
        return Markup(f"<!-- course:html {key} -->")

    def fill(self, html: str) -> str:
        """The converted page with each placeholder of `defer` replaced by its HTML (used once)."""
        return DEFERRED.sub(lambda m: self._deferred.pop(int(m.group(1)), m.group(0)), html)

    def unfilled(self) -> int:
        """How many placeholders of `defer` no page has received through `fill`."""
        return len(self._deferred)

    # -- module page ------------------------------------------------------------------------
    def module_page(self, module: Module, p: str = "") -> str:
        """The Markdown of a module's page: banner, content note, objectives, body, quiz, sources.

        `p` prefixes the generated ids, so that several modules can share one page (print.md).
        """
        meta = module.meta
        quiz = self.course.quiz_for(module.id)
        assert quiz is not None
        page = f"modules/{PRINT_ID if p else module.id}.md"
        self.links.showing(page)
        review = self.env.get_template("review.html").render(
            t=self.t,
            by=meta.reviewed.by if meta.reviewed else None,
            on=meta.reviewed.on.isoformat() if meta.reviewed else None,
            due=meta.review_by.isoformat() if meta.review_by else None,
        )
        note = self.env.get_template("content_note.html").render(t=self.t, text=meta.content_note, p=p) if meta.content_note else ""
        return self.env.get_template("module.md").render(
            t=self.t,
            p=p,
            title=md_escape(meta.title),
            review=review.strip(),
            content_note=note.strip(),
            objectives=self.env.get_template("objectives.html").render(t=self.t, module=module, changed=self._changed(module), p=p).strip(),
            body=self.expand(self.links.sitemap.for_mkdocs(self.cite(module, p), page, module.path), p).strip(),
            quiz=self.defer(self.quiz(module, quiz.quiz, p).strip()),
            sources=self.env.get_template("sources.html").render(t=self.t, sources=self._sources(module, p)).strip(),
            # A module printed alone: its answers after its sources (the whole-course page has one
            # appendix for every module; the instructor edition shows each key under its question).
            answers=self.defer(self.answers([module], print_only=True)) if self.edition == "trainee" and not p else None,
            scenarios=[(sf.scenario.id, md_escape(sf.scenario.title)) for sf in self.course.scenarios_for(module.id)],
        )

    def _changed(self, module: Module) -> str | None:
        """The last commit date of the module or its quiz (None outside git)."""
        quiz = self.course.quiz_for(module.id)
        dates = [self.changed[p] for p in (module.path, quiz.path if quiz else "") if p in self.changed]
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
        template = self.env.get_template("citation.html")
        body = apply_local_sections(module.body, [s for s in self.course.local_sections if s.module == module.id], self.t["local_by"].format(agency=self.course.local.agency if self.course.local else "your agency"))
        body = body if self.edition == "instructor" else strip_instructor(body)
        masked = mask_code(body)
        out: list[str] = []
        last = 0
        for match in CITATION.finditer(masked):
            keys = [CITE_KEY.match(k.strip()) for k in match.group(1).split(";")]
            if not all(k and k.group(1) in numbers for k in keys):
                continue  # `check` reports it; never reached for a checked course
            cites = [Cite(p + self._anchor(module, numbers[k.group(1)]), numbers[k.group(1)] + 1) for k in keys if k]
            out.append(body[last : match.start()])
            out.append(template.render(t=self.t, cites=cites).strip())
            last = match.end()
        out.append(body[last:])
        return "".join(out)

    def expand(self, text: str, p: str = "") -> str:
        """Replace `[[contact:id]]`, `[[contacts]]` and `[[diagram:name]]` with their HTML."""
        out: list[str] = []
        last = 0
        for d in directives(text):
            html = self._directive(d.name, d.arg, p)
            if html is None:
                continue  # `check` reports it; never reached for a checked course
            out.append(text[last : d.start])
            out.append(html)
            last = d.end
        out.append(text[last:])
        return "".join(out)

    def _directive(self, name: str, arg: str | None, p: str = "") -> str | None:
        if name == "contact" and arg and self.course.contact(arg):
            return self.env.get_template("contact.html").render(t=self.t, c=self.course.contact(arg)).strip()
        if name == "contacts" and arg is None:
            return self.env.get_template("contacts.html").render(t=self.t, contacts=self.course.all_contacts).strip()
        diagram = self.course.diagram(arg) if name == "diagram" and arg else None
        if diagram is not None:
            svg = Markup(diagram.markup(prefix=f"{p}d-{diagram.name}-"))
            return self.env.get_template("diagram.html").render(t=self.t, d=diagram, svg=svg, p=p).strip()
        return None

    def scenario_page(self, sf: ScenarioFile) -> str:
        """A scenario's page: steps in the order a trainee first meets them, then the ends."""
        sc = sf.scenario
        self.links.showing(f"scenarios/{sc.id}.md")
        self.links.writing(f"scenarios/{sc.id}.md", sf.path, self.course.module(sc.module))
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
        titles = {sid: self.t["scenario_step"].format(n=n, gist=gist(sc.steps[sid].situation)) for n, sid in enumerate(order, 1)}
        titles.update({eid: self.t["scenario_outcome"].format(n=n, gist=gist(e.outcome)) for n, (eid, e) in enumerate(sc.ends.items(), 1)})
        steps = [
            {
                "id": sid,
                "title": titles[sid],
                "situation": self.block(sc.steps[sid].situation),
                "choices": [
                    {"text": self.inline(c.text), "goto": c.goto, "feedback": self.block(c.feedback), "is_end": c.goto in sc.ends, "target_title": titles.get(c.goto, c.goto)}
                    for c in sc.steps[sid].choices
                ],
            }
            for sid in order
        ]
        ends = [{"id": eid, "title": titles[eid], "outcome": self.block(e.outcome), "debrief": self.block(e.debrief)} for eid, e in sc.ends.items()]
        # Not deferred: a scenario is searchable, and the search plugin indexes the page before `fill`.
        body = self.env.get_template("scenario.html").render(t=self.t, s=sc, steps=steps, ends=ends).strip()
        module = self.course.module(sc.module)
        note = self.env.get_template("content_note.html").render(t=self.t, text=sc.content_note, p="", skip_to="#end-" + next(iter(sc.ends))) if sc.content_note else ""
        return self.env.get_template("scenario.md").render(
            t=self.t, title=md_escape(sc.title), content_note=note.strip(), module_id=sc.module, module_title=md_escape(module.meta.title if module else sc.module), body=body
        )

    # -- trainee journey: progress, final self-assessment, certificate ---------------------
    def js_strings(self, only: tuple[str, ...] | None = None) -> dict[str, str]:
        """The interface strings of the site's scripts (`js_…` in builder/i18n.py): all, or `only` these."""
        return {k[3:]: v for k, v in self.t.items() if k.startswith("js_") and (only is None or k[3:] in only)}

    def course_page(self, markdown: str, uri: str) -> str:
        """A page of course/ (`uri` as the site has it) with links to modules by file name and
        other repository paths written as the site's own (builder/links.py)."""
        return self.links.sitemap.for_mkdocs(markdown, uri, f"course/{uri}")

    def print_page(self) -> str:
        """Every module on one page, for a classroom binder (kept out of the search index)."""
        intro = self.t["print_intro_instructor" if self.edition == "instructor" else "print_intro"]
        parts = [f"---\nsearch:\n  exclude: true\n---\n\n# {md_escape(self.meta.title)}\n\n{intro}\n"]
        for module in self.course.modules:
            parts.append(self.module_page(module, p=f"{module.id}-"))
        if self.edition == "trainee":  # the instructor edition prints each key under its question
            parts.append(str(self.defer(self.answers(self.course.modules))) + "\n")
        return "\n\n".join(parts)

    def answers(self, modules: Sequence[Module], print_only: bool = False) -> str:
        """The answers appendix (answers.html) of these modules' knowledge checks, each answer
        headed by its question's number."""
        entries = []
        for module in modules:
            quiz = self.course.quiz_for(module.id)
            if quiz is None:
                continue
            total = len(quiz.quiz.questions)
            numbered = [(self.t["question_n"].format(n=n, total=total), self.question(q, module.id, "")[0]) for n, q in enumerate(quiz.quiz.questions, 1)]
            entries.append({"id": module.id, "title": module.meta.title, "questions": numbered})
        return self.env.get_template("answers.html").render(t=self.t, modules=entries, print_only=print_only, kinds=self._kinds()).strip()

    def instructor_banner(self) -> str:
        """"Instructor edition: do not publish", for the top of every page of that edition."""
        return self.env.get_template("instructor_banner.html").render(t=self.t).strip()

    def instructor_page_css(self) -> str:
        """The instructor edition's stylesheet rule that prints the banner's words on every sheet."""
        return self.env.get_template("instructor_page.css").render(label=css_string(self.t["instructor_banner"]))

    def instructor_report(self) -> str:
        """The instructor edition's coverage report: objectives, questions, sources, review dates."""
        from builder.report import format_markdown

        return format_markdown(self.course, collapsible=False, title="# Instructor report")

    def glossary_page(self) -> str | None:
        """The glossary page from course/glossary.yml, terms in alphabetical order."""
        glossary = self.course.glossary
        if glossary is None:
            return None
        self.links.showing("glossary.md")
        self.links.writing("glossary.md", "course/glossary.yml", None)
        terms = [
            {"term": term.term, "abbr": term.abbr, "definition": self.inline(term.definition), "source": term.source, "anchor": "term-" + slug(term.abbr or term.term)}
            for term in sorted(glossary.terms, key=lambda t: t.term.lower())
        ]
        return self.env.get_template("glossary.md").render(t=self.t, terms=terms)

    def question(self, question: Question, module_id: str, number: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """What the question template needs, and what quiz.js needs to check the answer.

        Memoized: the module page, the whole-course print page and the final assessment show the
        same questions, and converting their Markdown is most of the cost of rendering a quiz.
        """
        key: tuple[str, ...] = (module_id, question.id)
        if key in self._linked:
            key += (self.links.folder,)
        if key not in self._questions:
            before = self.links.count
            self._questions[key] = self._question(question, module_id)
            if self.links.count != before and len(key) == 2:  # its URLs hold for this folder only
                self._linked.add((module_id, question.id))
                self._questions[key + (self.links.folder,)] = self._questions.pop(key)
                key += (self.links.folder,)
        view, data = self._questions[key]
        return {**view, "number": number}, dict(data)

    def question_html(self, view: dict[str, Any], instructor: bool = False) -> Markup:
        """One question's form (question.html), memoized: the module page and the whole-course
        print page show the same form (they are in the same folder, so its links hold for both)."""
        key = (view["dom_id"], view["number"], instructor)
        if key not in self._question_html:
            kind = self._kinds()[view["partial"]]
            self._question_html[key] = self.env.get_template("question.html").module.question(view, self.t, kind, instructor)  # type: ignore[attr-defined]
        return self._question_html[key]

    def _kinds(self) -> dict[str, Any]:
        """Each question type's partial (templates/questions/<partial>.html) as an imported
        template module, for question.html's macros."""
        if self._kind_modules is None:
            self._kind_modules = {kind.partial: self.env.get_template(f"questions/{kind.partial}.html").module for kind in TYPES.values()}
        return self._kind_modules

    def _question(self, question: Question, module_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
        qf = self._quizzes.get(module_id)
        self.links.writing(f"modules/{module_id}.md", qf.path if qf else "", self._modules.get(module_id))
        kind = question_type(question)
        texts: dict[tuple[str, int], str] = {("prompt", 0): question.prompt, ("explanation", 0): question.explanation, **kind.texts(question)}
        html = dict(zip(texts, self.blocks(list(texts.values()))))
        inline = {key: _unwrap(value) for key, value in html.items()}
        prompt = html["prompt", 0]
        single_paragraph = inline["prompt", 0] is not prompt
        view: dict[str, Any] = {
            "id": question.id,
            "type": question.type,
            "partial": kind.partial,
            "dom_id": f"q-{module_id}-{question.id}",
            "prompt_inline": inline["prompt", 0] if single_paragraph else None,
            "prompt_block": None if single_paragraph else prompt,
            "explanation": html["explanation", 0],
            "feedback": [],
        }
        seed = f"{module_id}/{question.id}"
        view.update(kind.view(question, inline, ViewContext(self.t, seed, self._quizzes[module_id].option_orders.get(question.id))))
        return view, {"id": question.id, "type": question.type, **kind.data(question)}

    def quiz(self, module: Module, quiz: Quiz, p: str = "") -> str:
        total = len(quiz.questions)
        pairs = [self.question(q, module.id, self._number(n, total)) for n, q in enumerate(quiz.questions, 1)]
        pass_mark = quiz.pass_mark if quiz.pass_mark is not None else self.meta.pass_mark
        data = {
            "module": module.id,
            "questions": [d for _, d in pairs],
        }  # the pass mark and the interface strings (QUIZ_STRINGS) are in course.js, cached: JourneyPages.course_data_js
        # Hack: Material's instant navigation re-creates every inline <script> of the new page
        # without its `type` (bundle.js: `n.textContent=o.textContent`), so the data would run as
        # JavaScript. A JSON *array* is a harmless expression statement when that happens.
        instructor = self.edition == "instructor"
        forms = [self.question_html(v, instructor) for v, _ in pairs]
        return self.env.get_template("quiz.html").render(t=self.t, module=module, questions=forms, pass_mark=pass_mark, data=Markup(json_for_html([data])), instructor=instructor, p=p)

    def _number(self, n: int, total: int) -> str:
        return self.t["question_n"].format(n=n, total=total) + "."

    # -- home page --------------------------------------------------------------------------
    def overview(self) -> str:
        minutes = sum(m.meta.duration for m in self.course.modules)
        count = len(self.course.modules)
        hours = f"{minutes / 60:.1f}".rstrip("0").rstrip(".")
        modules = counted(self.t, count, "module")
        time = self.t["about_hours"].format(hours=hours, modules=modules) if minutes >= 90 else self.t["about_minutes"].format(minutes=minutes, modules=modules)
        checked = [m.meta.reviewed.on for m in self.course.modules if m.meta.reviewed]
        due = [m.meta.review_by for m in self.course.modules if m.meta.review_by]
        credit = self.t["credit"].format(hours=f"{self.course.local.credit_hours:g}", agency=self.course.local.agency) if self.course.local and self.course.local.credit_hours else ""
        review = self.t["content_checked"].format(checked=min(checked).isoformat(), due=min(due).isoformat()) if checked and due else ""
        return self.env.get_template("overview.md").render(t=self.t, meta=self.meta, modules=self.course.modules, time=time, review=review, credit=credit, local_note=self.course.local.note if self.course.local else None, course_credit=self.credit_lines())

    def credit_lines(self) -> list[tuple[str, str]]:
        """`credit` in course.yml as (label, value) pairs, in a fixed order, only the keys given."""
        return credit_lines(self.meta, self.t)


def credit_lines(meta: CourseMeta, t: dict[str, str]) -> list[tuple[str, str]]:
    """`credit` in course.yml as (label, value) pairs for the home page, certificate and outline."""
    credit = meta.credit
    values = {
        "credit_hours": f"{credit.hours:g}" if credit.hours is not None else None,
        "credit_course_number": credit.course_number,
        "credit_provider": credit.provider,
        "credit_approving_body": credit.approving_body,
        "credit_approval_number": credit.approval_number,
    }
    return [(t[key], value) for key, value in values.items() if value]


def _unwrap(html: Markup) -> Markup:
    """A fragment that is one paragraph, without its `<p>`; anything else as it is (the same object)."""
    text = str(html)
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        return Markup(text[3:-4])
    return html


def tel_uri(phone: str) -> str:
    """`1-888-373-7888` → `+18883737888`; short numbers such as 911 stay as they are."""
    digits = re.sub(r"\D", "", phone)
    return f"+{digits}" if len(digits) == 11 and digits.startswith("1") else digits


def url_host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens; accents dropped, not the letters ("Recolección" → "recoleccion")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def css_string(text: str) -> str:
    """`text` as a CSS string literal (quoted, backslashes and quotes escaped, line breaks as \\A)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{escaped}"'


def json_for_html(data: Any) -> str:
    """JSON safe inside `<script type="application/json">`: `<`, `>` and `&` are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


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


def md_escape(text: str) -> str:
    """Plain text for a Markdown context: Markdown and HTML specials are backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", str(escape(text)) if "<" in text or "&" in text else text)
