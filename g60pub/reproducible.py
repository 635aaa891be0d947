"""The one clock a reproducible build may read: ``SOURCE_DATE_EPOCH``.

https://reproducible-builds.org/specs/source-date-epoch/ — a decimal count
of seconds since 1970-01-01 UTC. Any other value is ignored, as the
specification asks, rather than failing the build.
"""

from __future__ import annotations

import datetime as dt
import os


def source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as an aware UTC datetime, or None when unset or malformed."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), dt.UTC)
