"""Operation pages in every layout real docs use."""

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.model import (
    ArraySchema,
    MapSchema,
    ObjectSchema,
    Operation,
    Page,
    ParameterIn,
    PrimitiveSchema,
    RefSchema,
)
from generator.parse import parse_page

SHARED = Path(__file__).resolve().parents[3] / "shared"
CATALOG_PAGE = SHARED / "corpus" / "adobe-catalog" / "get_batch.md"


def page(text: str, path: str = "p.md") -> tuple[Page, Diagnostics]:
    diagnostics = Diagnostics()
    return parse_page(path, text, diagnostics), diagnostics


def only_operation(text: str) -> Operation:
    result, _ = page(text)
    (operation,) = result.operations
    return operation


def test_catalog_page() -> None:
    diagnostics = Diagnostics()
    result = parse_page("get_batch.md", CATALOG_PAGE.read_text(), diagnostics)
    (op,) = result.operations
    assert (op.method, op.path, op.operation_id) == ("GET", "/batches", "get_batch")
    assert op.summary == "Fetches a list of Batches."
    assert len(op.parameters) == 31
    where = [p.place for p in op.parameters]
    assert where.count(ParameterIn.HEADER) == 2 and where.count(ParameterIn.QUERY) == 29
    headers = [p for p in op.parameters if p.place is ParameterIn.HEADER]
    assert [(p.name, p.required) for p in headers] == [
        ("x-api-key", True), ("x-gw-ims-org-id", True),
    ]
    completed = next(p for p in op.parameters if p.name == "completed")
    assert completed.schema == PrimitiveSchema("integer", "int64") and not completed.required
    assert completed.location.line == 16
    assert [r.status for r in op.responses] == ["200", "400", "403", "404", "500", "default"]
    ok = op.responses[0]
    assert isinstance(ok.schema, MapSchema) and isinstance(ok.schema.values, RefSchema)
    assert ok.schema.values.ref.name == "batch"
    assert all(r.schema is None for r in op.responses[1:])
    assert op.produces == ("application/json",)
    assert op.security is not None
    (req,) = op.security
    assert (req.type, req.scheme.name, req.scheme.anchor) == ("apiKey", "Bearer", "bearer")
    assert op.request_example is not None and op.request_example.query is not None
    query = op.request_example.query.value.value
    assert isinstance(query, dict) and query["limit"] == 0 and len(query) == 29
    (resp,) = op.response_examples
    assert (resp.status, resp.example.value.value) == ("200", "object")
    assert list(diagnostics) == []


def test_path_as_heading_without_fence_and_body_section() -> None:
    op = only_operation(
        '<a name="createpod"></a>\n### POST /api/v1/namespaces/{namespace}/pods\n\n'
        "#### Description\ncreate a Pod\n\n#### Parameters\n\n"
        "|Type|Name|Description|Schema|\n|---|---|---|---|\n"
        "|**Path**|**namespace**  <br>*required*|scope|string|\n\n"
        "#### Body parameter\n*Name* : body  \n*Flags* : required  \n"
        "*Type* : [io.k8s.api.core.v1.Pod](../definitions/Pod.md#io-k8s-api-core-v1-pod)\n\n"
        "#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**|OK|string|\n"
    )
    assert (op.method, op.path, op.operation_id) == (
        "POST", "/api/v1/namespaces/{namespace}/pods", "createpod",
    )
    assert op.description == "create a Pod"
    body = op.parameters[-1]
    assert (body.name, body.place, body.required) == ("body", ParameterIn.BODY, True)
    assert isinstance(body.schema, RefSchema) and body.schema.ref.anchor == "io-k8s-api-core-v1-pod"


def test_operation_id_from_file_stem_keeps_its_case() -> None:
    result, _ = page(
        '<a name="createcorev1pod"></a>\n### POST /pods\n\n#### Responses\n\n'
        "|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**|OK|No Content|\n",
        path="operations/createCoreV1Pod.md",
    )
    assert result.operations[0].operation_id == "createCoreV1Pod"


def test_bold_labels_summary_before_fence_and_parameter_table_without_description() -> None:
    op = only_operation(
        "## Paths\n\n<a name=\"generatekey\"></a>\n### POST /v1/key\nGenerate a key\n"
        "```\nPOST /v1/key\n```\n\n\n**Description**\nGenerates the next key.\n\n\n"
        "**Parameters**\n\n|Type|Name|Schema|\n|---|---|---|\n"
        "|**Body**|**Generate Key Request**  <br>*required*|[GenerateKeyRequest](#gkr)|\n\n\n"
        "**Responses**\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n"
        "|**200**|Response|[Resp](#resp)|\n\n\n**Produces**\n\n* `application/json`\n"
    )
    assert op.summary == "Generate a key"
    assert op.description == "Generates the next key."
    (body,) = op.parameters
    assert (body.name, body.place, body.required) == (
        "Generate Key Request", ParameterIn.BODY, True,
    )
    assert op.produces == ("application/json",)


def test_operation_line_gives_the_id() -> None:
    op = only_operation(
        '<a name="getfeeds"></a>\n### GET /feeds\n**Operation: getFeeds**\n\n'
        "#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**|OK|string|\n"
    )
    assert op.operation_id == "getFeeds"


def test_zero_x_parameter_table() -> None:
    op = only_operation(
        "### Create\n```\nPOST /users/{id}\n```\n\n#### Parameters\n\n"
        "|Type|Name|Description|Required|Schema|Default|\n|----|----|----|----|----|----|\n"
        "|PathParameter|id|the id|true|string||\n"
        "|QueryParameter|page|page|false|integer (int32)|3|\n"
        "|BodyParameter|request|request|true|CreateUserRequest||\n"
    )
    path, query, body = op.parameters
    assert (path.place, path.required) == (ParameterIn.PATH, True)
    assert (query.required, query.default and query.default.value) == (False, 3)
    assert body.place is ParameterIn.BODY and isinstance(body.schema, RefSchema)


