"""Matching: each left side gets its right side from a menu; right only when every pair is."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from markupsafe import Markup
from pydantic import Field

from builder import arrange
from builder.fields import Model, Text
from builder.questions.base import Entries, GiftWriter, QtiItem, QuestionModel, QuestionType, TextKey, ViewContext

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET


class Pair(Model):
    left: Text
    right: Text


class Matching(QuestionModel):
    type: Literal["matching"]
    pairs: Annotated[list[Pair], Field(min_length=2)]


class MatchingType(QuestionType[Matching]):
    name = "matching"
    model = Matching
    partial = "matching"
    quiz_strings = ("empty_matching", "wrong_pairs")
    form_strings = ("how_matching", "choose", "print_how_matching")

    def texts(self, question: Matching) -> dict[TextKey, str]:
        texts: dict[TextKey, str] = {}
        for i, p in enumerate(question.pairs):
            texts["left", i], texts["right", i] = p.left, p.right
        return texts

    def view(self, question: Matching, inline: dict[TextKey, Markup], ctx: ViewContext) -> dict[str, Any]:
        """Pairs `l1`… with their answers `r1`…; the menu lists the right sides in a fixed order
        that is never the answer's (builder/arrange.py)."""
        rights = [{"id": f"r{i + 1}", "text": inline["right", i]} for i in range(len(question.pairs))]
        pairs = [
            {"id": f"l{i + 1}", "left": inline["left", i], "right": rights[i]["text"]}
            for i in range(len(question.pairs))
        ]
        return {
            "pairs": pairs,
            "rights": arrange.scrambled(rights, [r["id"] for r in rights], ctx.seed),
            "how": ctx.t["how_matching"],
        }

    def data(self, question: Matching) -> dict[str, Any]:
        return {
            "answer": {f"l{i + 1}": f"r{i + 1}" for i in range(len(question.pairs))},
            **({"shuffle": True} if question.shuffle else {}),
        }

    def form(self, view: dict[str, Any]) -> dict[str, Any]:
        """The texts in answer order; `shown`: the right sides' ids as the menus list them."""
        return {
            "left": [p["left"] for p in view["pairs"]],
            "right": [p["right"] for p in view["pairs"]],
            "shown": [r["id"] for r in view["rights"]],
        }

    def scrambled_ids(self, question: Matching) -> list[str]:
        return [f"r{i + 1}" for i in range(len(question.pairs))]

    def entries(self, question: Matching) -> list[Entries]:
        return [
            Entries("pairs", [p.left for p in question.pairs], "left", "left side of a pair"),
            Entries("pairs", [p.right for p in question.pairs], "right", "right side of a pair"),
        ]

    def gift(self, question: Matching, order: tuple[int, ...] | None, w: GiftWriter) -> list[str] | str:
        return [f"={w.markdown(pair.left, arrow=True)} -> {w.escape(w.line(pair.right))}" for pair in question.pairs]

    def qti(self, question: Matching, item: QtiItem, root: ET.Element) -> None:
        """matchInteraction, directedPair responses `l<n> r<n>` (`check` refuses repeated sides,
        so each side is used exactly once)."""
        pairs = [(f"l{i + 1}", f"r{i + 1}", pair) for i, pair in enumerate(question.pairs)]
        item.response(root, "multiple", "directedPair", [f"{lid} {rid}" for lid, rid, _ in pairs])
        item.outcomes(root, None)
        body, prompt = item.body(root, item.t["how_matching"])
        interaction = item.element(
            body,
            "matchInteraction",
            responseIdentifier="RESPONSE",
            shuffle="true" if question.shuffle else "false",
            maxAssociations=str(len(pairs)),
        )
        interaction.append(prompt)
        sources = item.element(interaction, "simpleMatchSet")
        for lid, _, pair in pairs:
            item.append_html(
                item.element(sources, "simpleAssociableChoice", identifier=lid, matchMax="1"), pair.left, inline=True
            )
        targets = item.element(interaction, "simpleMatchSet")
        # Written in a fixed order that is never the answer's (the site's order).
        for text, rid in arrange.scrambled(
            [(pair.right, rid) for _, rid, pair in pairs],
            [rid for _, rid, _ in pairs],
            f"{item.module_id}/{question.id}",
        ):
            item.append_html(
                item.element(targets, "simpleAssociableChoice", identifier=rid, matchMax="1"), text, inline=True
            )
        item.processing(root)
        item.explanation(root)
