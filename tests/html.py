"""Reading rendered pages as a visitor's browser would: parts by their attributes, links
and their attributes, and the text a reader sees."""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    html: str  # the element itself, start and end tags included

    @property
    def text(self) -> str:
        return text_of(self.html)

    def all(self, tag: str, **attrs: str) -> list["Element"]:
        return find_all(self.html, tag, **attrs)

    def first(self, tag: str, **attrs: str) -> "Element":
        return first(self.html, tag, **attrs)


class _Finder(HTMLParser):
    def __init__(self, source: str, tag: str, attrs: dict[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.source, self.tag, self.wanted = source, tag, attrs
        self.lines = [0]
        for line in source.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.open: list[tuple[int, dict, int]] = []  # matching elements not closed yet
        self.depth = 0
        self.found: list[Element] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def _matches(self, attrs: dict) -> bool:
        for name, value in self.wanted.items():
            name = name.rstrip("_").replace("_", "-")
            have = attrs.get(name)
            if have is None:
                return False
            if name == "class":
                if value not in have.split():
                    return False
            elif value is not True and have != value:
                return False
        return True

    def handle_starttag(self, tag, attrs):
        if tag != self.tag:
            return
        attrs = dict(attrs)
        if tag in VOID:
            if self._matches(attrs):
                start = self._offset()
                end = self.source.index(">", start) + 1
                self.found.append(Element(tag, attrs, self.source[start:end]))
            return
        if self._matches(attrs):
            self.open.append((self._offset(), attrs, self.depth))
        self.depth += 1

    def handle_endtag(self, tag):
        if tag != self.tag or tag in VOID:
            return
        self.depth -= 1
        if self.open and self.open[-1][2] == self.depth:
            start, attrs, _depth = self.open.pop()
            end = self.source.index(">", self._offset()) + 1
            self.found.append(Element(tag, attrs, self.source[start:end]))


def find_all(html: str, tag: str, **attrs) -> list[Element]:
    """Every ``tag`` element with these attributes (``class_`` matches one class name,
    ``aria_label`` is ``aria-label``; ``True`` matches any value), in document order."""
    finder = _Finder(html, tag, attrs)
    finder.feed(html)
    finder.close()
    return sorted(finder.found, key=lambda element: html.index(element.html))


def first(html: str, tag: str, **attrs) -> Element:
    found = find_all(html, tag, **attrs)
    assert found, f"no <{tag} {attrs}> in the page"
    return found[0]


def text_of(html: str) -> str:
    """The text of a piece of HTML, whitespace collapsed."""
    parts: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data):
            parts.append(data)

    Text(convert_charrefs=True).feed(html)
    return re.sub(r"\s+", " ", "".join(parts)).strip()
