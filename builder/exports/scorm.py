"""SCORM export: the built trainee site as one SCO, for SCORM 1.2 or SCORM 2004 4th edition.

The package (a zip) holds:

- `imsmanifest.xml`: one organization, one item, one SCO resource listing every file of the
  course, the pass mark (1.2 `adlcp:masteryscore`; 2004 the primary objective's
  `minNormalizedMeasure`), and a second resource (an asset) listing the XML Schemas;
- the published XSDs the manifest refers to, at the root, as the ADL conformance rules ask;
- `scorm-launch.html`, which holds the LMS session and shows the site in a frame, and
  `scorm-bridge.js` (builder/assets/), which keeps the trainee's progress in the LMS's suspend
  data and reports the final self-assessment's score and status;
- `site/`: the trainee site exactly as `course build` makes it.

Nothing here knows MkDocs: the caller builds the site and passes its folder. A score recorded
this way is that of a self-check whose answers are in the page, not of a secure test.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

from builder.course import Course
from builder.exports import Export, deterministic_zip
from builder.i18n import strings_for
from builder.minify import asset, question_script
from builder.questions import PARTIALS, question_type
from builder.render import json_for_html, templates
from builder.xmltree import with_prefixes

LAUNCH = "scorm-launch.html"
BRIDGE = "scorm-bridge.js"
START = "site/index.html"
SCHEMAS = Path(__file__).parent / "scorm_schemas"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
#: IEEE LOM (1484.12.3 XML binding): the manifest's `metadata` accepts it in both versions
#: (`##other`, processed laxly), and LMSs read a course's identifiers and learning time from it.
LOM = "http://ltsc.ieee.org/xsd/LOM"
#: IMS Metadata 1.2.1, SCORM 1.2's metadata (in a file of its own, METADATA).
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
METADATA = "credit-metadata.xml"


@dataclass(frozen=True)
class Version:
    name: str  # "1.2" or "2004"
    schemas: str  # folder under scorm_schemas/
    #: The most characters `cmi.suspend_data` may hold.
    suspend_limit: int
    namespaces: dict[str, str]
    #: (namespace, XSD file) pairs for xsi:schemaLocation
    locations: tuple[tuple[str, str], ...]


SCORM12 = Version(
    name="1.2",
    schemas="scorm12",
    suspend_limit=4096,
    namespaces={
        "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    },
    # imsmd_rootv1p2p1.xsd ships too (ADL's packages carry all four), but the manifest has no
    # IMS metadata to validate, and that schema is not deterministic (an optional element before
    # ##any), which libxml2 refuses to compile.
    locations=(
        ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
        ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
    ),
)
SCORM2004 = Version(
    name="2004",
    schemas="scorm2004",
    suspend_limit=64000,
    namespaces={
        "": "http://www.imsglobal.org/xsd/imscp_v1p1",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
        "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
        "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
        "imsss": "http://www.imsglobal.org/xsd/imsss",
    },
    locations=(
        ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
        ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
        ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
    ),
)
VERSIONS = {v.name: v for v in (SCORM12, SCORM2004)}


class ScormError(Exception):
    """The course cannot be packaged in this SCORM version; the message says what to do."""


def quiz_modules(course: Course) -> list[tuple[str, list[str]]]:
    """Each module with a quiz, in course order, with its question ids in quiz order: what the
    bridge encodes progress against."""
    out = []
    for module in course.modules:
        quiz = course.quiz_for(module.id)
        if quiz is not None:
            out.append((module.id, [q.id for q in quiz.quiz.questions]))
    return out


def suspend_data_budget(course: Course) -> int:
    """The longest suspend data the bridge can write for this course (every question answered,
    every best score 100, a final result): mirrors `encode` in scorm-bridge.js."""
    assert course.meta is not None
    version = quote(course.meta.version, safe="-_.!~*'()")  # what encodeURIComponent leaves
    final = f"100,p,0000-00-00,{version}"
    modules = sum(1 + len(f"{module_id}:0000:100:") + len(ids) for module_id, ids in quiz_modules(course))
    return len("c1|") + len(final) + modules


def interaction_data(course: Course) -> dict[str, dict[str, object]]:
    """What the bridge needs, beyond the page's own quiz data, to report each checked question to
    the LMS as an interaction: `objectives`, per module, each question's objective ids in quiz
    order (the module pages do not carry them; this costs nothing on the website), and
    `trueOption`, for each true/false question whose options are literally "True" and "False"
    (as GIFT's rule), the id of the "True" option; other true/false questions are reported as
    choices."""
    objectives: dict[str, object] = {}
    true_option: dict[str, object] = {}
    for module in course.modules:
        quiz = course.quiz_for(module.id)
        if quiz is None:
            continue
        objectives[module.id] = [list(q.objectives) for q in quiz.quiz.questions]
        for q in quiz.quiz.questions:
            truth = question_type(q).true_option_id(q)
            if truth is not None:
                true_option[f"{module.id}/{q.id}"] = truth
    return {"objectives": objectives, "trueOption": true_option}


def export(course: Course, site: Path, version: str = "1.2") -> Export:
    """The package of `site` (a built trainee site of `course`) for SCORM `version`."""
    assert course.meta is not None, "export only a course that passed check"
    spec = VERSIONS[version]
    budget = suspend_data_budget(course)
    if budget > spec.suspend_limit:
        raise ScormError(
            f"the trainee's progress for this course can take {budget:,} characters, more than the "
            f"{spec.suspend_limit:,} SCORM {spec.name} lets an LMS keep; export with `--version 2004` "
            f"(64,000 characters), or split the course"
        )
    files: dict[str, bytes] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        files["site/" + path.relative_to(site).as_posix()] = path.read_bytes()
    if START not in files:
        raise ScormError(f"{site} has no index.html: build the site first")
    # Each question type's interaction description (its script's LMS part), then the bridge.
    files[BRIDGE] = ("".join(question_script(partial, "lms") for partial in PARTIALS) + asset(BRIDGE)).encode("utf-8")
    files[LAUNCH] = _launch_page(course, spec).encode("utf-8")
    content = sorted(files)
    schemas = sorted(p.name for p in (SCHEMAS / spec.schemas).iterdir() if p.suffix in (".xsd", ".dtd"))
    for name in schemas:
        files[name] = (SCHEMAS / spec.schemas / name).read_bytes()
    if spec is SCORM12 and _has_credit(course):
        files[METADATA] = _credit_metadata_12(course)
        schemas.append(METADATA)  # listed with the other files that are not content
    manifest = _manifest_12(course, content, schemas) if spec is SCORM12 else _manifest_2004(course, content, schemas)
    files["imsmanifest.xml"] = manifest
    return Export(data=deterministic_zip(files), items=course.question_count)


def _launch_page(course: Course, spec: Version) -> str:
    assert course.meta is not None
    strings = strings_for(course.meta.language)
    # `unavailable`: what the site's pages say when the LMS refuses the progress (journey.js asks
    # window.cbLms for it: not in course.js, which every page of every build loads).
    data = {
        "version": spec.name,
        "passMark": course.meta.pass_mark,
        "start": START,
        "modules": quiz_modules(course),
        "unavailable": strings["js_lms_unavailable"],
        **interaction_data(course),
    }
    return templates().get_template(LAUNCH).render(
        language=course.meta.language,
        title=course.meta.title,
        data=Markup(json_for_html(data)),
        start=START,
        open=strings["scorm_open_site"],
    )


# -- manifests ------------------------------------------------------------------------------------


def _qualified(spec: Version, name: str) -> str:
    prefix, _, local = name.rpartition(":")
    return f"{{{spec.namespaces[prefix]}}}{local}"


def _el(
    spec: Version,
    parent: ET.Element | None,
    name: str,
    text: str | None = None,
    attrs: dict[str, str] | None = None,
    **plain: str,
) -> ET.Element:
    """An element named `prefix:local` (or `local`, the content-packaging namespace), with
    unqualified attributes `plain` and `prefix:local` attributes `attrs`."""
    attrib = {**plain, **{_qualified(spec, k): v for k, v in (attrs or {}).items()}}
    tag = _qualified(spec, name)
    element = ET.Element(tag, attrib) if parent is None else ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = text
    return element


def _root(spec: Version, course: Course, schemaversion: str) -> tuple[ET.Element, ET.Element]:
    assert course.meta is not None
    root = _el(spec, None, "manifest", identifier=f"cb-{course.meta.id}", version=course.meta.version)
    root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{ns} {xsd}" for ns, xsd in spec.locations))
    metadata = _el(spec, root, "metadata")
    _el(spec, metadata, "schema", "ADL SCORM")
    _el(spec, metadata, "schemaversion", schemaversion)
    if _has_credit(course):
        if spec is SCORM12:
            _el(spec, metadata, "adlcp:location", METADATA)
        else:
            _credit_metadata(metadata, course)
    organizations = _el(spec, root, "organizations", default="ORG")
    organization = _el(spec, organizations, "organization", identifier="ORG")
    _el(spec, organization, "title", course.meta.title)
    item = _el(spec, organization, "item", identifier="ITEM", identifierref="SCO", isvisible="true")
    _el(spec, item, "title", course.meta.title)
    return root, item


def _has_credit(course: Course) -> bool:
    assert course.meta is not None
    return course.meta.credit != type(course.meta.credit)()


def _credit_metadata(metadata: ET.Element, course: Course) -> None:
    """`credit` of course.yml as IEEE LOM inside the SCORM 2004 manifest: the course and approval
    numbers as identifiers (catalog: the provider and the approving body), the title and version,
    the provider as publisher, the credit hours as the typical learning time, the approval in
    rights. Nothing when the course has no `credit`, so other manifests stay as they were."""
    assert course.meta is not None
    credit, language = course.meta.credit, course.meta.language

    def lom(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
        element = ET.SubElement(parent, f"{{{LOM}}}{name}")
        element.text = text
        return element

    def lang_string(parent: ET.Element, name: str, text: str) -> None:
        lom(lom(parent, name), "string", text).set("language", language)

    root = lom(metadata, "lom")
    general = lom(root, "general")
    for catalog, entry in _catalog_entries(course):
        identifier = lom(general, "identifier")
        lom(identifier, "catalog", catalog)
        lom(identifier, "entry", entry)
    lang_string(general, "title", course.meta.title)
    life = lom(root, "lifeCycle")
    lang_string(life, "version", course.meta.version)
    if credit.provider:
        contribute = lom(life, "contribute")
        role = lom(contribute, "role")
        lom(role, "source", "LOMv1.0")
        lom(role, "value", "publisher")
        lom(contribute, "entity", _vcard(credit.provider))
    if credit.hours is not None:
        time = lom(lom(root, "educational"), "typicalLearningTime")
        lom(time, "duration", f"PT{round(credit.hours * 60)}M")
        lang_string(time, "description", _hours_text(credit.hours))
    if credit.approving_body:
        lang_string(lom(root, "rights"), "description", _approval_text(course))


def _credit_metadata_12(course: Course) -> bytes:
    """The same for SCORM 1.2, as an IMS Metadata 1.2.1 file the manifest points at
    (`adlcp:location`): SCORM 1.2's manifest takes only elements of schemas it imports, and
    imsmd_rootv1p2p1.xsd cannot be compiled by libxml2 (see SCORM12)."""
    assert course.meta is not None
    credit, language = course.meta.credit, course.meta.language

    def md(parent: ET.Element | None, name: str, text: str | None = None) -> ET.Element:
        tag = f"{{{IMSMD}}}{name}"
        element = ET.Element(tag) if parent is None else ET.SubElement(parent, tag)
        element.text = text
        return element

    def lang_string(parent: ET.Element, name: str, text: str, lang: str = language) -> None:
        md(md(parent, name), "langstring", text).set("xml:lang", lang)

    root = md(None, "lom")
    general = md(root, "general")
    lang_string(general, "title", course.meta.title)
    for catalog, entry in _catalog_entries(course):
        catalog_entry = md(general, "catalogentry")
        md(catalog_entry, "catalog", catalog)
        lang_string(catalog_entry, "entry", entry, "x-none")
    lang_string(md(root, "lifecycle"), "version", course.meta.version)
    if credit.hours is not None:
        time = md(md(root, "educational"), "typicallearningtime")
        md(time, "datetime", f"PT{round(credit.hours * 60)}M")
        lang_string(time, "description", _hours_text(credit.hours))
    if credit.approving_body:
        lang_string(md(root, "rights"), "description", _approval_text(course))
    tree = with_prefixes(root, {IMSMD: ""})
    ET.indent(tree, space="  ")
    return bytes(ET.tostring(tree, encoding="utf-8", xml_declaration=True)) + b"\n"


def _catalog_entries(course: Course) -> list[tuple[str, str]]:
    assert course.meta is not None
    credit = course.meta.credit
    pairs = (
        (credit.provider or course.meta.id, credit.course_number),
        (credit.approving_body or "approval", credit.approval_number),
    )
    return [(catalog, entry) for catalog, entry in pairs if entry]


def _vcard(name: str) -> str:
    value = re.sub(r"([\\;,])", r"\\\1", name)
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{value}\nORG:{value}\nEND:VCARD"


def _hours_text(hours: float) -> str:
    return f"Credit hours: {hours:g}"


def _approval_text(course: Course) -> str:
    assert course.meta is not None
    credit = course.meta.credit
    number = f" ({credit.approval_number})" if credit.approval_number else ""
    return f"Approved for training credit by {credit.approving_body}{number}."


def _resources(spec: Version, root: ET.Element, content: list[str], schemas: list[str], sco_attribute: str) -> None:
    resources = _el(spec, root, "resources")
    sco = _el(
        spec,
        resources,
        "resource",
        attrs={sco_attribute: "sco"},
        identifier="SCO",
        type="webcontent",
        href=LAUNCH,
    )
    for name in content:
        _el(spec, sco, "file", href=quote(name))
    schema_files = _el(
        spec,
        resources,
        "resource",
        attrs={sco_attribute: "asset"},
        identifier="SCHEMAS",
        type="webcontent",
    )
    for name in schemas:
        _el(spec, schema_files, "file", href=quote(name))


def _manifest_12(course: Course, content: list[str], schemas: list[str]) -> bytes:
    assert course.meta is not None
    root, item = _root(SCORM12, course, "1.2")
    _el(SCORM12, item, "adlcp:masteryscore", str(course.meta.pass_mark))
    _resources(SCORM12, root, content, schemas, "adlcp:scormtype")
    return _serialize(SCORM12, root)


def _manifest_2004(course: Course, content: list[str], schemas: list[str]) -> bytes:
    assert course.meta is not None
    root, item = _root(SCORM2004, course, "2004 4th Edition")
    sequencing = _el(SCORM2004, item, "imsss:sequencing")
    objectives = _el(SCORM2004, sequencing, "imsss:objectives")
    primary = _el(SCORM2004, objectives, "imsss:primaryObjective", objectiveID="PRIMARY", satisfiedByMeasure="true")
    _el(SCORM2004, primary, "imsss:minNormalizedMeasure", _decimal(course.meta.pass_mark / 100))
    _resources(SCORM2004, root, content, schemas, "adlcp:scormType")
    return _serialize(SCORM2004, root)


def _decimal(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value else "0"


def _serialize(spec: Version, root: ET.Element) -> bytes:
    """The manifest as bytes, with the spec's prefixes (builder/xmltree.py: never registered)."""
    prefixes = {uri: prefix for prefix, uri in spec.namespaces.items()} | {XSI: "xsi"}
    if root.find(f".//{{{LOM}}}lom") is not None:
        prefixes[LOM] = "lom"
    tree = with_prefixes(root, prefixes)
    ET.indent(tree, space="  ")
    return bytes(ET.tostring(tree, encoding="utf-8", xml_declaration=True)) + b"\n"
