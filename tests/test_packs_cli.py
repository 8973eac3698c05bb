"""``articleparse packs list | check | new`` (articleparse.packs_cli) and the checks behind them."""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

import articleparse
from articleparse import engine as engine_module
from articleparse.packs_cli import check_pack_path, find_pack_folders, list_packs, new_pack, package_name
from articleparse.rules.loader import ENTRY_POINT_GROUP, installed_packs, load_pack
from articleparse.testing import (
    check_pack,
    check_pack_report,
    load_pack_path,
    pattern_findings,
    pattern_risks,
    probe_pattern,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKS = ROOT / "src" / "articleparse" / "packs"


def run(fn, *args, **kwargs) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = fn(*args, out, err, **kwargs)
    return status, out.getvalue(), err.getvalue()


def register(site: Path, dist: str, entry_points: dict[str, str]) -> None:
    """Register the packs in ``site`` as an installer would: a dist-info folder with entry_points.txt."""
    info = site / f"{dist.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\n" + "".join(f"{k} = {v}\n" for k, v in entry_points.items()), encoding="utf-8")


@contextlib.contextmanager
def installed(site: Path, packages: tuple[str, ...]) -> Iterator[None]:
    """``site`` (holding ``packages`` and their dist-info) on sys.path with fresh caches; undone afterwards."""
    saved = engine_module._default, dict(engine_module._engines)
    engine_module._default = None
    engine_module._engines.clear()
    sys.path.insert(0, str(site))
    installed_packs.cache_clear()
    load_pack.cache_clear()
    importlib.invalidate_caches()
    try:
        yield
    finally:
        sys.path.remove(str(site))
        for name in [m for m in sys.modules if m.split(".")[0] in packages]:
            del sys.modules[name]
        engine_module._default = saved[0]
        engine_module._engines.clear()
        engine_module._engines.update(saved[1])
        installed_packs.cache_clear()
        load_pack.cache_clear()


