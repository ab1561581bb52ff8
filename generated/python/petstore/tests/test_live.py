"""Live tests: every operation of the client, called on a real or mock server.

Run with $PETSTORE_TEST_LIVE_URL set (for example to a Prism mock server
started from the OpenAPI document): each call uses the docs' example values and must
either parse into its declared type or fail with a status the docs list.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from petstore_client import APIStatusError, PetstoreClient
from petstore_client.models import Order, Pet, User

_ADD_PET_BODY: Any = {
    "category": {"id": 0, "name": "FoobarCategory"},
    "id": 0,
    "name": "doggie",
    "photoUrls": ["string", "string"],
    "status": "Dead",
    "tags": [{"id": 0, "name": "string"}, {"id": 0, "name": "string"}],
}
_PLACE_ORDER_BODY: Any = {
    "complete": True,
    "id": 0,
    "petId": 0,
    "quantity": 10,
    "shipDate": "2020-01-01T00:00:00Z",
    "status": "Ordered",
}
_CREATE_USER_BODY: Any = {
    "email": "string",
    "firstName": "string",
    "id": 0,
    "lastName": "string",
    "password": "string",
    "phone": "string",
    "userStatus": 0,
    "username": "string",
}
_CREATE_USERS_WITH_ARRAY_INPUT_BODY: Any = [
    {
        "email": "string",
        "firstName": "string",
        "id": 0,
        "lastName": "string",
        "password": "string",
        "phone": "string",
        "userStatus": 0,
        "username": "string",
    },
    {
        "email": "string",
        "firstName": "string",
        "id": 0,
        "lastName": "string",
        "password": "string",
        "phone": "string",
        "userStatus": 0,
        "username": "string",
    },
]


def test_add_pet_live(live_client: PetstoreClient, expect: Any) -> None:
    """POST /pets"""
    try:
        live_client.pet.add_pet(body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY))
    except APIStatusError as error:
        expect.documented_error(error, (405,))
        return


def test_update_pet_live(live_client: PetstoreClient, expect: Any) -> None:
    """PUT /pets"""
    try:
        live_client.pet.update_pet(body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY))
    except APIStatusError as error:
        expect.documented_error(error, (400, 404, 405))
        return


def test_find_pets_by_status_live(live_client: PetstoreClient, expect: Any) -> None:
    """GET /pets/findByStatus"""
    try:
        result = live_client.pet.find_pets_by_status(status=["string", "string"])
    except APIStatusError as error:
        expect.documented_error(error, (200, 400))
        return
    expect.typed(result, list[Pet])


def test_find_pets_by_tags_live(live_client: PetstoreClient, expect: Any) -> None:
    """GET /pets/findByTags"""
    try:
        result = live_client.pet.find_pets_by_tags(tags=["string", "string"])
    except APIStatusError as error:
        expect.documented_error(error, (200, 400))
        return
    expect.typed(result, list[Pet])


def test_update_pet_with_form_live(live_client: PetstoreClient, expect: Any) -> None:
    """POST /pets/{petId}"""
    try:
        live_client.pet.update_pet_with_form("string", name="string", status="string")
    except APIStatusError as error:
        expect.documented_error(error, (405,))
        return


def test_get_pet_by_id_live(live_client: PetstoreClient, expect: Any) -> None:
    """GET /pets/{petId}"""
    try:
        result = live_client.pet.get_pet_by_id(0)
    except APIStatusError as error:
        expect.documented_error(error, (200, 400, 404))
        return
    expect.typed(result, Pet)


def test_delete_pet_live(live_client: PetstoreClient, expect: Any) -> None:
    """DELETE /pets/{petId}"""
    try:
        live_client.pet.delete_pet(0)
    except APIStatusError as error:
        expect.documented_error(error, (400,))
        return


def test_place_order_live(live_client: PetstoreClient, expect: Any) -> None:
    """POST /stores/order"""
    try:
        result = live_client.store.place_order(
            body=TypeAdapter(Order).validate_python(_PLACE_ORDER_BODY)
        )
    except APIStatusError as error:
        expect.documented_error(error, (200, 400))
        return
    expect.typed(result, Order)


def test_get_order_by_id_live(live_client: PetstoreClient, expect: Any) -> None:
    """GET /stores/order/{orderId}"""
    try:
        result = live_client.store.get_order_by_id("string")
    except APIStatusError as error:
        expect.documented_error(error, (200, 400, 404))
        return
    expect.typed(result, Order)


def test_delete_order_live(live_client: PetstoreClient, expect: Any) -> None:
    """DELETE /stores/order/{orderId}"""
    try:
        live_client.store.delete_order("string")
    except APIStatusError as error:
        expect.documented_error(error, (400, 404))
        return


def test_create_user_live(live_client: PetstoreClient, expect: Any) -> None:
    """POST /users"""
    try:
        live_client.user.create_user(
            body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
        )
    except APIStatusError as error:
        expect.documented_error(error, ())
        return


def test_create_users_with_array_input_live(
    live_client: PetstoreClient, expect: Any
) -> None:
    """POST /users/createWithArray"""
    try:
        live_client.user.create_users_with_array_input(
            body=TypeAdapter(list[User]).validate_python(
                _CREATE_USERS_WITH_ARRAY_INPUT_BODY
            )
        )
    except APIStatusError as error:
        expect.documented_error(error, ())
        return


def test_create_users_with_list_input_live(
    live_client: PetstoreClient, expect: Any
) -> None:
    """POST /users/createWithList"""
    try:
        live_client.user.create_users_with_list_input(
            body=TypeAdapter(list[User]).validate_python(
                _CREATE_USERS_WITH_ARRAY_INPUT_BODY
            )
        )
    except APIStatusError as error:
        expect.documented_error(error, ())
        return


def test_login_user_live(live_client: PetstoreClient, expect: Any) -> None:
    """GET /users/login"""
    try:
        result = live_client.user.login_user(password="string", username="string")
    except APIStatusError as error:
        expect.documented_error(error, (200, 400))
        return
    expect.typed(result, str)


def test_logout_user_live(live_client: PetstoreClient, expect: Any) -> None:
    """GET /users/logout"""
    try:
        live_client.user.logout_user()
    except APIStatusError as error:
        expect.documented_error(error, ())
        return


def test_get_user_by_name_live(live_client: PetstoreClient, expect: Any) -> None:
    """GET /users/{username}"""
    try:
        result = live_client.user.get_user_by_name("string")
    except APIStatusError as error:
        expect.documented_error(error, (200, 400, 404))
        return
    expect.typed(result, User)


def test_update_user_live(live_client: PetstoreClient, expect: Any) -> None:
    """PUT /users/{username}"""
    try:
        live_client.user.update_user(
            "string", body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
        )
    except APIStatusError as error:
        expect.documented_error(error, (400, 404))
        return


def test_delete_user_live(live_client: PetstoreClient, expect: Any) -> None:
    """DELETE /users/{username}"""
    try:
        live_client.user.delete_user("string")
    except APIStatusError as error:
        expect.documented_error(error, (400, 404))
        return
