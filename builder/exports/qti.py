"""IMS QTI 2.1 export: an IMS content package (zip) with one assessmentItem per question.

The package holds `imsmanifest.xml` (IMS CP 1.1, one `imsqti_item_xmlv2p1` resource per item)
and `items/<module>-<question>.xml`. Prompts, options, feedback and explanations are rendered
from Markdown exactly as on the site (raw HTML escaped, unsafe links inert) and rebuilt as
elements of QTI's XHTML subset, so the XML is built with ElementTree, never by string glue.

Mapping (every question is right or wrong, SCORE 1 or 0, as on the site):

- single, true_false: choiceInteraction maxChoices=1, identifier response, cardinality single;
- multiple: choiceInteraction maxChoices=0, cardinality multiple; `match` compares the chosen
  set with the correct set, so it is all-or-nothing;
- matching: matchInteraction, directedPair responses `l<n> r<n>`, each side used once;
- ordering: orderInteraction, cardinality ordered;
- short_answer: textEntryInteraction, string response, every accepted answer a mapEntry worth 1
  with caseSensitive="false" (plus its NFKC, case-folded form when that differs). QTI cannot
  collapse runs of spaces in what the trainee types, so "very  simple" (two spaces) scores 0 in a
  QTI player while the site accepts it.

Response processing is written out as rules rather than by template reference, because a
template cannot also set the feedback outcomes: the first responseCondition is, rule for rule,
the body of the standard `match_correct` template (`map_response` for short answers); after it,
FEEDBACK takes the chosen options (per-option modalFeedback) and EXPLANATION is set so the
explanation's modalFeedback shows after every attempt.

A QTI player shows the items without the course's site (builder/exports LmsText): a link to the
course's own pages is its text, a picture of the course its text alternative, and a `[@id]`
citation its sources' titles in parentheses, each linked to the source's address; links to
other sites are kept.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from html.parser import HTMLParser

from builder.course import Course
from builder.exports import Export, LmsText, deterministic_zip
from builder.i18n import strings_for
from builder.models import Question
from builder.questions import question_type
from builder.render import QuizText

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ITEM_TYPE = "imsqti_item_xmlv2p1"

#: Elements that hold only other elements: indented for people; everything else (text, XHTML
#: content) is left exactly as rendered, so no whitespace is added inside a paragraph or <pre>.
_STRUCTURAL = {
    "assessmentItem", "responseDeclaration", "correctResponse", "mapping", "outcomeDeclaration",
    "defaultValue", "itemBody", "choiceInteraction", "matchInteraction", "simpleMatchSet",
    "orderInteraction", "responseProcessing", "responseCondition", "responseIf", "responseElse",
    "setOutcomeValue", "match", "isNull",
    "manifest", "metadata", "organizations", "resources", "resource",
}  # fmt: skip

# QTI 2.1's XHTML subset, as far as python-markdown produces it. Other tags keep their content.
_XHTML = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
    "pre", "code", "em", "strong", "b", "i", "span", "div", "br", "hr", "sub", "sup", "abbr",
    "cite", "q", "kbd", "samp", "var", "dfn", "small", "big", "tt", "address", "a",
}  # fmt: skip
_BLOCK = re.compile(r"<(?:p|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|hr|div|address|table)\b")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source", "embed", "param"}
_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
#: Characters XML 1.0 cannot hold (YAML's "\x01" escapes can produce them).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export(course: Course) -> Export:
    assert course.meta is not None, "export only a course that passed check"
    renderer = QuizText()
    t = strings_for(course.meta.language)
    files: dict[str, bytes] = {}
    resources: list[tuple[str, str]] = []
    used: set[str] = set()
    lms = LmsText(course)
    for module in course.modules:
        quiz = course.quiz_for(module.id)
        if quiz is None:
            continue
        for question in quiz.quiz.questions:
            identifier = _unique(_ncname(f"{module.id}-{question.id}", "item-"), used)
            href = f"items/{identifier}.xml"
            text = lms.question(question, quiz)  # links and citations without the site
            item = _Item(
                renderer,
                t,
                course.meta.language,
                module.id,
                text,
                identifier,
                quiz.option_orders.get(question.id),
            ).build()
            files[href] = _serialize(item)
            resources.append((identifier, href))
    files["imsmanifest.xml"] = _serialize(_manifest(course.meta.id, resources))
    return Export(data=deterministic_zip(files), items=len(resources))


# -- items ------------------------------------------------------------------------------------


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """An element of the root's default namespace. Tags stay unqualified: the root declares
    `xmlns`, as ElementTree's own `default_namespace` refuses QTI's unqualified attributes."""
    attrib = {k: _xml_text(v) for k, v in attrs.items()}
    element = ET.Element(tag, attrib) if parent is None else ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = _xml_text(text)
    return element


class _Item:
    """One question as an assessmentItem."""

    def __init__(
        self,
        renderer: QuizText,
        t: dict[str, str],
        language: str,
        module_id: str,
        question: Question,
        identifier: str,
        order: Sequence[int] | None = None,
    ) -> None:
        self.r = renderer
        self.order = order  # the site's order of a choice question's options (builder/arrange.py)
        self.t = t
        self.language = language
        self.module_id = module_id
        self.question = question
        self.identifier = identifier

    def build(self) -> ET.Element:
        question = self.question
        root = _el(None, "assessmentItem", xmlns=QTI_NS)
        root.set(f"{XSI}schemaLocation", f"{QTI_NS} {QTI_XSD}")
        root.set("identifier", self.identifier)
        root.set("title", f"{self.module_id}/{question.id}")
        root.set("adaptive", "false")
        root.set("timeDependent", "false")
        root.set("toolName", "course-builder")
        root.set(XML_LANG, self.language)
        question_type(question).qti(question, self, root)  # builder/questions/<type>.py
        return root

    # -- the parts every item has, in the order the schema wants them ---------------------
    def response(self, root: ET.Element, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
        declaration = _el(
            root,
            "responseDeclaration",
            identifier="RESPONSE",
            cardinality=cardinality,
            baseType=base_type,
        )
        values = _el(declaration, "correctResponse")
        for value in correct:
            _el(values, "value", value)
        return declaration

    def outcomes(self, root: ET.Element, feedback_cardinality: str | None) -> None:
        score = _el(
            root,
            "outcomeDeclaration",
            identifier="SCORE",
            cardinality="single",
            baseType="float",
            normalMaximum="1",
        )
        _el(_el(score, "defaultValue"), "value", "0")
        if feedback_cardinality:
            _el(
                root,
                "outcomeDeclaration",
                identifier="FEEDBACK",
                cardinality=feedback_cardinality,
                baseType="identifier",
            )
        _el(root, "outcomeDeclaration", identifier="EXPLANATION", cardinality="single", baseType="identifier")

    def body(self, root: ET.Element, how: str) -> tuple[ET.Element, ET.Element]:
        body = _el(root, "itemBody")
        prompt = ET.Element("prompt")
        _append_html(prompt, str(self.r.block(self.question.prompt)))
        _el(prompt, "p", how)
        return body, prompt

    def processing(self, root: ET.Element, *, mapped: bool = False, feedback: bool = False) -> None:
        rp = _el(root, "responseProcessing")
        condition = _el(rp, "responseCondition")
        if mapped:  # the body of the map_response template
            when = _el(condition, "responseIf")
            _el(_el(when, "isNull"), "variable", identifier="RESPONSE")
            _el(_el(when, "setOutcomeValue", identifier="SCORE"), "baseValue", "0.0", baseType="float")
            otherwise = _el(condition, "responseElse")
            _el(_el(otherwise, "setOutcomeValue", identifier="SCORE"), "mapResponse", identifier="RESPONSE")
        else:  # the body of the match_correct template
            when = _el(condition, "responseIf")
            match = _el(when, "match")
            _el(match, "variable", identifier="RESPONSE")
            _el(match, "correct", identifier="RESPONSE")
            _el(_el(when, "setOutcomeValue", identifier="SCORE"), "baseValue", "1", baseType="float")
            otherwise = _el(condition, "responseElse")
            _el(_el(otherwise, "setOutcomeValue", identifier="SCORE"), "baseValue", "0", baseType="float")
        if feedback:
            _el(_el(rp, "setOutcomeValue", identifier="FEEDBACK"), "variable", identifier="RESPONSE")
        _el(_el(rp, "setOutcomeValue", identifier="EXPLANATION"), "baseValue", "explanation", baseType="identifier")

    def explanation(self, root: ET.Element) -> None:
        feedback = _el(
            root,
            "modalFeedback",
            outcomeIdentifier="EXPLANATION",
            identifier="explanation",
            showHide="show",
            title=self.t["explanation"],
        )
        _append_html(feedback, str(self.r.block(self.question.explanation)))

    # -- what the types' `qti` hooks use (builder/questions/base.py QtiItem) ----------------
    def element(self, parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        return _el(parent, tag, text, **attrs)

    def append_html(self, parent: ET.Element, markdown: str, *, inline: bool = False) -> None:
        """A quiz text rendered as on the site, as QTI XHTML (`inline`: one paragraph unwrapped)."""
        _append_html(parent, str(self.r.inline(markdown) if inline else self.r.block(markdown)))

    def choice_ids(self, option_ids: list[str]) -> dict[str, str]:
        """The site's option ids (a, b, …), made valid QTI identifiers (NCName) where needed."""
        used: set[str] = set()
        return {oid: _unique(_ncname(oid, "o-"), used) for oid in option_ids}

    def option_feedback(self, root: ET.Element, identifier: str, option: str, feedback: str) -> None:
        """An option's feedback as modalFeedback, named by the option (FEEDBACK outcome)."""
        label = str(self.r.inline(option))
        modal = _el(
            root,
            "modalFeedback",
            outcomeIdentifier="FEEDBACK",
            identifier=identifier,
            showHide="show",
            title=_plain(label),
        )
        _append_html(modal, _labelled(label, str(self.r.block(feedback))))


