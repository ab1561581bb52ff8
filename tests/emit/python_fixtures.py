"""Hand-built models for the Python emitter's tests.

``catalog_api`` mirrors the Adobe Catalog pages (corpus/wild/adobe-catalog__*), and
``petstore_api`` the Swagger petstore; ``hostile_api`` packs the names and shapes that
break naive generators (keywords, collisions, cycles, unresolved links, no tags).
"""

from __future__ import annotations

from generator.model import (
    AllOfSchema,
    AnySchema,
    Api,
    ArraySchema,
    Definition,
    DocValue,
    EnumSchema,
    FileSchema,
    MapSchema,
    ObjectSchema,
    Operation,
    Overview,
    Parameter,
    ParameterIn,
    PrimitiveSchema,
    Property,
    Reference,
    RefSchema,
    Response,
    Schema,
    SecurityRequirement,
    SecurityScheme,
    SourceLocation,
    Tag,
)

STR = PrimitiveSchema("string")
INT = PrimitiveSchema("integer", "int32")
LONG = PrimitiveSchema("integer", "int64")
BOOL = PrimitiveSchema("boolean")


def loc(path: str, line: int = 1) -> SourceLocation:
    return SourceLocation(path, line, 1)


def ref(key: str, *, resolved: bool = True, page: str = "definitions.md") -> RefSchema:
    return RefSchema(
        Reference(
            key, f"{page}#{key.lower()}", page, key.lower(), loc(page), key if resolved else None
        )
    )


def prop(
    name: str, schema: Schema, *, required: bool = False, text: str = "", default: object = None
) -> Property:
    value = None if default is None else DocValue(repr(default), default, True)
    return Property(name, schema, loc("definitions.md"), text, required, default=value)


def param(
    name: str,
    where: ParameterIn,
    schema: Schema,
    *,
    required: bool = False,
    text: str = "",
    default: object = None,
) -> Parameter:
    value = None if default is None else DocValue(str(default), default, True)
    return Parameter(name, where, schema, loc("paths.md"), text, required, default=value)


def resp(status: str, text: str, schema: Schema | None = None) -> Response:
    return Response(status, text, schema, loc("paths.md"))


def definition(key: str, schema: Schema, text: str = "") -> Definition:
    return Definition(key, key, schema, loc("definitions.md"), text)


H, Q, P, B, F = (
    ParameterIn.HEADER,
    ParameterIn.QUERY,
    ParameterIn.PATH,
    ParameterIn.BODY,
    ParameterIn.FORM_DATA,
)


def catalog_api() -> Api:
    bearer = SecurityRequirement(
        "apiKey",
        Reference(
            "Bearer", "security.md#bearer", "security.md", "bearer", loc("get_batch.md"), "bearer"
        ),
    )
    common = (
        param(
            "x-api-key", H, STR, required=True, text="The API key belonging to the calling client."
        ),
        param(
            "x-gw-ims-org-id", H, STR, required=True, text="The owning IMS organization identifier."
        ),
    )
    query = tuple(
        param(name, Q, schema, text=f"Filter on {name}.")
        for name, schema in [
            ("batch", STR),
            ("completed", LONG),
            ("createdAfter", LONG),
            ("createdBefore", LONG),
            ("dataSet", STR),
            ("limit", INT),
            ("orderBy", STR),
            ("property", STR),
            ("start", INT),
            ("status", STR),
        ]
    )
    errors = (
        resp("400", "Bad request"),
        resp("403", "forbidden"),
        resp("404", "Not found"),
        resp("500", "internal server error"),
        resp("default", "unexpected error"),
    )
    get_batch = Operation(
        "GET",
        "/batches",
        loc("get_batch.md", 3),
        "get_batch",
        "Fetches a list of Batches.",
        parameters=common + query,
        responses=(resp("200", "batch response", MapSchema(ref("batch"))), *errors),
        produces=("application/json",),
        security=(bearer,),
    )
    post_batch = Operation(
        "POST",
        "/batches",
        loc("post_batch.md", 3),
        "post_batch",
        "Saves a new Batch.",
        parameters=(*common, param("body", B, ref("batch"), required=True, text="The Batch.")),
        responses=(resp("201", "Array[ @/batches/batchId ]", ArraySchema(STR)), *errors[:2]),
        consumes=("application/json",),
        security=(bearer,),
    )
    batch = ObjectSchema(
        (
            prop(
                "availableDates",
                ObjectSchema(
                    (prop("endDate", LONG), prop("startDate", LONG)), title="availableDates"
                ),
                text="Date range.",
            ),
            prop("completed", LONG, text="When processing completed."),
            prop("errors", ArraySchema(ref("errors", resolved=False, page="errors.md"))),
            prop("imsOrg", STR, required=True, text="The owning IMS organization identifier."),
            prop("metrics", MapSchema(LONG)),
            prop(
                "status",
                EnumSchema(("processing", "success", "failure", "queued", "retrying", "stalled")),
                required=True,
            ),
            prop("tags", MapSchema(ArraySchema(STR))),
            prop("version", STR),
        )
    )
    return Api(
        name="catalog",
        overview=Overview(
            "Catalog Service RESTful API Resource.",
            loc("overview.md"),
            "Catalog service API for client registration.",
            version="1.0.0",
            host="platform-int.adobe.io",
            base_path="/data/foundation/catalog",
            schemes=("HTTPS",),
        ),
        operations=(get_batch, post_batch),
        definitions=(
            definition("batch", batch),
            Definition("errors", "errors", AnySchema(), loc("errors.md"), unresolved=True),
        ),
        security_schemes=(
            SecurityScheme(
                "bearer",
                "Bearer",
                "apiKey",
                loc("security.md"),
                param_name="Authorization",
                param_in="header",
            ),
        ),
    )


