"""Print: the answers appendix, worksheets to fill in with a pen, and the instructor edition kept
out of search engines (the built pages, read as HTML; tests/browser/test_print_media.py prints them)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from click.testing import CliRunner
from course_helpers import make_course

from builder.cli import cli

NOINDEX = '<meta name="robots" content="noindex, nofollow">'


def build(root: Path, site: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(site), *args])
    assert result.exit_code == 0, result.output


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def texts(elements: list) -> list[str]:
    return [" ".join(e.text_content().split()) for e in elements]


def c(name: str) -> str:
    """XPath: the element has the class `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def test_whole_course_prints_its_answers_after_every_question(tmp_path):
    root = make_course(tmp_path / "c")
    build(root, tmp_path / "site")
    doc = page(tmp_path / "site" / "modules" / "all-modules.html")
    article = doc.xpath(f"//article[{c('md-content__inner')}]")[0]
    appendix = doc.xpath(f"//section[{c('cb-answers')}]")
    assert len(appendix) == 1 and "cb-answers--print-only" not in appendix[0].get("class")
    appendix = appendix[0]
    # After every question: the last of the article's parts, nothing of a quiz after it.
    parts = list(article.iter())
    assert parts.index(appendix) > max(parts.index(f) for f in article.xpath(".//form"))
    # Headings for screen readers: the appendix, each module, each answer numbered as its question.
    assert appendix.get("aria-labelledby") == "cb-answers" and texts(appendix.xpath(".//h1[@id='cb-answers']")) == [
        "Answers"
    ]
    assert texts(appendix.xpath(".//h2")) == ["Answers: Basics"]
    legends = texts(doc.xpath(f"//form//*[{c('cb-quiz__number')}]"))
    assert (
        texts(appendix.xpath(".//h3"))
        == [n.rstrip(".") for n in legends]
        == [f"Question {n} of 7" for n in range(1, 8)]
    )
    items = {texts(i.xpath("h3"))[0]: i for i in appendix.xpath(f".//div[{c('cb-answers__item')}]")}
    # Each answer: the key and the explanation (not the feedback on every option).
    assert texts(items["Question 1 of 7"].xpath(f".//*[{c('cb-quiz__answer')}]")) == ["Answer: It is simple."]
    assert texts(items["Question 2 of 7"].xpath(f".//*[{c('cb-quiz__answer-list')}]/li")) == ["One", "Two"]
    assert texts(items["Question 4 of 7"].xpath(f".//*[{c('cb-quiz__answer-list')}]/li")) == [
        "Learn — Read the rule",
        "Apply — Use the rule",
        "Review — Check the result",
    ]
    assert texts(items["Question 5 of 7"].xpath(f".//ol[{c('cb-quiz__answer-list')}]/li")) == [
        "Learn the rule",
        "Apply the rule",
        "Review the result",
    ]
    assert texts(items["Question 6 of 7"].xpath(f".//*[{c('cb-quiz__answer')}]")) == ["Answer: Simple; very simple"]
    assert texts(items["Question 1 of 7"].xpath(f".//*[{c('cb-quiz__explanation')}]")) == [
        "The rulebook says the rule is simple."
    ]
    assert (
        appendix.xpath(f".//*[{c('cb-quiz__feedback')}]") == [] and appendix.xpath(".//*[starts-with(@id, 'q-')]") == []
    )  # no second copy of a form's ids
    assert "appendix at the end" in article.text_content()  # the page's introduction says where the answers are
    search = (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Answers: Basics" not in search and "Question 1 of 7" not in search


def test_a_module_page_prints_its_answers_after_its_sources(tmp_path):
    """On screen each question has its own answer; on paper they follow the module, on a new sheet."""
    root = make_course(tmp_path / "c")
    build(root, tmp_path / "site")
    doc = page(tmp_path / "site" / "modules" / "basics.html")
    (appendix,) = doc.xpath(f"//section[{c('cb-answers')}]")
    assert appendix.get("class") == "cb-answers cb-answers--print-only"
    parts = list(doc.iter())
    assert parts.index(appendix) > parts.index(doc.xpath("//*[@id='sources']")[0])
    assert texts(appendix.xpath(".//h2")) == ["Answers"] and len(appendix.xpath(".//h3")) == 7  # no module headings
    css = (tmp_path / "site" / "assets" / "course" / "course.css").read_text(encoding="utf-8")
    assert ".md-typeset .cb-answers--print-only{display:none}" in css.replace(
        ".md-typeset .cb-quiz__how--print,.md-typeset .cb-quiz__question .cb-quiz__choices,", ""
    )


def test_worksheets_for_a_pen(tmp_path):
    """Matching prints its answers lettered beside the items; ordering, matching and short answer
    say what to write (the screen's instructions say what to choose or move)."""
    root = make_course(tmp_path / "c")
    build(root, tmp_path / "site")
    doc = page(tmp_path / "site" / "modules" / "basics.html")
    (matching,) = doc.xpath(f"//form[{c('cb-quiz__question--matching')}]")
    (choices,) = matching.xpath(f"fieldset/ol[{c('cb-quiz__choices')}]")
    assert choices.get("type") == "A"
    shown = [o.text_content() for o in matching.xpath(".//select")[0].xpath("option")[1:]]
    assert texts(choices.xpath("li")) == shown and sorted(shown) == [
        "Check the result",
        "Read the rule",
        "Use the rule",
    ]
    how = {
        f.get("data-question"): texts(f.xpath(f".//*[{c('cb-quiz__how--print')}]"))
        for f in doc.xpath("//form[@data-question]")
    }
    assert how == {
        "rule": [], "many": [], "tf": [], "shuffled": [],
        "pairs": ["Write the letter of the matching answer in each blank."],
        "steps": ["Number the items in the right order: 1 for the first."],
        "word": ["Write your answer on the line."],
    }


def test_trainee_pages_are_not_kept_from_search_engines(tmp_path):
    root = make_course(tmp_path / "c", [("course/robots.txt", "User-agent: *\nAllow: /\n")])
    build(root, tmp_path / "site")
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 5 and not [
        p
        for p in pages
        if "noindex" in p.read_text(encoding="utf-8") or "cb-instructor-banner" in p.read_text(encoding="utf-8")
    ]
    assert (tmp_path / "site" / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"  # the course's own


def test_every_instructor_page_says_do_not_publish_and_is_kept_from_search_engines(tmp_path):
    root = make_course(tmp_path / "c", [("course/robots.txt", "User-agent: *\nAllow: /\n")])
    build(root, tmp_path / "instructor", "--edition", "instructor")
    site = tmp_path / "instructor"
    pages = sorted(site.rglob("*.html"))
    assert {"index.html", "404.html", "instructor-report.html", "modules/all-modules.html", "modules/basics.html"} <= {
        p.relative_to(site).as_posix() for p in pages
    }
    for path in pages:
        text = path.read_text(encoding="utf-8")
        doc = lxml.html.fromstring(text)
        assert text.count(NOINDEX) == 1 and doc.xpath('/html/head/meta[@name="robots"]'), path
        banners = doc.xpath(f"//article//*[{c('cb-instructor-banner')}]")
        assert texts(banners) == [
            (
                "Instructor edition: do not publish. This site holds the answer keys and the notes for instructors. "
                "Share it with instructors only."
            )
        ], path
        assert banners[0].getparent().index(banners[0]) == 0, path  # at the top of the page
    assert (site / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"  # not the course's own
    css = (site / "assets" / "course" / "course.css").read_text(encoding="utf-8")
    assert '@page{@top-center{content:"Instructor edition: do not publish.";' in css  # on every printed sheet
    # The key under each question, also in print; so no appendix, and the introduction says so.
    for name in ("all-modules.html", "basics.html"):
        doc = page(site / "modules" / name)
        assert (
            doc.xpath(f"//section[{c('cb-answers')}]") == []
            and len(doc.xpath(f"//details[{c('cb-quiz__key')}][@open]")) == 7
        )
    assert "Each question prints with its answer and explanation." in (site / "modules" / "all-modules.html").read_text(
        encoding="utf-8"
    )
    assert ".cb-quiz--instructor .cb-quiz__key{display:block!important}" in css


def test_print_and_instructor_strings_follow_the_course_language(tmp_path):
    root = make_course(tmp_path / "c", [("course/course.yml", "language: en", "language: es")])
    build(root, tmp_path / "site")
    build(root, tmp_path / "instructor", "--edition", "instructor")
    trainee = page(tmp_path / "site" / "modules" / "all-modules.html")
    assert texts(trainee.xpath(f"//section[{c('cb-answers')}]/h1")) == ["Respuestas"] and texts(
        trainee.xpath(f"//section[{c('cb-answers')}]/h2")
    ) == ["Respuestas: Basics"]
    assert texts(trainee.xpath(f"//h3[{c('cb-answers__number')}]"))[0] == "Pregunta 1 de 7"
    assert "Escriba en cada espacio la letra de la respuesta que corresponde." in texts(
        trainee.xpath(f"//*[{c('cb-quiz__how--print')}]")
    )
    instructor = page(tmp_path / "instructor" / "index.html")
    assert texts(instructor.xpath(f"//*[{c('cb-instructor-banner')}]//strong")) == [
        "Edición para instructores: no publicar."
    ]
    assert instructor.getroottree().getroot().get("lang") == "es"
    css = (tmp_path / "instructor" / "assets" / "course" / "course.css").read_text(encoding="utf-8")
    assert 'content:"Edición para instructores: no publicar."' in css
