"""Diagrams: hand-written SVG files in `course/diagrams/`, checked and inlined into pages.

Inlining (rather than `<img>`) lets a diagram use the page's colours through CSS classes, so it
reads in the light and dark palettes and in print. Each SVG must carry a `<title>` (the short
text alternative) and a `<desc>` (a full text description, also shown under the figure), and may
not contain scripts, event handlers, links, images, styles or hard-coded colours.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from builder.diagnostics import Diagnostic, Pos, error
from builder.xmltree import with_prefixes

SVG_NS = "http://www.w3.org/2000/svg"
_ALLOWED_TAGS = {
    "svg", "title", "desc", "defs", "marker", "g", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path",
    "text", "tspan",
}
_ALLOWED_ATTRS = {
    "viewBox", "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
    "d", "points", "transform", "text-anchor", "dominant-baseline", "marker-start", "marker-mid", "marker-end",
    "refX", "refY", "markerWidth", "markerHeight", "markerUnits", "orient", "dx", "dy", "fill", "stroke-dasharray",
}
_URL_REF = re.compile(r"url\(#([A-Za-z0-9_-]+)\)")


@dataclass(frozen=True)
class Diagram:
    name: str
    path: str
    title: str
    desc: str
    root: ET.Element

    def markup(self, prefix: str) -> str:
        """The SVG as one line of markup, ids prefixed (several diagrams can share a page), labelled."""
        root = _copy(self.root)
        ids = {el.get("id") for el in root.iter() if el.get("id")}
        for el in root.iter():
            if el.get("id"):
                el.set("id", f"{prefix}{el.get('id')}")
            for attr in ("marker-start", "marker-mid", "marker-end", "fill"):
                value = el.get(attr)
                if value:
                    el.set(
                        attr,
                        _URL_REF.sub(
                            lambda m: f"url(#{prefix}{m.group(1)})" if m.group(1) in ids else m.group(0), value
                        ),
                    )
            if el.text is not None and not el.text.strip():
                el.text = None
            if el.tail is not None and not el.tail.strip():
                el.tail = None
        title = root.find(f"{{{SVG_NS}}}title")
        desc = root.find(f"{{{SVG_NS}}}desc")
        assert title is not None and desc is not None
        title.set("id", f"{prefix}title")
        desc.set("id", f"{prefix}desc")
        root.set("role", "img")
        root.set("aria-labelledby", f"{prefix}title")
        root.set("aria-describedby", f"{prefix}desc")
        root.set("class", "cb-diagram__svg")
        root.set("focusable", "false")
        return ET.tostring(with_prefixes(root, {SVG_NS: ""}), encoding="unicode", short_empty_elements=True)


def _copy(element: ET.Element) -> ET.Element:
    return ET.fromstring(ET.tostring(element))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _pos_of(text: str, needle: str) -> Pos:
    index = text.find(needle)
    if index < 0:
        return Pos()
    line = text.count("\n", 0, index) + 1
    return Pos(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def load_diagram(name: str, rel: str, text: str) -> tuple[Diagram | None, list[Diagnostic]]:
    """Parse and check one SVG; None with the reasons when it cannot be used."""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        return None, [
            error(
                "svg-doctype",
                rel,
                _pos_of(text, "<!"),
                "the SVG has a DOCTYPE or entity declarations",
                "remove them: diagrams are plain SVG",
            )
        ]
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        return None, [
            error(
                "svg-syntax",
                rel,
                Pos(line, col + 1),
                f"the SVG cannot be read: {str(exc).split(':')[0]}",
                "check that every tag is closed and attributes are quoted",
            )
        ]
    problems: list[Diagnostic] = []
    if root.tag != f"{{{SVG_NS}}}svg":
        problems.append(
            error(
                "svg-root",
                rel,
                Pos(1, 1),
                "the file is not an SVG (no <svg> root in the SVG namespace)",
                f'start with <svg xmlns="{SVG_NS}" viewBox="…">',
            )
        )
        return None, problems
    if not root.get("viewBox"):
        problems.append(
            error(
                "svg-viewbox",
                rel,
                _pos_of(text, "<svg"),
                "the SVG has no `viewBox`",
                'add viewBox="0 0 WIDTH HEIGHT" so the diagram scales to any screen',
            )
        )
    children = list(root)
    title = children[0] if children and _local(children[0].tag) == "title" else None
    desc = children[1] if len(children) > 1 and _local(children[1].tag) == "desc" else None
    if title is None or not (title.text or "").strip() or desc is None or not (desc.text or "").strip():
        problems.append(
            error(
                "svg-text-alternative",
                rel,
                _pos_of(text, "<svg"),
                "the SVG needs a <title> and then a <desc> as its first elements, both with text",
                "the title is the short alternative text; the desc describes everything the picture shows",
            )
        )
    for el in root.iter():
        tag = _local(el.tag)
        if tag not in _ALLOWED_TAGS:
            problems.append(
                error(
                    "svg-element",
                    rel,
                    _pos_of(text, f"<{tag}"),
                    f"<{tag}> is not allowed in a diagram",
                    "use shapes and text only (rect, line, path, text …)",
                )
            )
        for attr, value in el.attrib.items():
            attr_name = _local(attr)
            if attr_name.lower().startswith("on"):
                problems.append(
                    error(
                        "svg-attribute",
                        rel,
                        _pos_of(text, attr_name),
                        f"event-handler attribute `{attr_name}` is not allowed",
                        "remove it",
                    )
                )
            elif attr_name == "fill" and value not in ("none", "currentColor") and not _URL_REF.fullmatch(value):
                problems.append(
                    error(
                        "svg-colour",
                        rel,
                        _pos_of(text, f'fill="{value}"'),
                        f'hard-coded colour `fill="{value}"`',
                        (
                            "colour shapes with the cb-d-* classes so the diagram works in light "
                            "and dark modes and in print"
                        ),
                    )
                )
            elif attr_name not in _ALLOWED_ATTRS:
                problems.append(
                    error(
                        "svg-attribute",
                        rel,
                        _pos_of(text, f"{attr_name}="),
                        f"attribute `{attr_name}` is not allowed in a diagram",
                        "colour with the cb-d-* classes; no styles, links or fonts",
                    )
                )
    if problems:
        return None, problems
    assert title is not None and desc is not None
    return Diagram(name, rel, " ".join((title.text or "").split()), " ".join((desc.text or "").split()), root), []
