"""What raw HTML and URLs a page's Markdown may hold: an allowlist, checked on parsed HTML.

A pattern blocklist misses what a browser still runs (`&#106;avascript:` decodes to
`javascript:`, an `<iframe src="data:…">` holds a whole page). So the Markdown source (code blanked
out) goes through the standard library's HTML parser, which decodes entities in attribute values
as a browser does, and every element, attribute and URL is held to what course pages need. The
URLs of Markdown links and images, and attributes given with `{: … }` (attr_list), are held to the
same rules. Nothing may load from another host: images and other embedded files must be the
site's own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from builder.markdown_scan import Hit, mask_code

#: Elements a page may write as raw HTML (diagrams come through `[[diagram:…]]`, never inline SVG).
ELEMENTS = frozenset(
    "a abbr article aside b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em "
    "figcaption figure footer h2 h3 h4 h5 h6 header hr i img ins kbd li mark ol p pre q s samp section small span "
    "strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr".split()
)
#: Attributes on any allowed element (`aria-*` and `data-*` too, see `_attribute_allowed`).
GLOBAL_ATTRIBUTES = frozenset("id class title lang dir role hidden markdown translate".split())
ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "target", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
#: Attributes holding a URL, and whether the URL is loaded with the page (then it must be the site's own).
URL_ATTRIBUTES = {"href": False, "cite": False, "src": True}
LINK_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop ASCII tab and newline anywhere in a URL, and leading or trailing C0 controls and spaces.
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
#: A Markdown link's or image's URL (an image when `!` comes before the match). Starting at the
#: literal `[` lets the regex engine skip to each bracket (an optional `!` first made it try
#: every character: a twentieth of `course check` on long module bodies).
_MD_LINK = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^\s)>]*)")
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
_EMAIL = re.compile(r"<[^\s<>@]+@[^\s<>@]+>")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"""([^\s=.#'"]+)\s*=\s*("[^"]*"|'[^']*'|[^\s'"}]+)""")


def url_problem(url: str, *, embedded: bool) -> str | None:
    """Why a URL may not appear ("javascript", "scheme", "external"), or None when it may."""
    cleaned = _IGNORED_IN_URL.sub("", html.unescape(url)).strip(_C0_AND_SPACE)
    match = _SCHEME.match(cleaned)
    if match:
        scheme = match.group(1).lower()
        if scheme in ("javascript", "vbscript"):
            return "javascript"
        if scheme not in LINK_SCHEMES:
            return "scheme"
        if embedded:
            return "external"
    elif embedded and cleaned.startswith("//"):
        return "external"
    return None


def _url_hit(at: tuple[int, int], url: str, problem: str) -> Hit:
    """A refused URL, named by its scheme when that is the problem (`javascript:`), else as written."""
    match = _SCHEME.match(_IGNORED_IN_URL.sub("", html.unescape(url)).strip(_C0_AND_SPACE))
    return Hit(*at, match.group(0).lower() if match and problem == "javascript" else url.strip(), problem)


def _attribute_allowed(tag: str, name: str) -> bool:
    return (
        name in GLOBAL_ATTRIBUTES
        or name in ATTRIBUTES.get(tag, ())
        or (name.startswith(("aria-", "data-")) and not name.startswith("data-md"))
    )


class _Scanner(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.lines = text.split("\n")
        self.hits: list[Hit] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        raw = self.get_starttag_text() or ""
        if tag not in ELEMENTS:
            self.hits.append(Hit(line - 1, col, tag, "script" if tag == "script" else "element"))
            return
        for name, value in attrs:
            where = raw.lower().find(name)
            at = _advance(raw, where if where >= 0 else 0, line - 1, col)
            if name.startswith("on"):
                self.hits.append(Hit(*at, name, "handler"))
            elif not _attribute_allowed(tag, name):
                self.hits.append(Hit(*at, f"{name}` on `<{tag}>", "attribute"))
            elif name in URL_ATTRIBUTES and value is not None:
                problem = url_problem(value, embedded=URL_ATTRIBUTES[name])
                if problem:
                    self.hits.append(_url_hit(at, value, problem))

    handle_startendtag = handle_starttag


def _advance(raw: str, offset: int, line: int, col: int) -> tuple[int, int]:
    """The position `offset` characters into a tag that starts at (line, col), both 0-based."""
    before = raw[:offset]
    newlines = before.count("\n")
    return (line + newlines, col + offset) if not newlines else (line + newlines, offset - before.rfind("\n") - 1)


def _position(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index), index - (text.rfind("\n", 0, index) + 1)


def unsafe_html(text: str) -> Iterator[Hit]:
    """Every element, attribute and URL of a Markdown text that the allowlist refuses, in order.

    Kinds: "script" (a `<script>`), "element", "handler" (`on…=`), "attribute", "javascript"
    (a `javascript:` or `vbscript:` URL), "scheme" (another scheme than web, mail and phone),
    "external" (an image or other embedded file from another host).
    """
    masked = mask_code(text)
    scanner = _Scanner(masked)
    # Markdown's autolinks (<https://…>, <name@host>) are not tags: blank them for the parser.
    scanner.feed(_AUTOLINK.sub(lambda m: " " * len(m.group(0)), _EMAIL.sub(lambda m: " " * len(m.group(0)), masked)))
    scanner.close()
    hits = list(scanner.hits)
    for match in _MD_LINK.finditer(masked):
        problem = url_problem(match.group(1), embedded=masked[match.start() - 1 : match.start()] == "!")
        if problem:
            hits.append(_url_hit(_position(masked, match.start(1)), match.group(1), problem))
    for pattern in (_MD_REFERENCE, _AUTOLINK):
        for match in pattern.finditer(masked):
            problem = url_problem(match.group(1), embedded=False)
            if problem:
                hits.append(_url_hit(_position(masked, match.start(1)), match.group(1), problem))
    for match in _ATTR_LIST.finditer(masked):
        for pair in _ATTR_PAIR.finditer(match.group(1)):
            name = pair.group(1).lower()
            at = _position(masked, match.start(1) + pair.start())
            if name.startswith("on"):
                hits.append(Hit(*at, name, "handler"))
            elif (
                name not in GLOBAL_ATTRIBUTES
                and not name.startswith(("aria-", "data-"))
                and name not in ("target", "rel", "width", "height", "loading", "alt", "title")
            ):
                hits.append(Hit(*at, f"{name}` in `{{: … }}", "attribute"))
    yield from sorted(hits, key=lambda hit: (hit.line, hit.col))
