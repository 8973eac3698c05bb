"""Finding, reading and validating rule packs.

A pack is a folder holding ``pack.toml`` and optionally ``rules.py`` (code
rules), ``stopwords.txt`` (one word a line) and ``dates.toml`` (month names,
date orders, relative-date words). Packs are registered under the entry-point
group ``articleparse.packs``; the value names the importable package whose
folder is the pack. The built-in packs are registered the same way.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import sys
import warnings
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs
import regex

from ..errors import PackError, PackNotFoundError
from ..model import Label
from .base import FEATURE_NAMES, Rule, phrase_set

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["Pack", "ENTRY_POINT_GROUP", "installed_packs", "load_pack", "load_pack_folder"]

ENTRY_POINT_GROUP = "articleparse.packs"
PACK_KINDS = ("core", "language", "site")
_ID = regex.compile(r"^(?:[a-z][a-z0-9_-]*|site\.[a-z0-9.-]+)$")
_RULE_ID = regex.compile(r"^[A-Za-z0-9_.-]+:[A-Z]{2,3}\d{3}$")
_RULE_KEYS = {"id", "description", "label", "weight", "pattern", "phrases", "when", "match", "no_match",
              "max_chars", "min_chars"}


@attrs.frozen
class Pack:
    """A loaded, validated rule pack."""

    id: str
    kind: str
    version: str
    description: str
    path: Path
    languages: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    params: Mapping[str, Any] = attrs.field(factory=dict)
    stopwords: frozenset[str] = frozenset()
    dates: Mapping[str, Any] | None = None
    origin: str = ""
    #: site packs: a pattern whose presence in a dump marks a page of the site (when no url is given)
    signature: regex.Pattern | None = attrs.field(default=None, eq=False)


def _fail(pack: str, where: str, what: str, fix: str, path: Path) -> PackError:
    return PackError(f"pack {pack!r} {where}: {what}; {fix} in {path}")


def load_pack_folder(folder: str | Path, *, origin: str = "", module: str | None = None) -> Pack:
    """Read and validate the pack in ``folder``; raise :class:`PackError` naming what to fix."""
    folder = Path(folder)
    toml_path = folder / "pack.toml"
    if not toml_path.is_file():
        raise PackError(f"pack folder {folder} has no pack.toml; create one (see docs/writing-a-rule-pack.md)")
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PackError(f"pack file {toml_path} is not valid TOML: {exc}; fix the syntax") from exc
    head = data.get("pack")
    if not isinstance(head, dict) or "id" not in head:
        raise PackError(f"pack file {toml_path} has no [pack] table with an id; add one")
    pack_id = str(head["id"])
    if not _ID.match(pack_id):
        raise _fail(pack_id, "field id", "is not a valid pack id (lower case; site packs 'site.<domain>')",
                    "rename it", toml_path)
    kind = str(head.get("kind", "language"))
    if kind not in PACK_KINDS:
        raise _fail(pack_id, "field kind", f"is {kind!r}, not one of {', '.join(PACK_KINDS)}",
                    "set it", toml_path)
    rules = [_toml_rule(pack_id, r, toml_path) for r in data.get("rules", ())]
    if module is not None:
        rules.extend(_code_rules(pack_id, module, folder))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise _fail(pack_id, f"rule {rule.id}", "is defined twice", "give each rule its own id", toml_path)
        seen.add(rule.id)
    stopwords: frozenset[str] = frozenset()
    sw_path = folder / "stopwords.txt"
    if sw_path.is_file():
        stopwords = frozenset(
            w.strip().lower() for w in sw_path.read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")
        )
    dates = None
    dates_path = folder / "dates.toml"
    if dates_path.is_file():
        try:
            dates = tomllib.loads(dates_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise PackError(f"pack {pack_id!r} file {dates_path} is not valid TOML: {exc}; fix the syntax") from exc
    signature = None
    if head.get("signature"):
        try:
            signature = regex.compile(str(head["signature"]), regex.V0)
        except regex.error as exc:
            raise _fail(pack_id, "field signature", f"does not compile: {exc}", "fix the pattern", toml_path) from None
    if kind == "site" and not head.get("domains"):
        raise _fail(pack_id, "field domains", "is missing", "list the site's domains (domains = [\"example.org\"])",
                    toml_path)
    return Pack(
        signature=signature,
        id=pack_id, kind=kind, version=str(head.get("version", "0")), description=str(head.get("description", "")),
        path=folder, languages=tuple(head.get("languages", ())), domains=tuple(head.get("domains", ())),
        rules=tuple(rules), params=dict(data.get("params", {})), stopwords=stopwords, dates=dates,
        origin=origin,
    )


def _toml_rule(pack_id: str, raw: Mapping[str, Any], path: Path) -> Rule:
    rid = str(raw.get("id", "?"))
    where = f"rule {rid}"
    if not _RULE_ID.match(rid) or not rid.startswith(pack_id + ":"):
        raise _fail(pack_id, where, f"id must look like '{pack_id}:AB001'", "rename the rule", path)
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _fail(pack_id, where, f"unknown field(s) {', '.join(sorted(unknown))}",
                    f"use only {', '.join(sorted(_RULE_KEYS))}", path)
    desc = str(raw.get("description", "")).strip()
    if not desc:
        raise _fail(pack_id, where + " field description", "is missing", "add a one-line description", path)
    try:
        label = Label(raw.get("label"))
    except ValueError:
        raise _fail(pack_id, where + " field label", f"{raw.get('label')!r} is not a label",
                    f"use one of {', '.join(lb.value for lb in Label if lb is not Label.BLANK)}", path) from None
    weight = raw.get("weight", 1.0)
    if not isinstance(weight, (int, float)) or isinstance(weight, bool):
        raise _fail(pack_id, where + " field weight", "is not a number", "set a number", path)
    for key in ("match", "no_match"):
        if not raw.get(key):
            raise _fail(pack_id, where + f" field {key}", "has no example",
                        f"add at least one line the rule {'must' if key == 'match' else 'must not'} match", path)
    kinds = [k for k in ("pattern", "phrases", "when") if k in raw]
    if len(kinds) != 1:
        raise _fail(pack_id, where, "needs exactly one of pattern, phrases, when", "keep one", path)
    kind = kinds[0]
    common: dict[str, Any] = dict(
        id=rid, description=desc, label=label, weight=float(weight), kind=kind, pack=pack_id,
        match=raw["match"], no_match=raw["no_match"], max_chars=raw.get("max_chars"),
        min_chars=int(raw.get("min_chars", 0)),
    )
    if kind == "pattern":
        try:
            pattern = regex.compile(str(raw["pattern"]), regex.V0)
        except regex.error as exc:
            raise _fail(pack_id, where + " field pattern", f"does not compile: {exc}", "fix the pattern",
                        path) from None
        return Rule(pattern=pattern, **common)
    if kind == "phrases":
        phrases = raw["phrases"]
        if not isinstance(phrases, list) or not phrases:
            raise _fail(pack_id, where + " field phrases", "is not a non-empty list", "list the phrases", path)
        return Rule(phrases=phrase_set([str(p) for p in phrases]), **common)
    conditions = []
    for name, bound in dict(raw["when"]).items():
        if name not in FEATURE_NAMES:
            raise _fail(pack_id, where + f" field when.{name}", "is not a feature",
                        f"use one of {', '.join(FEATURE_NAMES)}", path)
        if isinstance(bound, list) and len(bound) == 2:
            conditions.append((name, bound[0], bound[1]))
        else:
            conditions.append((name, bound, bound))
    return Rule(conditions=tuple(conditions), **common)


def _code_rules(pack_id: str, module: str, folder: Path) -> list[Rule]:
    if not (folder / "rules.py").is_file():
        return []
    mod = importlib.import_module(module + ".rules")
    out = []
    for value in vars(mod).values():
        if isinstance(value, Rule):
            if not value.id.startswith(pack_id + ":"):
                raise _fail(pack_id, f"rule {value.id}", f"id must start with '{pack_id}:'", "rename the rule",
                            folder / "rules.py")
            # the same shape and description checks as rules in pack.toml get
            if not _RULE_ID.match(value.id):
                raise _fail(pack_id, f"rule {value.id}", f"id must look like '{pack_id}:AB001'", "rename the rule",
                            folder / "rules.py")
            if not value.description.strip():
                raise _fail(pack_id, f"rule {value.id} field description", "is missing",
                            "add a one-line description", folder / "rules.py")
            if not value.match or not value.no_match:
                raise _fail(pack_id, f"rule {value.id}", "needs match and no_match examples", "add them",
                            folder / "rules.py")
            out.append(attrs.evolve(value, pack=pack_id))
    out.sort(key=lambda r: r.id)
    return out


# ------------------------------------------------------------------ registry


@lru_cache(maxsize=1)
def installed_packs() -> Mapping[str, tuple[str, str]]:
    """``{pack id: (module, origin)}`` for every pack registered under the entry-point group."""
    found: dict[str, tuple[str, str]] = {}
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        origin = f"{dist.name} {dist.version}" if dist is not None else "entry point"
        found.setdefault(ep.name, (ep.value.split(":")[0], origin))
    # a source checkout that was never installed still has its built-in packs
    builtin = Path(__file__).resolve().parent.parent / "packs"
    for toml in sorted(builtin.glob("*/pack.toml")):
        found.setdefault(_declared_id(toml), (f"articleparse.packs.{toml.parent.name}", "articleparse (built in)"))
    return found


def _declared_id(toml_path: Path) -> str:
    """The id a pack.toml declares (its folder's name when it cannot be read)."""
    try:
        return str(tomllib.loads(toml_path.read_text(encoding="utf-8"))["pack"]["id"])
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return toml_path.parent.name


@lru_cache(maxsize=None)
def load_pack(pack_id: str) -> Pack:
    """The installed pack ``pack_id``; :class:`PackNotFoundError` lists the installed ids if absent."""
    packs = installed_packs()
    if pack_id not in packs:
        raise PackNotFoundError(pack_id, list(packs))
    module, origin = packs[pack_id]
    mod = importlib.import_module(module)
    folder = Path(mod.__file__).resolve().parent if getattr(mod, "__file__", None) else Path(next(iter(mod.__path__)))
    pack = load_pack_folder(folder, origin=origin, module=module)
    if pack.id != pack_id:
        raise PackError(f"pack registered as {pack_id!r} says its id is {pack.id!r} in {folder / 'pack.toml'}; "
                        "make the entry-point name and the id agree")
    return pack


def load_installed(ids: Iterable[str] | None = None) -> list[Pack]:
    """Load ``ids`` (all installed packs when None); broken packs are skipped with a warning when not asked for."""
    if ids is not None:
        return [load_pack(i) for i in ids]
    out = []
    for pack_id in installed_packs():
        try:
            out.append(load_pack(pack_id))
        except Exception as exc:  # one broken third-party pack must not stop parsing
            warnings.warn(f"articleparse: skipping broken rule pack {pack_id!r}: {exc}", RuntimeWarning,
                          stacklevel=2)
    return out
