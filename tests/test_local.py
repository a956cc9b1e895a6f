"""Local adaptation: an agency's course/local/ overlay survives upstream updates."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from course_helpers import REPO, make_course

from builder.cli import cli

LOCAL = {
    "course/local/local.yml": (
        "agency: Springfield Police Department\ncredit_hours: 1.5\nnote: Counts toward annual in-service training.\n"
    ),
    "course/local/contacts.yml": (
        "contacts:\n"
        '  - id: helpline\n    name: Springfield Helpline\n    phone: "1-555-555-0199"\n'
        "    checked_on: 2099-01-01\n    source: https://example.org/s\n"
        '  - id: springfield-vsu\n    name: Springfield Victim Services\n    phone: "1-555-555-0100"\n'
        "    checked_on: 2099-01-01\n    source: https://example.org/v\n"
    ),
    "course/local/sections.yml": (
        "sections:\n  - module: basics\n    after: the-rule\n    title: In Springfield\n"
        "    text: Call [[contact:springfield-vsu]] first.\n  - module: basics\n    replace: review\n"
        "    title: Our review\n    text: Springfield reviews every case weekly.\n"
    ),
    "course/local/state-law.md": "# State law notes\n\nOur state's statute.\n",
}
UPSTREAM_SECTIONS = (
    "The Example Rule Authority (ERA) says",
    (
        "## Review\n\nThe upstream review text.\n\n## Background\n\nUpstream background.\n\n"
        "The Example Rule Authority (ERA) says"
    ),
)


def build(root, tmp_path, name="site"):
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    return tmp_path / name


def test_overlay_applies_and_survives_an_upstream_update(tmp_path):
    root = make_course(tmp_path / "c", [("modules/01-basics.md", *UPSTREAM_SECTIONS), *LOCAL.items()])
    site = build(root, tmp_path)
    page = (site / "modules" / "basics.html").read_text()
    ours = page.index('id="in-springfield"')
    assert page.index('id="the-rule"') < ours < page.index('id="knowledge-check"')
    assert "<em>Added by Springfield Police Department.</em>" in page
    assert '<a href="tel:+15555550100">1-555-555-0100</a>' in page
    assert "Springfield reviews every case weekly." in page and "The upstream review text." not in page
    assert "Upstream background." in page  # the section after the replaced one stays
    assert '<a href="tel:+15555550199">1-555-555-0199</a>' in page  # the agency's helpline overrides the course's
    home = (site / "index.html").read_text()
    assert "<strong>Credit:</strong> 1.5 hours (Springfield Police Department)." in home
    assert "<p>Counts toward annual in-service training.</p>" in home  # local.yml's `note`
    assert "Springfield Police Department" in (site / "local" / "state-law.html").read_text()
    assert not (site / "local" / "sections.yml").exists() and not (site / "local" / "contacts.yml").exists()
    assert not (site / "local" / "local.yml").exists()

    # Upstream ships an update: new text and a new section around ours. Local files untouched.
    module = root / "modules" / "01-basics.md"
    module.write_text(
        module.read_text().replace(
            "## Background\n", "## Background\n\nA new upstream paragraph.\n\n## History\n\nNew upstream section.\n"
        )
    )
    page = (build(root, tmp_path, "site2") / "modules" / "basics.html").read_text()
    assert "A new upstream paragraph." in page and "New upstream section." in page
    assert page.index('id="the-rule"') < page.index('id="in-springfield"')

    # Upstream renames the section the agency's addition follows: check says so, with a hint.
    module.write_text(module.read_text().replace("## The rule", "## The rules"))
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 1
    assert (
        "course/local/sections.yml:3:12: error: module `basics` has no section `the-rule` "
        "(the course may have renamed it in an update) [local-section-target]"
    ) in result.output
    assert "did you mean `the-rules`?" in result.output


def test_the_documented_example_applies_to_the_default_course(tmp_path):
    root = tmp_path / "course"
    for name in ("course", "modules", "quizzes"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs" / "local-example" / "course" / "local", root / "course" / "local")
    result = CliRunner().invoke(cli, ["check", "--root", str(root), "--strict"])
    assert result.exit_code == 0, result.output
