"""Semantic rules over a loaded course. Each rule yields located diagnostics with a code and a hint."""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable, Iterator

import yaml

from builder.course import Course, Module, QuizFile
from builder.diagnostics import Diagnostic, Pos, error, warning
from builder.diagnostics import closest as _closest
from builder.html_safety import unsafe_html
from builder.i18n import STRINGS
from builder.links import PRINT_ID, check_links, citation_errors
from builder.markdown_scan import DIRECTIVES, citations, directives, headings, mask_code, position, words_at
from builder.quality import check_quality
from builder.questions import question_type
from builder.source import DataPath, syntax_error

Rule = Callable[[Course, datetime.date], Iterator[Diagnostic]]




def course_has_content(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """A course that is only begun says what it lacks, never "No problems found"."""
    if course.meta is not None and not course.modules and not course.broken_modules:
        yield error(
            "no-modules",
            "modules/",
            Pos(),
            "the course has no modules yet",
            'add one with `course new module "Title"`, then its quiz with `course new quiz <module-id>`',
        )
    if course.site_config is None:
        yield error(
            "missing-file",
            "mkdocs.yml",
            Pos(),
            "the course has no mkdocs.yml, which sets the site's theme and options",
            "copy mkdocs.yml from the course builder's repository; the README's Layout section says what it holds",
        )


def duplicate_module_ids(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    seen: dict[str, Module] = {}
    for module in course.modules:
        if module.id == PRINT_ID:
            yield error(
                "reserved-module-id",
                module.path,
                module.positions.of(("id",)),
                f"module id `{PRINT_ID}` is reserved for the page that prints the whole course",
                "choose another id",
            )
        first = seen.setdefault(module.id, module)
        if first is not module:
            yield error(
                "duplicate-module-id",
                module.path,
                module.positions.of(("id",)),
                f"module id `{module.id}` is already used by {first.path}",
                "give each module its own id; ids must never change once trainees use the course",
            )


def duplicate_ids_in_module(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    for module in course.modules:
        for key, noun in (("objectives", "objective"), ("sources", "source")):
            seen: dict[str, int] = {}
            for index, item in enumerate(getattr(module.meta, key)):
                if item.id is None:
                    continue
                if item.id in seen:
                    first = module.positions.of((key, seen[item.id], "id"))
                    yield error(
                        f"duplicate-{noun}-id",
                        module.path,
                        module.positions.of((key, index, "id")),
                        f"{noun} id `{item.id}` is used twice in this module; first at line {first.line}",
                        f"give each {noun} its own id",
                    )
                else:
                    seen[item.id] = index


def quiz_module_exists(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    ids = [m.id for m in course.modules]
    for qf in course.quizzes:
        stem = qf.path.rsplit("/", 1)[-1][: -len(".yml")]
        if qf.quiz.module not in ids:
            if course.broken_modules:
                continue  # the module may be one that could not be read; that is reported already
            yield error(
                "unknown-module",
                qf.path,
                qf.positions.of(("module",)),
                f"quiz for module `{qf.quiz.module}`, but no module has that id",
                _closest(qf.quiz.module, ids) + "`module` must be the `id` in a module's front matter",
            )
        elif stem != qf.quiz.module:
            yield error(
                "quiz-file-name",
                qf.path,
                qf.positions.of(("module",)),
                f"the quiz for module `{qf.quiz.module}` is in `{stem}.yml`",
                f"rename the file to quizzes/{qf.quiz.module}.yml",
            )
    seen: dict[str, QuizFile] = {}
    for qf in course.quizzes:
        first = seen.setdefault(qf.quiz.module, qf)
        if first is not qf:
            yield error(
                "duplicate-quiz",
                qf.path,
                qf.positions.of(("module",)),
                f"module `{qf.quiz.module}` already has a quiz in {first.path}",
                "keep one quiz file per module",
            )


def module_has_quiz(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    for module in course.modules:
        if course.quiz_for(module.id) is None and module.id not in course.broken_quiz_modules:
            yield error(
                "missing-quiz",
                module.path,
                module.positions.of(("id",)),
                f"module `{module.id}` has no quiz",
                f"add quizzes/{module.id}.yml with `module: {module.id}` and its questions",
            )


def question_ids_unique(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    for qf in course.quizzes:
        seen: dict[str, int] = {}
        for index, question in enumerate(qf.quiz.questions):
            if question.id in seen:
                first = qf.positions.of(("questions", seen[question.id], "id"))
                yield error(
                    "duplicate-question-id",
                    qf.path,
                    qf.positions.of(("questions", index, "id")),
                    f"question id `{question.id}` is used twice in this quiz; first at line {first.line}",
                    "ids key saved progress and exports: give each question its own",
                )
            else:
                seen[question.id] = index


def question_problems(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """Each question type's own errors (`QuestionType.problems`: the right options of a choice question)."""
    for qf in course.quizzes:
        for index, question in enumerate(qf.quiz.questions):
            for p in question_type(question).problems(question):
                yield error(p.code, qf.path, qf.positions.of(("questions", index, *p.loc)), p.message, p.hint)


def objectives_known(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    for qf in course.quizzes:
        module = course.module(qf.quiz.module)
        if module is None:
            continue
        known = [o.id for o in module.meta.objectives]
        for index, question in enumerate(qf.quiz.questions):
            for o_index, objective in enumerate(question.objectives):
                if objective not in known:
                    yield error(
                        "unknown-objective",
                        qf.path,
                        qf.positions.of(("questions", index, "objectives", o_index)),
                        (
                            f"question `{question.id}` assesses objective `{objective}`, "
                            f"which module `{module.id}` does not have"
                        ),
                        _closest(objective, known) + "objectives of this module: " + ", ".join(known),
                    )


def body_headings(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """The module title is the page's only `#` heading (it comes from the front matter)."""
    for module in course.modules:
        for level, _, index in headings(module.body):
            if level == 1:
                yield error(
                    "body-title-heading",
                    module.path,
                    Pos(module.body_line + index, 1),
                    "a `#` heading in the module body: the page's title comes from `title` in the front matter",
                    "start the body's sections at `##`",
                )


def objectives_by_scenario(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    for module in course.modules:
        if course.scenarios_for(module.id):
            continue
        for index, objective in enumerate(module.meta.objectives):
            if objective.assessed_by == "scenario":
                yield error(
                    "no-scenario",
                    module.path,
                    module.positions.of(("objectives", index, "assessed_by")),
                    f"objective `{objective.id}` is assessed by scenario, but module `{module.id}` has no scenario",
                    f"add one with `course new scenario {module.id}`, or set `assessed_by: quiz` or `classroom`",
                )


def objectives_assessed(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    for module in course.modules:
        qf = course.quiz_for(module.id)
        if qf is None or qf.partial:
            continue  # a question that could not be read may be the one that assesses it
        for index, objective in enumerate(module.meta.objectives):
            if objective.assessed_by != "quiz":
                continue
            count = sum(objective.id in q.objectives for q in qf.quiz.questions)
            pos = module.positions.of(("objectives", index, "id"))
            if count == 0:
                yield error(
                    "objective-not-assessed",
                    module.path,
                    pos,
                    f"objective `{objective.id}` is assessed by quiz, but no question in {qf.path} assesses it",
                    f"add `{objective.id}` to a question's `objectives`, or set `assessed_by: classroom` or `scenario`",
                )
            elif count == 1:
                yield warning(
                    "objective-assessed-once",
                    module.path,
                    pos,
                    f"objective `{objective.id}` is assessed by only one question",
                    "add a second question so one lucky guess does not decide it",
                )


def distinct_entries(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """Matching sides, ordering items and accepted answers must be told apart."""
    for qf in course.quizzes:
        for index, question in enumerate(qf.quiz.questions):
            where = ("questions", index)
            for entries in question_type(question).entries(question):
                seen: dict[str, int] = {}
                for i, value in enumerate(entries.values):
                    if value in seen:
                        path = where + (entries.key, i) + ((entries.side,) if entries.side else ())
                        yield error(
                            "duplicate-entry",
                            qf.path,
                            qf.positions.of(path),
                            (
                                f"question `{question.id}`: "
                                f"the same {entries.noun} appears twice (entries {seen[value] + 1} and {i + 1})"
                            ),
                            "each entry must be different, or trainees cannot tell them apart",
                        )
                    seen.setdefault(value, i)


def review_dates(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    for module in course.modules:
        if module.meta.review_by is not None and module.meta.review_by < today:
            yield warning(
                "review-overdue",
                module.path,
                module.positions.of(("review_by",)),
                f"module `{module.id}` was due for review on {module.meta.review_by.isoformat()}",
                "re-check the content against its sources, then update `reviewed` and `review_by`",
            )
        for index, source in enumerate(module.meta.sources):
            if source.accessed is None:
                yield warning(
                    "source-not-accessed",
                    module.path,
                    module.positions.of(("sources", index)),
                    f"source `{source.title}` has no `accessed` date",
                    "add `accessed: YYYY-MM-DD`, the day you checked the page",
                )


#: What `html_safety.unsafe_html` finds, by kind: code, message and hint.
_HTML_MESSAGES = {
    "script": (
        "script-in-markdown",
        "`<script>` in Markdown is not allowed",
        "the site ships its own scripts; remove this one",
    ),
    "element": (
        "html-element",
        "the HTML element `<{text}>` is not allowed in a page",
        (
            "use Markdown, or an element course pages allow (text, lists, tables, figures, details); "
            "diagrams go in with [[diagram:name]]"
        ),
    ),
    "handler": (
        "event-handler",
        "event-handler attribute `{text}` is not allowed",
        "remove the attribute; pages must work without inline scripts",
    ),
    "attribute": (
        "html-attribute",
        "the attribute `{text}` is not allowed",
        (
            "remove it: pages allow ids, classes, titles, language, ARIA and the attributes links, images and tables "
            "need; styles come from the site's stylesheet"
        ),
    ),
    "javascript": ("javascript-url", "`{text}` URLs are not allowed", "link to a web page or a page of the course"),
    "scheme": (
        "url-scheme",
        (
            "the URL `{text}` is not allowed: links may be web (http, https), "
            "mail or phone addresses, or pages of the course"
        ),
        "link to a web page or a page of the course",
    ),
    "external": (
        "external-file",
        "`{text}` would be loaded from another host",
        "the site loads nothing from outside itself: copy the file into course/ and link to it there",
    ),
}


def safe_markdown(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    texts = _markdown_texts(course)
    for path, text, first_line in texts:
        for hit in unsafe_html(text):
            code, message, hint = _HTML_MESSAGES[hit.kind]
            yield error(code, path, Pos(first_line + hit.line, hit.col + 1), message.format(text=hit.text), hint)


def citations_known(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    for module in course.modules:
        ids = [s.id for s in module.meta.sources if s.id]
        for hit, keys in citations(module.body):
            pos = Pos(module.body_line + hit.line, hit.col + 1)
            hint = "add `id:` to the source in the front matter, or fix the citation"
            yield from citation_errors(module.path, pos, hit.text, keys, ids, "this module", hint)


def _markdown_texts(course: Course) -> list[tuple[str, str, int]]:
    return (
        [(m.path, m.body, m.body_line) for m in course.modules]
        + [(p.path, p.text, 1) for p in course.pages]
        + [(b.path, b.text, b.line) for b in course.unread_bodies]
    )


def directives_known(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    contact_ids = [c.id for c in course.all_contacts]
    diagram_names = [d.name for d in course.diagrams]
    for path, text, first_line in _markdown_texts(course):
        for d in directives(text):
            pos = Pos(first_line + d.hit.line, d.hit.col + 1)
            if d.name not in DIRECTIVES:
                yield error(
                    "unknown-directive",
                    path,
                    pos,
                    f"unknown directive `{d.hit.text}`",
                    _closest(d.name, list(DIRECTIVES))
                    + "available: "
                    + ", ".join(f"[[{n}:…]]" if n != "contacts" else "[[contacts]]" for n in DIRECTIVES),
                )
            elif d.name == "contacts":
                if d.arg is not None:
                    yield error(
                        "bad-directive",
                        path,
                        pos,
                        "`[[contacts]]` takes no argument",
                        "write [[contacts]] for the list of all contacts, or [[contact:id]] for one",
                    )
            elif d.name == "contact":
                if course.contacts_broken:
                    continue
                if not d.arg or d.arg not in contact_ids:
                    yield error(
                        "unknown-contact",
                        path,
                        pos,
                        f"no contact `{d.arg or ''}` in course/contacts.yml",
                        _closest(d.arg or "", contact_ids)
                        + ("contacts: " + ", ".join(contact_ids) if contact_ids else "add course/contacts.yml"),
                    )
            elif d.name == "diagram":
                if not d.arg or (d.arg not in diagram_names and d.arg not in course.diagrams_broken):
                    yield error(
                        "unknown-diagram",
                        path,
                        pos,
                        f"no diagram course/diagrams/{d.arg or ''}.svg",
                        _closest(d.arg or "", diagram_names) + "diagrams are SVG files in course/diagrams/",
                    )
                elif not d.alone:
                    yield error(
                        "bad-directive",
                        path,
                        pos,
                        "a diagram must be on a line of its own",
                        "put [[diagram:…]] on its own line, with blank lines around it",
                    )


def contacts_current(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    files = [
        ("course/contacts.yml", course.contacts, course.contact_positions),
        ("course/local/contacts.yml", course.local_contacts, course.local_contact_positions),
    ]
    for path, contacts, positions in files:
        if positions is None:
            continue
        seen: dict[str, int] = {}
        for index, contact in enumerate(contacts):
            if contact.id in seen:
                yield error(
                    "duplicate-contact-id",
                    path,
                    positions.of(("contacts", index, "id")),
                    f"contact id `{contact.id}` is used twice",
                    "keep each contact once",
                )
            seen.setdefault(contact.id, index)
            age = (today - contact.checked_on).days
            if age > CONTACT_MAX_AGE_DAYS:
                yield warning(
                    "contact-not-checked",
                    path,
                    positions.of(("contacts", index, "checked_on")),
                    (
                        f"contact `{contact.id}` was last checked on {contact.checked_on.isoformat()}, "
                        f"more than {CONTACT_MAX_AGE_DAYS} days ago"
                    ),
                    f"call or open {contact.source} to confirm the details, then update `checked_on`",
                )


def local_sections_apply(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """Each local section names a module and a section (by heading id) that still exist upstream."""
    positions = course.local_section_positions
    if positions is None:
        return
    path = "course/local/sections.yml"
    for index, section in enumerate(course.local_sections):
        where = ("sections", index)
        module = course.module(section.module)
        if module is None:
            yield error(
                "unknown-module",
                path,
                positions.of(where + ("module",)),
                f"local section for module `{section.module}`, which the course does not have",
                _closest(section.module, [m.id for m in course.modules]) + "use a module's `id`",
            )
            continue
        if (section.after is None) == (section.replace is None):
            yield error(
                "local-section-target",
                path,
                positions.of(where),
                f"local section `{section.title}` needs exactly one of `after` or `replace`",
                "name the heading id of the module section it follows or replaces",
            )
            continue
        contact_ids = [c.id for c in course.all_contacts]
        for d in directives(section.text):
            if d.name == "contact" and d.arg not in contact_ids:
                yield error(
                    "unknown-contact",
                    path,
                    positions.of(where + ("text",)),
                    f"no contact `{d.arg or ''}` in course/contacts.yml or course/local/contacts.yml",
                    _closest(d.arg or "", contact_ids) + "add it to course/local/contacts.yml",
                )
        for hit in unsafe_html(section.text):
            code, message, hint = _HTML_MESSAGES[hit.kind]
            yield error(
                code,
                path,
                positions.of(where + ("text",)),
                message.format(text=hit.text) + " (in a local section)",
                hint,
            )
        target = section.after or section.replace
        ids = [slug for _, slug, _ in headings(module.body)]
        if target not in ids:
            key = "after" if section.after else "replace"
            yield error(
                "local-section-target",
                path,
                positions.of(where + (key,)),
                f"module `{module.id}` has no section `{target}` (the course may have renamed it in an update)",
                _closest(target or "", ids) + "section ids: " + ", ".join(ids),
            )


def glossary_first_use(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """An abbreviation in the glossary must be written out at its first use in each module."""
    if course.glossary is None:
        return
    terms = [t for t in course.glossary.terms if t.abbr]
    for module in course.modules:
        objective_texts = [(index, o.text) for index, o in enumerate(module.meta.objectives)]
        body = mask_code(module.body)
        for term in terms:
            assert term.abbr is not None
            expansion = term.term.lower()
            seen_text = module.meta.title + "\n"
            found = None
            for index, text in objective_texts:
                offsets = list(words_at(text, term.abbr))
                if offsets:
                    found = (module.positions.of(("objectives", index, "text")), seen_text + text[: offsets[0]])
                    break
                seen_text += text + "\n"
            if found is None:
                offsets = list(words_at(body, term.abbr))
                if offsets:
                    line, col = position(body, offsets[0])
                    found = (Pos(module.body_line + line, col + 1), seen_text + body[: offsets[0]])
            if found is not None and expansion not in " ".join(found[1].lower().split()):
                yield warning(
                    "abbreviation-first-use",
                    module.path,
                    found[0],
                    f"`{term.abbr}` is used before it is written out in this module",
                    (
                        f'write "{term.term} ({term.abbr})" at its first use: '
                        "readers on phones and screen readers get no tooltips"
                    ),
                )


def glossary_unique(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    if course.glossary is None or course.glossary_positions is None:
        return
    seen: dict[str, int] = {}
    for index, term in enumerate(course.glossary.terms):
        for key in filter(None, (term.term.lower(), term.abbr)):
            if key in seen and seen[key] != index:
                yield error(
                    "duplicate-term",
                    "course/glossary.yml",
                    course.glossary_positions.of(("terms", index)),
                    f"`{term.abbr if key == term.abbr else term.term}` is defined twice in the glossary",
                    "keep one entry",
                )
            seen.setdefault(key, index)


def scenarios_sound(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """Every goto leads somewhere; every step is reachable; an end can be reached from every step."""
    module_ids = [m.id for m in course.modules]
    seen_ids: dict[str, str] = {}
    for sf in course.scenarios:
        sc, path, pos = sf.scenario, sf.path, sf.positions
        stem = path.rsplit("/", 1)[-1][: -len(".yml")]
        if sc.id != stem:
            yield error(
                "scenario-file-name",
                path,
                pos.of(("id",)),
                f"scenario `{sc.id}` is in `{stem}.yml`",
                f"rename the file to scenarios/{sc.id}.yml",
            )
        if sc.id in seen_ids:
            yield error(
                "duplicate-scenario-id",
                path,
                pos.of(("id",)),
                f"scenario id `{sc.id}` is already used by {seen_ids[sc.id]}",
                "give each scenario its own id",
            )
        seen_ids.setdefault(sc.id, path)
        if sc.module not in module_ids and not course.broken_modules:
            yield error(
                "unknown-module",
                path,
                pos.of(("module",)),
                f"scenario for module `{sc.module}`, but no module has that id",
                _closest(sc.module, module_ids) + "`module` must be a module's `id`",
            )
        for both in sorted(set(sc.steps) & set(sc.ends)):
            yield error(
                "duplicate-step-id",
                path,
                pos.of(("ends", both), key=True),
                f"`{both}` is both a step and an end",
                "give the end another id",
            )
        targets = list(sc.steps) + list(sc.ends)
        if sc.start not in sc.steps:
            yield error(
                "unknown-step",
                path,
                pos.of(("start",)),
                f"`start` names `{sc.start}`, which is not a step",
                _closest(sc.start, list(sc.steps)) + "steps: " + ", ".join(sc.steps),
            )
        unknown = 0
        for step_id, step in sc.steps.items():
            for index, choice in enumerate(step.choices):
                if choice.goto not in targets:
                    unknown += 1
                    yield error(
                        "unknown-step",
                        path,
                        pos.of(("steps", step_id, "choices", index, "goto")),
                        (
                            f"choice {index + 1} of step `{step_id}` goes to `{choice.goto}`, "
                            "which is neither a step nor an end"
                        ),
                        _closest(choice.goto, targets) + "add it, or fix the name",
                    )
        if unknown:
            continue  # a misspelt `goto` would also make steps unreachable and paths dead ends: one error per typo
        reachable = _reachable(sc, sc.start) if sc.start in sc.steps else set()
        for step_id in sc.steps:
            if sc.start in sc.steps and step_id not in reachable:
                yield error(
                    "unreachable-step",
                    path,
                    pos.of(("steps", step_id), key=True),
                    f"step `{step_id}` cannot be reached from `{sc.start}`",
                    "add a choice that leads to it, or remove it",
                )
        for end_id in sc.ends:
            if sc.start in sc.steps and end_id not in reachable:
                yield error(
                    "unreachable-step",
                    path,
                    pos.of(("ends", end_id), key=True),
                    f"end `{end_id}` cannot be reached from `{sc.start}`",
                    "add a choice that leads to it, or remove it",
                )
        for step_id in sc.steps:
            if not (_reachable(sc, step_id) & set(sc.ends)):
                yield error(
                    "dead-end",
                    path,
                    pos.of(("steps", step_id), key=True),
                    f"no end can be reached from step `{step_id}`",
                    "give one of the choices on this path a `goto` that leads to an end",
                )


def _reachable(sc, start: str) -> set[str]:  # type: ignore[no-untyped-def]
    seen, todo = {start}, [start]
    while todo:
        step = sc.steps.get(todo.pop())
        for choice in step.choices if step else []:
            if choice.goto not in seen:
                seen.add(choice.goto)
                todo.append(choice.goto)
    return seen


CONTACT_MAX_AGE_DAYS = 180
_TODO = re.compile(r"\bTODO\b")


def _strings(value: object, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def placeholders(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """`TODO` left from `course new` (or anywhere): the text is not finished."""
    hint = "replace the placeholder with the real text"
    for module in course.modules:
        for path, text in _strings(module.meta.model_dump(mode="json", exclude_none=True)):
            if _TODO.search(text) or "example.org/TODO" in text:
                yield error(
                    "placeholder",
                    module.path,
                    module.positions.of(path),
                    "placeholder `TODO` left in the front matter",
                    hint,
                )
        # `\bTODO\b` has no literal start for the regex engine to search for: a module body without
        # "TODO" (nearly all) is not masked and scanned (a twentieth of `course check`).
        masked = mask_code(module.body) if "TODO" in module.body else ""
        for match in _TODO.finditer(masked):
            line, col = position(masked, match.start())
            yield error(
                "placeholder",
                module.path,
                Pos(module.body_line + line, col + 1),
                "placeholder `TODO` left in the text",
                hint,
            )
            break  # one per body is enough to point at the work left
    for qf in course.quizzes:
        # Most quizzes have no TODO anywhere: pydantic's JSON dump (compiled) says so at a tenth of
        # the cost of walking every string (a tenth of `course check` on 4,000 questions).
        if "TODO" not in qf.quiz.model_dump_json(exclude_none=True):
            continue
        for path, text in _strings(qf.quiz.model_dump(mode="json", exclude_none=True)):
            if _TODO.search(text):
                yield error("placeholder", qf.path, qf.positions.of(path), "placeholder `TODO` left in the quiz", hint)
    for sf in course.scenarios:
        for path, text in _strings(sf.scenario.model_dump(mode="json", exclude_none=True)):
            if _TODO.search(text):
                yield error(
                    "placeholder",
                    sf.path,
                    sf.positions.of(path),
                    "placeholder `TODO` left in the scenario",
                    hint,
                )


_THIRD_PARTY = re.compile(r"(https?:)?//", re.IGNORECASE)
_ANALYTICS = ("analytics", "google_analytics")
_OFF = ("false", "no", "off")


def site_stays_private(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """Trainees on agency networks: nothing may load from another host, and nothing tracks them.
    mkdocs.yml is read as YAML (`extra: {analytics: {provider: google}}` on one line is the same
    setting as the block form), and each finding is located where the file has it."""
    root = _site_root(course.site_config) if course.site_config else None
    if root is None:
        return  # no mkdocs.yml, or one that is not YAML: reported by their own rules
    for key in _keys(root):
        if key.value.lower() in _ANALYTICS:
            yield error(
                "analytics",
                "mkdocs.yml",
                _pos(key),
                "analytics are not allowed: the site must not track trainees",
                "remove the analytics settings",
            )
    for section in ("extra_javascript", "extra_css"):
        for value in _scalars(_mapping_value(root, section)):
            if _THIRD_PARTY.match(value.value):
                where = _pos(value)
                if value.style in ("'", '"'):
                    where = Pos(where.line, where.col + 1)  # at the address, not its opening quote
                yield error(
                    "third-party-asset",
                    "mkdocs.yml",
                    where,
                    f"`{section}` loads a file from another host",
                    (
                        "copy the file into course/ and link it by its path; "
                        "the site must not load anything from outside itself"
                    ),
                )
    font = _theme_setting(course.site_config or "", "font")
    if font is None or font[0].lower() not in _OFF:
        yield error(
            "external-font",
            "mkdocs.yml",
            Pos(1, 1),
            "the theme loads its fonts from Google Fonts (Material's default)",
            "set `font: false` under `theme:` so the site loads nothing from outside itself",
        )


_FILE_NAMES = "; pages are then page.html, which also works from a USB stick (file://) and inside an LMS package"


def site_uses_file_names(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """MkDocs' default, page/index.html, would break the links between the course's own pages and
    their scripts (and the site's use from file:// or an LMS package): pages must be page.html."""
    root = _site_root(course.site_config) if course.site_config else None
    if root is None:
        return
    value = _mapping_value(root, "use_directory_urls")
    if value is None:
        yield error(
            "directory-urls",
            "mkdocs.yml",
            Pos(1, 1),
            (
                "`use_directory_urls` is not set, and MkDocs then makes every page a folder: "
                "the progress, assessment and scenario pages would lose their scripts and links"
            ),
            "add the line `use_directory_urls: false`" + _FILE_NAMES,
        )
    elif not (isinstance(value, yaml.ScalarNode) and value.style is None and value.value.lower() in _OFF):
        yield error(
            "directory-urls",
            "mkdocs.yml",
            _pos(value),
            (
                "`use_directory_urls` is on: "
                "the progress, assessment and scenario pages would lose their scripts and links"
            ),
            "set `use_directory_urls: false`" + _FILE_NAMES,
        )


def _pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def _keys(node: yaml.Node | None, seen: set[int] | None = None) -> Iterator[yaml.ScalarNode]:
    """Every mapping key of a composed document, in file order (a collection shared by YAML
    aliases is walked once)."""
    seen = set() if seen is None else seen
    if not isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) or id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _keys(item, seen)
        return
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode):
            yield k
        yield from _keys(v, seen)


def _scalars(node: yaml.Node | None, seen: set[int] | None = None) -> Iterator[yaml.ScalarNode]:
    """The scalar values under a node (not mapping keys), in file order."""
    seen = set() if seen is None else seen
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and id(node) not in seen:
        seen.add(id(node))
        for item in node.value:
            yield from _scalars(item[1] if isinstance(node, yaml.MappingNode) else item, seen)


def credit_names_its_approver(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """An approval number is shown on the certificate and in the outline only with who gave it."""
    credit = course.meta.credit if course.meta else None
    if credit and credit.approval_number and not credit.approving_body:
        where = course.meta_positions.of(("credit", "approval_number"), key=True) if course.meta_positions else Pos()
        yield warning(
            "credit-approver",
            "course/course.yml",
            where,
            (
                "`credit` has an `approval_number` but no `approving_body`: "
                "the certificate would not say who approved the course"
            ),
            "add `approving_body:` (e.g. the state POST commission), or remove the number",
        )


def item_quality(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """The cues that let a trainee pass without reading (builder/quality.py), judged on whole
    quizzes only: one with questions that could not be read would give shares of a part."""
    partial = [qf for qf in course.quizzes if qf.partial]
    yield from check_quality(
        dataclasses.replace(course, quizzes=tuple(qf for qf in course.quizzes if not qf.partial)) if partial else course
    )


class SiteConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as YAML: Material's `!!python/name:` and `!ENV` tags are read as plain values."""


SiteConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _theme_setting(text: str, key: str) -> tuple[str, Pos] | None:
    """`theme.<key>` in mkdocs.yml and where it is, read as YAML (not line by line: a one-line
    `theme: {name: material, font: false}` is the same setting)."""
    value = _mapping_value(_mapping_value(_site_root(text), "theme"), key)
    if isinstance(value, yaml.ScalarNode):
        return value.value, Pos(value.start_mark.line + 1, value.start_mark.column + 1)
    return None


def _site_root(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=SiteConfigLoader)
    except yaml.YAMLError:
        return None  # MkDocs reports its own configuration errors


def site_runs_the_course_plugin(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """Without `course` in `plugins:`, MkDocs would build a site of the course/ pages alone."""
    if not course.site_config:
        return
    try:
        root = yaml.compose(course.site_config, Loader=SiteConfigLoader)
    except yaml.MarkedYAMLError as exc:  # the other mkdocs.yml rules then stay silent
        yield syntax_error(course.site_config, exc, "mkdocs.yml")
        return
    except yaml.YAMLError as exc:
        yield error(
            "yaml-syntax",
            "mkdocs.yml",
            Pos(1, 1),
            "YAML syntax: " + " ".join(str(exc).split()),
            "check the file in a text editor",
        )
        return
    plugins = _mapping_value(root, "plugins")
    names = []
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            if isinstance(item, yaml.ScalarNode):
                names.append(item.value)
            elif isinstance(item, yaml.MappingNode):
                names += [k.value for k, _ in item.value if isinstance(k, yaml.ScalarNode)]
    elif isinstance(plugins, yaml.MappingNode):
        names = [k.value for k, _ in plugins.value if isinstance(k, yaml.ScalarNode)]
    if "course" not in names:
        where = Pos(plugins.start_mark.line + 1, plugins.start_mark.column + 1) if plugins is not None else Pos()
        yield error(
            "course-plugin-missing",
            "mkdocs.yml",
            where,
            "mkdocs.yml does not run the `course` plugin, so the site would have no modules, quizzes or progress",
            "list it under `plugins:`, after `search`: `plugins: [search, course]`",
        )


def _mapping_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.Node):
                return v
    return None


def one_language(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """`language` in course.yml decides every string a trainee sees; it must have strings, and
    mkdocs.yml must not say otherwise (Material would use its own)."""
    if course.meta is None:
        return
    language = course.meta.language
    where = course.meta_positions.of(("language",)) if course.meta_positions else Pos()
    if language.split("-")[0] not in STRINGS:
        available = ", ".join(sorted(STRINGS))
        yield error(
            "unknown-language",
            "course/course.yml",
            where,
            f"the builder has no interface strings for `{language}`; it has: {available}",
            f"use one of {available}, or add a table for `{language}` to builder/i18n.py",
        )
    found = _theme_setting(course.site_config, "language") if course.site_config else None
    if found and found[0] != language:
        yield error(
            "language-conflict",
            "mkdocs.yml",
            found[1],
            f"`theme.language` is `{found[0]}`, but course/course.yml says `language: {language}`",
            "remove `language` from `theme:` in mkdocs.yml: course/course.yml decides the language of the whole site",
        )


def links_resolve(course: Course, today: datetime.date) -> Iterator[Diagnostic]:
    """Links, anchors and images of every text lead to the site's own pages and files; citations
    in quiz and scenario text name their module's sources (builder/links.py)."""
    yield from check_links(course)


RULES: tuple[Rule, ...] = (
    course_has_content,
    duplicate_module_ids,
    duplicate_ids_in_module,
    quiz_module_exists,
    module_has_quiz,
    question_ids_unique,
    question_problems,
    objectives_known,
    objectives_assessed,
    objectives_by_scenario,
    body_headings,
    distinct_entries,
    review_dates,
    safe_markdown,
    citations_known,
    directives_known,
    contacts_current,
    local_sections_apply,
    scenarios_sound,
    glossary_unique,
    glossary_first_use,
    placeholders,
    site_stays_private,
    site_uses_file_names,
    links_resolve,
    one_language,
    site_runs_the_course_plugin,
    credit_names_its_approver,
    item_quality,
)


def run_rules(course: Course, today: datetime.date | None = None) -> Iterator[Diagnostic]:
    day = today or datetime.date.today()
    for rule in RULES:
        yield from rule(course, day)
