"""Tasks for tests/test_demo_console.py, which a real ``kommunnatverk_worker`` imports
(the tests folder is on its path)."""

from django_tasks import task


@task()
def fails() -> None:
    raise RuntimeError("a task that fails, for the worker's console")
