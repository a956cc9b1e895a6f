"""The order a trainee sees options, pairs and items in: fixed at build time, never the key's.

Trainers write the right answer first, and give multiple-answer items their right options first,
far more often than chance (83 of 91 single-choice keys in the first draft of the default course).
So the builder decides the displayed order, once, from the quiz itself:

- single choice: each key goes to the slot its quiz has used least so far for items with as many
  options (ties broken by a hash of the question id); the wrong options fill the other slots in
  hash order. A quiz's keys are therefore spread evenly over the positions;
- multiple answer: options in hash order, and never with all the right options leading (the "tick
  all but the last one or two" guess): the first right option then moves to the end;
- true/false: as written ("True", "False");
- matching (the right-hand column) and ordering (the items): hash order, never the answer's order.

Options marked `pin: true` keep their written place; `keep_order: true` keeps a whole question as
written. The order depends only on the quiz file, so every build, the module page without
JavaScript, the print page, the final assessment and the exports show the same order. Option ids,
not positions, key saved progress and exports, so rearranging never loses a trainee's answers.
`shuffle: true` additionally reshuffles the unpinned options on every visit in the browser.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # the question types use this module: no run-time import back
    from builder.models import Quiz
    from builder.questions.choice import ChoiceQuestion, Option

T = TypeVar("T")


def _rank(seed: str, key: str) -> str:
    return hashlib.sha256(f"{seed}/{key}".encode()).hexdigest()


def scrambled(items: Sequence[T], ids: Sequence[str], seed: str) -> list[T]:
    """`items` in a fixed order from `seed` and their `ids`, never the written order (for two or more)."""
    order = sorted(range(len(items)), key=lambda i: _rank(seed, ids[i]))
    if len(order) > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return [items[i] for i in order]


def option_orders(quiz: Quiz) -> dict[str, tuple[int, ...]]:
    """Each choice question's options as shown: indices into `question.options`, by question id."""
    from builder.questions import question_type

    used: dict[int, Counter[int]] = {}
    orders: dict[str, tuple[int, ...]] = {}
    for question in quiz.questions:
        order = question_type(question).arrange(question, f"{quiz.module}/{question.id}", used)
        if order is not None:
            orders[question.id] = order
    return orders


def _slots(question: ChoiceQuestion) -> tuple[list[int | None], list[int], list[int]]:
    """The display slots with pinned options in place, the free slots, and the movable options."""
    shown: list[int | None] = [i if option.pin else None for i, option in enumerate(question.options)]
    free = [slot for slot, index in enumerate(shown) if index is None]
    movable = [i for i, option in enumerate(question.options) if not option.pin]
    return shown, free, movable


def single_order(question: ChoiceQuestion, seed: str, used: Counter[int]) -> tuple[int, ...]:
    shown, free, movable = _slots(question)
    ids = question.option_ids()
    movable.sort(key=lambda i: _rank(seed, ids[i]))
    key = next((i for i in movable if question.options[i].correct), None)
    if key is not None and free:
        slot = min(free, key=lambda s: (used[s], _rank(seed, f"slot{s}")))
        used[slot] += 1
        shown[slot] = key
        free.remove(slot)
        movable.remove(key)
    for slot, index in zip(free, movable):
        shown[slot] = index
    return tuple(i for i in shown if i is not None)


def multiple_order(question: ChoiceQuestion, seed: str) -> tuple[int, ...]:
    shown, free, movable = _slots(question)
    ids = question.option_ids()
    movable.sort(key=lambda i: _rank(seed, ids[i]))
    right = [question.options[i].correct for i in movable]
    count = sum(right)
    if 0 < count < len(movable) and all(right[:count]):
        movable = movable[1:] + movable[:1]
    for slot, index in zip(free, movable):
        shown[slot] = index
    return tuple(i for i in shown if i is not None)


def shown(question: ChoiceQuestion, order: Sequence[int] | None) -> list[tuple[str, Option]]:
    """(option id, option) in the order trainees see them (`order` from `option_orders`; None: as written)."""
    ids = question.option_ids()
    return [(ids[i], question.options[i]) for i in (order if order is not None else range(len(question.options)))]
