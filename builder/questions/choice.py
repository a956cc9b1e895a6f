"""Choice questions: `single` (one right option), `multiple` (every right option, all or
nothing) and `true_false` (two options, one right). One family, three types: they share the
model, the template partial (questions/choice.html) and the script (questions/choice.js)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from markupsafe import Markup
from pydantic import Field

from builder import arrange
from builder.fields import Model, Slug, Text
from builder.questions.base import (
    GiftWriter,
    NotExpressible,
    Problem,
    QtiItem,
    QuestionModel,
    QuestionType,
    TextKey,
    ViewContext,
    letter,
)

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

#: Moodle's grade options (`question_bank::fraction_options_full()`), positive half. An imported
#: weight must be within 0.00001 of one of them (or its negative), else the question is refused.
MOODLE_FRACTIONS = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)
#: The weight of a wrong option of a multiple-answer question: any wrong choice scores 0.
WRONG_WEIGHT = -100


class Option(Model):
    id: Slug | None = None
    text: Text
    correct: bool = False
    feedback: Text | None = None
    pin: bool = False


class ChoiceQuestion(QuestionModel):
    options: Annotated[list[Option], Field(min_length=2)]
    keep_order: bool = False
    """Show the options as written (builder/arrange.py arranges them otherwise)."""

    def option_ids(self) -> list[str]:
        """Each option's id: its own, or a letter by position (a, b, c …)."""
        return [option.id or letter(index) for index, option in enumerate(self.options)]

    def correct_ids(self) -> list[str]:
        return [oid for oid, option in zip(self.option_ids(), self.options) if option.correct]


class Single(ChoiceQuestion):
    type: Literal["single"]


class Multiple(ChoiceQuestion):
    type: Literal["multiple"]


class TrueFalse(ChoiceQuestion):
    type: Literal["true_false"]
    options: Annotated[list[Option], Field(min_length=2, max_length=2)]


class ChoiceType(QuestionType[ChoiceQuestion]):
    partial = "choice"
    form_strings = ("choose_one", "choose_all")
    #: the interface string that says how to answer
    how: ClassVar[str] = "choose_one"
    #: how many right options it needs: exactly one, or at least one
    one_key: ClassVar[bool] = True

    def texts(self, question: ChoiceQuestion) -> dict[TextKey, str]:
        texts: dict[TextKey, str] = {}
        for i, o in enumerate(question.options):
            texts["text", i] = o.text
            if o.feedback:
                texts["feedback", i] = o.feedback
        return texts

    def view(self, question: ChoiceQuestion, inline: dict[TextKey, Markup], ctx: ViewContext) -> dict[str, Any]:
        ids = question.option_ids()
        order = ctx.order if ctx.order is not None else range(len(question.options))
        options = [
            {
                "id": ids[i],
                "text": inline["text", i],
                "correct": o.correct,
                "pin": o.pin,
                "feedback": inline["feedback", i] if o.feedback else None,
            }
            for i, o in ((i, question.options[i]) for i in order)
        ]
        return {"options": options, "feedback": [o for o in options if o["feedback"]], "how": ctx.t[self.how]}

    def data(self, question: ChoiceQuestion) -> dict[str, Any]:
        return {"correct": question.correct_ids(), **({"shuffle": True} if question.shuffle else {})}

    def form(self, view: dict[str, Any]) -> dict[str, Any]:
        """Options are `[id, text, feedback]` (feedback `null` when there is none)."""
        form: dict[str, Any] = {"options": [[o["id"], o["text"], o["feedback"]] for o in view["options"]]}
        pinned = [o["id"] for o in view["options"] if o["pin"]]
        if pinned:
            form["pinned"] = pinned
        return form

    def arrange(self, question: ChoiceQuestion, seed: str, used: dict[int, Counter[int]]) -> tuple[int, ...] | None:
        """The options as shown (builder/arrange.py): as written here; Single and Multiple arrange them."""
        return tuple(range(len(question.options)))

    def problems(self, question: ChoiceQuestion) -> list[Problem]:
        """Too few or too many right options; an option id used twice."""
        problems = []
        correct = [i for i, option in enumerate(question.options) if option.correct]
        if not self.one_key:
            if not correct:
                problems.append(
                    Problem(
                        "no-correct-option",
                        ("options",),
                        f"question `{question.id}` has no correct option",
                        "mark at least one option with `correct: true`",
                    )
                )
        elif len(correct) != 1:
            kind = self.name.replace("_", "/")
            if not correct:
                problems.append(
                    Problem(
                        "no-correct-option",
                        ("options",),
                        f"{kind} question `{question.id}` has no correct option",
                        "mark exactly one option with `correct: true`",
                    )
                )
            else:
                problems.append(
                    Problem(
                        "several-correct-options",
                        ("options", correct[1], "correct"),
                        f"{kind} question `{question.id}` has {len(correct)} correct options; it needs exactly one",
                        "keep one `correct: true`, or make it a `multiple` question",
                    )
                )
        seen: dict[str, int] = {}
        for index, oid in enumerate(question.option_ids()):
            if oid in seen:
                problems.append(
                    Problem(
                        "duplicate-option-id",
                        ("options", index),
                        f"option id `{oid}` is used twice in question `{question.id}`",
                        "give each option its own id, or remove the ids",
                    )
                )
            seen.setdefault(oid, index)
        return problems

    def well_formed(self, question: ChoiceQuestion) -> bool:
        right = sum(o.correct for o in question.options)
        return right == 1 if self.one_key else right > 0

    def gift(self, question: ChoiceQuestion, order: tuple[int, ...] | None, w: GiftWriter) -> list[str] | str:
        right = sum(option.correct for option in question.options)
        if right != 1:
            raise NotExpressible(f"a single-answer question needs exactly one right option, not {right}")
        return [
            ("=" + w.markdown(o.text, arrow=True) if o.correct else "~" + w.markdown(o.text)) + w.feedback(o.feedback)
            for _, o in arrange.shown(question, order)
        ]

    def qti(self, question: ChoiceQuestion, item: QtiItem, root: ET.Element) -> None:
        multiple = not self.one_key
        cardinality = "multiple" if multiple else "single"
        ids = item.choice_ids(question.option_ids())
        has_feedback = any(o.feedback for o in question.options)
        item.response(root, cardinality, "identifier", [ids[oid] for oid in question.correct_ids()])
        item.outcomes(root, cardinality if has_feedback else None)
        body, prompt = item.body(root, item.t[self.how])
        interaction = item.element(
            body,
            "choiceInteraction",
            responseIdentifier="RESPONSE",
            shuffle=_bool(question.shuffle),
            maxChoices="0" if multiple else "1",
        )
        interaction.append(prompt)
        for oid, option in arrange.shown(question, item.order):
            choice = item.element(interaction, "simpleChoice", identifier=ids[oid])
            if option.pin:
                choice.set("fixed", "true")
            item.append_html(choice, option.text, inline=True)
        item.processing(root, feedback=has_feedback)
        for oid, option in arrange.shown(question, item.order):
            if option.feedback:
                item.option_feedback(root, ids[oid], option.text, option.feedback)
        item.explanation(root)


