"""Links, images and citations in course text: found where they are written, resolved to the
site's own pages and files, and written as the URL the page that shows them needs.

Knows nothing of MkDocs. Every page is named by its site path, as MkDocs names it
(`modules/indicators.md`, `support.md`, `images/seal.png`); with `use_directory_urls: false` a
page is published beside its name as `.html`.

Text is written for one page and may be shown on others. A module body is written for its page,
`modules/<id>.html`; so is its quiz text, which is also shown on the print page (beside it) and
the final self-assessment (`assessment.html`, one folder up); scenario text is written for
`scenarios/<id>.html`. MkDocs rewrites the links of the Markdown it converts (module bodies,
course pages), but quiz and scenario text reaches the page as finished HTML: its URLs are written
here, relative to the page that shows it, so they work under a sub-path, from file:// and inside
a SCORM package.

A link may name a page as the site has it (`victim-centered.md`, `../support.md`), or as the
repository has it (`02-trafficking-or-smuggling.md`, `../course/support.md`): both resolve to the
same page, and the published URL is the page's own.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

import markdown
from markdown.extensions.toc import slugify

from builder.diagnostics import Diagnostic, Pos, closest, error
from builder.i18n import strings_for
from builder.markdown_scan import CITATION, CITE_KEY, citations, headings, mask_code

if TYPE_CHECKING:
    from builder.course import Course, Module

#: The generated whole-course print page sits beside the module pages under this name.
PRINT_ID = "all-modules"
#: Pages the builder generates at the site's root (the trainee's journey).
JOURNEY_PAGES = ("progress.md", "assessment.md", "certificate.md")
GLOSSARY_PAGE = "glossary.md"
#: Files of course/ that are settings or sources, not pages to publish: every YAML file (the
#: builder's settings, and any notes a trainer keeps beside them) and the diagrams' SVG sources,
#: which are inlined into the pages that use them.
NOT_PUBLISHED_SUFFIXES = (".yml", ".yaml")
NOT_PUBLISHED_FOLDERS = ("diagrams/",)


def published(path: str) -> bool:
    """Whether a file of course/ (path relative to course/, e.g. "images/seal.png") is published."""
    return not (path.endswith(NOT_PUBLISHED_SUFFIXES) or path.startswith(NOT_PUBLISHED_FOLDERS))

#: The keys of quiz and scenario files whose text is Markdown.
MARKDOWN_KEYS = frozenset(
    "prompt explanation text feedback left right items accepted situation outcome debrief".split()
)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")

#: Ids the builder gives each objective, source, question and scenario step: left out of hints.
_GENERATED_IDS = ("objective-", "source-", "q-", "quiz-", "step-", "end-", "cb-")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# An inline link or image: text (one level of brackets inside), then `(url` or `(<url>`.
_INLINE = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(?:<([^>\n]*)>|([^\s)]+))")  # an image: `!` before it
#: The rest of an inline link after its URL: an optional title, then `)`.
_INLINE_END = re.compile(r"""\s*(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\))?\s*\)""")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.MULTILINE)
_HTML_URL = re.compile(r"<(a|img)\b[^>]*?\s(href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)
_HTML_START = re.compile(r"<(?:a|img)\s", re.IGNORECASE)
_ATTR_ID = re.compile(r"\{:?[^{}\n]*?#([\w-]+)[^{}\n]*\}")
_HTML_ID = re.compile(r"<[a-zA-Z][^>]*?\sid\s*=\s*[\"']([^\"']+)[\"']")


@dataclass(frozen=True)
class Found:
    """A link or image URL in Markdown source."""

    line: int  # 0-based within the text
    col: int  # 0-based
    url: str
    start: int  # offsets of the URL in the text
    end: int
    image: bool
    html: bool  # written as raw HTML (`<a href>`, `<img src>`): MkDocs leaves it as it is


def find_links(text: str, *, raw_html: bool = True) -> list[Found]:
    """Every link and image URL of a Markdown text outside code, in order. Without `raw_html`
    (quiz and scenario text, where raw HTML is shown as typed), only Markdown's own."""
    if "](" not in text and "]:" not in text and not (raw_html and _HTML_START.search(text)):
        return []  # most texts hold no link: no scan
    masked = mask_code(text)
    found: list[Found] = []

    def add(start: int, url: str, image: bool, html: bool) -> None:
        found.append(Found(*_line_col(masked, start), url, start, start + len(url), image, html))

    for m in _INLINE.finditer(masked) if "](" in masked else ():
        group = 2 if m.group(2) is not None else 3
        add(m.start(group), m.group(group), masked[m.start() - 1 : m.start()] == "!", False)
    for m in _REFERENCE.finditer(masked):
        group = 1 if m.group(1) is not None else 2
        if not m.group(0).lstrip().startswith("[@"):
            url = m.group(group)
            add(m.start(group), url, url.lower().endswith(IMAGE_SUFFIXES), False)
    for m in _HTML_URL.finditer(masked) if raw_html else ():
        group = next(g for g in (3, 4, 5) if m.group(g) is not None)
        # As a browser reads it: entities decoded, tabs and newlines dropped (`&#106;ava&#x09;script:`
        # is a javascript: URL, which builder/html_safety.py reports).
        url = re.sub(r"[\t\n\r]", "", html.unescape(m.group(group)))
        found.append(
            Found(
                *_line_col(masked, m.start(group)),
                url,
                m.start(group),
                m.end(group),
                m.group(1).lower() == "img",
                True,
            )
        )
    return sorted(found, key=lambda f: f.start)


