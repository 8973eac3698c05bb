"""The examples in docs/api.md run as written: the reference stays true to the code."""

from __future__ import annotations

import doctest
from pathlib import Path

API = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def test_api_reference_examples_run_as_written(monkeypatch):
    monkeypatch.chdir(API.parents[1])  # the examples open seeds/ from the project's top folder
    result = doctest.testfile(str(API), module_relative=False, report=True,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 50
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in docs/api.md failed (see the output above)"
