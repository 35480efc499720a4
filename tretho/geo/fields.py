"""The materialized-path column and a prefix lookup that uses its index on SQLite and PostgreSQL.

`path__startswith="/1/25/"` is how every subtree is filtered (the scoping choke point included, also through
relations such as `unit__path__startswith`). Databases disagree on when a LIKE prefix can use an index:

* PostgreSQL: Django creates a second `varchar_pattern_ops` index (`…_like`) for an indexed CharField, which
  LIKE 'x%' uses whatever the database collation is. The stock lookup is kept.
* SQLite: LIKE is case-insensitive by default, so it never uses an ordinary (BINARY) index. A path holds only
  digits and slashes, so the prefix is rewritten as the equivalent range `path >= '/1/25/' AND path < '/1/250'`
  ('0' is the character after '/'), which the index answers directly.
"""

from __future__ import annotations

from django.db import models
from django.db.models.lookups import StartsWith


class PathField(models.CharField):
    """A "/<pk>/<pk>/…/" path; subtree filters on it are index range scans."""


@PathField.register_lookup
class PathStartsWith(StartsWith):
    lookup_name = "startswith"

    def as_sqlite(self, compiler, connection):
        prefix = self.rhs
        if not self.rhs_is_direct_value() or not isinstance(prefix, str) or not prefix:
            return super().as_sql(compiler, connection)
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return f"({lhs_sql} >= %s AND {lhs_sql} < %s)", [*lhs_params, prefix, *lhs_params, upper]
