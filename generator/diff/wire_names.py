"""How the wire layer names an operation: its identity (``GET /pets/{}``) and title."""

from __future__ import annotations

import re

from generator.model import Operation

VARIABLE = re.compile(r"{[^{}]*}")


def operation_key(op: Operation) -> str:
    """``GET /pets/{}``: what identifies an operation on the wire."""
    return f"{op.method.upper()} {VARIABLE.sub('{}', op.path)}"


def title(op: Operation) -> str:
    """``GET /pets/{petId}``: how reports name an operation."""
    return f"{op.method.upper()} {op.path}"
