"""The typed building blocks every authoring model shares (builder/models.py, builder/questions/)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1)]

#: Item-quality warnings silenced, each with the reason: `{code: reason}`.
Allow = dict[Slug, Text]


class Model(BaseModel):
    """Unknown keys are refused and values are not coerced; loaded data never changes."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
