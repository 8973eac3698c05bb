"""Pause Python's cyclic garbage collector while a page is parsed.

Parsing a page allocates tens of thousands of container objects (units, features,
vote rows, tuples) that all stay alive until the page is assembled. CPython starts a
young-generation collection every 700 such allocations and an older one every ten of
those; each traverses the page's objects, which are all alive, so it frees nothing.
On a typical dump that is about a tenth of the parse time, and on one large dump the
older collections grow with the heap, so the time per megabyte rises with the size
(1.4× at 100 copies of a page). Reference counting still frees everything the parser
drops; only the search for reference cycles waits until the parse ends.

The pause is process-wide (so is the collector) and nests: the first parse to enter
notes whether the collector was on and turns it off, the last one to leave turns it
back on only if it was on, so concurrent parses in threads, and a caller that runs
with the collector off, end with the collector as they found it. Code that calls
``gc.enable()`` or ``gc.disable()`` itself while a parse runs in another thread gets
the state the parse restores at its end.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the body with the cyclic collector off, restoring its state when the outermost pause ends."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