def _ncname(slug: str, prefix: str) -> str:
    """Slugs may start with a digit; QTI and IMS CP identifiers may not."""
    return slug if slug[:1].isalpha() else prefix + slug


def _unique(candidate: str, used: set[str]) -> str:
    name, n = candidate, 1
    while name in used:
        n += 1
        name = f"{candidate}-{n}"
    used.add(name)
    return name


def _labelled(label_html: str, body_html: str) -> str:
    """`<strong>option</strong> — feedback`, as the site shows per-option feedback. An option
    that renders as blocks (a list, a quotation) is named by its plain text: <strong> is inline."""
    if _BLOCK.search(label_html):
        label_html = html.escape(_plain(label_html), quote=False)
    if body_html.startswith("<p>") and body_html.endswith("</p>") and body_html.count("<p>") == 1:
        return f"<p><strong>{label_html}</strong> — {body_html[3:]}"
    return f"<p><strong>{label_html}</strong></p>\n{body_html}"


# -- Markdown's HTML as QTI XHTML ---------------------------------------------------------------


class _XhtmlBuilder(HTMLParser):
    """Rebuilds rendered HTML as QTI elements: allowed tags are kept (attributes only where
    QTI allows them and the value is safe); links that would break in an LMS and images
    (never packaged) become their text; anything else keeps its content only."""

    def __init__(self, parent: ET.Element) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, ET.Element]] = [("", parent)]

    @property
    def current(self) -> ET.Element:
        return self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "img":
            self.handle_data(values.get("alt", ""))
            return
        if tag == "a":
            href = values.get("href", "").strip()
            element = (
                _el(self.current, "a", href=href)
                if href.lower().startswith(_LINK_SCHEMES)
                else _el(self.current, "span")
            )
        elif tag in _XHTML:
            element = _el(self.current, tag)
        else:
            element = None
        if tag not in _VOID:
            self.stack.append((tag, element if element is not None else self.current))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not data:
            return
        data = _xml_text(data)
        parent = self.current
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def _append_html(parent: ET.Element, markup: str) -> None:
    builder = _XhtmlBuilder(parent)
    builder.feed(markup)
    builder.close()


