"""``articleparse packs list | check PATH | new NAME``: see, check and create rule packs.

Each command is a function writing to the streams it is given and returning the exit status,
so the command line and tests call the same code::

    list_packs(sys.stdout)                               # 0, or 1 when an installed pack is broken
    check_pack_path("my-pack", sys.stdout, sys.stderr)   # 0 when all is well, 1 on problems, 2 on bad PATH
    new_pack("site.example.org", None, sys.stdout)       # 0, or 2 when NAME or the folder is unusable

The checks themselves live in :mod:`articleparse.testing`, so a pack's pytest suite
(``check_pack``) and ``packs check`` always agree.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import sys
import warnings
from importlib import resources
from pathlib import Path
from typing import IO

from . import __version__
from .errors import ArticleparseError
from .rules.loader import ENTRY_POINT_GROUP, PACK_KINDS, Pack, installed_packs, load_pack
from .rules.loader import _ID as PACK_ID_SHAPE  # the loader's own rule for pack ids
from .testing import PROBE_TIMEOUT, GoldenCase, check_pack_report, engine_with, load_pack_path, update_golden

__all__ = ["add_packs_command", "check_pack_path", "find_pack_folders", "list_packs", "new_pack", "package_name"]

#: Exit statuses of the ``packs`` commands.
EXIT_OK = 0
EXIT_PROBLEMS = 1  # a pack has problems (check) or is broken (list)
EXIT_USAGE = 2  # PATH or NAME is unusable

#: Folders never searched for packs below a project folder.
_SKIP_DIRS = {".git", ".hg", ".venv", "venv", ".tox", ".nox", "build", "dist", "node_modules", "__pycache__",
              ".mypy_cache", ".pytest_cache"}


def _say(stream: IO[str], text: str = "") -> None:
    stream.write(text + "\n")


# ------------------------------------------------------------------- list


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _targets(pack: Pack) -> str:
    """``en`` or ``blogspot.com, blogspot.de +3``: what the pack applies to."""
    items = list(pack.languages if pack.kind != "site" else pack.domains)
    if not items:
        return "-"
    shown = ", ".join(items[:2])
    return shown + (f" +{len(items) - 2}" if len(items) > 2 else "")


def _where(origin: str, path: Path | None) -> str:
    """The distribution (``name version``) a pack came from, or its folder when it has none."""
    if path is not None and (not origin or "(" in origin or origin == "entry point"):
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)
    return origin


def _registrations() -> dict[str, list[str]]:
    """Every distribution registering each pack id (more than one means all but the first are ignored)."""
    seen: dict[str, list[str]] = {}
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        seen.setdefault(ep.name, []).append(f"{dist.name} {dist.version}" if dist is not None else ep.value)
    return seen


def list_packs(out: IO[str], err: IO[str] | None = None) -> int:
    """Print a table of the installed packs: id, kind, languages or domains, rules, version, where from.

    Returns 0, or 1 when a pack could not be loaded (it is listed as ``BROKEN`` and the reason
    follows the table).

        >>> status = list_packs(sys.stdout)
        id    kind      languages/domains  rules  version  from
        core  core      -                  ...    0.1.0    articleparse 0.1.0
        ...
    """
    err = err if err is not None else out
    rows: list[tuple[str, ...]] = []
    broken: list[str] = []
    order = {kind: n for n, kind in enumerate(PACK_KINDS)}
    packs = installed_packs()
    loaded: list[tuple[int, str, tuple[str, ...]]] = []
    for pack_id, (module, origin) in packs.items():
        try:
            pack = load_pack(pack_id)
        except Exception as exc:  # list every pack, even one that cannot load
            broken.append(f"{pack_id}: {exc}")
            loaded.append((len(order), pack_id, (pack_id, "?", "-", "BROKEN", "-", _where(origin, None) or module)))
            continue
        loaded.append((order.get(pack.kind, len(order)), pack_id, (
            pack.id, pack.kind, _clip(_targets(pack), 32), str(len(pack.rules)), pack.version,
            _where(pack.origin or origin, pack.path))))
    rows = [row for _, _, row in sorted(loaded)]
    header = ("id", "kind", "languages/domains", "rules", "version", "from")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        _say(out, "  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1])
    if not rows:
        _say(out, f"(no packs installed: nothing is registered under the entry-point group {ENTRY_POINT_GROUP})")
    for pack_id, dists in sorted(_registrations().items()):
        if len(dists) > 1:
            _say(err, f"warning: pack {pack_id!r} is registered by {', '.join(dists)}; only the first is used, "
                      "uninstall the others")
    for message in broken:
        _say(err, f"broken: {message}")
    if broken:
        _say(err, "fix a broken pack's files (articleparse packs check FOLDER names each problem) or uninstall it")
    return EXIT_PROBLEMS if broken else EXIT_OK


# ------------------------------------------------------------------- check


def find_pack_folders(path: str | Path) -> list[Path]:
    """The pack folders at ``path``: itself when it holds ``pack.toml`` (or is one), else those below it.

    Below a project folder, packs are searched up to four levels deep, skipping virtual
    environments, build output and hidden folders, so ``packs check .`` works from a pack
    project's root.
    """
    path = Path(path)
    if path.is_file():
        return [path.parent] if path.name == "pack.toml" else []
    if (path / "pack.toml").is_file():
        return [path]
    found = []
    for depth in range(1, 5):
        for toml in sorted(path.glob("/".join(["*"] * depth) + "/pack.toml")):
            parts = toml.relative_to(path).parts[:-1]
            if any(p in _SKIP_DIRS or p.startswith(".") or p.endswith(".egg-info") for p in parts):
                continue
            found.append(toml.parent)
    return found


def check_pack_path(path: str | Path, out: IO[str], err: IO[str], *, update_goldens: bool = False,
                    timeout: float = PROBE_TIMEOUT) -> int:
    """Check the pack(s) at ``path`` and print each problem, then one summary line per pack.

    ``path`` is a pack folder (holding ``pack.toml``), its ``pack.toml``, or a project folder
    with packs below it. Checked: the pack loads (schema, ids, labels, descriptions, code rules
    in ``rules.py``); ``pack.toml`` has no unknown tables or fields; every example behaves;
    no pattern backtracks catastrophically; every golden in ``fixtures/`` matches.
    ``update_goldens`` first rewrites each golden's ``expected`` from the current output.

    Returns 0 when every pack is fine, 1 when any has a problem, 2 when ``path`` holds no pack.

        >>> check_pack_path("src/articleparse/packs/en", sys.stdout, sys.stderr)
        warning: ...
        pack 'en' (src/articleparse/packs/en): ... rules, ... examples, ... patterns probed, 0 goldens: OK
        0
    """
    target = Path(path)
    if not target.exists():
        _say(err, f"articleparse: packs check: {path}: no such file or folder; give the folder that holds "
                  "pack.toml")
        return EXIT_USAGE
    folders = find_pack_folders(target)
    if not folders:
        _say(err, f"articleparse: packs check: {path}: no pack.toml in it or below it; give the folder that "
                  "holds pack.toml (articleparse packs new NAME creates one)")
        return EXIT_USAGE
    status = EXIT_OK
    for folder in folders:
        with warnings.catch_warnings(record=True) as caught:
            # e.g. another installed pack that is broken: worth a line, not a traceback-like warning
            warnings.simplefilter("always")
            report = check_pack_report(folder, update_goldens=update_goldens, timeout=timeout)
        for message in dict.fromkeys(str(w.message) for w in caught):
            _say(err, f"warning: {message}")
        for golden in report.updated:
            _say(out, f"updated golden {golden}")
        for problem in report.problems:
            _say(out, f"error: {problem}")
        for warning in report.warnings:
            _say(out, f"warning: {warning}")
        if report.path is None:  # it did not load: the one problem says why
            _say(out, f"pack folder {folder}: does not load: 1 problem")
        else:
            _say(out, report.summary())
        if not report.ok:
            status = EXIT_PROBLEMS
    return status


# ------------------------------------------------------------------- new


def _shown(path: Path) -> str:
    """``path`` as a command argument: ``./NAME`` rather than ``NAME``, which pip would take for a project name."""
    text = str(path)
    return text if path.is_absolute() or text.startswith(".") else f".{os.sep}{text}"


def package_name(pack_id: str) -> str:
    """The Python package for a pack id: ``site.example.org`` → ``articleparse_site_example_org``.

        >>> package_name("site.example.org"), package_name("xx")
        ('articleparse_site_example_org', 'articleparse_xx')
    """
    return "articleparse_" + "".join(c if c.isalnum() else "_" for c in pack_id.lower())


def _template(name: str) -> str:
    return resources.files("articleparse.scaffold").joinpath(name).read_text(encoding="utf-8")


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_pack(name: str, directory: str | Path | None, out: IO[str], err: IO[str] | None = None) -> int:
    """Create a pack distribution for pack id ``name`` in ``directory`` (default ``./NAME``).

    ``site.<domain>`` makes a site pack for that domain; any other id (``xx``) a language pack
    for that language code. The project holds ``pyproject.toml`` (registering the entry point
    ``name`` in ``articleparse.packs``), the package with ``pack.toml`` and one rule with
    examples, ``fixtures/`` with a sample dump and its golden (made by parsing the sample with
    the new pack), and ``tests/test_pack.py``. It passes ``articleparse packs check`` as made.

    Returns 0, or 2 when ``name`` is not a valid or free pack id or the folder is not empty.
    """
    err = err if err is not None else out
    if not PACK_ID_SHAPE.match(name) or name == "site" or name.endswith("."):
        _say(err, f"articleparse: packs new: {name!r} is not a pack id; use lower case letters, digits, '-' "
                  "and '_' (a language code such as 'xx'), or 'site.<domain>' such as 'site.example.org'")
        return EXIT_USAGE
    site = name.startswith("site.")
    domain = name[len("site."):] if site else ""
    if site and "." not in domain:
        _say(err, f"articleparse: packs new: {name!r}: {domain!r} is not a domain; use 'site.<domain>' such as "
                  "'site.example.org'")
        return EXIT_USAGE
    installed = installed_packs()
    if name in installed:
        _say(err, f"articleparse: packs new: a pack {name!r} is already installed ({installed[name][1]}); choose "
                  "another id, or uninstall that pack first")
        return EXIT_USAGE
    root = Path(directory) if directory is not None else Path(name)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        _say(err, f"articleparse: packs new: {root} already exists and is not an empty folder; choose another "
                  "folder with --dir")
        return EXIT_USAGE
    package = package_name(name)
    description = (f"Rules for pages of {domain}." if site else f"Rules for pages in language {name!r}.")
    values = {
        "pack_id": name,
        "package": package,
        "dist_name": package.replace("_", "-"),
        "kind": "site" if site else "language",
        "description": description,
        "kind_fields": f"domains = [{_toml_str(domain)}]" if site else f"languages = [{_toml_str(name)}]",
        "articleparse_version": __version__,
    }
    files = {
        "pyproject.toml": "pyproject.toml.txt",
        "README.md": "README.md.txt",
        ".gitignore": "gitignore.txt",
        f"{package}/__init__.py": "package_init.py.txt",
        f"{package}/pack.toml": "pack.toml.txt",
        f"{package}/fixtures/sample.txt": "sample.txt",
        "tests/test_pack.py": "test_pack.py.txt",
    }
    for target, template in files.items():
        dest = root / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(_fill(_template(template), values), encoding="utf-8")
    folder = root / package
    # the golden is what articleparse makes of the sample with this pack: the starting point to review
    golden = folder / "fixtures" / "sample.json"
    spec = {"input": "sample.txt", "url": f"https://{domain}/news/harbour-bridge" if site else None,
            "lang": None if site else name}
    golden.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    try:
        pack = load_pack_path(folder)
        update_golden(GoldenCase(pack, golden), engine_with(pack))
    except ArticleparseError as exc:  # a template bug, not the user's: say so
        _say(err, f"articleparse: packs new: the new pack does not load: {exc} (this is a bug in articleparse)")
        return EXIT_PROBLEMS
    _say(out, f"created {root}/ for pack {name!r} (Python package {package}):")
    for target in sorted([*files, f"{package}/fixtures/sample.json"]):
        _say(out, f"  {root / target}")
    report = check_pack_report(folder)
    for problem in report.problems:
        _say(err, f"error: {problem}")
    _say(out, report.summary())
    _say(out, "")
    _say(out, "next:")
    for step in (f"edit {folder / 'pack.toml'} (rules) and {folder / 'fixtures'} (goldens)",
                 f"articleparse packs check {_shown(root)}",
                 f"python -m pip install -e '{_shown(root)}[test]'",
                 "articleparse packs list",
                 f"python -m pytest {_shown(root / 'tests')}"):
        _say(out, f"  {step}")
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def add_packs_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``packs list | check PATH | new NAME`` to the ``articleparse`` command line's subparsers.

        parser = argparse.ArgumentParser(prog="articleparse")
        add_packs_command(parser.add_subparsers(dest="command"))
        args = parser.parse_args(["packs", "check", "my-pack"])
        status = args.func(args)
    """
    packs = commands.add_parser(
        "packs",
        help="list, check and create rule packs",
        description="List the installed rule packs, check a pack folder, or create a new pack project. "
        "See docs/writing-a-rule-pack.md.",
    )
    actions = packs.add_subparsers(dest="packs_command", metavar="ACTION", required=True)

    list_cmd = actions.add_parser(
        "list", help="table of installed packs", description="List every installed rule pack: id, kind, "
        "languages or domains, rule count, version and the distribution (or folder) it comes from. "
        "Exit status 1 when a pack cannot be loaded.")
    list_cmd.set_defaults(func=lambda args: list_packs(sys.stdout, sys.stderr))

    check_cmd = actions.add_parser(
        "check", help="validate a pack folder: schema, examples, patterns, goldens",
        description="Check the pack in PATH (a folder holding pack.toml, or a project with packs below it): "
        "it loads, every rule example behaves, no pattern backtracks catastrophically, every golden in "
        "fixtures/ gives its expected Article. Exit status 0 when all is well, 1 on problems, 2 when PATH "
        "holds no pack.")
    check_cmd.add_argument("path", metavar="PATH", help="a pack folder, its pack.toml, or a project folder")
    check_cmd.add_argument("--update-goldens", action="store_true",
                           help="first rewrite each golden's expected Article from the current output")
    check_cmd.add_argument("--timeout", type=float, default=PROBE_TIMEOUT, metavar="SECONDS",
                           help=f"longest one adversarial search may take (default: {PROBE_TIMEOUT})")
    check_cmd.set_defaults(func=lambda args: check_pack_path(
        args.path, sys.stdout, sys.stderr, update_goldens=args.update_goldens, timeout=args.timeout))

    new_cmd = actions.add_parser(
        "new", help="create a pack project (pyproject, pack.toml, golden, tests)",
        description="Create a pack project for pack id NAME: 'site.<domain>' for a site pack, or a "
        "language code such as 'xx' for a language pack. It passes `articleparse packs check` as made.")
    new_cmd.add_argument("name", metavar="NAME", help="the pack id, e.g. site.example.org or xx")
    new_cmd.add_argument("--dir", metavar="FOLDER", help="where to create it (default: ./NAME)")
    new_cmd.set_defaults(func=lambda args: new_pack(args.name, args.dir, sys.stdout, sys.stderr))
    return packs
