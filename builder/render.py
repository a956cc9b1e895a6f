"""What every page is rendered with, from Jinja templates. Knows nothing of MkDocs.

Quiz text is Markdown written by trainers in YAML; it is rendered here with raw HTML escaped
(shown as typed) and unsafe link schemes neutralised, so whatever a quiz contains stays inert
(`QuizText`, which the exports use too). `RenderContext` holds one course's rendering: strings,
templates, links, the questions' memo and the deferred HTML; the pages are made from it by
builder/pages/, one module per kind.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from builder.cache import template_cache
from builder.course import Course
from builder.i18n import course_strings
from builder.links import SiteMap, TextLinks
from builder.markdown_scan import directives
from builder.models import CourseMeta, Question
from builder.questions import TYPES, question_type
from builder.questions.base import ViewContext

#: The interface strings quiz.js uses (`s.<name>`), carried by course.js (cb.course.strings); the
#: progress, assessment and certificate pages carry all of them in their own data.
#: quiz.js's own, then each question type's (`QuestionType.quiz_strings`).
QUIZ_STRINGS = tuple(
    dict.fromkeys(
        (
            "correct",
            "incorrect",
            "partly",
            "empty",
            "score",
            "score_one",
            "best_passed",
            "best_not_passed",
            "practise",
            "passed",
            "not_passed",
            *(s for kind in TYPES.values() for s in kind.quiz_strings),
        )
    )
)
#: Where generated HTML waits in a page's Markdown until MkDocs has converted it (`RenderContext.defer`).
DEFERRED = re.compile(r"<!-- course:html (\d+) -->")
#: The paragraph that separates fragments converted in one pass (`QuizText.blocks`).
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
        bytecode_cache=template_cache(),
    )
    env.filters["md"] = md_escape
    env.globals.update(tel=tel_uri, host=url_host)
    return env


class QuizText:
    """The quiz-text converter: Markdown written by trainers in YAML, as inert HTML (raw HTML shown
    as typed, unsafe links as text), through one reusable Python-Markdown converter. All the
    exports need to render a course's text: it knows no course and no page (a RenderContext hands it
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
            converted = (
                [Markup(part.strip()) for part in parts]
                if len(parts) == len(rest)
                else [self.block(text) for text in rest]
            )
        pending = iter(converted)
        return [html if html is not None else next(pending) for html in out]


class RenderContext(QuizText):
    """What every page of one course's site is rendered with: the course, its strings `t`, the
    Jinja templates, the links of the page being written, the quiz-text converter (QuizText), the
    questions' memo and the generated HTML that waits for `fill`. The page kinds take it:
    builder/pages/ (module pages and the print page, scenarios, the glossary, the instructor
    edition, the pages of course/, the journey pages).
    """

    def __init__(
        self,
        course: Course,
        language: str | None = None,
        changed: dict[str, datetime.date] | None = None,
        edition: str = "trainee",
    ) -> None:
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

    # -- contacts and diagrams, in module pages and the pages of course/ -------------------
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

    # -- questions: module pages, the print page and the final assessment show the same ------
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
            kind = self.kinds()[view["partial"]]
            self._question_html[key] = (
                self.env.get_template("question.html")  # type: ignore[attr-defined]
                .module.question(view, self.t, kind, instructor)
            )
        return self._question_html[key]

    def kinds(self) -> dict[str, Any]:
        """Each question type's partial (templates/questions/<partial>.html) as an imported
        template module, for question.html's macros."""
        if self._kind_modules is None:
            self._kind_modules = {
                kind.partial: self.env.get_template(f"questions/{kind.partial}.html").module for kind in TYPES.values()
            }
        return self._kind_modules

    def _question(self, question: Question, module_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
        qf = self._quizzes.get(module_id)
        self.links.writing(f"modules/{module_id}.md", qf.path if qf else "", self._modules.get(module_id))
        kind = question_type(question)
        texts: dict[tuple[str, int], str] = {
            ("prompt", 0): question.prompt,
            ("explanation", 0): question.explanation,
            **kind.texts(question),
        }
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
        view.update(
            kind.view(
                question, inline, ViewContext(self.t, seed, self._quizzes[module_id].option_orders.get(question.id))
            )
        )
        return view, {"id": question.id, "type": question.type, **kind.data(question)}


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


def json_for_html(data: Any) -> str:
    """JSON safe inside `<script type="application/json">`: `<`, `>` and `&` are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def md_escape(text: str) -> str:
    """Plain text for a Markdown context: Markdown and HTML specials are backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", str(escape(text)) if "<" in text or "&" in text else text)
