"""Serializing namespaced ElementTree trees without ElementTree's process-wide prefix registry.

`xml.etree.ElementTree.register_namespace` changes one map for the whole process: a SCORM
manifest that registers its default namespace makes every SVG diagram serialized afterwards come
out as `<ns0:svg>`, which browsers do not draw. `with_prefixes` instead writes each call's own
prefixes into a copy of the tree, and declares them on its root.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def _name(qname: str, prefixes: dict[str, str]) -> str:
    if not qname.startswith("{"):
        return qname
    uri, local = qname[1:].split("}", 1)
    prefix = prefixes[uri]
    return f"{prefix}:{local}" if prefix else local


def with_prefixes(root: ET.Element, prefixes: dict[str, str]) -> ET.Element:
    """A copy of `root` whose `{uri}name` tags and attributes read `prefix:name` (`name` for the
    prefix ""), with an `xmlns` declaration per prefix on the copy's root."""

    def copy(element: ET.Element) -> ET.Element:
        out = ET.Element(_name(element.tag, prefixes), {_name(k, prefixes): v for k, v in element.attrib.items()})
        out.text, out.tail = element.text, element.tail
        out.extend(copy(child) for child in element)
        return out

    top = copy(root)
    declarations = {("xmlns:" + prefix if prefix else "xmlns"): uri for uri, prefix in prefixes.items()}
    top.attrib = {**declarations, **top.attrib}
    return top
