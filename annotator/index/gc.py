"""The cyclic garbage collector, paused while the index is built or rendered.

Building and rendering make millions of small objects and no garbage
cycles; each automatic collection would re-scan every live row, which cost
a quarter of the build time at 500,000 annotations.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
