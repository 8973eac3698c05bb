"""Third-party packs are real: a pack from another distribution is found, loaded, used and checked.

The pack is ``fixtures/thirdparty/`` (``site.thirdparty.test``, a separate distribution with
its own ``pyproject.toml``). It is "installed" without touching this environment: the tests
put a folder on ``sys.path`` that holds the package and a ``*.dist-info`` folder with the
``entry_points.txt`` that its ``pyproject.toml`` declares. That is exactly what
``importlib.metadata`` reads to find entry points, so discovery goes through the real
mechanism, with no network, no pip and nothing to uninstall; undoing it is removing the path
and clearing the loader's caches. One more test builds and installs the fixture with pip
(``--target`` a temporary folder, so the environment is still untouched) to prove its
``pyproject.toml`` registers the entry point and ships ``pack.toml`` and the golden.
"""

from __future__ import annotations

import contextlib
import importlib
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from articleparse import Engine, Label, PackError, PackNotFoundError
from articleparse import engine as engine_module
from articleparse.rules.loader import ENTRY_POINT_GROUP, installed_packs, load_installed, load_pack
from articleparse.testing import check_pack

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "thirdparty"
PACK_ID = "site.thirdparty.test"
PACKAGE = "articleparse_thirdparty_test"
PAGE = (FIXTURE / PACKAGE / "fixtures" / "page.txt").read_text(encoding="utf-8")
URL = "https://www.thirdparty.test/2024/lighthouse-keeper-retires"
INDEX_LINE = 1  # "Hop to the gazette index": only the third-party pack calls it navigation
BROKEN_ID = "site.broken.test"
BROKEN_PACKAGE = "articleparse_broken_test"


def _clear_caches() -> None:
    installed_packs.cache_clear()
    load_pack.cache_clear()
    importlib.invalidate_caches()


