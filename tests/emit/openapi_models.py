"""Hand-built models for the OpenAPI emitter's tests (independent of the parser).

`petstore()` mirrors the Swagger2Markup petstore reference closely enough to exercise
every mapping: body and form parameters, multi collection format, response headers,
No Content rows, default responses, polymorphism, maps, read-only, oauth2 and apiKey.
"""

from __future__ import annotations

import json
from dataclasses import replace

from generator.model import (
    AnySchema,
    Api,
    ArraySchema,
    Constraints,
    Definition,
    DocValue,
    EnumSchema,
    Example,
    FileSchema,
    Header,
    MapSchema,
    ObjectSchema,
    Operation,
    Overview,
    Parameter,
    ParameterIn,
    Polymorphism,
    PolymorphismNature,
    PrimitiveSchema,
    Property,
    Reference,
    RefSchema,
    RequestExample,
    Response,
    ResponseExample,
    Scope,
    SecurityRequirement,
    SecurityScheme,
    SourceLocation,
    Tag,
)

PAGE = "specs/petstore/paths.md"
DEFS = "specs/petstore/definitions.md"


def loc(line: int, path: str = PAGE) -> SourceLocation:
    return SourceLocation(path, line, 1)


def ref(key: str, *, target: str | None = "", file: str | None = None) -> RefSchema:
    """A link to definition ``key``; ``target=None`` leaves it unresolved."""
    resolved = key if target == "" else target
    href = f"{file or ''}#{key}"
    return RefSchema(Reference(key, href, file, key, loc(1), resolved))


def json_value(value: object) -> DocValue:
    return DocValue(json.dumps(value), value, True)


STRING = PrimitiveSchema("string")
INT64 = PrimitiveSchema("integer", "int64")
RATE_HEADERS = (
    Header("X-Rate-Limit-Limit", PrimitiveSchema("integer"), "The number of allowed requests"),
    Header("X-Rate-Limit-Reset", PrimitiveSchema("boolean"), "", json_value(False)),
)
AUTH = (SecurityRequirement("oauth2", Reference("petstore_auth", "#petstore_auth", None,
        "petstore_auth", loc(5), "petstore_auth"), ("write_pets", "read_pets")),)  # fmt: skip


API_KEY = SecurityRequirement(
    "apiKey", Reference("api_key", "#api_key", None, "api_key", loc(46), "api_key")
)


def definitions() -> tuple[Definition, ...]:
    category = ObjectSchema(
        (
            Property("id", INT64, loc(3, DEFS)),
            Property(
                "name",
                STRING,
                loc(4, DEFS),
                "The name of the category",
                default=DocValue("DefaultCategory", "DefaultCategory", False),
                example=DocValue("FoobarCategory", "FoobarCategory", False),
                constraints=Constraints(min_length=0, max_length=255, pattern="[A-Z]{0,255}"),
            ),
        )
    )
    pet = ObjectSchema(
        (
            Property("id", INT64, loc(10, DEFS), read_only=True),
            Property("category", ref("category"), loc(11, DEFS), "The pet's category"),
            Property("name", STRING, loc(12, DEFS), required=True),
            Property("photoUrls", ArraySchema(STRING), loc(13, DEFS), required=True),
            Property("tags", ArraySchema(ref("tag")), loc(14, DEFS)),
            Property("status", EnumSchema(("Dead", "Alive")), loc(15, DEFS), "pet status"),
            Property("attributes", MapSchema(STRING), loc(16, DEFS)),
        )
    )
    dog = ObjectSchema((*pet.properties, Property("barks", PrimitiveSchema("boolean"), loc(20))))
    order = ObjectSchema(
        (
            Property(
                "quantity",
                PrimitiveSchema("integer", "int32"),
                loc(30, DEFS),
                default=json_value(0),
                constraints=Constraints(minimum=0, maximum=10000.0, exclusive_maximum=True),
            ),
            Property("shipDate", PrimitiveSchema("string", "date-time"), loc(31, DEFS)),
            Property("extra", AnySchema(), loc(32, DEFS)),
        )
    )
    return (
        Definition("category", "Category", category, loc(2, DEFS)),
        Definition("pet", "Pet", pet, loc(9, DEFS), "A pet"),
        Definition(
            "dog",
            "Dog",
            dog,
            loc(19, DEFS),
            polymorphism=Polymorphism(PolymorphismNature.INHERITANCE, "petType"),
        ),
        Definition("tag", "Tag", ObjectSchema((Property("id", INT64, loc(25, DEFS)),)), loc(24)),
        Definition("order", "Order", order, loc(29, DEFS)),
    )


