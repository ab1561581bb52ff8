"""The ``md2sdk`` command: parse, generate, check, openapi and diff.

Exit codes: 0 success (warnings allowed), 1 errors in the docs, the config or the
output (including stale ``generated/`` for ``check``), 2 usage. Diagnostics are
collected and printed once, sorted, on stderr as ``path:line:col: severity[code]:
message`` (or on stdout as GitHub Actions annotations with ``--format github``);
``--strict`` turns warnings into errors. Nothing is written when any error occurred.

One module per command; `generator.cli.shared` holds what they share.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn

import click

from generator.cli.diff_command import diff_command
from generator.cli.generate_command import check, generate_command
from generator.cli.openapi_command import openapi
from generator.cli.parse_command import parse
from generator.location import SourceLocation

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Generate Python SDKs, OpenAPI documents and tests from Swagger2Markup markdown."""


for _command in (parse, generate_command, check, openapi, diff_command):
    cli.add_command(_command)


def main() -> None:
    """The console script: `cli`, with a last-resort guard against md2sdk's own bugs.

    Every expected failure is a diagnostic already; an exception reaching here is a bug,
    reported as one ``internal-error`` line (exit 1) instead of a traceback, unless
    ``MD2SDK_TRACEBACK=1`` asks for the traceback.
    """
    try:
        # Without standalone mode click returns the code `ctx.exit(code)` gave it.
        code = cli.main(standalone_mode=False)
    except click.ClickException as usage:
        usage.show()
        sys.exit(usage.exit_code)
    except click.Abort:  # Ctrl-C; the writer has already left the output intact
        click.echo("Aborted!", err=True)
        _exit(130)
    except Exception as exc:
        if os.environ.get("MD2SDK_TRACEBACK") == "1":
            raise
        where = SourceLocation(" ".join(sys.argv[1:2]) or "md2sdk", 0, 0)
        message = f"md2sdk failed ({type(exc).__name__}: {exc}); please report this bug"
        click.echo(f"{where}: error[internal-error]: {message}", err=True)
        sys.exit(1)
    _exit(code if isinstance(code, int) else 0)


def _exit(code: int) -> NoReturn:
    """End the process once its output is flushed, without tearing down its heap.

    Everything is written and every worker pool is shut down by now; what is left
    is freeing millions of objects one by one (the model, the caches' decoded
    values), which took 1.5 s after a one-page edit of Kubernetes, longer than most
    of the edit's own stages. mypy ends the same way (``util.hard_exit``).
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (``| head``)
            stream.flush()
    os._exit(code)