def _line_col(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index), index - (text.rfind("\n", 0, index) + 1)


@dataclass(frozen=True)
class Target:
    """A file of the site (`modules/indicators.md`, `images/seal.png`) and a fragment in it."""

    uri: str
    fragment: str = ""


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    hint: str


def page_url(uri: str) -> str:
    """Where a site file is published: pages as `.html` (use_directory_urls: false)."""
    return uri[: -len(".md")] + ".html" if uri.endswith(".md") else uri


def relative(uri: str, page: str) -> str:
    """The path of site file `uri` from the folder of `page` (both site paths)."""
    return posixpath.relpath(uri, posixpath.dirname(page) or ".")


class SiteMap:
    """The pages and files a course publishes, and the ids on each page (as far as they are known)."""

    def __init__(self, course: Course) -> None:
        self.course = course
        self._pages: dict[str, Module | str | None] = {}
        for page in course.pages:
            self._pages[page.path.removeprefix("course/")] = page.text
        for module in course.modules:
            self._pages[f"modules/{module.id}.md"] = module
        for sf in course.scenarios:
            self._pages[f"scenarios/{sf.scenario.id}.md"] = f"scenarios/{sf.scenario.id}"
        for uri in JOURNEY_PAGES + ((GLOSSARY_PAGE,) if course.glossary is not None else ()):
            self._pages.setdefault(uri, None)
        if course.has_print_page:
            self._pages[f"modules/{PRINT_ID}.md"] = None
        self._files = {
            path.removeprefix("course/")
            for path in course.files
            if not path.endswith(".md") and published(path.removeprefix("course/"))
        }
        #: A module's page by its file's name as the repository has it.
        self._aliases = {f"modules/{PurePosixPath(m.path).name}": f"modules/{m.id}.md" for m in course.modules}
        self._anchors: dict[str, frozenset[str] | None] = {}

    # -- resolving ----------------------------------------------------------------------------
    def resolve(self, url: str, written: str, source: str) -> Target | Problem | None:
        """The site file a URL leads to, a Problem, or None for a URL that is not the site's own
        (web, mail, phone). `written` is the page the text is written for, `source` its file."""
        url = url.strip()
        if not url or _SCHEME.match(url) or url.startswith("//"):
            return None
        if url.startswith("/"):
            return Problem(
                "absolute-link",
                f"`{url}` starts at the web server's root: "
                "it breaks when the site is published under a sub-path (a Pages project site), "
                "opened from a folder (file://) or packaged for an LMS",
                f"write the path from this page, e.g. `{relative(url.lstrip('/') or 'index.md', written)}`",
            )
        path, _, fragment = url.partition("#")
        path = unquote(path.split("?", 1)[0])
        repo = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        if not path:
            uri: str | None = written
        else:
            site = posixpath.normpath(posixpath.join(posixpath.dirname(written), path))
            uri = self._find(site) or self._from_repo(repo)
        if uri is None:
            return self._unpublished(url, repo) or self._missing(url, path, written)
        if fragment and uri in self._pages:
            anchors = self.anchors(uri)
            if anchors is not None and fragment not in anchors:
                listed = sorted(a for a in anchors if not a.startswith(_GENERATED_IDS))
                return Problem(
                    "broken-anchor",
                    f"`{page_url(uri)}` has no heading or id `{fragment}` (in the link `{url}`)",
                    closest(fragment, sorted(anchors))
                    + "ids of its sections: "
                    + ", ".join(listed[:12])
                    + (" …" if len(listed) > 12 else ""),
                )
        return Target(uri, fragment)

    def _find(self, uri: str) -> str | None:
        if uri.startswith("../") or uri == "..":
            return None
        if uri in self._pages or uri in self._files:
            return uri
        if uri in self._aliases:
            return self._aliases[uri]
        if uri.endswith(".html") and uri[: -len(".html")] + ".md" in self._pages:
            return uri[: -len(".html")] + ".md"
        return None

    def _from_repo(self, path: str) -> str | None:
        """A path in the repository (`modules/02-x.md`, `course/support.md`) as the site has it."""
        if path.startswith("course/"):
            return self._find(path.removeprefix("course/"))
        if path.startswith("modules/"):
            return self._aliases.get(path)
        if path.startswith("scenarios/") and path.endswith(".yml"):
            return self._find(path[: -len(".yml")] + ".md")
        return None

    def _unpublished(self, url: str, repo: str) -> Problem | None:
        """A file of the repository that the site does not publish (settings, diagram sources,
        anything outside course/), or None."""
        if repo.startswith("../") or not (self.course.root / repo).is_file():
            return None
        if repo.startswith("course/diagrams/"):
            hint = f"show a diagram with [[diagram:{PurePosixPath(repo).stem}]] on a line of its own"
        elif repo.startswith("course/"):
            hint = "settings files are never published; link to a page instead"
        else:
            hint = (
                "only course/ is published as it is (pages, pictures, other files): move the file there and link to it"
            )
        return Problem("unpublished-file", f"`{url}` leads to {repo}, which the site does not publish", hint)

    def missing_image(self, url: str, written: str) -> Problem:
        path = unquote(url.partition("#")[0].split("?", 1)[0])
        files = sorted(relative(f, written) for f in self._files)
        return Problem(
            "missing-image",
            f"the image `{url}` is not a file of the course",
            closest(path, files)
            + (
                f"put it in course/ (e.g. course/images/) and write its path from `{page_url(written)}`, "
                f"e.g. `{relative('images/' + PurePosixPath(path).name, written)}`"
            ),
        )

    def _missing(self, url: str, path: str, written: str) -> Problem:
        here = posixpath.dirname(written)
        if path.lower().endswith(IMAGE_SUFFIXES):
            return self.missing_image(url, written)
        names = sorted(
            {relative(p, written) for p in self._pages}
            | {relative(a, written) for a in self._aliases}
            | {relative(f, written) for f in self._files}
        )
        first = self.course.modules[0] if self.course.modules else None
        example = f"modules/{first.id}.md" if first else "modules/<module-id>.md"
        module_hint = f"`{relative(example, written)}`" + (
            f" or its file name, `{PurePosixPath(first.path).name}`" if first and here == "modules" else ""
        )
        return Problem(
            "broken-link",
            f"the link `{url}` leads to no page or file of the course",
            closest(path, names)
            + (
                f"paths start from `{page_url(written)}`: "
                f"a module is {module_hint}, a page of course/ is `{relative('name.md', written)}`"
            ),
        )

    # -- ids ------------------------------------------------------------------------------------
    def anchors(self, uri: str) -> frozenset[str] | None:
        """The ids on a page, or None when they are not known here (generated pages)."""
        if uri not in self._anchors:
            self._anchors[uri] = self._ids(uri)
        return self._anchors[uri]

    def _ids(self, uri: str) -> frozenset[str] | None:
        from builder.course import Module

        value = self._pages.get(uri)
        if value is None:
            return None  # generated pages: not listed here
        if uri == "index.md" and isinstance(value, str):  # and the headings of the overview the builder adds
            t = strings_for(self.course.meta.language if self.course.meta else "en")
            titles = [t["learning_path"], t["how_checks_work"]] + [
                f"{n}. {m.meta.title}" for n, m in enumerate(self.course.modules, 1)
            ]
            return frozenset(ids_in(value) | {slugify(title, "-") for title in titles})
        if isinstance(value, Module):
            meta, mid = value.meta, value.id
            ids = ids_in(value.body) | {
                slugify(meta.title, "-"),
                "learning-objectives",
                "knowledge-check",
                "sources",
                f"quiz-{mid}",
            }
            ids |= {"scenarios"} if self.course.scenarios_for(mid) else set()
            ids |= {f"objective-{o.id}" for o in meta.objectives}
            ids |= {f"source-{s.id}" if s.id else f"source-{n}" for n, s in enumerate(meta.sources, 1)}
            quiz = self.course.quiz_for(mid)
            # cb-answers: the printed answers
            ids |= {f"q-{mid}-{q.id}" for q in quiz.quiz.questions} | {"cb-answers"} if quiz else set()
            return frozenset(ids)
        if value.startswith("scenarios/"):
            sf = next(s for s in self.course.scenarios if f"scenarios/{s.scenario.id}" == value)
            sc = sf.scenario
            ids = {slugify(sc.title, "-"), f"scenario-{sc.id}"}
            ids |= {f"step-{s}" for s in sc.steps} | {f"step-{s}-title" for s in sc.steps}
            ids |= {f"end-{e}" for e in sc.ends} | {f"end-{e}-title" for e in sc.ends}
            return frozenset(ids)
        return frozenset(ids_in(value))

    # -- writing ------------------------------------------------------------------------------
    @staticmethod
    def href(target: Target, page: str) -> str:
        """The URL of `target` from `page` as published (`.html`), for HTML no one rewrites."""
        url = quote(relative(page_url(target.uri), page))
        return url + ("#" + target.fragment if target.fragment else "")

    def for_mkdocs(self, text: str, written: str, source: str) -> str:
        """A page's Markdown with each link that names a page in a way MkDocs does not know (a
        module by its file name, a path in the repository) written as MkDocs' own `.md` path,
        and each raw-HTML link (which MkDocs leaves alone) as its published URL."""
        out: list[str] = []
        last = 0
        for found in find_links(text):
            if found.url.startswith("#"):
                continue  # the page's own ids (the citations cite() has made, among others)
            target = self.resolve(found.url, written, source)
            if not isinstance(target, Target):
                continue
            if found.html:
                url = self.href(target, written)
            else:
                url = quote(relative(target.uri, written)) + ("#" + target.fragment if target.fragment else "")
                path = unquote(found.url.partition("#")[0].split("?", 1)[0])
                if posixpath.normpath(posixpath.join(posixpath.dirname(written), path)) == target.uri:
                    continue  # MkDocs finds it as written
            out.append(text[last : found.start])
            out.append(url)
            last = found.end
        out.append(text[last:])
        return "".join(out)