def _dist_info(site: Path, dist: str, version: str, entry_points: dict[str, str]) -> None:
    """Write the ``*.dist-info`` folder an installer would write: all importlib.metadata needs."""
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    lines = [f"[{ENTRY_POINT_GROUP}]"] + [f"{name} = {value}" for name, value in entry_points.items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@contextlib.contextmanager
def _on_path(site: Path) -> Iterator[Path]:
    """``site`` on sys.path with fresh loader caches and shared engines; everything undone afterwards."""
    # the shared engines of parse() and check_pack would otherwise keep the pack after the test
    saved = engine_module._default, dict(engine_module._engines)
    engine_module._default = None
    engine_module._engines.clear()
    sys.path.insert(0, str(site))
    _clear_caches()
    try:
        yield site
    finally:
        sys.path.remove(str(site))
        for name in [m for m in sys.modules if m.split(".")[0] in (PACKAGE, BROKEN_PACKAGE)]:
            del sys.modules[name]
        engine_module._default = saved[0]
        engine_module._engines.clear()
        engine_module._engines.update(saved[1])
        _clear_caches()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    """The fixture pack installed as its pyproject.toml declares."""
    project = tomllib.loads((FIXTURE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    root = tmp_path / "site-packages"
    shutil.copytree(FIXTURE / PACKAGE, root / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    _dist_info(root, project["name"], project["version"], project["entry-points"][ENTRY_POINT_GROUP])
    with _on_path(root):
        yield root


@pytest.fixture
def broken(site: Path) -> str:
    """A broken third-party pack installed beside the good one: its only rule has no no_match example."""
    package = site / BROKEN_PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "pack.toml").write_text(
        f'[pack]\nid = "{BROKEN_ID}"\nkind = "site"\ndomains = ["broken.test"]\n\n'
        f'[[rules]]\nid = "{BROKEN_ID}:NV001"\ndescription = "Menu"\nlabel = "navigation"\n'
        'phrases = ["menu"]\nmatch = ["Menu"]\n', encoding="utf-8")
    _dist_info(site, "articleparse-broken-test", "1.0", {BROKEN_ID: BROKEN_PACKAGE})
    _clear_caches()
    return BROKEN_ID


def test_it_is_discovered(site: Path) -> None:
    packs = installed_packs()
    assert packs[PACK_ID] == (PACKAGE, "articleparse-thirdparty-test 0.1.0")
    pack = load_pack(PACK_ID)
    assert pack.kind == "site" and pack.domains == ("thirdparty.test",)
    assert pack.path == site / PACKAGE
    # the data rule from pack.toml and the code rule from rules.py
    assert [r.id for r in pack.rules] == [f"{PACK_ID}:NV001", f"{PACK_ID}:NV002"]
    assert [r.kind for r in pack.rules] == ["phrases", "code"]


def test_it_is_used(site: Path) -> None:
    engine = Engine(packs=["core", "en", PACK_ID])
    line = engine.parse(PAGE, url=URL).lines[INDEX_LINE]
    assert line.label is Label.NAVIGATION
    assert f"{PACK_ID}:NV001" in line.rules
    # the masthead line is the code rule's
    assert f"{PACK_ID}:NV002" in engine.parse(PAGE, url=URL).lines[0].rules
    # a page of another site does not get the pack's rules, and without the pack the line is not navigation
    assert f"{PACK_ID}:NV001" not in engine.parse(PAGE, url="https://example.org/a").lines[INDEX_LINE].rules
    assert Engine(packs=["core", "en"]).parse(PAGE, url=URL).lines[INDEX_LINE].label is not Label.NAVIGATION


def test_its_own_checks_pass_installed(site: Path) -> None:
    """check_pack by id finds the installed copy, its goldens included."""
    assert check_pack(PACK_ID) == []


def test_a_broken_pack_is_skipped_with_a_warning(site: Path, broken: str) -> None:
    with pytest.warns(RuntimeWarning, match=rf"skipping broken rule pack '{BROKEN_ID}'.*no_match"):
        loaded = load_installed()
    ids = [p.id for p in loaded]
    assert PACK_ID in ids and BROKEN_ID not in ids and "core" in ids
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        engine = Engine()  # every installed pack: the broken one does not stop parsing
    assert engine.parse(PAGE, url=URL).lines[INDEX_LINE].label is Label.NAVIGATION


def test_a_broken_pack_asked_for_by_name_raises(site: Path, broken: str) -> None:
    with pytest.raises(PackError, match=rf"{BROKEN_ID}.*no_match"):
        Engine(packs=["core", BROKEN_ID])


def test_a_missing_pack_raises_listing_the_installed_ones(site: Path, broken: str) -> None:
    with pytest.raises(PackNotFoundError) as caught:
        Engine(packs=["core", "site.nope.test"])
    message = str(caught.value)
    assert "'site.nope.test'" in message
    assert PACK_ID in message and BROKEN_ID in message and "core" in message
    assert PACK_ID in caught.value.available


def test_it_is_gone_after_the_test() -> None:
    """The fixture above cleans up: this runs after it in file order."""
    assert PACK_ID not in installed_packs()
    assert not any(PACKAGE in p for p in sys.path)


def _pip_install_target(project: Path, target: Path) -> None:
    """``pip install --no-deps --target TARGET PROJECT``; skip when the build backend cannot be fetched."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--disable-pip-version-check",
         "--target", str(target), str(project)],
        capture_output=True, text=True, timeout=600,
    )
    if done.returncode != 0:
        output = done.stdout + done.stderr
        offline = ("Could not find a version that satisfies", "Failed to establish a new connection",
                   "Temporary failure in name resolution", "No matching distribution found")
        if any(s in output for s in offline):
            pytest.skip(f"pip cannot fetch the build backend (setuptools) for {project}: offline?")
        pytest.fail(f"pip install of {project} failed:\n{output}")


def test_pip_installs_it(tmp_path: Path) -> None:
    """A real build of fixtures/thirdparty: the wheel registers the entry point and ships the data."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    target = tmp_path / "target"
    _pip_install_target(project, target)
    assert (target / PACKAGE / "pack.toml").is_file()
    assert (target / PACKAGE / "fixtures" / "page.json").is_file()
    with _on_path(target):
        assert installed_packs()[PACK_ID] == (PACKAGE, "articleparse-thirdparty-test 0.1.0")
        assert check_pack(PACK_ID) == []
