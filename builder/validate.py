"""Validate plain data against a model and turn pydantic's errors into located, plain-English diagnostics.

pydantic's `loc` is mapped to the YAML position structurally: the walk follows the model's own
types, so the tag of a discriminated union (`single`, `multiple` …) is skipped because the model
says it is a tag, never because of how it is spelt.
"""

from __future__ import annotations

import copy
import datetime
import difflib
import types
import typing
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from builder.diagnostics import Diagnostic, error
from builder.source import DataPath, Document, Positions

M = TypeVar("M", bound=BaseModel)

_SINGULAR = {
    "questions": "question",
    "options": "option",
    "objectives": "objective",
    "sources": "source",
    "pairs": "pair",
    "items": "item",
    "accepted": "accepted answer",
    "contacts": "contact",
    "terms": "term",
    "choices": "choice",
}


def validate(model: type[M], doc: Document) -> tuple[M | None, list[Diagnostic]]:
    """The model built from `doc.data`, or None with the reasons. With only misspelt or unknown
    keys, the model as the author meant it comes back with the reasons (see `_repaired`)."""
    value, problems, _ = validate_items(model, doc, None)
    return value, problems


def validate_items(
    model: type[M], doc: Document, items: str | None
) -> tuple[M | None, list[Diagnostic], frozenset[int]]:
    """`validate`, and when the problems lie inside entries of the list `items` (a quiz's
    questions), the model of the other entries, with the indexes of those left out: the rules
    then check the rest of the file. Positions of the model's entries: `positions_without`."""
    try:
        return model.model_validate(doc.data), [], frozenset()
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    # A misspelt key (`promt`) also makes the real one (`prompt`) missing: report the typo only.
    typos = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            path, owner = _data_path(model, tuple(err["loc"]))
            close = difflib.get_close_matches(
                str(path[-1]),
                sorted(owner.model_fields) if owner else [],
                n=1,
                cutoff=0.6,
            )
            if close:
                typos.add(path[:-1] + (close[0],))
    kept = [
        _misspelt_tag(model, doc, e)
        for e in errors
        if not (e["type"] == "missing" and _data_path(model, tuple(e["loc"]))[0] in typos)
    ]
    value, dropped = _repaired(model, doc, kept, items)
    return value, [_diagnostic(model, doc, err) for err in kept], dropped


def _misspelt_tag(model: type[BaseModel], doc: Document, err: Any) -> Any:
    """A question without `type` but with `tpye`: the error is the misspelt key, not a missing one."""
    if err["type"] != "union_tag_not_found":
        return err
    path, _ = _data_path(model, tuple(err["loc"]))
    item = _at(doc.data, path)
    tag = str((err.get("ctx") or {}).get("discriminator", "type")).strip("'")
    close = (
        [key for key in item if isinstance(key, str) and difflib.get_close_matches(key, [tag], n=1, cutoff=0.6)]
        if isinstance(item, dict)
        else []
    )
    return {"type": "misspelt_tag", "loc": err["loc"], "ctx": {"key": close[0], "tag": tag}} if close else err


def _repaired(model: type[M], doc: Document, errors: list[Any], items: str | None) -> tuple[M | None, frozenset[int]]:
    """The model as the author meant it: each misspelt key read as the key it is close to, each
    other unknown key left out, and the entries of `items` with any other problem left out. The
    problems are reported all the same; the model only lets the rules check the rest of the file,
    so that one typo or one broken question does not hide a question with two correct options or
    an unknown diagram. None when a problem lies outside those entries."""
    data = copy.deepcopy(doc.data)
    dropped: set[int] = set()
    renames: list[tuple[DataPath, str | None]] = []
    for err in errors:
        path, owner = _data_path(model, tuple(err["loc"]))
        if err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(
                str(path[-1]),
                sorted(owner.model_fields) if owner else [],
                n=1,
                cutoff=0.6,
            )
            renames.append((path, close[0] if close else None))
        elif err["type"] == "misspelt_tag":
            renames.append((path + (err["ctx"]["key"],), err["ctx"]["tag"]))
        elif items is not None and len(path) >= 2 and path[0] == items and isinstance(path[1], int):
            dropped.add(path[1])
        else:
            return None, frozenset()
    for path, meant in renames:
        parent = _at(data, path[:-1])
        if not isinstance(parent, dict) or path[-1] not in parent:
            return None, frozenset()
        value = parent.pop(path[-1])
        if meant and meant not in parent:
            parent[meant] = value
            _alias_positions(doc, path, path[:-1] + (meant,))
    if dropped:
        entries = data.get(items) if isinstance(data, dict) else None
        if not isinstance(entries, list):
            return None, frozenset()
        data[items] = [entry for index, entry in enumerate(entries) if index not in dropped]
    try:
        return model.model_validate(data), frozenset(dropped)
    except ValidationError:
        return None, frozenset()