def ids_in(text: str) -> set[str]:
    """The ids a Markdown text gives its page: headings' (as the table of contents makes them),
    `{: #id }` (attr_list) and raw HTML `id="…"`."""
    masked = mask_code(text)
    ids = {slug for _, slug, _ in headings(text)}
    ids.update(m.group(1) for m in _ATTR_ID.finditer(masked))
    ids.update(m.group(1) for m in _HTML_ID.finditer(masked))
    return ids


# -- quiz and scenario text: the hook into its Markdown converter --------------------------------
class TextLinks:
    """What a quiz-text converter needs to publish links, images and `[@id]` citations: the page
    the text is written for (and its file, and the module whose sources it cites) and the page
    that shows it. `extend` adds the pieces to a converter; the RenderContext sets the pages.
    """

    def __init__(self, sitemap: SiteMap, source_label: str) -> None:
        self.sitemap = sitemap
        self.source_label = source_label  # "Source {n}": a citation's accessible name
        self.written = ""
        self.source = ""
        self.module: Module | None = None
        self.page = ""
        #: How many URLs were written relative to the page: a change means the HTML just
        #: converted depends on the folder of the page that shows it.
        self.count = 0

    def extend(self, md: markdown.Markdown) -> None:
        # Above `reference` (170) and `link` (160), below code spans and escapes: `[@id]` in
        # code stays code, `\[@id]` stays text.
        md.inlinePatterns.register(_Citations(CITATION.pattern, self), "course_citations", 175)
        md.treeprocessors.register(_PageLinks(md, self), "course_links", 1)  # after `inline`, before `inert_links`

    def writing(self, written: str, source: str, module: Module | None) -> None:
        """Set the page the text is written for (its links are relative to it), its file, and
        the module whose sources its `[@id]` cite (None: citations stay as typed)."""
        self.written, self.source, self.module = written, source, module

    def showing(self, page: str) -> None:
        """Set the page that shows the text (its site path): its URLs are written from there."""
        self.page = page

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.page)


