"""Proactive disclosure: catalogue, columns, publishing workflow, timeliness monitor."""

from typing import Any


def __getattr__(name: str) -> Any:
    # `from web.catalogue import items_matching` without importing models at app-loading time.
    if name == "items_matching":
        from web.catalogue.search import items_matching

        return items_matching
    raise AttributeError(name)