def positions_without(positions: Positions, items: str, dropped: frozenset[int]) -> Positions:
    """The positions of a document whose entries `dropped` of the list `items` were left out: the
    entries after them move up, so that a rule points at the line where each entry is written."""
    if not dropped:
        return positions
    shift = [index - sum(d < index for d in dropped) for index in range(max(dropped) + 1)]

    def moved(table: dict[DataPath, Any]) -> dict[DataPath, Any]:
        result: dict[DataPath, Any] = {}
        for path, mark in table.items():
            if len(path) >= 2 and path[0] == items and isinstance(path[1], int):
                if path[1] in dropped:
                    continue
                index = shift[path[1]] if path[1] < len(shift) else path[1] - len(dropped)
                path = (items, index) + path[2:]
            result[path] = mark
        return result

    return Positions(moved(positions.values), moved(positions.keys), positions.line_offset)


def _at(data: Any, path: DataPath) -> Any:
    for part in path:
        if not isinstance(data, (dict, list)) or not _has(data, part):
            return None
        data = data[part]  # type: ignore[index]  # _has checks the index
    return data


def _alias_positions(doc: Document, old: DataPath, new: DataPath) -> None:
    """Rules that point at the key as it should be spelt point where the author wrote it."""
    size = len(old)
    for table in (doc.positions.values, doc.positions.keys):
        for path, mark in list(table.items()):
            if path[:size] == old:
                table.setdefault(new + path[size:], mark)


