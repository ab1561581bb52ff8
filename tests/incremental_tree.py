"""A small Swagger2Markup tree (one page per operation and per definition) built from a
plain description, so tests can edit it the way doc writers do and compare an
incremental regeneration with a cold one.

`Tree` holds operations and definitions as data; `Tree.write` renders every page and
rewrites only the pages whose text changed (an editor saving one page); the edits
below are the kinds the incremental tests apply.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

CONFIG = """\
[tool.md2sdk]
output = "out"

[tool.md2sdk.apis.zoo]
specs = "specs/zoo"
targets = ["openapi", "python", "tests"]
"""

OVERVIEW = """\
# Zoo API


<a name="overview"></a>
## Overview
Animals and their keepers.


### Version information
*Version* : 1.2.0


### URI scheme
*Host* : zoo.example.com{BR}
*BasePath* : /v1{BR}
*Schemes* : HTTPS


### Tags

{TAGS}
""".replace("{BR}", "  ")
TAGS = {"animals": "Animals of the zoo.", "keepers": "The people who feed them."}

SECURITY = """\

<a name="securityscheme"></a>
## Security

<a name="apikey"></a>
### ApiKey
*Type* : apiKey{BR}
*Name* : X-API-Key{BR}
*In* : HEADER
""".format(BR="  ")


@dataclass
class Param:
    place: str  # Path, Query, Header, Body
    name: str
    schema: str  # "string", "integer (int32)" or a definition name
    required: bool = False
    description: str = ""


@dataclass
class Op:
    method: str
    path: str
    tag: str
    description: str
    params: list[Param] = field(default_factory=list)
    responses: list[tuple[str, str, str | None]] = field(default_factory=list)
    """(status, description, definition name or None)."""
    examples: list[tuple[str, str]] = field(default_factory=list)
    """Example HTTP responses: (status, the JSON as written)."""


@dataclass
class Prop:
    name: str
    schema: str  # a primitive ("string", "integer (int64)") or a definition name
    required: bool = False
    description: str = ""


@dataclass
class Tree:
    operations: dict[str, Op]
    definitions: dict[str, list[Prop]]
    types: dict[str, str] = field(default_factory=dict)
    """Definitions that are not objects: name → their ``*Type*`` cell (``enum (a, b)``,
    ``< string > array``); their hints are written out where they are referenced."""
    tags: dict[str, str] = field(default_factory=lambda: dict(TAGS))
    """Tag → its description on the overview page (the client's docstring of it)."""

    def copy(self) -> Tree:
        return copy.deepcopy(self)

    def pages(self) -> dict[str, str]:
        tags = "\n".join(f"* {name} : {text}" for name, text in self.tags.items())
        out = {"overview.md": OVERVIEW.replace("{TAGS}", tags), "security.md": SECURITY}
        for op_id, op in self.operations.items():
            out[f"operations/{op_id}.md"] = self._operation(op_id, op)
        for name, props in self.definitions.items():
            out[f"definitions/{name}.md"] = self._definition(name, props)
        for name, cell in self.types.items():
            lines = ["", f'<a name="{name.lower()}"></a>', f"### {name}", f"*Type* : {cell}"]
            out[f"definitions/{name}.md"] = "\n".join(lines) + "\n"
        return out

    def write(self, specs: Path) -> None:
        """Bring ``specs`` to this tree, writing only changed pages, deleting gone ones."""
        write_pages(specs, self.pages())

    def _schema(self, schema: str, here: str) -> str:
        if schema in self.definitions or schema in self.types:
            return f"[{schema}]({here}{schema}.md#{schema.lower()})"
        return schema

    def _operation(self, op_id: str, op: Op) -> str:
        lines = [
            "",
            f'<a name="{op_id.lower()}"></a>',
            f"### {op.method} {op.path}",
            "",
            "#### Description",
            op.description,
            "",
            "",
        ]
        if op.params:
            lines += ["#### Parameters", "", "|Type|Name|Description|Schema|", "|---|---|---|---|"]
            for p in op.params:
                flag = "required" if p.required else "optional"
                schema = self._schema(p.schema, "../definitions/")
                lines.append(f"|**{p.place}**|**{p.name}**  <br>*{flag}*|{p.description}|{schema}|")
            lines += ["", ""]
        lines += ["#### Responses", "", "|HTTP Code|Description|Schema|", "|---|---|---|"]
        for status, text, schema in op.responses:
            cell = self._schema(schema, "../definitions/") if schema else "No Content"
            lines.append(f"|**{status}**|{text}|{cell}|")
        lines += ["", "", "#### Tags", "", f"* {op.tag}", "", "", "#### Security", ""]
        lines += ["|Type|Name|", "|---|---|", "|**apiKey**|**[ApiKey](../security.md#apikey)**|"]
        lines.append("")
        if op.examples:
            lines += ["", "#### Example HTTP response", ""]
            for status, text in op.examples:
                lines += [f"##### Response {status}", "```", "json :", text, "```", ""]
        return "\n".join(lines) + "\n"

    def _definition(self, name: str, props: list[Prop]) -> str:
        lines = ["", f'<a name="{name.lower()}"></a>', f"### {name}", "", ""]
        lines += ["|Name|Description|Schema|", "|---|---|---|"]
        for p in props:
            flag = "required" if p.required else "optional"
            schema = self._schema(p.schema, "")
            lines.append(f"|**{p.name}**  <br>*{flag}*|{p.description}|{schema}|")
        return "\n".join(lines) + "\n"


def write_pages(specs: Path, pages: dict[str, str]) -> None:
    """Bring ``specs`` to ``pages`` (relative path: text) as an editor saving them
    would: only changed pages are written, pages no longer there are deleted."""
    for old in list(specs.rglob("*.md")):
        if old.relative_to(specs).as_posix() not in pages:
            old.unlink()
    for relative, text in pages.items():
        path = specs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def zoo() -> Tree:
    """The starting tree: four operations under two tags, three definitions."""
    return Tree(
        operations={
            "listAnimals": Op(
                "GET", "/animals", "animals", "Lists the animals.",
                [Param("Query", "limit", "integer (int32)", description="At most this many.")],
                [("200", "OK", "AnimalList"), ("401", "Unauthorized", None)],
            ),
            "getAnimal": Op(
                "GET", "/animals/{animalId}", "animals", "Gets one animal.",
                [Param("Path", "animalId", "string", required=True, description="Its id.")],
                [("200", "OK", "Animal"), ("404", "Not found", None)],
            ),
            "createAnimal": Op(
                "POST", "/animals", "animals", "Adds an animal.",
                [Param("Body", "body", "Animal", required=True, description="The animal.")],
                [("201", "Created", "Animal")],
            ),
            "listKeepers": Op(
                "GET", "/keepers", "keepers", "Lists the keepers.",
                [], [("200", "OK", "Keeper")],
            ),
        },
        definitions={
            "Animal": [
                Prop("id", "string", True, "Its id."),
                Prop("name", "string", False, "Its name."),
                Prop("keeper", "Keeper", False, "Who feeds it."),
            ],
            "AnimalList": [
                Prop("items", "string", False, "Ids."),
                Prop("total", "integer (int64)"),
            ],
            "Keeper": [Prop("name", "string", True, "Full name."), Prop("shift", "string")],
        },
    )


# ------------------------------------------------------------------- edits


def rename_definition(tree: Tree, old: str, new: str) -> None:
    """Rename a definition everywhere (its page, every link and schema cell)."""
    tree.definitions = {(new if k == old else k): v for k, v in tree.definitions.items()}
    for props in tree.definitions.values():
        for prop in props:
            prop.schema = new if prop.schema == old else prop.schema
    for op in tree.operations.values():
        for param in op.params:
            param.schema = new if param.schema == old else param.schema
        op.responses = [(s, t, new if d == old else d) for s, t, d in op.responses]


def remove_definition(tree: Tree, name: str) -> None:
    """Delete a definition's page; links to it become plain text (unresolved)."""
    del tree.definitions[name]


ANIMAL_PRINTED = """{
  "id" : "string",
  "name" : "string",
  "keeper" : {
    "name" : "string",
    "shift" : "string"
  }
}"""
"""What Swagger2Markup prints for the starting tree's Animal (Keeper written out)."""


def placeholder_example(tree: Tree) -> None:
    tree.operations["getAnimal"].examples = [("200", ANIMAL_PRINTED)]
