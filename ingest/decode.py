"""Turn uploaded bytes into text: BOM first, then strict UTF-8, then strict GB18030."""

from __future__ import annotations

from ingest.limits import check_size
from ingest.model import IngestError

# Checked longest-first is unnecessary here: no BOM below is a prefix of another we accept.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)

# GB18030 is a superset of GBK and GB2312, so one attempt covers every Chinese Windows export.
_FALLBACKS: tuple[str, ...] = ("utf-8", "gb18030")


def _normalise_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac exports) become LF so line counting is uniform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_with_bom(raw: bytes) -> tuple[str, str] | None:
    """Decode by byte-order mark; None when there is no BOM we know."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), label
            except UnicodeDecodeError as exc:
                raise IngestError("unreadable_encoding") from exc
    return None


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for an uploaded text file, line endings normalised to LF.

    Raises ``IngestError("empty_file")`` when there is nothing but whitespace and
    ``IngestError("unreadable_encoding")`` when no supported encoding decodes it strictly.
    """
    check_size(raw)
    if not raw.strip():
        raise IngestError("empty_file")
    decoded = _decode_with_bom(raw)
    if decoded is None:
        for codec in _FALLBACKS:
            try:
                decoded = raw.decode(codec), codec
                break
            except UnicodeDecodeError:
                continue
    if decoded is None:
        raise IngestError("unreadable_encoding")
    text, encoding = decoded
    # A NUL means binary data that happened to decode (e.g. a zip or an image).
    if "\x00" in text:
        raise IngestError("unreadable_encoding")
    text = _normalise_newlines(text)
    if not text.strip():
        raise IngestError("empty_file")
    return text, encoding
