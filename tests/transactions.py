"""Content that a module's tests share: built once in a transaction that stays open while
they run (each test rolls back to it) and is rolled back after the last of them."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar
from unittest import mock

from django.db import transaction

T = TypeVar("T")


def module_scoped(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """For a module-scoped fixture: ``yield from module_scoped(django_db_blocker, build)``.

    pytest-django runs each test in a transaction of its own; inside this one it is a
    savepoint, so the tests see what ``build`` made and never each other's changes.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            value = build()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    try:
        yield value
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@contextmanager
def commit_callbacks_run_at_once() -> Iterator[None]:
    """Run ``transaction.on_commit`` callbacks as soon as they are registered.

    Nothing commits inside a test's transaction, so callbacks would never run, and
    wagtail-localize publishes each translation in one. Loading a network translation by
    translation needs each published before the next, as a commit after each would do:
    run at the end instead, a parent published from a stale copy loses its children.
    """

    def run_now(func, using=None, robust=False) -> None:
        func()

    with mock.patch.object(transaction, "on_commit", run_now):
        yield