def write_pack(folder: Path, body: str, *, head: str = 'id = "site.bad.test"\nkind = "site"\n'
               'domains = ["bad.test"]\n', rules_py: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(f"[pack]\n{head}\n{body}", encoding="utf-8")
    if rules_py is not None:
        (folder / "rules.py").write_text(rules_py, encoding="utf-8")
    return folder


def rule(rid: str, *, pattern: str | None = None, extra: str = "", match: str = '["Menu"]',
         no_match: str = '["The council voted on Tuesday to close the old bridge."]',
         pack: str = "site.bad.test") -> str:
    """One ``[[rules]]`` table: a phrase rule for "menu", or a pattern rule."""
    kind = f"pattern = '''{pattern}'''" if pattern is not None else 'phrases = ["menu"]'
    return (f'[[rules]]\nid = "{pack}:{rid}"\ndescription = "A test rule"\nlabel = "navigation"\n'
            f"{kind}\nmatch = {match}\nno_match = {no_match}\n{extra}\n")


# ------------------------------------------------------------------ list


def test_list_shows_every_installed_pack() -> None:
    status, out, err = run(list_packs)
    assert status == 0, err
    header, *rows = out.splitlines()
    assert header.split() == ["id", "kind", "languages/domains", "rules", "version", "from"]
    by_id = {row.split()[0]: row for row in rows}
    assert set(installed_packs()) <= set(by_id)
    core = load_pack("core")
    assert by_id["core"].split()[:2] == ["core", "core"]
    assert f" {len(core.rules)} " in by_id["core"]
    assert f"articleparse {articleparse.__version__}" in by_id["en"]
    assert by_id["en"].split()[1:3] == ["language", "en"]


def test_list_shows_a_third_party_pack_and_a_broken_one(tmp_path: Path) -> None:
    good = write_pack(tmp_path / "ap_listed_good", rule("NV001", pack="site.listed.test"),
                      head='id = "site.listed.test"\nkind = "site"\nversion = "2.5.0"\ndomains = ["listed.test"]\n')
    (good / "__init__.py").write_text("", encoding="utf-8")
    bad = write_pack(tmp_path / "ap_listed_bad", rule("NV001", match="[]", pack="site.listedbad.test"),
                     head='id = "site.listedbad.test"\nkind = "site"\ndomains = ["listedbad.test"]\n')
    (bad / "__init__.py").write_text("", encoding="utf-8")
    register(tmp_path, "ap-listed", {"site.listed.test": "ap_listed_good", "site.listedbad.test": "ap_listed_bad"})
    with installed(tmp_path, ("ap_listed_good", "ap_listed_bad")):
        status, out, err = run(list_packs)
    row = next(line for line in out.splitlines() if line.startswith("site.listed.test "))
    assert row.split() == ["site.listed.test", "site", "listed.test", "1", "2.5.0", "ap-listed", "0.1.0"]
    broken = next(line for line in out.splitlines() if line.startswith("site.listedbad.test "))
    assert "BROKEN" in broken
    assert status == 1
    assert "broken: site.listedbad.test:" in err and "field match" in err


# ------------------------------------------------------------------ check


def test_check_a_built_in_pack_folder() -> None:
    status, out, err = run(check_pack_path, PACKS / "en")
    assert status == 0, out + err
    assert out.splitlines()[-1].startswith("pack 'en' (")
    assert out.splitlines()[-1].endswith(": OK")


def test_check_a_project_folder_finds_its_pack() -> None:
    project = ROOT / "fixtures" / "thirdparty"
    assert find_pack_folders(project) == [project / "articleparse_thirdparty_test"]
    status, out, err = run(check_pack_path, project)
    assert status == 0, out + err
    assert "pack 'site.thirdparty.test'" in out and "2 rules" in out and "1 golden" in out
    assert out.rstrip().endswith(": OK")


def test_check_a_path_without_a_pack(tmp_path: Path) -> None:
    status, out, err = run(check_pack_path, tmp_path / "nope")
    assert status == 2 and "no such file or folder" in err
    status, out, err = run(check_pack_path, tmp_path)
    assert status == 2 and "no pack.toml" in err and "packs new" in err


def test_check_names_pack_rule_field_and_fix(tmp_path: Path) -> None:
    body = "".join([
        rule("NV001", pattern=r"^(\w+\s?)*$", match='["Home News"]'),  # exponential: rejected by structure
        rule("NV002", pattern=r"(x+x+){1,30}y", match='["xxy"]'),  # polynomial: rejected by the probe
        rule("NV003", no_match='["MENU"]'),  # a no_match example the rule fires on
        rule("NV004", pattern="^Home", extra='when_ = 1'),  # unknown field: the loader stops here
    ])
    folder = write_pack(tmp_path / "pack", body)
    status, out, err = run(check_pack_path, folder)
    assert status == 1
    assert "rule site.bad.test:NV004: unknown field(s) when_" in out and "does not load" in out  # the loader's message
    (folder / "pack.toml").write_text((folder / "pack.toml").read_text().replace("when_ = 1", ""))
    status, out, err = run(check_pack_path, folder, timeout=0.2)
    assert status == 1
    errors = [line for line in out.splitlines() if line.startswith("error: ")]
    by_rule = {rid: next(e for e in errors if f"rule site.bad.test:{rid}" in e) for rid in ("NV001", "NV002", "NV003")}
    assert "field pattern: nested quantifier" in by_rule["NV001"] and "exponentially" in by_rule["NV001"]
    assert "possessive" in by_rule["NV001"] and str(folder / "pack.toml") in by_rule["NV001"]
    assert "backtracks catastrophically" in by_rule["NV002"] and "took over 0.2 s" in by_rule["NV002"]
    assert "fires on its no_match example 'MENU'" in by_rule["NV003"]
    assert all(e.startswith("error: pack 'site.bad.test' ") for e in errors)
    assert out.splitlines()[-1].endswith(f"{len(errors)} problems")


def test_check_lints_what_the_loader_lets_through(tmp_path: Path) -> None:
    body = rule("NV001") + rule("NV002", extra="when = { n_words = [4, 1], ends_sentence = \"no\" }").replace(
        'phrases = ["menu"]\n', "") + '[[rule]]\nid = "x"\n'
    folder = write_pack(tmp_path / "pack", body, head='id = "site.bad.test"\nkind = "site"\ndomains = ["bad.test"]\n'
                        'langauges = ["en"]\n')
    problems = check_pack(folder)
    assert any("table [rule]" in p and "use only pack, rules, params" in p for p in problems)
    assert any("field langauges" in p and "is not a [pack] field" in p for p in problems)
    assert any("when.n_words" in p and "swap them" in p for p in problems)
    assert any("when.ends_sentence" in p and "true or false" in p for p in problems)


def test_check_runs_goldens_and_updates_them(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "pack", rule("NV001"))
    (folder / "fixtures").mkdir()
    page = ("Menu\n\nBridge to close\n\n"
            "The council voted on Tuesday to close the old bridge, which has carried traffic.\n")
    (folder / "fixtures" / "page.txt").write_text(page, encoding="utf-8")
    golden = folder / "fixtures" / "page.json"
    golden.write_text(json.dumps({"input": "page.txt", "url": "https://bad.test/a",
                                  "expected": {"headline": "Wrong", "lines": ["body"] * 5}}), encoding="utf-8")
    (folder / "fixtures" / "lost.json").write_text(json.dumps({"input": "lost.txt"}), encoding="utf-8")
    status, out, err = run(check_pack_path, folder)
    assert status == 1
    assert "golden page.json field headline: expected \"Wrong\", got \"Bridge to close\"" in out
    assert "field lines: 4 labels differ (line 1 'Menu' expected body, got navigation, line 2 '' expected body" in out
    assert "--update-goldens" in out
    assert f"field input: file {folder / 'fixtures' / 'lost.txt'} cannot be read" in out
    (folder / "fixtures" / "lost.json").unlink()
    status, out, err = run(check_pack_path, folder, update_goldens=True)
    assert status == 0, out
    assert f"updated golden {golden}" in out
    # only the keys the golden pinned are rewritten
    assert set(json.loads(golden.read_text())["expected"]) == {"headline", "lines"}


def test_a_site_golden_without_url_is_flagged(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "pack", rule("NV001"))
    (folder / "fixtures").mkdir()
    (folder / "fixtures" / "page.txt").write_text("Menu\n\nSome text here.\n", encoding="utf-8")
    (folder / "fixtures" / "page.json").write_text('{"input": "page.txt", "expected": {}}', encoding="utf-8")
    assert any("field url: is missing, so the site pack is not used" in p for p in check_pack(folder))


def test_check_loads_code_rules_of_any_folder(tmp_path: Path) -> None:
    rules_py = '''
from articleparse.rules import code_rule

@code_rule(id="site.bad.test:NV010", description="Short lines", label="navigation",
           match=["Menu"], no_match=["Home"])
def short(f, ctx):
    return 1.0 if f.n_words <= 2 else 0.0
'''
    folder = write_pack(tmp_path / "pack", rule("NV001"), rules_py=rules_py)
    pack = load_pack_path(folder)
    assert [r.id for r in pack.rules] == ["site.bad.test:NV001", "site.bad.test:NV010"]
    assert check_pack(folder) == [
        f"pack 'site.bad.test' rule site.bad.test:NV010: fires on its no_match example 'Home'; fix the rule or the "
        f"example in {folder}"]
    assert not [m for m in sys.modules if m.startswith("_articleparse_checked_pack")]  # nothing left behind
    (folder / "rules.py").write_text("import no_such_module_here\n", encoding="utf-8")
    [problem] = check_pack(folder)
    assert "rules.py failed to import: ModuleNotFoundError" in problem and "fix" in problem
    (folder / "rules.py").write_text(rules_py.replace("NV010", "navigation10"), encoding="utf-8")
    [problem] = check_pack(folder)
    assert "id must look like 'site.bad.test:AB001'" in problem


@pytest.mark.parametrize("source", [r"(a+)+$", r"(\w*)*$", r"^(\s*a\s*)*$", r"(x+x+)+y", r"^(?:\w+\s?)+$",
                                    r"(?i)^(?:[a-z]+\s?)+$", r"(?:\w|\d|ab)+$"])
def test_exponential_patterns_are_found_by_structure(source: str) -> None:
    risks = pattern_risks(source)
    assert any(r.unbounded for r in risks), risks


@pytest.mark.parametrize("source", [
    r"^By\s+(\p{Lu}\w*)(?:\s+\p{Lu}\w*){0,3}$",  # rounds start with a space the inner part cannot take
    r"^(?:\w+,\s*)+\w+$",
    r"^(?>\w+\s?)+$",  # atomic: never gives characters back
    r"^(?:\w++\s?)+$",  # possessive
    r"(?i)^(?:share|facebook|twitter)(?:\s*[|,]\s*(?:share|facebook|twitter))+$",
    r"(?:\s*\d*\s*x){2,}",  # nothing after the loop can fail: only its first two rounds are retried
])
def test_safe_patterns_are_not_flagged(source: str) -> None:
    assert not [r for r in pattern_risks(source) if r.unbounded]


def test_the_probe_times_polynomial_patterns_out() -> None:
    assert probe_pattern(r"(x+x+){1,30}y", timeout=0.2) is not None
    assert probe_pattern(r"^(?:\s*\S+\s*){2,40}!$", timeout=0.2) is not None
    assert probe_pattern(r"^Home\s*[›»>]\s*\S", timeout=0.2) is None
    # a pattern too slow on long lines is fine on the short ones max_chars lets through
    assert probe_pattern(r"^(\w+\s?){1,3}$", timeout=0.2) is not None
    assert probe_pattern(r"^(\w+\s?){1,3}$", max_chars=40, timeout=0.2) is None


def test_a_bounded_nested_quantifier_that_searches_fast_is_a_warning() -> None:
    problems, warnings = pattern_findings(load_pack("en"), "rule en:XX001 field pattern",
                                          regex.compile(r"^(.*a){3}$"), max_chars=80)
    assert problems == [] and "keep max_chars small" in warnings[0]


def test_built_in_packs_pass_their_checks() -> None:
    failing = {}
    for pack_id in installed_packs():
        report = check_pack_report(pack_id)
        if report.problems:
            failing[pack_id] = report.problems
    assert not failing, failing


# ------------------------------------------------------------------ new


def test_package_name() -> None:
    assert package_name("site.example.org") == "articleparse_site_example_org"
    assert package_name("xx") == "articleparse_xx"
    assert package_name("site.my-news.co.uk") == "articleparse_site_my_news_co_uk"
    assert package_name("site.my-news.co.uk").isidentifier()


def test_new_site_pack_passes_its_checks(tmp_path: Path) -> None:
    root = tmp_path / "site.example.org"
    status, out, err = run(new_pack, "site.example.org", root)
    assert status == 0, out + err
    package = root / "articleparse_site_example_org"
    for name in ("pyproject.toml", "README.md", ".gitignore", "tests/test_pack.py"):
        assert (root / name).is_file(), name
    for name in ("__init__.py", "pack.toml", "fixtures/sample.txt", "fixtures/sample.json"):
        assert (package / name).is_file(), name
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = project["project"]["entry-points"][ENTRY_POINT_GROUP]
    assert entry_points == {"site.example.org": "articleparse_site_example_org"}
    assert project["project"]["name"] == "articleparse-site-example-org"
    head = tomllib.loads((package / "pack.toml").read_text(encoding="utf-8"))["pack"]
    assert head["kind"] == "site" and head["domains"] == ["example.org"] and head["id"] == "site.example.org"
    assert "pack 'site.example.org'" in out and ": OK" in out
    # the golden was made by parsing the sample with the new pack: its rule labels the appeal an ad
    golden = json.loads((package / "fixtures" / "sample.json").read_text(encoding="utf-8"))
    sample = (package / "fixtures" / "sample.txt").read_text(encoding="utf-8").split("\n")
    appeal = next(i for i, line in enumerate(sample) if line.startswith("Support independent journalism"))
    assert golden["expected"]["lines"][appeal] == "ad"
    assert golden["url"] == "https://example.org/news/harbour-bridge"
    status, out, err = run(check_pack_path, root)
    assert status == 0, out + err


def test_new_language_pack(tmp_path: Path) -> None:
    status, out, err = run(new_pack, "xx", tmp_path / "xx")
    assert status == 0, out + err
    head = tomllib.loads((tmp_path / "xx" / "articleparse_xx" / "pack.toml").read_text(encoding="utf-8"))["pack"]
    assert head["kind"] == "language" and head["languages"] == ["xx"]
    assert check_pack(tmp_path / "xx" / "articleparse_xx") == []


def test_new_defaults_to_a_folder_named_after_the_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(new_pack, "site.default.test", None)
    assert status == 0, out + err
    assert (tmp_path / "site.default.test" / "articleparse_site_default_test" / "pack.toml").is_file()


@pytest.mark.parametrize("name, message", [
    ("Site.Example.org", "is not a pack id"),
    ("site.localhost", "is not a domain"),
    ("en", "already installed"),
    ("core", "already installed"),
    ("site", "is not a pack id"),
])
def test_new_refuses_bad_names(tmp_path: Path, name: str, message: str) -> None:
    status, out, err = run(new_pack, name, tmp_path / "p")
    assert status == 2 and message in err
    assert not (tmp_path / "p").exists()


def test_new_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "keep.txt").write_text("mine", encoding="utf-8")
    status, out, err = run(new_pack, "site.example.org", tmp_path / "p")
    assert status == 2 and "not an empty folder" in err and "--dir" in err