class _Citations(markdown.inlinepatterns.InlineProcessor):
    """`[@id; @id2]` → the numbered links of the module body (citation.html), to the sources
    listed on the module's page."""

    def __init__(self, pattern: str, links: TextLinks) -> None:
        super().__init__(pattern)
        self.links = links

    def handleMatch(  # type: ignore[override]  # noqa: N802 (Markdown's API)
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        module = self.links.module
        if module is None:
            return None, None, None
        numbers = {s.id: n for n, s in enumerate(module.meta.sources, 1) if s.id}
        keys = [CITE_KEY.match(k.strip()) for k in m.group(1).split(";")]
        if not all(k and k.group(1) in numbers for k in keys):
            return None, None, None  # `course check` reports it
        page = f"modules/{module.id}.md"
        sup = etree.Element("sup", {"class": "cb-cite"})
        sup.text = "["
        last: etree.Element | None = None
        for n, key in enumerate(k for k in keys if k):
            number = numbers[key.group(1)]
            href = relative(page, self.links.written) + f"#source-{key.group(1)}"
            last = etree.SubElement(sup, "a", {"href": href, "aria-label": self.links.source_label.format(n=number)})
            last.text = str(number)
            last.tail = ", " if n < len(keys) - 1 else "]"
        return sup, m.start(0), m.end(0)


class _PageLinks(markdown.treeprocessors.Treeprocessor):
    """Each link and image URL of the course's own files, as the page that shows it needs it."""

    def __init__(self, md: markdown.Markdown, links: TextLinks) -> None:
        super().__init__(md)
        self.links = links

    def run(self, root: etree.Element) -> None:
        links = self.links
        if not links.written or not links.page:
            return
        for element in root.iter():
            for attr in ("href", "src"):
                value = element.get(attr)
                if not value:
                    continue
                target = links.sitemap.resolve(value, links.written, links.source)
                if isinstance(target, Target):
                    element.set(attr, links.sitemap.href(target, links.page))
                    links.count += 1


# -- quiz text without the site: the exports for an LMS -------------------------------------------
def for_lms(text: str, sitemap: SiteMap, written: str, source: str, module: Module | None) -> str:
    """Quiz text (Markdown) for a learning management system, which shows it without the course's
    site (the GIFT and QTI exports): a link to the course's own pages becomes its text and a
    picture of the course its text alternative (the LMS has neither: no dead link, no broken
    image); each `[@id]` citation becomes its sources' titles in parentheses, each a link to the
    source's address, as the module's list of sources on the site has them. Links elsewhere (web,
    mail, phone) are kept, and code spans stay as written. `written`, `source` and `module` as
    for TextLinks.writing; a citation that names no source of `module` stays as typed (`course
    check` reports it)."""
    from builder.render import md_escape  # builder/render.py imports this module

    if "[" not in text:
        return text  # most texts: no link, no citation
    masked = mask_code(text)
    edits: list[tuple[int, int, str]] = []
    for m in _INLINE.finditer(masked) if "](" in masked else ():
        url = m.group(2) if m.group(2) is not None else m.group(3)
        end = _INLINE_END.match(masked, m.end())
        if end is None or sitemap.resolve(url, written, source) is None:
            continue  # not a link as Markdown reads it, or one to another site: kept
        image = masked[m.start() - 1 : m.start()] == "!"
        edits.append((m.start() - image, end.end(), text[m.start(1) : m.end(1)]))
    text = _edited(text, edits)
    sources = {s.id: s for s in module.meta.sources if s.id} if module is not None else {}
    masked = mask_code(text)
    edits = []
    for m in CITATION.finditer(masked):
        keys = [CITE_KEY.match(k.strip()) for k in m.group(1).split(";")]
        if all(k and k.group(1) in sources for k in keys):
            cited = [sources[k.group(1)] for k in keys if k]
            titles = "; ".join(f"[{md_escape(s.title)}]({_markdown_url(s.url)})" for s in cited)
            edits.append((m.start(), m.end(), f"({titles})"))
    return _edited(text, edits)


def _edited(text: str, edits: list[tuple[int, int, str]]) -> str:
    """`text` with each (start, end) span replaced, the spans in order and not overlapping."""
    out: list[str] = []
    last = 0
    for start, end, new in edits:
        out += [text[last:start], new]
        last = end
    return "".join(out) + text[last:]


def _markdown_url(url: str) -> str:
    """A URL as an inline link's destination: spaces and parentheses percent-encoded."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


# -- `course check` -------------------------------------------------------------------------------
def check_links(course: Course) -> Iterator[Diagnostic]:
    """Every broken link, anchor and image of module bodies, course pages, quiz and scenario text
    and glossary definitions, and every unknown `[@id]` citation of quiz and scenario text, at
    the line that has it."""
    sitemap = SiteMap(course)
    for module in course.modules:
        for found, problem in problems(sitemap, module.body, f"modules/{module.id}.md", module.path):
            yield error(
                problem.code,
                module.path,
                Pos(module.body_line + found.line, found.col + 1),
                problem.message,
                problem.hint,
            )
    for page in course.pages:
        for found, problem in problems(sitemap, page.text, page.path.removeprefix("course/"), page.path):
            yield error(problem.code, page.path, Pos(found.line + 1, found.col + 1), problem.message, problem.hint)
    files = [
        (
            qf.path,
            qf.positions,
            qf.quiz.model_dump(mode="json", exclude_none=True),
            f"modules/{qf.quiz.module}.md",
            qf.quiz.module,
        )
        for qf in course.quizzes
    ]
    files += [
        (
            sf.path,
            sf.positions,
            sf.scenario.model_dump(mode="json", exclude_none=True),
            f"scenarios/{sf.scenario.id}.md",
            sf.scenario.module,
        )
        for sf in course.scenarios
    ]
    text_of = _SourceLines(course.root)
    if course.glossary is not None and course.glossary_positions is not None:
        for index, term in enumerate(course.glossary.terms):
            start = course.glossary_positions.of(("terms", index, "definition"))
            for found, problem in problems(
                sitemap,
                term.definition,
                GLOSSARY_PAGE,
                "course/glossary.yml",
                raw_html=False,
            ):
                yield error(
                    problem.code,
                    "course/glossary.yml",
                    text_of.locate("course/glossary.yml", start, found.url),
                    problem.message,
                    problem.hint,
                )
    if course.local_section_positions is not None:  # an agency's sections, shown in their module's body
        for index, section in enumerate(course.local_sections):
            if course.module(section.module) is None:
                continue  # reported by local_sections_apply
            start = course.local_section_positions.of(("sections", index, "text"))
            for found, problem in problems(
                sitemap,
                section.text,
                f"modules/{section.module}.md",
                "course/local/sections.yml",
            ):
                yield error(
                    problem.code,
                    "course/local/sections.yml",
                    text_of.locate("course/local/sections.yml", start, found.url),
                    problem.message,
                    problem.hint,
                )
    for path, positions, data, written, module_id in files:
        owner = course.module(module_id)
        ids = [s.id for s in owner.meta.sources if s.id] if owner else []
        for where, text in _markdown_strings(data):
            for found, problem in problems(sitemap, text, written, path, raw_html=False):
                yield error(
                    problem.code,
                    path,
                    text_of.locate(path, positions.of(where), found.url),
                    problem.message,
                    problem.hint,
                )
            if owner is None:
                continue  # the unknown module is reported; its sources are not known
            for hit, keys in citations(text):
                pos = text_of.locate(path, positions.of(where), hit.text)
                yield from citation_errors(
                    path,
                    pos,
                    hit.text,
                    keys,
                    ids,
                    f"module `{owner.id}`",
                    f"quiz and scenario text cites the sources listed in {owner.path}",
                )


def citation_errors(
    path: str, pos: Pos, citation: str, keys: list[str], ids: list[str], sources_of: str, hint: str
) -> Iterator[Diagnostic]:
    """The errors of one `[@a; @b]` citation (its `keys` as `citations` gives them) written in
    `path` at `pos`: a key that is not `@id`, and an id that is not among `ids`, the sources of
    `sources_of` ("this module", "module `x`"); `hint` says where those sources are listed."""
    for key in keys:
        match = CITE_KEY.match(key)
        if not match:
            yield error(
                "bad-citation",
                path,
                pos,
                f"citation `{citation}` is not of the form [@source-id]",
                "cite sources as [@id] or [@id1; @id2]",
            )
        elif match.group(1) not in ids:
            yield error(
                "unknown-source",
                path,
                pos,
                f"citation `@{match.group(1)}` names no source of {sources_of}",
                closest(match.group(1), ids) + hint,
            )


def problems(
    sitemap: SiteMap,
    text: str,
    written: str,
    source: str,
    *,
    raw_html: bool = True,
) -> Iterator[tuple[Found, Problem]]:
    """Each link or image of a Markdown text that leads nowhere, with why."""
    for found in find_links(text, raw_html=raw_html):
        result = sitemap.resolve(found.url, written, source)
        if isinstance(result, Problem):
            yield (
                found,
                sitemap.missing_image(found.url, written) if found.image and result.code == "broken-link" else result,
            )
        elif isinstance(result, Target) and found.image and result.uri.endswith(".md"):
            yield (
                found,
                Problem(
                    "missing-image",
                    f"the image `{found.url}` is a page, not a picture",
                    "show a picture file (.png, .jpg, .svg) kept in course/",
                ),
            )


def _markdown_strings(
    value: object, path: tuple[str | int, ...] = (), markdown_key: bool = False
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The Markdown texts of a quiz or scenario (as data), with their paths."""
    if isinstance(value, str):
        if markdown_key:
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _markdown_strings(item, path + (key,), key in MARKDOWN_KEYS)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _markdown_strings(item, path + (index,), markdown_key)


class _SourceLines:
    """The lines of quiz and scenario files, read only when a problem in them is to be located:
    a value's position is where it starts, and a link may be further along, or lines down a block."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lines: dict[str, list[str]] = {}

    def locate(self, path: str, start: Pos, needle: str) -> Pos:
        """Where `needle` is first written at or after `start` (`start` if it is not found as typed)."""
        if path not in self._lines:
            try:
                self._lines[path] = (self.root / path).read_text(encoding="utf-8-sig").split("\n")
            except (OSError, UnicodeDecodeError):
                self._lines[path] = []
        lines = self._lines[path]
        for index in range(start.line - 1, len(lines)):
            col = lines[index].find(needle, start.col - 1 if index == start.line - 1 else 0)
            if col >= 0:
                return Pos(index + 1, col + 1)
        return start
