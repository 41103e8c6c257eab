"""The import graph of docs/explanation/architecture.md: each layer imports only from the
layers below it, and no module of the package takes part in an import cycle."""

import logging
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
# The imports from the models up to a layer above, deferred: Wagtail asks a model to
# serve its own preview (``models.preview.HeadlessPreviewMixin.serve_preview``) and its
# own page (``models.base.NetworkContentPage.serve``, through the page cache).
DEFERRED = ("kommunnatverk.models.preview", "kommunnatverk.preview.frontend")
DEFERRED_SERVE = ("kommunnatverk.models.base", "kommunnatverk.web.page_cache")


@pytest.fixture
def loggers_kept():
    """import-linter's command line configures logging with ``dictConfig``, which
    disables every logger that exists already: a test after it in the same process
    would capture nothing from the package's loggers (``caplog``)."""
    loggers = [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    disabled = [logger.disabled for logger in loggers]
    yield
    for logger, was_disabled in zip(loggers, disabled, strict=True):
        logger.disabled = was_disabled


def test_the_layers_hold(monkeypatch, loggers_kept):
    """The contracts in pyproject.toml, as ``lint-imports`` (make lint) checks them."""
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_module_is_in_an_import_cycle():
    graph = grimp.build_graph("kommunnatverk")
    for importer, imported in (DEFERRED, DEFERRED_SERVE):
        graph.remove_import(importer=importer, imported=imported)
    assert cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    """The check above can fail: the deferred preview import is a cycle of its own."""
    graph = grimp.build_graph("kommunnatverk")
    assert any(DEFERRED[0] in group for group in cycles(graph))
