"""Errors raised by articleparse. Each says what was wrong and what to do."""

from __future__ import annotations

__all__ = ["ArticleparseError", "PackError", "PackNotFoundError"]


class ArticleparseError(Exception):
    """Base class of every error articleparse raises on purpose."""


class PackError(ArticleparseError):
    """A rule pack is malformed: the message names the pack, the rule, the field and the fix."""


class PackNotFoundError(ArticleparseError, LookupError):
    """A pack was asked for by id but is not installed; the message lists the ids that are."""

    def __init__(self, pack_id: str, available: list[str] | tuple[str, ...]):
        self.pack_id = pack_id
        self.available = tuple(sorted(available))
        super().__init__(
            f"no rule pack {pack_id!r} is installed; installed packs: "
            f"{', '.join(self.available) or '(none)'}"
        )
