"""``md2sdk parse``: read pages as one API and show its model, its JSON or how much of
each page the model holds (``--coverage``)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.shared import PAGE_OR_DIR, load_adhoc, plural
from generator.config import display_path
from generator.diagnostics import Diagnostics
from generator.reporting import Reporter, options


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=PAGE_OR_DIR)
@click.option("--json", "as_json", is_flag=True, help="Print the whole model as JSON.")
@click.option("--coverage", is_flag=True, help="Per page: lines read, reported and unaccounted.")
@options
def parse(paths: tuple[Path, ...], as_json: bool, coverage: bool, reporter: Reporter) -> None:
    """Read PATH... (pages or folders of pages) as one API and show its model."""
    diagnostics = Diagnostics()
    api = load_adhoc(list(paths), diagnostics)
    if coverage:
        _print_coverage(list(paths), reporter)
    elif as_json:
        from generator.emit.model_json import dumps  # noqa: PLC0415 (lazy, see generator.cli.shared)

        click.echo(dumps(api), nl=False)
    elif not reporter.quiet:
        resolved = [d for d in api.definitions if not d.unresolved]
        click.echo(
            f"{api.name}: {plural(len(api.operations), 'operation')}, "
            f"{plural(len(resolved), 'definition')} "
            f"({len(api.definitions) - len(resolved)} unresolved), "
            f"{plural(len(api.security_schemes), 'security scheme')}, "
            f"{plural(len(api.pages), 'page')}"
        )
        for op in api.operations:
            click.echo(
                f"  {op.method} {op.path}  {op.operation_id or '-'}  "
                f"({plural(len(op.parameters), 'parameter')}, "
                f"{plural(len(op.responses), 'response')})"
            )
    reporter.exit(diagnostics)


def _print_coverage(paths: list[Path], reporter: Reporter) -> None:
    """One line per page: how many of its non-blank lines the model holds."""
    from generator.load.pages import decode_page  # noqa: PLC0415 (lazy, see generator.cli.shared)
    from generator.load.sources import collect_pages  # noqa: PLC0415
    from generator.parse.coverage import account_page  # noqa: PLC0415
    from generator.parse.ledger import NOTHING_KINDS  # noqa: PLC0415

    base = Path.cwd()
    first = paths[0].resolve()
    boundary = first.parent if first.is_file() else first
    rows: list[tuple[str, list[int]]] = []
    for page in collect_pages(paths, boundary, base, Diagnostics()):
        shown = display_path(page, base)
        try:
            text = decode_page(page.read_bytes())
        except (OSError, UnicodeDecodeError):  # reported by the parse already
            continue
        cov, _ = account_page(shown, text)
        rows.append((shown, [cov.lines, cov.read, cov.reported, cov.nothing, len(cov.unaccounted)]))
    totals = [sum(values[i] for _, values in rows) for i in range(5)]
    rows.append((f"total ({plural(len(rows), 'page')})", totals))
    width = max(len(name) for name, _ in rows)
    heads = ("lines", "read", "reported", "nothing", "unaccounted")
    click.echo(f"{'page':<{width}}" + "".join(f"  {h:>7}" for h in heads))
    for name, values in rows:
        cells = "".join(f"  {v:>{max(len(h), 7)}}" for v, h in zip(values, heads, strict=True))
        click.echo(f"{name:<{width}}{cells}")
    if not reporter.quiet:
        click.echo(
            "reported: named by a diagnostic (printed below); nothing: " + "; ".join(NOTHING_KINDS)
        )
