"""g60pub: publish Chinese policy and news articles as bilingual Chinese/English editions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from g60pub.model import Article


def normalize(data: bytes | str, *, url: str | None = None, path: str | None = None) -> Article:
    """Turn the bytes (or text) of an article page into a clean :class:`Article`.

    ``path`` only names the page in a :class:`~g60pub.errors.SourceError`.
    """
    from g60pub.normalize import normalize as _normalize

    return _normalize(data, url=url, path=path)


def __getattr__(name: str) -> Any:
    if name in {"Article", "Block", "Pair", "Publication"}:
        from g60pub import model

        return getattr(model, name)
    raise AttributeError(name)


__all__ = ["__version__", "normalize"]
