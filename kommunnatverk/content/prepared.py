"""Queries compiled once per process, for the few that every page detail makes.

Django compiles a query set to SQL each time it runs: for the detail's small queries
that took several times longer than the database took to answer them. A prepared query
is compiled once, with a sentinel where its one varying value goes, and then run with
that value: the same SQL, the same converters and the same model instances (related
rows of ``select_related`` included) as the query set would give, none of its work.

Only for query sets whose SQL depends on nothing but that value: no time, no per-version
snapshot, no settings that change at run time.
"""

from collections.abc import Callable
from threading import Lock

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators, prefetch_related_objects

# An id no row has, to find the parameter's place in the compiled SQL.
SENTINEL = -7_919_104_233


class PreparedQuery:
    def __init__(self, queryset: QuerySet) -> None:
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        if list(params).count(SENTINEL) != 1:
            raise ValueError("a prepared query takes exactly one varying value")
        self.alias = queryset.db
        self.sql = sql
        self.params = list(params)
        self.position = self.params.index(SENTINEL)
        select, klass_info = compiler.select, compiler.klass_info
        if compiler.annotation_col_map or klass_info is None:
            raise ValueError("a prepared query loads model instances, not annotations")
        self.model: type[Model] = klass_info["model"]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.slice = slice(start, end)
        self.init_list = [column[0].target.attname for column in select[start:end]]
        self.converters = list(compiler.get_converters([column[0] for column in select]).items())
        self.populators = get_related_populators(klass_info, select, self.alias)
        if queryset._prefetch_related_lookups:
            # Their query sets may read settings: run() takes them fresh each time.
            raise ValueError("a prepared query takes its prefetches when it runs")

    def run(self, value, prefetch: tuple = ()) -> list[Model]:
        """The query set's instances, with ``value`` where the sentinel was, and the
        ``prefetch`` lookups (as for ``prefetch_related``) done on them."""
        connection = connections[self.alias]
        params = list(self.params)
        params[self.position] = value
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        found = []
        for row in rows:
            if self.converters:
                row = list(row)
                for position, (converters, expression) in self.converters:
                    for converter in converters:
                        row[position] = converter(row[position], expression, connection)
            obj = self.model.from_db(self.alias, self.init_list, row[self.slice])
            for populator in self.populators:
                populator.populate(row, obj)
            found.append(obj)
        if prefetch and found:
            prefetch_related_objects(found, *prefetch)
        return found


_prepared: dict[object, PreparedQuery] = {}
_lock = Lock()


def prepared(key: object, build: Callable[[int], QuerySet]) -> PreparedQuery:
    """The query ``build(SENTINEL)`` compiled once per process and database, under
    ``key`` (which names everything ``build`` depends on besides its value)."""
    found = _prepared.get(key)
    if found is None:
        with _lock:
            found = _prepared.get(key)
            if found is None:
                found = _prepared[key] = PreparedQuery(build(SENTINEL))
    return found