def _diagnostic(model: type[BaseModel], doc: Document, err: Any) -> Diagnostic:
    kind: str = err["type"]
    loc: tuple[Any, ...] = tuple(err["loc"])
    ctx: dict[str, Any] = err.get("ctx") or {}
    path, owner = _data_path(model, loc)
    value = err.get("input")
    field = (
        str(path[-1])
        if path and isinstance(path[-1], str)
        else (_SINGULAR.get(str(path[-2]), "entry") if len(path) > 1 else "value")
    )
    where = _where(doc.data, path[:-1] if kind != "missing" else path)
    name = f"`{field}`"

    if kind == "extra_forbidden":
        allowed = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else "allowed keys here: " + ", ".join(f"`{k}`" for k in allowed)
        return error("unknown-key", doc.path, doc.positions.of(path, key=True), f"unknown key {name}{where}", hint)
    if kind == "misspelt_tag":
        key, tag = ctx["key"], ctx["tag"]
        return error(
            "unknown-key",
            doc.path,
            doc.positions.of(path + (key,), key=True),
            f"unknown key `{key}`{_where(doc.data, path)}",
            f"did you mean `{tag}`?",
        )
    if kind in ("missing", "union_tag_not_found"):
        missing = field if kind == "missing" else str(ctx.get("discriminator", "type")).strip("'")
        parent = path[:-1] if kind == "missing" else path
        return error(
            "missing-key",
            doc.path,
            doc.positions.of(parent),
            f"missing required key `{missing}`{_where(doc.data, parent)}",
            f"add `{missing}:`; the README has a complete example",
        )
    pos = doc.positions.of(path)
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag"))
        expected = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        close = difflib.get_close_matches(tag, expected, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else "use one of: " + ", ".join(expected)
        return error(
            "bad-value",
            doc.path,
            doc.positions.of(path + ("type",)),
            f"`type` must be one of {', '.join(expected)}, not `{tag}`{_where(doc.data, path)}",
            hint,
        )
    if value is None and kind.endswith("_type"):
        return error(
            "empty-value",
            doc.path,
            pos,
            f"{name} is empty{where}",
            "write a value after the colon, or remove the key if it is optional",
        )
    message, hint = _describe(kind, name, value, ctx, field)
    return error(
        "wrong-type" if kind.endswith(("_type", "_parsing")) else "bad-value",
        doc.path,
        pos,
        message + where,
        hint,
    )


def _describe(kind: str, name: str, value: Any, ctx: dict[str, Any], field: str) -> tuple[str, str]:
    got = _kind_of(value)
    if kind == "string_type":
        return f"{name} must be text, not {got}", 'put the value in quotes, e.g. "No" or "10"'
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{name} must be a whole number, not {got}", "write digits only, without quotes"
    if kind in ("float_type", "float_parsing"):
        return f"{name} must be a number like 6 or 1.5, not {got}", "write digits only, without quotes"
    if kind == "bool_type":
        return f"{name} must be true or false, not {got}", "write true or false without quotes"
    if kind == "list_type":
        return f"{name} must be a list, not {got}", "write each entry on its own line starting with `- `"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            f"{name} must be a set of `key: value` lines, not {got}",
            "indent the keys under it; the README has an example",
        )
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return f"{name} must be a date like 2026-11-29, not {got}", "write the date as YYYY-MM-DD"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        return f"{name} must be {expected}, not `{value}`", "use one of the listed values"
    if kind == "string_pattern_mismatch":
        if field == "url":
            return (
                f"{name} must be a web address starting with https:// or http://, not `{value}`",
                "copy the full address from the browser",
            )
        if field == "language":
            return f"{name} must be a language code like en or es, not `{value}`", "use a two-letter code"
        if field == "phone":
            return (
                (
                    f"{name} must be a phone number of digits, spaces, hyphens and brackets, "
                    f'like "1-888-373-7888" or "911", not `{value}`'
                ),
                "write only the number; say what it is for in `description`",
            )
        if field == "sms":
            return (
                f'{name} must be a text number of digits only, like "233733", not `{value}`',
                "write only the digits; a keyword to text goes in `description`",
            )
        return (
            f"{name} must use lowercase letters, digits and single hyphens (like `doc-checks`), not `{value}`",
            "ids are used in links and saved progress: keep them short and stable",
        )
    if kind == "string_too_short" or (kind == "too_short" and isinstance(value, str)):
        return f"{name} is empty", "write some text, or remove the key if it is optional"
    if kind == "string_too_long":
        return f"{name} is longer than {ctx.get('max_length')} characters", "shorten it"
    if kind == "too_short":
        return (
            (
                f"{name} needs at least {ctx.get('min_length')} {_plural_entries(ctx.get('min_length'))}, "
                f"found {ctx.get('actual_length')}"
            ),
            "add the missing entries",
        )
    if kind == "too_long" and isinstance(value, (str, int)):
        return f"{name} is longer than {ctx.get('max_length')} characters", "shorten it"
    if kind == "too_long":
        return (
            (
                f"{name} allows at most {ctx.get('max_length')} {_plural_entries(ctx.get('max_length'))}, "
                f"found {ctx.get('actual_length')}"
            ),
            "remove the extra entries",
        )
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        bound = f"{bound:g}" if isinstance(bound, float) else bound
        words = {
            "greater_than": "more than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        return f"{name} must be {words} {bound}, not {value}", "change the number"
    if kind == "value_error" and ctx.get("error"):
        return f"{name} {ctx['error']}", "see the README for what this key accepts"
    return f"{name} is not valid: {value!r}", "see the README for what this key accepts"


def _plural_entries(n: Any) -> str:
    return "entry" if n == 1 else "entries"


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of `key: value` lines"
    return f"`{value}`"


def _where(data: Any, path: DataPath) -> str:
    """Where in the file, in words: " (question `q3`, option 2)"."""
    parts: list[str] = []
    node = data
    for index, part in enumerate(path):
        if isinstance(part, str) and index > 0 and path[index - 1] in ("steps", "ends") and isinstance(node, dict):
            parts.append(f"{'step' if path[index - 1] == 'steps' else 'end'} `{part}`")
        if isinstance(part, int) and index > 0 and isinstance(node, list) and part < len(node):
            item = node[part]
            noun = _SINGULAR.get(str(path[index - 1]), "entry")
            ident = item.get("id") if isinstance(item, dict) else None
            parts.append(f"{noun} `{ident}`" if isinstance(ident, str) else f"{noun} {part + 1}")
        # _has checks the index
        node = node[part] if isinstance(node, (dict, list)) and _has(node, part) else None  # type: ignore[index]
    return f" ({', '.join(parts)})" if parts else ""


def _has(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(part, int) and 0 <= part < len(node)


def _data_path(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[DataPath, type[BaseModel] | None]:
    """pydantic's loc → the path in the data, and the model that owns its last key."""
    path: list[Any] = []
    current: Any = model
    owner: type[BaseModel] | None = None
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            owner = current
            field = current.model_fields.get(part) if isinstance(part, str) else None
            path.append(part)
            current = field.annotation if field else None
            continue
        origin = typing.get_origin(current)
        if origin is dict and isinstance(part, str):
            path.append(part)
            current = typing.get_args(current)[1]  # the value type; "[key]" errors stop below
            continue
        if part == "[key]":
            break
        if origin is list and isinstance(part, int):
            path.append(part)
            current = typing.get_args(current)[0]
            continue
        if origin in (Union, types.UnionType) and isinstance(part, str):
            member = _member(current, part)
            if member is not None:  # a union tag: in the loc, not in the data
                current = member
                continue
        path.append(part)
        current = None
    return tuple(path), owner


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:  # Optional[X] is X; a real union is resolved by its tag in _member
                tp = args[0]
                continue
        return tp


def _strip(tp: Any) -> Any:
    return typing.get_args(tp)[0] if typing.get_origin(tp) is typing.Annotated else tp


def _member(union: Any, tag: str) -> type[BaseModel] | None:
    for arg in typing.get_args(union):
        arg = _strip(arg)
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            field = arg.model_fields.get("type")
            if field is not None and tag in typing.get_args(field.annotation):
                return arg
    return None