def test_new_pack_installs_lists_and_tests(tmp_path: Path) -> None:
    """A real `pip install` of the new project (into a folder), then `packs list` and its own pytest suite."""
    root = tmp_path / "site.example.org"
    assert run(new_pack, "site.example.org", root)[0] == 0
    target = tmp_path / "target"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                           "--disable-pip-version-check", "--target", str(target), str(root)],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        if "Could not find a version that satisfies" in done.stderr or "connection" in done.stderr.lower():
            pytest.skip("pip cannot fetch the build backend (setuptools): offline?")
        pytest.fail(done.stdout + done.stderr)
    assert (target / "articleparse_site_example_org" / "fixtures" / "sample.json").is_file()
    with installed(target, ("articleparse_site_example_org",)):  # pip wrote the dist-info
        status, out, err = run(list_packs)
        assert check_pack("site.example.org") == []
    row = next(line for line in out.splitlines() if line.startswith("site.example.org "))
    assert row.split() == ["site.example.org", "site", "example.org", "1", "0.1.0",
                           "articleparse-site-example-org", "0.1.0"]
    # the project's own tests, as its author runs them, against the installed copy
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(target), os.environ.get("PYTHONPATH", "")]))
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(root / "tests")],
                           capture_output=True, text=True, cwd=root, env=env, timeout=600)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "2 passed" in tests.stdout


