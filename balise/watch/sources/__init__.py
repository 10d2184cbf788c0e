"""Source adapters, registered by kind (see base.py). Import order is the menu order."""

from balise.watch.sources import bluesky, feed, mastodon, page, reddit  # noqa: F401
from balise.watch.sources.base import ADAPTERS, Adapter, FetchResult, Item, SourceSpec, adapter_for

__all__ = ["ADAPTERS", "Adapter", "FetchResult", "Item", "SourceSpec", "adapter_for"]
