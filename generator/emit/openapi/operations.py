"""Operations → the ``paths`` section: path items, operations and their responses.

Paths keep document order (the first operation on a path places it), operations on
one path merge into one Path Item, and every operation gets a unique ``operationId``:
the docs' own when given, else one derived from method and path by the naming module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from generator.diagnostics import Diagnostics
from generator.emit.fits import kind_fits
from generator.emit.openapi.parameters import content, write_parameters, write_request_body
from generator.emit.openapi.parts import DocumentParts
from generator.emit.openapi.schemas import Json, SchemaWriter
from generator.emit.openapi.security import SecurityWriter
from generator.model import Api, Example, Operation, Response
from generator.naming import fresh_name, method_name

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
STATUS = re.compile(r"^(default|[1-5](?:[0-9]{2}|XX))$")
STATUS_PREFIX = re.compile(r"^\s*([1-5][0-9]{2})\b")


@dataclass
class OperationWriter:
    """Writes every operation of one API, sharing schema and security writers."""

    api: Api
    schemas: SchemaWriter
    security: SecurityWriter
    diagnostics: Diagnostics
    parts: DocumentParts | None = None
    """Each operation a part (`generator.emit.openapi.parts`): kept or built."""
    _ids: set[str] = field(default_factory=set)

    @property
    def consumes(self) -> tuple[str, ...]:
        return self.api.overview.consumes if self.api.overview else ()

    @property
    def produces(self) -> tuple[str, ...]:
        return self.api.overview.produces if self.api.overview else ()

    def paths(self) -> dict[str, dict[str, Json]]:
        """``{path: {method: operation}}`` in document order."""
        out: dict[str, dict[str, Json]] = {}
        for op in self.api.operations:
            method = op.method.lower()
            if method not in METHODS:
                self.diagnostics.warning(
                    "unsupported",
                    f"{op.method} {op.path}: '{op.method}' is not an OpenAPI method; dropped",
                    op.location,
                )
                continue
            item = out.setdefault(op.path, {})
            if method in item:
                self.diagnostics.warning(
                    "duplicate-operation",
                    f"{op.method} {op.path} is documented twice; the first was kept",
                    op.location,
                )
                continue
            if self.parts is None:
                item[method] = self.operation(op)
            else:
                built = partial(self.operation, op)
                item[method] = self.parts.operation(op, built, self._ids.add)
        return out

    def operation(self, op: Operation) -> Json:
        out: Json = {}
        if op.tags:
            out["tags"] = list(dict.fromkeys(op.tags))
        if op.summary:
            out["summary"] = op.summary
        if op.description:
            out["description"] = op.description
        out["operationId"] = self._operation_id(op)
        parameters = write_parameters(op, self.schemas, self.diagnostics)
        if parameters:
            out["parameters"] = parameters
        body = write_request_body(op, self.schemas, self.diagnostics, self.consumes)
        if body is not None:
            out["requestBody"] = body
        out["responses"] = self.responses(op)
        if op.deprecated:
            out["deprecated"] = True
        security = self.security.requirements(op)
        if security is not None:
            out["security"] = security
        return out

    def _operation_id(self, op: Operation) -> str:
        base = op.operation_id or method_name("", op.method, op.path)
        unique = fresh_name(base, self._ids)
        self._ids.add(unique)
        return unique

    # ------------------------------------------------------------------ responses

    def responses(self, op: Operation) -> Json:
        out: Json = {}
        for response in op.responses:
            status = self._status(op, response)
            if status is None:
                continue
            if status in out:
                self.diagnostics.warning(
                    "unsupported",
                    f"{op.method} {op.path}: response {status} is listed twice; "
                    "the first row was kept",
                    response.location,
                )
                continue
            out[status] = self.response(op, response)
        if not out:
            self.diagnostics.warning(
                "missing-responses",
                f"{op.method} {op.path} documents no responses; a default response was added",
                op.location,
            )
            out["default"] = {"description": "No responses are documented."}
        return out

    def _status(self, op: Operation, response: Response) -> str | None:
        status = response.status.strip()
        if STATUS.match(status):
            return status
        prefix = STATUS_PREFIX.match(status)
        if prefix is not None:
            return prefix.group(1)
        self.diagnostics.warning(
            "unsupported",
            f"{op.method} {op.path}: '{response.status}' is not an HTTP status; row dropped",
            response.location,
        )
        return None

    def response(self, op: Operation, response: Response) -> Json:
        out: Json = {"description": response.description}
        if response.headers:
            headers: Json = {}
            for header in response.headers:
                entry: Json = {"description": header.description} if header.description else {}
                schema = self.schemas.schema(header.schema, response.location)
                if header.default is not None:
                    schema.update(self.schemas.default(header.default, schema, response.location))
                entry["schema"] = schema
                headers.setdefault(header.name, entry)
            out["headers"] = headers
        if response.schema is not None:
            media = op.produces or self.produces or ("application/json",)
            schema = self.schemas.schema(response.schema, response.location)
            example = self._example(op, response.status)
            if example is not None and not self._fits(example, response):
                # A placeholder like Swagger2Markup's "object" for a map: mock servers
                # (Prism) would serve it and fail their own response validation.
                example = None
            out["content"] = content(media, schema, example)
        return out

    def _fits(self, example: Example, response: Response) -> bool:
        value = example.value
        return not value.is_json or kind_fits(value.value, response.schema, self.api)

    @staticmethod
    def _example(op: Operation, status: str) -> Example | None:
        for example in op.response_examples:
            if example.status.strip() == status.strip():
                return example.example
        return None
