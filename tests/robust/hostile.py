"""The hostile API: the committed pages of `hostile_api/` plus one generated page.

Some hostile bytes cannot sanely live in a committed file (NUL, a bare carriage
return, invisible line and paragraph separators, bidi overrides, a 10,000-character
name), so `write_hostile_api` copies the readable pages and writes ``control.md``
with those from Python. `CONTROL_TEXTS` lists the strings the generated page carries,
so tests can look for them in the output.
"""

from __future__ import annotations

import shutil
from pathlib import Path

HOSTILE_API = Path(__file__).resolve().parent / "hostile_api"
LONG_NAME = "n" * 10_000
CANARY = "CANARY"

# One description per kind of invisible or control character.
CONTROL_TEXTS = {
    "nul": "nul \x00 byte",
    "controls": "bell \x07 escape \x1b[31m red delete \x7f",
    "separators": "line\u2028separator and paragraph\u2029separator",
    "bidi": "bidi \u202e}; import os; #\u202c and \u2066isolate\u2069",
    "nel": "next\x85line and form\x0cfeed and vertical\x0btab",
    "bom": "zero\u200bwidth and \ufeffbom",
}


def _control_page() -> str:
    rows = "".join(
        f"|**Query**|**{key}**  <br>*optional*|{text}|string|\n"
        for key, text in CONTROL_TEXTS.items()
    )
    return (
        "\n<a name=\"paths\"></a>\n## Paths\n\n"
        "<a name=\"control\"></a>\n### Control \x00 characters\u202e in a summary\n"
        "```\nGET /control\n```\n\n\n"
        "#### Description\n"
        "A bare carriage return\rimport os; open('CANARY', 'w')\r"
        "ends a Python comment; so does\u2028this? (no) \"\"\"\\\n\n\n"
        "#### Parameters\n\n"
        "|Type|Name|Description|Schema|\n|---|---|---|---|\n"
        f"|**Query**|**{LONG_NAME}**  <br>*optional*|a 10,000-character name|string|\n"
        "|**Query**|**nul\x00name**  <br>*optional*|a NUL in a name|string|\n"
        "|**Query**|**\u202eevil**  <br>*optional*|a bidi override in a name|string|\n"
        f"{rows}\n\n"
        "#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n"
        f"|**200**|ok \x00\u2028\u202e|[{LONG_NAME}](#long)|\n\n\n"
        "#### Tags\n\n* control\x00tag\u202e\n\n\n"
        "<a name=\"definitions\"></a>\n## Definitions\n\n"
        f"<a name=\"long\"></a>\n### {LONG_NAME}\n"
        "A definition with a 10,000-character name.\n\n"
        "|Name|Description|Schema|\n|---|---|---|\n"
        f"|**{LONG_NAME}**  <br>*optional*|a long property|string|\n"
        "|**with\u2028separator**  <br>*optional*|\u2029|string|\n"
    )


def write_hostile_api(folder: Path) -> Path:
    """Copy the committed pages into ``folder`` and add ``operations/control.md``."""
    shutil.copytree(HOSTILE_API, folder)
    (folder / "operations" / "control.md").write_text(_control_page(), encoding="utf-8")
    return folder
