"""Training credit: `credit` in course.yml (home page, certificate, SCORM metadata, errors), and
`course export outline` (golden files)."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from click.testing import CliRunner
from course_helpers import HERE, assert_golden, make_course
from lxml import etree
from test_export_scorm import schema_errors, structure_errors

from builder.cli import cli

C = "course/course.yml"
CREDIT = (
    C,
    "progress_epoch: 1",
    (
        "progress_epoch: 1\ncredit:\n  hours: 1.5\n  course_number: HT-101\n  provider: Springfield Police Academy\n"
        "  approving_body: State POST Commission\n  approval_number: 2026-114"
    ),
)
KEY_POINTS = (
    "modules/01-basics.md",
    "[[diagram:basics-flow]]",
    (
        '!!! abstract "Key points"\n    - The rule is simple [@rulebook].\n    - Apply it *every* time.\n'
        "\n[[diagram:basics-flow]]"
    ),
)
GOLDEN = HERE / "golden" / "outline"
LOM = "{http://ltsc.ieee.org/xsd/LOM}"
IMSMD = "{http://www.imsglobal.org/xsd/imsmd_rootv1p2p1}"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def build(root, out):
    code, output = run("build", "--root", str(root), "--site-dir", str(out))
    assert code == 0, output
    return out


def test_credit_shows_on_the_home_page_and_the_certificate(tmp_path):
    site = build(make_course(tmp_path / "c", [CREDIT]), tmp_path / "site")
    home = (site / "index.html").read_text()
    assert "<p><strong>Training credit</strong></p>" in home
    for line in (
        "Credit hours: 1.5",
        "Course number: HT-101",
        "Provider: Springfield Police Academy",
        "Approved by: State POST Commission",
        "Approval number: 2026-114",
    ):
        assert f"<li>{line}</li>" in home
    certificate = (site / "certificate.html").read_text()
    assert (
        '<p class="cb-certificate__credit"><span>Credit hours: 1.5</span> · '
        "<span>Course number: HT-101</span> · <span>Provider: Springfield Police Academy</span> · "
        "<span>Approved by: State POST Commission</span> · <span>Approval number: 2026-114</span></p>"
    ) in certificate
    data = json.loads(
        re.search(
            r'<p class="cb-certificate__statement">.*?<script type="application/json">(.*?)</script>', certificate, re.S
        ).group(1)
    )[0]
    assert data["credit"] == {
        "hours": 1.5,
        "courseNumber": "HT-101",
        "provider": "Springfield Police Academy",
        "approvingBody": "State POST Commission",
        "approvalNumber": "2026-114",
    }


def test_only_the_credit_keys_given_are_shown_and_none_without_credit(tmp_path):
    site = build(
        make_course(
            tmp_path / "c", [(C, "progress_epoch: 1", "progress_epoch: 1\ncredit:\n  hours: 6\n  course_number: 4021")]
        ),
        tmp_path / "site",
    )
    home = (site / "index.html").read_text()
    assert (
        "<li>Credit hours: 6</li>" in home and "<li>Course number: 4021</li>" in home
    )  # a bare number is the course number as text
    assert "Provider:" not in home and "Approved by" not in home
    plain = build(make_course(tmp_path / "p"), tmp_path / "plain")
    assert "Training credit" not in (plain / "index.html").read_text()
    assert "cb-certificate__credit" not in (plain / "certificate.html").read_text()


def test_spanish_course_labels_the_credit_in_spanish(tmp_path):
    site = build(
        make_course(tmp_path / "c", [CREDIT, ("course/course.yml", "language: en", "language: es")]), tmp_path / "site"
    )
    home = (site / "index.html").read_text()
    assert "<strong>Créditos de formación</strong>" in home and "<li>Número del curso: HT-101</li>" in home
    assert "Nada de lo que escriba aquí se guarda" in (site / "certificate.html").read_text()


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("credit:\n  hours: -2", "course/course.yml:9:10: error: `hours` must be more than 0, not -2 [bad-value]"),
        ("credit:\n  hours: 1001", "course/course.yml:9:10: error: `hours` must be at most 1000, not 1001 [bad-value]"),
        (
            'credit:\n  hours: "about six"',
            "course/course.yml:9:10: error: `hours` must be a number like 6 or 1.5, not `about six` [wrong-type]",
        ),
        ('credit:\n  provider: ""', "course/course.yml:9:13: error: `provider` is empty [bad-value]"),
        (
            "credit:\n  approval_number: " + "9" * 70,
            "course/course.yml:9:20: error: `approval_number` is longer than 64 characters [bad-value]",
        ),
        ("credit:\n  approved_by: POST", "course/course.yml:9:3: error: unknown key `approved_by` [unknown-key]"),
    ],
)
def test_bad_credit_values_stop_the_build_with_a_located_error(tmp_path, setting, expected):
    root = make_course(tmp_path / "c", [(C, "progress_epoch: 1", "progress_epoch: 1\n" + setting)])
    code, output = run("build", "--root", str(root), "--site-dir", str(tmp_path / "site"))
    assert code == 1 and expected in output, output
    assert not (tmp_path / "site").exists()


def _manifest(root, out, version):
    code, output = run("export", "scorm", "--root", str(root), "-o", str(out), "--version", version)
    assert code == 0, output
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_scorm_2004_manifest_carries_the_credit_as_lom_metadata(tmp_path):
    files = _manifest(make_course(tmp_path / "c", [CREDIT]), tmp_path / "course.zip", "2004")
    assert schema_errors(files) == [] and structure_errors(files, "2004") == []
    manifest = etree.fromstring(files["imsmanifest.xml"])
    lom = manifest.find(f".//{LOM}lom")
    assert lom is not None and lom.getparent().tag.endswith("}metadata")
    identifiers = [
        (i.findtext(f"{LOM}catalog"), i.findtext(f"{LOM}entry")) for i in lom.iterfind(f"{LOM}general/{LOM}identifier")
    ]
    assert identifiers == [("Springfield Police Academy", "HT-101"), ("State POST Commission", "2026-114")]
    assert lom.findtext(f"{LOM}general/{LOM}title/{LOM}string") == "Minimal course"
    assert lom.findtext(f"{LOM}lifeCycle/{LOM}version/{LOM}string") == "1.0"
    assert "FN:Springfield Police Academy" in lom.findtext(f"{LOM}lifeCycle/{LOM}contribute/{LOM}entity")
    assert lom.findtext(f"{LOM}educational/{LOM}typicalLearningTime/{LOM}duration") == "PT90M"
    assert (
        lom.findtext(f"{LOM}rights/{LOM}description/{LOM}string")
        == "Approved for training credit by State POST Commission (2026-114)."
    )


def test_scorm_12_manifest_points_at_an_ims_metadata_file(tmp_path):
    files = _manifest(make_course(tmp_path / "c", [CREDIT]), tmp_path / "course.zip", "1.2")
    assert schema_errors(files) == [] and structure_errors(files, "1.2") == []  # the file is listed too
    manifest = etree.fromstring(files["imsmanifest.xml"])
    assert manifest.findtext(".//{http://www.adlnet.org/xsd/adlcp_rootv1p2}location") == "credit-metadata.xml"
    lom = etree.fromstring(files["credit-metadata.xml"])
    assert lom.tag == f"{IMSMD}lom"
    entries = [
        (c.findtext(f"{IMSMD}catalog"), c.findtext(f"{IMSMD}entry/{IMSMD}langstring"))
        for c in lom.iterfind(f"{IMSMD}general/{IMSMD}catalogentry")
    ]
    assert entries == [("Springfield Police Academy", "HT-101"), ("State POST Commission", "2026-114")]
    assert lom.findtext(f"{IMSMD}educational/{IMSMD}typicallearningtime/{IMSMD}datetime") == "PT90M"
    assert (
        lom.findtext(f"{IMSMD}rights/{IMSMD}description/{IMSMD}langstring")
        == "Approved for training credit by State POST Commission (2026-114)."
    )


def test_scorm_manifest_without_credit_has_no_lom(tmp_path):
    root = make_course(tmp_path / "c")
    for version in ("1.2", "2004"):
        files = _manifest(root, tmp_path / f"course-{version}.zip", version)
        assert (
            b"lom" not in files["imsmanifest.xml"]
            and b"location" not in files["imsmanifest.xml"]
            and "credit-metadata.xml" not in files
        )


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_outline_golden(tmp_path, suffix):
    root = make_course(tmp_path / "c", [CREDIT, KEY_POINTS])
    out = tmp_path / f"outline.{suffix}"
    code, output = run("export", "outline", "--root", str(root), "-o", str(out))
    assert code == 0 and output == f"Wrote the course outline (1 module) to {out}.\n", output
    assert_golden(GOLDEN / f"minimal.{suffix}", out.read_text(encoding="utf-8"))


def test_outline_follows_the_course_and_refuses_other_extensions(tmp_path):
    root = make_course(tmp_path / "c", [CREDIT, KEY_POINTS, ("modules/01-basics.md", "duration: 15", "duration: 25")])
    out = tmp_path / "outline.md"
    assert run("export", "outline", "--root", str(root), "-o", str(out))[0] == 0
    text = out.read_text()
    assert "*25 minutes.*" in text and "25 minutes (about 0.4 hours) in 1 module," in text
    assert "- The rule is simple [1]." in text  # the citation as the source's number
    code, output = run("export", "outline", "--root", str(root), "-o", str(tmp_path / "outline.pdf"))
    assert code == 1 and "name the file .md or .html" in output