def _plain(markup: str) -> str:
    holder = ET.Element("holder")
    _append_html(holder, markup)
    return " ".join("".join(holder.itertext()).split())


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", unicodedata.normalize("NFC", text))


# -- manifest and bytes -------------------------------------------------------------------------


def _manifest(course_id: str, resources: list[tuple[str, str]]) -> ET.Element:
    manifest = _el(None, "manifest", xmlns=CP_NS, identifier=f"MANIFEST-{course_id}")
    manifest.set(f"{XSI}schemaLocation", f"{CP_NS} {CP_XSD}")
    metadata = _el(manifest, "metadata")
    _el(metadata, "schema", "QTIv2.1 Package")
    _el(metadata, "schemaversion", "1.0.0")
    _el(manifest, "organizations")
    container = _el(manifest, "resources")
    for identifier, href in resources:
        _el(_el(container, "resource", identifier=identifier, type=ITEM_TYPE, href=href), "file", href=href)
    return manifest


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent only elements that hold elements alone (see _STRUCTURAL); never replace text."""
    if element.tag not in _STRUCTURAL or not len(element):
        return
    pad = "\n" + "  " * (level + 1)
    if not (element.text or "").strip():
        element.text = pad
    for index, child in enumerate(element):
        _indent(child, level + 1)
        if not (child.tail or "").strip():
            child.tail = pad if index < len(element) - 1 else "\n" + "  " * level


def _serialize(root: ET.Element) -> bytes:
    _indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
