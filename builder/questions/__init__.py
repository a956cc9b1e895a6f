"""The question types, found by name (`type` in a quiz file).

Adding a type: write `builder/questions/<type>.py` (its model and a `QuestionType` subclass, see
base.py), `builder/templates/questions/<partial>.html` (its form's inputs and answer key) and
`builder/assets/questions/<partial>.js` (reading, grading and building its form in the browser),
then list its model in `Question` and its type in `TYPES` below. Nothing else in the builder
names a question type.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from builder.questions.base import QuestionType
from builder.questions.choice import Multiple, MultipleType, Single, SingleType, TrueFalse, TrueFalseType
from builder.questions.matching import Matching, MatchingType
from builder.questions.ordering import Ordering, OrderingType
from builder.questions.short_answer import ShortAnswer, ShortAnswerType

#: A question of any type, told apart by its `type` key.
Question = Annotated[Single | Multiple | TrueFalse | Matching | Ordering | ShortAnswer, Field(discriminator="type")]

#: Every type by name, in the order reports list them.
TYPES: dict[str, QuestionType[Any]] = {
    kind.name: kind
    for kind in (SingleType(), MultipleType(), TrueFalseType(), MatchingType(), OrderingType(), ShortAnswerType())
}
QUESTION_TYPES = tuple(TYPES)
#: The template partials and scripts, one per family of types (choice serves three).
PARTIALS = tuple(dict.fromkeys(kind.partial for kind in TYPES.values()))


def question_type(question: Any) -> QuestionType[Any]:
    """The type of a question (a model of this package), by its `type`."""
    return TYPES[question.type]