def petstore_api(name: str = "petstore") -> Api:
    auth = Reference(
        "petstore_auth",
        "security.md#petstore_auth",
        "security.md",
        "petstore_auth",
        loc("paths.md"),
        "petstore_auth",
    )
    key = Reference(
        "api_key", "security.md#api_key", "security.md", "api_key", loc("paths.md"), "api_key"
    )
    oauth = (SecurityRequirement("oauth2", auth, ("write:pets", "read:pets")),)
    status = EnumSchema(("available", "pending", "sold"))

    def op(  # noqa: PLR0917 (a table of operations reads best positionally)
        method: str,
        path: str,
        op_id: str,
        tag: str,
        summary: str,
        params: tuple[Parameter, ...],
        responses: tuple[Response, ...],
        *,
        security: tuple[SecurityRequirement, ...] | None = oauth,
        consumes: tuple[str, ...] = (),
    ) -> Operation:
        return Operation(
            method,
            path,
            loc("paths.md"),
            op_id,
            summary,
            parameters=params,
            responses=responses,
            tags=(tag,),
            security=security,
            consumes=consumes,
        )

    pet_id = param("petId", P, LONG, required=True, text="ID of pet")
    operations = (
        op(
            "POST",
            "/pets",
            "addPet",
            "pet",
            "Add a new pet to the store",
            (
                param(
                    "body", B, ref("Pet"), required=True, text="Pet object that needs to be added"
                ),
            ),
            (resp("200", "successful operation", ref("Pet")), resp("405", "Invalid input")),
        ),
        op(
            "GET",
            "/pets/findByStatus",
            "findPetsByStatus",
            "pet",
            "Finds Pets by status",
            (
                param(
                    "status", Q, ArraySchema(status, "multi"), required=True, text="Status values"
                ),
            ),
            (
                resp("200", "successful operation", ArraySchema(ref("Pet"))),
                resp("400", "Invalid status value"),
            ),
        ),
        op(
            "GET",
            "/pets/findByTags",
            "findPetsByTags",
            "pet",
            "Finds Pets by tags",
            (
                param("tags", Q, ArraySchema(STR, "csv"), text="Tags to filter by"),
                param("limit", Q, INT, default=20, text="How many"),
            ),
            (resp("200", "successful operation", ArraySchema(ref("Pet"))),),
        ),
        op(
            "GET",
            "/pets/{petId}",
            "getPetById",
            "pet",
            "Find pet by ID",
            (pet_id,),
            (
                resp("200", "successful operation", ref("Pet")),
                resp("400", "Invalid ID supplied"),
                resp("404", "Pet not found"),
            ),
            security=(SecurityRequirement("apiKey", key),),
        ),
        op(
            "POST",
            "/pets/{petId}",
            "updatePetWithForm",
            "pet",
            "Updates a pet with form data",
            (pet_id, param("name", F, STR, text="Updated name"), param("status", F, STR)),
            (resp("405", "Invalid input"),),
            consumes=("application/x-www-form-urlencoded",),
        ),
        op(
            "DELETE",
            "/pets/{petId}",
            "deletePet",
            "pet",
            "Deletes a pet",
            (param("api_key", H, STR), pet_id),
            (resp("204", "deleted"), resp("400", "Invalid ID")),
        ),
        op(
            "POST",
            "/pets/{petId}/uploadImage",
            "uploadFile",
            "pet",
            "uploads an image",
            (pet_id, param("additionalMetadata", F, STR), param("file", F, FileSchema())),
            (resp("200", "successful operation", ref("ApiResponse")),),
            consumes=("multipart/form-data",),
        ),
        op(
            "GET",
            "/store/inventory",
            "getInventory",
            "store",
            "Returns pet inventories by status",
            (),
            (resp("200", "successful operation", MapSchema(INT)),),
            security=(SecurityRequirement("apiKey", key),),
        ),
        op(
            "POST",
            "/store/order",
            "placeOrder",
            "store",
            "Place an order for a pet",
            (param("body", B, ref("Order"), required=True), param("Idempotency-Key", H, STR)),
            (resp("200", "successful operation", ref("Order")), resp("400", "Invalid Order")),
        ),
        op(
            "GET",
            "/store/receipts/{orderId}",
            "getReceipt",
            "store",
            "Download a receipt",
            (param("orderId", P, LONG, required=True),),
            (resp("200", "the PDF", FileSchema()),),
        ),
        op(
            "GET",
            "/user/login",
            "loginUser",
            "user",
            "Logs user into the system",
            (param("username", Q, STR, required=True), param("password", Q, STR, required=True)),
            (resp("200", "successful operation", STR), resp("400", "Invalid username/password")),
            security=None,
        ),
        op(
            "GET",
            "/user/logout",
            "logoutUser",
            "user",
            "Logs out current session",
            (),
            (resp("default", "successful operation"),),
            security=None,
        ),
    )
    definitions = (
        definition("Category", ObjectSchema((prop("id", LONG), prop("name", STR)))),
        definition(
            "Pet",
            ObjectSchema(
                (
                    prop("id", LONG),
                    prop("category", ref("Category")),
                    prop("name", STR, required=True, text="The pet's name"),
                    prop("photoUrls", ArraySchema(STR), required=True),
                    prop("tags", ArraySchema(ref("Tag"))),
                    prop("status", status, text="pet status in the store"),
                )
            ),
        ),
        definition("Tag", ObjectSchema((prop("id", LONG), prop("name", STR)))),
        definition(
            "Order",
            ObjectSchema(
                (
                    prop("id", LONG),
                    prop("petId", LONG),
                    prop("quantity", INT),
                    prop("shipDate", PrimitiveSchema("string", "date-time")),
                    prop(
                        "status",
                        EnumSchema(("placed", "approved", "delivered")),
                        text="Order Status",
                    ),
                    prop("complete", BOOL, default=False),
                )
            ),
        ),
        definition(
            "ApiResponse",
            ObjectSchema((prop("code", INT), prop("type", STR), prop("message", STR))),
        ),
    )
    return Api(
        name=name,
        overview=Overview(
            "Swagger Petstore",
            loc("overview.md"),
            "A sample API.",
            version="1.0.0",
            host="petstore.swagger.io",
            base_path="/v2",
            schemes=("http",),
            tags=(Tag("pet", "Everything about your Pets"), Tag("store"), Tag("user")),
        ),
        operations=operations,
        definitions=definitions,
        security_schemes=(
            SecurityScheme(
                "petstore_auth",
                "petstore_auth",
                "oauth2",
                loc("security.md"),
                flow="implicit",
                authorization_url="http://petstore.swagger.io/oauth",
            ),
            SecurityScheme(
                "api_key",
                "api_key",
                "apiKey",
                loc("security.md"),
                param_name="api_key",
                param_in="header",
            ),
        ),
    )