class SingleType(ChoiceType):
    name = "single"
    model = Single

    def arrange(self, question: ChoiceQuestion, seed: str, used: dict[int, Counter[int]]) -> tuple[int, ...] | None:
        if question.keep_order:
            return super().arrange(question, seed, used)
        return arrange.single_order(question, seed, used.setdefault(len(question.options), Counter()))


class MultipleType(ChoiceType):
    name = "multiple"
    model = Multiple
    how = "choose_all"
    one_key = False

    def arrange(self, question: ChoiceQuestion, seed: str, used: dict[int, Counter[int]]) -> tuple[int, ...] | None:
        return super().arrange(question, seed, used) if question.keep_order else arrange.multiple_order(question, seed)

    def gift(self, question: ChoiceQuestion, order: tuple[int, ...] | None, w: GiftWriter) -> list[str] | str:
        """Moodle's multiple-answer question: each right option 100/k %, each wrong one -100%."""
        right = sum(option.correct for option in question.options)
        if right == 0:
            raise NotExpressible("a multiple-answer question needs at least one right option")
        weight = weight_text(100 / right)
        if not any(abs(float(weight) / 100 - fraction) < 0.00001 for fraction in MOODLE_FRACTIONS):
            raise NotExpressible(
                f"with {right} right options each would weigh {weight}%, which is not one of Moodle's grade options "
                "(it has 100/k % only for 1 to 10 or 20 right options)"
            )
        return [
            f"~%{weight if o.correct else WRONG_WEIGHT}%{w.markdown(o.text)}{w.feedback(o.feedback)}"
            for _, o in arrange.shown(question, order)
        ]


class TrueFalseType(ChoiceType):
    name = "true_false"
    model = TrueFalse

    def true_option_id(self, question: ChoiceQuestion) -> str | None:
        """Reported to an LMS as true-false only when the options are literally "True" and "False"."""
        if not is_true_false(question):
            return None
        return question.option_ids()[[o.text.strip().casefold() for o in question.options].index("true")]

    def gift(self, question: ChoiceQuestion, order: tuple[int, ...] | None, w: GiftWriter) -> list[str] | str:
        """`T#<wrong option's feedback>#<right option's feedback>` (Moodle's order, by position)
        when the options are literally "True" and "False"; else as `single`."""
        if not is_true_false(question):
            return super().gift(question, order, w)
        right = [option for option in question.options if option.correct]
        if len(right) != 1:
            raise NotExpressible(f"a true/false question needs exactly one right option, not {len(right)}")
        wrong = next(option for option in question.options if not option.correct)
        answer = "T" if right[0].text.strip().casefold() == "true" else "F"
        wrong_feedback = w.feedback(wrong.feedback)[1:]
        right_feedback = w.feedback(right[0].feedback)[1:]
        if right_feedback:
            return f"{answer}#{wrong_feedback}#{right_feedback}"
        return f"{answer}#{wrong_feedback}" if wrong_feedback else answer


def is_true_false(question: ChoiceQuestion) -> bool:
    """Whether its options are literally "True" and "False" (GIFT's `{T}`, SCORM's true-false)."""
    return sorted(option.text.strip().casefold() for option in question.options) == ["false", "true"]


def weight_text(percent: float) -> str:
    """A weight as Moodle writes grade options: at most 5 decimals, no trailing zeros."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def _bool(value: bool) -> str:
    return "true" if value else "false"