# ------------------------------------------------------------------ the command line


def test_cli_packs_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from articleparse.cli import main

    assert main(["packs", "list"]) == 0
    assert capsys.readouterr().out.startswith("id ")
    assert main(["packs", "check", str(PACKS / "en")]) == 0
    assert capsys.readouterr().out.rstrip().endswith(": OK")
    assert main(["packs", "new", "site.cli.test", "--dir", str(tmp_path / "p")]) == 0
    assert "created" in capsys.readouterr().out
    assert main(["packs", "check", str(tmp_path / "p"), "--update-goldens", "--timeout", "1"]) == 0
    assert main(["packs", "check", str(tmp_path / "missing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["packs"]) == 2  # an action is required


def test_check_rejects_a_bad_headline_ranker_table(tmp_path: Path) -> None:
    body = ('[params.headline_rank]\nheadline = [3.0, 1.5, 0.2]\nwordcount = [1.0, 1.0, 0.5]\n\n' + rule("NV001"))
    folder = write_pack(tmp_path / "pack", body)
    status, out, err = run(check_pack_path, folder)
    assert status == 1
    line = next(e for e in out.splitlines() if "params.headline_rank" in e)
    assert "wordcount is not a fact the headline ranker computes" in line and "use one of" in line
    (folder / "pack.toml").write_text((folder / "pack.toml").read_text().replace(
        "wordcount = [1.0, 1.0, 0.5]", "nw = [1.0, 0.0, 0.5]"))
    status, out, err = run(check_pack_path, folder)
    assert status == 1 and "scale above 0" in out
