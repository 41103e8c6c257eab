"""What docs/tutorial/install.md shows, read from its text for scripts/test-fresh-site.sh,
so the test runs the code a reader copies and nothing kept beside it.

    tutorial_blocks.py block TITLE     the code of the one fenced block titled TITLE
    tutorial_blocks.py commands STEP   the console commands of step STEP ("## 4. …")
    tutorial_blocks.py links STEP      the paths of the http://127.0.0.1:8000 links in STEP
"""

import re
import sys
from pathlib import Path

TUTORIAL = Path(__file__).resolve().parent.parent / "docs" / "tutorial" / "install.md"
FENCE = re.compile(r"^```(\w*)(.*)$")
STEP = re.compile(r"^## (\d+)\. ")
LINK = re.compile(r"<http://127\.0\.0\.1:8000(/[^>]*)>")


def blocks(text: str) -> list[tuple[str | None, str, str, str]]:
    """(step, language, title, code) of every fenced block at the start of a line."""
    found, step, lines = [], None, iter(text.splitlines())
    for line in lines:
        if heading := STEP.match(line):
            step = heading.group(1)
        elif fence := FENCE.match(line):
            title = re.search(r'title="([^"]*)"', fence.group(2))
            code = []
            for inner in lines:
                if inner == "```":
                    break
                code.append(inner)
            found.append((step, fence.group(1), title.group(1) if title else "", "\n".join(code)))
    return found


def steps(text: str) -> dict[str, str]:
    parts, step = {}, None
    for line in text.splitlines():
        if heading := STEP.match(line):
            step = heading.group(1)
        elif line.startswith("## "):
            step = None
        if step is not None:
            parts[step] = parts.get(step, "") + line + "\n"
    return parts


def main(what: str, key: str) -> str:
    text = TUTORIAL.read_text()
    if what == "block":
        codes = [code for _, _, title, code in blocks(text) if title == key]
        if len(codes) != 1:
            sys.exit(f"{TUTORIAL.name}: {len(codes)} blocks titled {key!r}, expected one")
        return codes[0]
    if what == "commands":
        lines = [
            line
            for step, language, _, code in blocks(text)
            if step == key and language == "console"
            for line in code.splitlines()
        ]
        if not lines:
            sys.exit(f"{TUTORIAL.name}: step {key} has no console commands")
        return "\n".join(lines)
    if what == "links":
        return "\n".join(LINK.findall(steps(text).get(key, "")))
    sys.exit(__doc__)


if __name__ == "__main__":
    print(main(*sys.argv[1:]))
