"""Ordering: the items are put in order with Move up / Move down; right only in the written order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from markupsafe import Markup
from pydantic import Field

from builder import arrange
from builder.fields import Text
from builder.questions.base import (
    Entries,
    GiftWriter,
    NotExpressible,
    QtiItem,
    QuestionModel,
    QuestionType,
    TextKey,
    ViewContext,
)

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET


class Ordering(QuestionModel):
    type: Literal["ordering"]
    items: Annotated[list[Text], Field(min_length=2)]


class OrderingType(QuestionType[Ordering]):
    name = "ordering"
    model = Ordering
    partial = "ordering"
    quiz_strings = ("moved", "wrong_places")
    form_strings = ("how_ordering", "move_up", "move_down", "print_how_ordering")

    def texts(self, question: Ordering) -> dict[TextKey, str]:
        return {("item", i): text for i, text in enumerate(question.items)}

    def view(self, question: Ordering, inline: dict[TextKey, Markup], ctx: ViewContext) -> dict[str, Any]:
        """Items `i1`… listed in a fixed order that is never the answer's (builder/arrange.py)."""
        items = [{"id": f"i{i + 1}", "text": inline["item", i]} for i in range(len(question.items))]
        return {
            "order_items": arrange.scrambled(items, [i["id"] for i in items], ctx.seed),
            "correct_order": [i["text"] for i in items],
            "how": ctx.t["how_ordering"],
        }

    def data(self, question: Ordering) -> dict[str, Any]:
        return {"answer": [f"i{i + 1}" for i in range(len(question.items))]}

    def form(self, view: dict[str, Any]) -> dict[str, Any]:
        """The texts in answer order; `shown`: the ids as the list shows them."""
        return {"items": view["correct_order"], "shown": [i["id"] for i in view["order_items"]]}

    def scrambled_ids(self, question: Ordering) -> list[str]:
        return [f"i{i + 1}" for i in range(len(question.items))]

    def entries(self, question: Ordering) -> list[Entries]:
        return [Entries("items", list(question.items), None, "item")]

    def gift(self, question: Ordering, order: tuple[int, ...] | None, w: GiftWriter) -> list[str] | str:
        raise NotExpressible(
            "ordering questions cannot be expressed in GIFT (Moodle's GIFT format has no ordering type)"
        )

    def qti(self, question: Ordering, item: QtiItem, root: ET.Element) -> None:
        """orderInteraction, cardinality ordered."""
        items = [(f"i{i + 1}", text) for i, text in enumerate(question.items)]
        item.response(root, "ordered", "identifier", [iid for iid, _ in items])
        item.outcomes(root, None)
        body, prompt = item.body(root, item.t["how_ordering"])
        # Written in a fixed order that is never the answer's (the site's order).
        interaction = item.element(
            body,
            "orderInteraction",
            responseIdentifier="RESPONSE",
            shuffle="true" if question.shuffle else "false",
            orientation="vertical",
        )
        interaction.append(prompt)
        for text, iid in arrange.scrambled(
            [(text, iid) for iid, text in items], [iid for iid, _ in items], f"{item.module_id}/{question.id}"
        ):
            item.append_html(item.element(interaction, "simpleChoice", identifier=iid), text, inline=True)
        item.processing(root)
        item.explanation(root)