def hostile_api() -> Api:
    """No tags, no overview host; names and shapes that trip generators."""
    node = ObjectSchema(
        (
            prop("children", ArraySchema(ref("Node"))),
            prop("parent", ref("Node")),
            prop("from", STR),
            prop("json", STR),
            prop("+1", INT),
            prop("-1", INT),
            prop("x-api-key", STR),
            prop("x_api_key", STR),
            prop("X-Api-Key", STR),
            prop("date", PrimitiveSchema("string", "date")),
            prop("", STR),
            prop("名前", STR),
            prop("a" * 300, STR),
            prop("ghost", ref("Ghost", resolved=False)),
            prop("free", AnySchema()),
            prop("class", EnumSchema(("1", "2"), "integer")),
            prop("quote", STR, default='he said """hi"""\\'),
            prop("any", AnySchema(None)),
        )
    )
    ping = Operation(
        "GET",
        "/things/{id}/{undocumented}",
        loc("paths.md"),
        "",
        'Get a "thing" """ with \\ backslashes\nand a second line',
        parameters=(
            param("id", P, STR, required=True),
            param("class", Q, STR),
            param("self", Q, STR),
            param("timeout", Q, INT),
            param("Class", H, STR),
            param("body", B, ObjectSchema((prop("inline", STR, required=True),))),
        ),
        responses=(resp("200", "ok", ObjectSchema((prop("echo", ref("Node")),))),),
    )
    return Api(
        name="hostile-api",
        overview=None,
        operations=(
            ping,
            Operation(
                "DELETE",
                "/things",
                loc("paths.md"),
                "close",
                "Clashes.",
                responses=(resp("204", "gone"),),
            ),
        ),
        definitions=(
            definition("Node", node, 'A node """ with quotes'),
            definition("Any", ObjectSchema((prop("self", ref("Any")),))),
            definition("NodeList", ArraySchema(ref("Node"))),
            definition("Mixed", AllOfSchema((ref("Node"), ObjectSchema((prop("extra", STR),))))),
            Definition("Ghost", "Ghost", AnySchema(), loc("definitions.md"), unresolved=True),
        ),
        security_schemes=(SecurityScheme("basic", "basic", "basic", loc("security.md")),),
    )
