"""Short answer: the trainee types the answer; right when it matches an accepted one once both
are normalised (`normalize_answer`, the same in questions/short_answer.js)."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Annotated, Any, Literal

from markupsafe import Markup
from pydantic import Field

from builder.fields import Text
from builder.questions.base import (
    Entries,
    GiftWriter,
    NotExpressible,
    Problem,
    QtiItem,
    QuestionModel,
    QuestionType,
    TextKey,
    ViewContext,
)

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

#: The white space `normalize_answer` collapses, written out so that short_answer.js can use the
#: very same class (Python's `str.split()` and JavaScript's `\s` each miss some of these).
ANSWER_SPACE = "\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_ANSWER_SPACE = re.compile(f"[{ANSWER_SPACE}]+")
#: What Moodle would read as a text format at the start of an answer.
_GIFT_FORMATS = ("[moodle]", "[html]", "[plain]", "[markdown]")


def normalize_answer(text: str) -> str:
    """How short answers are compared, here and in short_answer.js (`normalize`), step for step:
    Unicode NFKC, lower, upper, then lower case again (JavaScript has no case folding; both
    languages apply Unicode's full mappings, final sigma included: ß, ẞ and SS all become ss),
    runs of `ANSWER_SPACE` as one space, trimmed. tests/vectors/normalize.json holds the cases
    both are tested on."""
    return _ANSWER_SPACE.sub(" ", unicodedata.normalize("NFKC", text).lower().upper().lower()).strip(" ")


class ShortAnswer(QuestionModel):
    type: Literal["short_answer"]
    accepted: Annotated[list[Text], Field(min_length=1)]


class ShortAnswerType(QuestionType[ShortAnswer]):
    name = "short_answer"
    model = ShortAnswer
    partial = "short_answer"
    quiz_strings = ("empty_short",)
    form_strings = ("how_short", "your_answer", "print_how_short_answer")

    def texts(self, question: ShortAnswer) -> dict[TextKey, str]:
        return {("accepted", i): text for i, text in enumerate(question.accepted)}

    def view(self, question: ShortAnswer, inline: dict[TextKey, Markup], ctx: ViewContext) -> dict[str, Any]:
        return {"accepted": [inline["accepted", i] for i in range(len(question.accepted))], "how": ctx.t["how_short"]}

    def data(self, question: ShortAnswer) -> dict[str, Any]:
        return {"accepted": list(question.accepted)}

    def form(self, view: dict[str, Any]) -> dict[str, Any]:
        return {"acceptedHtml": view["accepted"]}

    def problems(self, question: ShortAnswer) -> list[Problem]:
        return [
            Problem(
                "blank-answer",
                ("accepted", i),
                (
                    f"question `{question.id}`: accepted answer {i + 1} is only white space, "
                    "so no typed answer can match it"
                ),
                "write the answer, or remove the entry",
            )
            for i, answer in enumerate(question.accepted)
            if not normalize_answer(answer)
        ]

    def entries(self, question: ShortAnswer) -> list[Entries]:
        return [Entries("accepted", [normalize_answer(a) for a in question.accepted], None, "accepted answer")]

    def gift(self, question: ShortAnswer, order: tuple[int, ...] | None, w: GiftWriter) -> list[str] | str:
        """`=%100%answer` each, spaces collapsed; two the course compares as equal written once."""
        answers: list[str] = []
        seen: set[str] = set()
        for accepted in question.accepted:
            text = w.line(accepted)
            if "->" in text:
                raise NotExpressible(
                    f"the accepted answer {text!r} contains `->`, which Moodle would read as a matching question"
                )
            key = normalize_answer(text)
            if key in seen:  # Moodle compares case-insensitively: "Simple" and "simple" are one answer
                continue
            seen.add(key)
            text = text.replace("*", "\\*")  # Moodle's wildcard; `\*` is a literal asterisk
            if text.startswith(_GIFT_FORMATS):  # Moodle would take it for a text format
                text = "[plain]" + text
            answers.append(f"=%100%{w.escape(text)}")
        return answers

    def qti(self, question: ShortAnswer, item: QtiItem, root: ET.Element) -> None:
        """textEntryInteraction, string response, every accepted answer a mapEntry worth 1."""
        declaration = item.response(root, "single", "string", [question.accepted[0]])
        mapping = item.element(declaration, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
        for key in answer_keys(question.accepted):
            item.element(mapping, "mapEntry", mapKey=key, mappedValue="1", caseSensitive="false")
        item.outcomes(root, None)
        body = item.element(root, "itemBody")
        item.append_html(body, question.prompt)
        line = item.element(body, "p", item.t["how_short"] + " ")
        item.element(
            line,
            "textEntryInteraction",
            responseIdentifier="RESPONSE",
            expectedLength=str(max(len(a) for a in question.accepted)),
        )
        item.processing(root, mapped=True)
        item.explanation(root)


def answer_keys(accepted: list[str]) -> list[str]:
    """Each accepted answer, then its normalised form where QTI's case-insensitive match would
    not find it (NFKC, full case-folding such as ß → ss, collapsed spaces); no duplicates."""
    keys: list[str] = []
    seen: set[str] = set()
    for answer in accepted:
        for key in (answer, normalize_answer(answer)):
            if key and key.lower() not in seen:
                seen.add(key.lower())
                keys.append(key)
    return keys