def test_german_page_tells_type_and_schema_columns_apart_by_position() -> None:
    op = only_operation(
        "### Haustier holen\n```\nGET /pets/{id}\n```\n\n#### Parameter\n\n"
        "|Typ|Name|Beschreibung|Typ|Standard|\n|---|---|---|---|---|\n"
        "|**Path**|**id**  <br>*verpflichtend*|Die ID|integer (int64)|`7`|\n\n"
        "#### Antworten\n\n|HTTP Code|Beschreibung|Typ|\n|---|---|---|\n"
        "|**200**|ok|string|\n|**404**|weg|Kein Inhalt|\n"
    )
    (param,) = op.parameters
    assert param.schema == PrimitiveSchema("integer", "int64")
    assert param.default is not None and param.default.value == 7
    assert [(r.status, r.schema) for r in op.responses] == [
        ("200", PrimitiveSchema("string")), ("404", None),
    ]


def test_response_headers_with_defaults_and_wrapped_descriptions() -> None:
    op = only_operation(
        "### Get\n```\nGET /pets\n```\n\n#### Responses\n\n"
        "|HTTP Code|Description|Schema|\n|---|---|---|\n"
        "|**200**|ok  <br>**Headers** :   <br>`X-Limit` (string) : Allowed. **Default** : "
        '`"20"`  <br>`X-Left` (integer) : Left. +<br>Important.  <br>`Nothing` (integer)|'
        "< [Pet](#pet) > array|\n"
    )
    (response,) = op.responses
    assert response.description == "ok"
    names = [(h.name, h.schema) for h in response.headers]
    assert names == [
        ("X-Limit", PrimitiveSchema("string")),
        ("X-Left", PrimitiveSchema("integer")),
        ("Nothing", PrimitiveSchema("integer")),
    ]
    assert response.headers[0].default is not None
    assert response.headers[0].default.value == "20"
    assert "Important." in response.headers[1].description
    assert isinstance(response.schema, ArraySchema)


def test_inline_response_schema_is_collected() -> None:
    result, _ = page(
        "### Stats\n```\nGET /stats\n```\n\n#### Responses\n\n"
        "|HTTP Code|Description|Schema|\n|---|---|---|\n"
        "|**200**|ok|[Response 200](#stats-response-200)|\n\n"
        '<a name="stats-response-200"></a>\n**Response 200**\n\n'
        "|Name|Description|Schema|\n|---|---|---|\n|**count**  <br>*optional*|n|integer|\n"
    )
    ((anchor, schema),) = result.inline_schemas
    assert anchor == "stats-response-200"
    assert isinstance(schema, ObjectSchema) and schema.title == "Response 200"
    assert [p.name for p in schema.properties] == ["count"]


def test_examples_keyed_by_media_type_and_fenced_json() -> None:
    op = only_operation(
        "### Get\n```\nGET /pets\n```\n\n#### Example HTTP response\n\n"
        '##### Response 200\n```\napplication/json :\n{ "a" : 1 }\n```\n\n'
        '##### Response 404\n```json\n{"e": "gone"}\n```\n'
    )
    first, second = op.response_examples
    assert (first.status, first.example.media_type, first.example.value.value) == (
        "200", "application/json", {"a": 1},
    )
    assert (second.status, second.example.value.value) == ("404", {"e": "gone"})


def test_deprecated_notice() -> None:
    op = only_operation(
        "### Old\n```\nGET /old\n```\n\n*This operation is deprecated.*\n\n"
        "#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**|ok|string|\n"
    )
    assert op.deprecated and "deprecated" not in op.description


def test_tag_grouped_paths_give_the_group_as_tag() -> None:
    result, _ = page(
        '## Resources\n\n<a name="pets_resource"></a>\n### Pets\nAll about pets\n\n'
        "#### List\n```\nGET /pets\n```\n\n##### Responses\n\n"
        "|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**|ok|string|\n"
    )
    assert result.operations[0].tags == ("Pets",)


def test_index_pages_are_not_operations() -> None:
    result, diagnostics = page(
        "## Paths\n\n### [GET /pets](operations/list.md)\n\n"
        "- [GET/devices](#devices-get)\n\n|Path|Method|Description|\n|---|---|---|\n"
        "|[/pets](operations/list.md)|GET|list|\n"
    )
    assert result.operations == ()
    assert list(diagnostics) == []  # tables of contents carry nothing: nothing to report


def test_unknown_section_is_kept_and_reported() -> None:
    result, diagnostics = page(
        "### Get\n```\nGET /pets\n```\n\n#### Rate limits\nTen per second.\n"
    )
    assert "Ten per second." in result.operations[0].description
    (diag,) = diagnostics
    assert diag.code == "unknown-section" and diag.location.line == 6


def test_untranslated_section_recognised_by_its_table() -> None:
    op = only_operation(
        "### Get\n```\nGET /pets\n```\n\n#### Paramz\n\n"
        "|Tipo|Nombre|Esquema|\n|---|---|---|\n|**Query**|**q**  <br>*optional*|string|\n"
    )
    assert [p.name for p in op.parameters] == ["q"]


def test_translated_default_response_code() -> None:
    op = only_operation(
        "### Get\n```\nGET /pets\n```\n\n#### Ответы\n\n"
        "|HTTP Code|Description|Schema|\n|---|---|---|\n|**по умолчанию**|ошибка|string|\n"
    )
    assert [r.status for r in op.responses] == ["default"]
