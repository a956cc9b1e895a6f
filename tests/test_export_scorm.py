"""`course export scorm`: the package's manifest against the published XSDs it ships, and its
structure (every file listed and present, the launch page, the pass mark), for SCORM 1.2 and
2004. The runtime (scorm-again in Chromium) is in tests/browser/test_scorm.py."""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from course_helpers import REPO, make_course
from lxml import etree

from builder.check import check_course
from builder.cli import cli
from builder.exports.scorm import ScormError, export, interaction_data, suspend_data_budget

PARSER = etree.XMLParser(no_network=True, resolve_entities=False)
XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
SCO_ATTRIBUTE = {
    "1.2": "{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype",
    "2004": "{http://www.adlnet.org/xsd/adlcp_v1p3}scormType",
}


def _export(root: Path, out: Path, *args: str) -> dict[str, bytes]:
    result = CliRunner().invoke(cli, ["export", "scorm", "--root", str(root), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """The default course, exported as a trainer would, in both versions."""
    folder = tmp_path_factory.mktemp("scorm")
    return {v: _export(REPO, folder / f"course-{v}.zip", "--version", v) for v in ("1.2", "2004")}


@pytest.fixture(params=["1.2", "2004"])
def package(request, exported) -> tuple[str, dict[str, bytes]]:
    return request.param, exported[request.param]


def schema_errors(files: dict[str, bytes]) -> list[str]:
    """Validate imsmanifest.xml with lxml against the XSDs *inside the package*, named by the
    manifest's own xsi:schemaLocation (a driver schema imports each): a missing XSD is an error."""
    manifest = etree.fromstring(files["imsmanifest.xml"], PARSER)
    pairs = manifest.get(XSI_LOCATION, "").split()
    missing = [xsd for xsd in pairs[1::2] if xsd not in files]
    if missing:
        return [f"schema {name} is not in the package" for name in missing]
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{xsd}"/>' for ns, xsd in zip(pairs[::2], pairs[1::2])
    )
    with tempfile.TemporaryDirectory(prefix="scorm-xsd-") as temp:
        folder = Path(temp)
        for name, data in files.items():
            if name.endswith((".xsd", ".dtd")):
                if name == "ims_xml.xsd":
                    # SCORM 1.2's published ims_xml.xsd binds the default namespace to the reserved
                    # XML namespace, which libxml2 2.14 refuses (older lxml accepted it; xmlschema
                    # never did). The package ships it as published; only this copy drops the binding.
                    data = data.replace(b'xmlns="http://www.w3.org/XML/1998/namespace"', b"", 1)
                (folder / name).write_bytes(data)
        driver = folder / "driver.xsd"
        driver.write_text(
            f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>', encoding="utf-8"
        )
        schema = etree.XMLSchema(etree.parse(str(driver), PARSER))
        if schema.validate(manifest):
            return []
        return [f"{e.line}: {e.message}" for e in schema.error_log]


def structure_errors(files: dict[str, bytes], version: str) -> list[str]:
    """What the XSDs cannot say (and the 2004 ones let through: a lax anyAttribute)."""
    manifest = etree.fromstring(files["imsmanifest.xml"], PARSER)
    ns = {"cp": manifest.nsmap[None]}
    errors = []
    organizations = manifest.find("cp:organizations", ns)
    default = organizations.get("default")
    if manifest.find(f"cp:organizations/cp:organization[@identifier='{default}']", ns) is None:
        errors.append(f"default organization {default} missing")
    resources = {r.get("identifier"): r for r in manifest.iterfind("cp:resources/cp:resource", ns)}
    for item in manifest.iterfind(".//cp:item[@identifierref]", ns):
        resource = resources.get(item.get("identifierref"))
        if resource is None:
            errors.append(f"item {item.get('identifier')} points at no resource")
        elif resource.get(SCO_ATTRIBUTE[version]) != "sco":
            errors.append(f"resource {resource.get('identifier')} has no {SCO_ATTRIBUTE[version]}='sco'")
        elif unquote(resource.get("href")) not in files:
            errors.append(f"launch file {resource.get('href')} missing")
    listed = [unquote(f.get("href")) for f in manifest.iterfind("cp:resources/cp:resource/cp:file", ns)]
    errors += [f"listed but missing: {name}" for name in listed if name not in files]
    errors += [f"in the zip but not listed: {name}" for name in sorted(set(files) - set(listed) - {"imsmanifest.xml"})]
    return errors


def test_manifest_is_valid_against_the_xsds_it_ships_and_lists_every_file(package):
    version, files = package
    assert schema_errors(files) == []
    assert structure_errors(files, version) == []
    assert "imsmanifest.xml" in files and "scorm-launch.html" in files and "site/index.html" in files
    assert len([n for n in files if n.startswith("site/")]) > 50  # the whole site: pages, assets, search


def test_manifest_carries_the_course_pass_mark(package):
    version, files = package
    manifest = etree.fromstring(files["imsmanifest.xml"], PARSER)
    text = {e.tag.rpartition("}")[2]: e.text for e in manifest.iter() if isinstance(e.tag, str)}
    assert text["schemaversion"] == {"1.2": "1.2", "2004": "2004 4th Edition"}[version]
    if version == "1.2":
        assert text["masteryscore"] == "80"
    else:
        assert text["minNormalizedMeasure"] == "0.8"
        objective = manifest.find(".//{http://www.imsglobal.org/xsd/imsss}primaryObjective")
        assert objective.get("satisfiedByMeasure") == "true"
    launch = files["scorm-launch.html"].decode()
    assert '<script src="scorm-bridge.js"></script>' in launch and 'id="cb-sco"' in launch
    assert f'"version":"{version}"' in launch and '"passMark":80' in launch


@pytest.mark.parametrize(
    ("version", "old", "new", "expected"),
    [
        ("1.2", b'adlcp:scormtype="sco"', b'adlcp:scormtype="SCO"', "schema"),
        ("2004", b"<imsss:minNormalizedMeasure>0.8<", b"<imsss:minNormalizedMeasure>80<", "schema"),
        ("1.2", b"<resources>", b'<resources><resource identifier="NO-TYPE" />', "schema"),
        ("2004", b'adlcp:scormType="sco"', b'adlcp:scormtype="sco"', "structure"),  # the XSD lets it pass
        (
            "1.2",
            b'<file href="site/index.html" />',
            b'<file href="site/index.html" /><file href="site/gone.html" />',
            "structure",
        ),
        ("2004", b'<file href="site/index.html" />', b"", "structure"),
    ],
)
def test_the_oracles_reject_broken_manifests(exported, version, old, new, expected):
    """Each check must be able to fail: a broken copy of the real manifest is rejected."""
    files = dict(exported[version])
    assert old in files["imsmanifest.xml"]
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(old, new, 1)
    errors = schema_errors(files) if expected == "schema" else structure_errors(files, version)
    assert errors


def test_a_missing_xsd_is_an_error(package):
    version, files = package
    files = {k: v for k, v in files.items() if not k.startswith("imscp_")}
    assert any("is not in the package" in e for e in schema_errors(files))


def test_export_is_byte_identical_and_never_overwrites_without_force(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764400000")
    course = make_course(tmp_path / "course")
    first = tmp_path / "a.zip"
    _export(course, first)
    second = tmp_path / "b.zip"
    _export(course, second)
    assert first.read_bytes() == second.read_bytes()
    before = first.read_bytes()
    result = CliRunner().invoke(cli, ["export", "scorm", "--root", str(course), "-o", str(first)])
    assert result.exit_code == 1 and "exists; pass --force" in result.output
    assert first.read_bytes() == before
    names = zipfile.ZipFile(io.BytesIO(before)).namelist()
    assert names == sorted(names)
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(before)).infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_default_course_progress_fits_scorm_12_suspend_data():
    course, report = check_course(REPO)
    assert not report.errors
    budget = suspend_data_budget(course)
    # every answer (one character or more each), every best score and the final result, as the bridge writes them
    assert course.question_count >= 120 and course.question_count < budget < 4096, budget


def test_a_course_too_big_for_scorm_12_is_refused_with_what_to_do(tmp_path):
    """60 modules with 64-character ids need more than 4,096 characters of progress."""
    course = make_course(tmp_path / "course")
    quiz = (course / "quizzes" / "basics.yml").read_text(encoding="utf-8")
    module = (course / "modules" / "01-basics.md").read_text(encoding="utf-8")
    for n in range(60):
        module_id = f"m{n:02d}-" + "x" * 60
        (course / "modules" / f"{n + 2:02d}-{module_id}.md").write_text(
            module.replace("id: basics", f"id: {module_id}", 1), encoding="utf-8"
        )
        (course / "quizzes" / f"{module_id}.yml").write_text(
            quiz.replace("module: basics", f"module: {module_id}", 1), encoding="utf-8"
        )
    loaded, report = check_course(course)
    assert not report.errors, report.format_text()
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    with pytest.raises(
        ScormError, match=r"more than the 4,096 SCORM 1.2 lets an LMS keep; export with `--version 2004`"
    ):
        export(loaded, site, "1.2")
    assert export(loaded, site, "2004").data.startswith(b"PK")


def test_every_diagram_of_both_packages_is_drawable_svg(exported):
    """Exports made one after another in one process: the second must not inherit the first's
    XML namespaces (the 2004 package once had all its diagrams as `<ns0:svg>`, which browsers do
    not draw)."""
    for version, files in exported.items():
        pages = {name: data.decode("utf-8") for name, data in files.items() if name.endswith(".html")}
        svgs = sum(page.count('<svg xmlns="http://www.w3.org/2000/svg"') for page in pages.values())
        assert svgs >= 12, (version, svgs)  # the default course draws a diagram in every module
        assert [name for name, page in pages.items() if "<ns0:" in page or ":svg" in page] == [], version


def test_the_launch_page_carries_what_the_interactions_need(tmp_path):
    """Each question's objective ids in quiz order, and the True option of a true/false question
    only when its options are literally True and False (others are reported as choices)."""
    course = make_course(
        tmp_path / "course",
        [
            (
                "quizzes/basics.yml",
                '      - text: "True"\n        correct: true\n      - text: "False"\n',
                (
                    '      - text: "False"\n        id: nay\n      - text: " true "\n'
                    "        correct: true\n        id: aye\n"
                ),
            ),
            (
                "quizzes/basics.yml",
                "questions:\n",
                "questions:\n  - id: yes-no\n    type: true_false\n    objectives: [recall]\n    prompt: Is it?\n"
                '    options:\n      - text: "Yes"\n        correct: true\n      - text: "No"\n'
                "    explanation: It is.\n",
            ),
        ],
    )
    loaded, report = check_course(course)
    assert not report.errors, report.format_text()
    data = interaction_data(loaded)
    assert data["trueOption"] == {"basics/tf": "aye"}
    assert data["objectives"] == {
        "basics": [
            ["recall"],
            ["recall", "apply"],
            ["recall", "apply"],
            ["recall"],
            ["apply"],
            ["apply"],
            ["recall"],
            ["recall"],
        ]
    }
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    with zipfile.ZipFile(io.BytesIO(export(loaded, site, "2004").data)) as archive:
        launch = archive.read("scorm-launch.html").decode("utf-8")
    carried = json.loads(
        re.search(r'<script type="application/json" id="cb-scorm-data">(.*?)</script>', launch, re.S)[1]
    )
    assert (carried["trueOption"], carried["objectives"]) == (data["trueOption"], data["objectives"])
