"""Column types that make every value storable before the database sees it, on SQLite and PostgreSQL alike.

Page text is hostile: it can hold NUL (which PostgreSQL text refuses), lone surrogates (which no UTF-8 database
can encode) and fields of any length (which PostgreSQL's VARCHAR(n) refuses and SQLite silently keeps). Every
string column of the models uses one of these types, so writes *and* lookups are normalised at one place, and
each bound comes from the model's own declared length. A value cut to its bound keeps a digest of the whole,
so two long ids stay two ids, and cutting is stable: a stored value maps to itself.

Text is also *ordered* alike: `byte_order` sorts a column by code point on both backends (see there).
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.type_api import TypeEngine
from sqlalchemy.types import TypeDecorator

_DIGEST_CHARS = 12


def storable_text(value: str) -> str:
    """The text without NUL and surrogates (a Python string may hold them; UTF-8 cannot encode them).

    Written for speed on 20 MB bodies: an ASCII string needs no surrogate check, and the encoders' own
    `surrogatepass`/`ignore` paths drop any number of surrogates in one pass, far faster than a regex.
    """
    if "\x00" in value:
        value = value.replace("\x00", "")
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "ignore")
    return value


def bounded(value: str, length: int) -> str:
    """At most `length` characters: a longer value keeps its start and a digest of the whole."""
    if len(value) <= length:
        return value
    if length < 2 * (_DIGEST_CHARS + 1):
        return value[:length]
    digest = hashlib.sha256(value.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]
    return f"{value[: length - _DIGEST_CHARS - 1]}~{digest}"


def storable_json(value: Any) -> Any:
    """A JSON value with every string (keys too) made storable, and no NaN or infinity (not JSON: PostgreSQL
    refuses them). JSON strings have no length bound."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {storable_json(key): storable_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [storable_json(item) for item in value]
    return value


class BoundedString(TypeDecorator[str]):
    """VARCHAR(length) that never receives a value it cannot hold."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect | None) -> Any:
        if not isinstance(value, str):
            return value
        length = self.impl_instance.length
        text = storable_text(value)
        return text if length is None else bounded(text, length)


class StorableText(TypeDecorator[str]):
    """Unbounded text without the characters a database refuses."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect | None) -> Any:
        return storable_text(value) if isinstance(value, str) else value


class StorableJSON(TypeDecorator[Any]):
    """JSON whose strings are storable: PostgreSQL keeps `\\u0000` in JSON, but it would come back as NUL."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect | None) -> Any:
        return storable_json(value)


def as_stored(column_type: TypeEngine[Any], value: Any) -> Any:
    """`value` exactly as a column of this type stores it, so callers can refer to what was written."""
    if isinstance(column_type, BoundedString | StorableText | StorableJSON):
        return column_type.process_bind_param(value, None)
    return value


class byte_order(FunctionElement[str]):  # lower case: it reads as a SQL function, order_by(byte_order(column))
    """A text column in code-point order on every backend, for ORDER BY.

    SQLite compares text by its bytes; PostgreSQL by the database's collation, which on most servers follows a
    language ("_x" < "a" < "A" < "b"), so ties in a listing would come out in another order than on SQLite.
    `COLLATE "C"` is byte order, and UTF-8's byte order is code-point order.
    """

    inherit_cache = True
    type = String()
    name = "byte_order"


@compiles(byte_order)
def _byte_order(element: byte_order, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(byte_order, "postgresql")
def _byte_order_postgresql(element: byte_order, compiler: SQLCompiler, **kw: Any) -> str:
    return f'{compiler.process(element.clauses, **kw)} COLLATE "C"'
