"""The cyclic collector is paused while a page is parsed and left as it was found."""

from __future__ import annotations

import gc
import threading

import pytest

import articleparse
from articleparse import engine as engine_module
from articleparse._gcpause import paused_gc

PAGE = "Bridge to close\n\nThe council voted on Tuesday to close the old bridge for repairs.\n"


@pytest.fixture
def gc_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _recording(monkeypatch):
    """Record gc.isenabled() inside every run of the engine's stages."""
    seen: list[bool] = []
    stages = engine_module.Engine._stages

    def spy(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return stages(self, *args, **kwargs)

    monkeypatch.setattr(engine_module.Engine, "_stages", spy)
    return seen


def test_parse_pauses_the_collector_and_turns_it_back_on(gc_on, monkeypatch):
    seen = _recording(monkeypatch)
    article = articleparse.Engine().parse(PAGE)
    assert article.headline == "Bridge to close"
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(gc_on, monkeypatch):
    seen = _recording(monkeypatch)
    gc.disable()
    articleparse.Engine().parse(PAGE)
    assert seen == [False]
    assert not gc.isenabled()


def test_pause_gc_false_leaves_the_collector_alone(gc_on, monkeypatch):
    seen = _recording(monkeypatch)
    articleparse.Engine(pause_gc=False).parse(PAGE)
    assert seen == [True]
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error(gc_on, monkeypatch):
    def boom(self, *args, **kwargs):
        raise RuntimeError("stage failed")

    monkeypatch.setattr(engine_module.Engine, "_stages", boom)
    with pytest.raises(RuntimeError, match="stage failed"):
        articleparse.Engine().parse(PAGE)
    assert gc.isenabled()


def test_nested_pauses_restore_only_at_the_outermost(gc_on):
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_parses_in_threads_leave_the_collector_on(gc_on):
    engine = articleparse.Engine()
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def work():
        try:
            start.wait()
            for _ in range(25):
                assert engine.parse(PAGE).headline == "Bridge to close"
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert gc.isenabled()


def test_a_parse_leaves_no_cycles_behind(gc_on):
    """Reference counting frees everything a parse drops, so pausing the collector holds no memory back."""
    engine = articleparse.Engine()
    engine.parse(PAGE)
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            engine.parse(PAGE + "Second paragraph of the same story, with more words in it.\n")
        assert gc.collect() == 0
    finally:
        gc.enable()