def operations() -> tuple[Operation, ...]:
    pet_body = Parameter("body", ParameterIn.BODY, ref("pet"), loc(10), "Pet object")
    return (
        Operation(
            "POST", "/pets", loc(5), "addPet", "Add a new pet",
            parameters=(pet_body,),
            responses=(Response("405", "Invalid input", None, loc(12)),),
            consumes=("application/json", "application/xml"),
            produces=("application/json", "application/xml"),
            tags=("pet",), security=AUTH,
            request_example=RequestExample(body=Example(json_value({"name": "doggie"}), loc(14))),
        ),
        Operation(
            "GET", "/pets/findByStatus", loc(20), "findPetsByStatus", "Finds Pets by status",
            "Multiple status values", tags=("pet",), security=AUTH,
            parameters=(
                Parameter("status", ParameterIn.QUERY, ArraySchema(STRING, "multi"), loc(22),
                          "Status values", constraints=Constraints(min_items=1, max_items=10)),
            ),
            responses=(
                Response("200", "successful operation", ArraySchema(ref("pet")), loc(24),
                         RATE_HEADERS),
                Response("400", "Invalid status value", None, loc(25)),
            ),
            response_examples=(
                ResponseExample("200", Example(json_value([{"name": "rex"}]), loc(30))),
            ),
        ),
        Operation(
            "GET", "/pets/{petId}", loc(40), "getPetById", "Find pet by ID",
            parameters=(Parameter("petId", ParameterIn.PATH, INT64, loc(42), "ID", True),),
            responses=(Response("200", "ok", ref("pet"), loc(44)),
                       Response("default", "unexpected", None, loc(45))),
            security=(API_KEY, *AUTH),
            deprecated=True,
        ),
        Operation(
            "POST", "/pets/{petId}", loc(50), "", "Upload an image",
            parameters=(
                Parameter("petId", ParameterIn.PATH, STRING, loc(52), "", True),
                Parameter("name", ParameterIn.FORM_DATA, STRING, loc(53), "Name", True),
                Parameter("file", ParameterIn.FORM_DATA, FileSchema(), loc(54), "Image"),
            ),
            responses=(Response("200", "ok", None, loc(56)),),
            security=(),
        ),
        Operation(
            "GET", "/stores/order", loc(60), "",
            parameters=(
                Parameter("ids", ParameterIn.QUERY, ArraySchema(INT64, "pipes"), loc(61)),
                Parameter("words", ParameterIn.QUERY, ArraySchema(STRING, "tsv"), loc(62)),
                Parameter("X-Trace", ParameterIn.HEADER, STRING, loc(63),
                          default=DocValue("abc", "abc", False)),
            ),
            responses=(Response("200", "orders", MapSchema(ref("order")), loc(64)),),
            produces=("application/json",),
        ),
    )  # fmt: skip


def schemes() -> tuple[SecurityScheme, ...]:
    return (
        SecurityScheme("api_key", "api_key", "apiKey", loc(1, "s.md"), "Key", "api_key", "HEADER"),
        SecurityScheme(
            "petstore_auth", "petstore_auth", "oauth2", loc(6, "s.md"), "OAuth",
            flow="implicit", token_url="http://petstore.swagger.io/api/oauth/dialog",
            scopes=(Scope("write_pets", "modify pets"), Scope("read_pets", "read your pets")),
        ),
    )  # fmt: skip


def overview() -> Overview:
    return Overview(
        "Swagger Petstore",
        loc(1, "specs/petstore/overview.md"),
        "This is a sample server.\n\nSee `#swagger`.",
        "1.0.0",
        contact_name="apiteam@swagger.io",
        license_name="Apache 2.0",
        license_url="http://www.apache.org/licenses/LICENSE-2.0.html",
        terms_of_service="http://helloreverb.com/terms/",
        host="petstore.swagger.io",
        base_path="/v2",
        schemes=("HTTP",),
        tags=(Tag("pet", "Pet resource"), Tag("store", "Store resource")),
    )


def petstore() -> Api:
    return Api("petstore", overview(), operations(), definitions(), schemes(), (PAGE, DEFS))


def bare(api: Api | None = None) -> Api:
    """The petstore with no overview (everything ``info`` needs is filled in)."""
    return replace(api or petstore(), overview=None)
