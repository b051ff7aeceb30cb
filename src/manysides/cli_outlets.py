"""`manysides outlets` and `manysides outlets load FILE`: the user's outlet profiles. Registered by cli.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from manysides.cli import DbOption, JsonOption, _cells, _emit_json, _error_line, _open_store, app, out
from manysides.present.safe_text import terminal_text

outlets_app = typer.Typer(
    help="Outlet profiles: who each outlet is, by your own file. `manysides outlets load FILE` replaces them.",
    invoke_without_command=True,
    rich_markup_mode="markdown",
)
app.add_typer(outlets_app, name="outlets")


@outlets_app.callback()
def outlets_command(ctx: typer.Context, db: DbOption = None, json_output: JsonOption = False) -> None:
    """List the loaded outlet profiles with how many stored articles count for each.

    A republished article counts for the outlet it came from (`republished_from`), not the site that copied it.

    Example: `manysides outlets --db news.db --json`
    """
    if ctx.invoked_subcommand is not None:
        return
    from manysides.service import Service

    with _open_store(db) as store:
        rows = Service(store).outlet_profiles()
    if json_output:
        _emit_json([row.model_dump() for row in rows])
        return
    if not rows:
        out.print("No outlet profiles loaded: `manysides outlets load FILE` (see examples/demo/outlets.toml).")
        return
    table = Table(header_style="bold")
    for column in ("outlet", "domains", "country", "kind", "labels", "articles", "copies elsewhere"):
        table.add_column(column, overflow="fold")
    for row in rows:
        p = row.profile
        labels = ", ".join(f"{k}={v}" for k, v in p.labels.items())
        domains, counts = ", ".join(p.domains) or "—", (str(row.articles), str(row.republished))
        table.add_row(*_cells(p.name, domains, p.country or "—", p.kind or "—", labels or "—", *counts))
    out.print(table)


@outlets_app.command("load")
def load_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="TOML (`[[outlet]]` tables) or CSV (a header row; columns other than the fields are labels).",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Load outlet profiles from your file, replacing the ones loaded before.

    Each outlet: `name`, `domains` (its sites, mirrors and syndication partners), `aliases`, `country`,
    `languages`, `owner`, `kind` (agency, public broadcaster, state media, newspaper, site...) and any labels of
    your own (`leaning`, `region`...). ManySides ships no ratings: the labels are yours.
    Articles find their profile by domain, else by name.

    A bad entry is one error line and the others load; the exit code is 1 then.

    Example: `manysides outlets load examples/demo/outlets.toml --db demo.db`
    """
    from manysides.outlets.profiles_file import read_profiles
    from manysides.service import Service

    profiles, problems = read_profiles(file)
    for problem in problems:
        _error_line(problem.source, problem.problem)
    if not profiles:
        _error_line(str(file), "no outlet profile to load")
        raise typer.Exit(2)
    with _open_store(db, create=True) as store:
        credited = Service(store).load_outlet_profiles(profiles)
    if json_output:
        _emit_json({"loaded": len(profiles), "failed": len(problems), "articles_credited": credited})
    else:
        line = f"Loaded {len(profiles)} outlet profiles from {file}; {credited} stored articles count for one."
        out.print(terminal_text(line))
    raise typer.Exit(1 if problems else 0)
