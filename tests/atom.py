"""The MUSTs of RFC 4287 (The Atom Syndication Format) for a feed document, checked
one by one: W3C's feed validator is a web service, so the suite reads the RFC's rules
itself. Each problem names the section it breaks."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = "http://www.w3.org/2005/Atom"
A = f"{{{NS}}}"
# RFC 3339 date-time, §3.3: "T" and "Z" in upper case.
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ONE = ("id", "title", "updated")
AT_MOST_ONE_FEED = ("generator", "icon", "logo", "rights", "subtitle")
AT_MOST_ONE_ENTRY = ("content", "published", "rights", "source", "summary")
TEXT_TYPES = {None, "text", "html", "xhtml"}


def _absolute_iri(value: str | None) -> bool:
    parts = urlsplit(value or "")
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("urn", "tag"))


def _person(element: ET.Element, where: str) -> list[str]:
    found = []
    if len(element.findall(f"{A}name")) != 1:
        found.append(f"§3.2: {where} must have exactly one atom:name")
    for child in ("uri", "email"):
        if len(element.findall(f"{A}{child}")) > 1:
            found.append(f"§3.2: {where} has more than one atom:{child}")
    uri = element.findtext(f"{A}uri")
    if uri is not None and not _absolute_iri(uri):
        found.append(f"§3.2.2: {where}'s atom:uri {uri!r} is not an IRI")
    return found


def _common(element: ET.Element, where: str, at_most_one: tuple[str, ...]) -> list[str]:
    found = []
    for name in ONE:
        count = len(element.findall(f"{A}{name}"))
        if count != 1:
            found.append(f"{where} must have exactly one atom:{name}, has {count}")
    for name in at_most_one:
        if len(element.findall(f"{A}{name}")) > 1:
            found.append(f"{where} has more than one atom:{name}")
    identifier = element.findtext(f"{A}id")
    if identifier is not None and not _absolute_iri(identifier.strip()):
        found.append(f"§4.2.6: {where}'s atom:id {identifier!r} is not an absolute IRI")
    for name in ("updated", "published"):
        for date in element.findall(f"{A}{name}"):
            if not DATE_TIME.match((date.text or "").strip()):
                found.append(f"§3.3: {where}'s atom:{name} {date.text!r} is not RFC 3339")
    for name in ("title", "subtitle", "summary", "rights"):
        for text in element.findall(f"{A}{name}"):
            if text.get("type") not in TEXT_TYPES:
                found.append(f"§3.1.1: {where}'s atom:{name} has type {text.get('type')!r}")
    alternates: set[tuple] = set()
    for link in element.findall(f"{A}link"):
        if not link.get("href"):
            found.append(f"§4.2.7.1: a link of {where} has no href")
        if link.get("rel", "alternate") == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in alternates:
                found.append(f"{where} has two alternate links of type/hreflang {key}")
            alternates.add(key)
    for category in element.findall(f"{A}category"):
        if not category.get("term"):
            found.append(f"§4.2.2.1: a category of {where} has no term")
    for person in ("author", "contributor"):
        for index, item in enumerate(element.findall(f"{A}{person}")):
            found += _person(item, f"{where}'s atom:{person}[{index}]")
    return found


def problems(document: bytes) -> list[str]:
    """Every way ``document`` breaks a MUST of RFC 4287 §3 and §4 checked here."""
    root = ET.fromstring(document)
    if root.tag != f"{A}feed":
        return [f"§4.1.1: the document element is {root.tag}, not atom:feed"]
    found = _common(root, "§4.1.1: the feed", AT_MOST_ONE_FEED)
    feed_has_author = bool(root.findall(f"{A}author"))
    entries = root.findall(f"{A}entry")
    if not feed_has_author and not all(entry.findall(f"{A}author") for entry in entries):
        found.append("§4.1.1: the feed has no atom:author and not every entry has one")
    ids = []
    for index, entry in enumerate(entries):
        where = f"§4.1.2: entry {index}"
        found += _common(entry, where, AT_MOST_ONE_ENTRY)
        if not entry.findall(f"{A}content"):
            rels = [link.get("rel", "alternate") for link in entry.findall(f"{A}link")]
            if "alternate" not in rels:
                found.append(f"{where} has neither atom:content nor an alternate link")
        ids.append(entry.findtext(f"{A}id"))
    if len(ids) != len(set(ids)):
        found.append("§4.2.6: two entries of the feed share an atom:id")
    return found
