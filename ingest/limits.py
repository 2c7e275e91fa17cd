"""How big an upload may be: one number for the page, the CLI and the server's own limit."""

from __future__ import annotations

from ingest.model import IngestError

# Keep equal to server.maxUploadSize in .streamlit/config.toml (tests/hostile checks it):
# a year of weekly KPIs for 5,000 people is about 60 MB of CSV.
MAX_UPLOAD_MB = 200


def size_text(n_bytes: float) -> str:
    """``1.5 MB``, ``12 KB``: how a manager reads a file size."""
    if n_bytes >= 2**20:
        return f"{n_bytes / 2**20:.1f} MB".replace(".0 MB", " MB")
    return f"{max(n_bytes / 2**10, 0.1):.1f} KB".replace(".0 KB", " KB")


def check_size(raw: bytes) -> None:
    """Refuse a file over ``MAX_UPLOAD_MB`` with a sentence, before reading any of it.

    Raises:
        IngestError("too_big"): with the file's size and the limit.
    """
    if len(raw) > MAX_UPLOAD_MB * 2**20:
        raise too_big(len(raw))


def too_big(n_bytes: int) -> IngestError:
    """The error for a file of ``n_bytes`` over the limit."""
    return IngestError("too_big", size=size_text(n_bytes), limit=size_text(MAX_UPLOAD_MB * 2**20))
