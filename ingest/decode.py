"""Turn uploaded bytes into text: BOM first, then strict UTF-8, then strict GB18030."""

from __future__ import annotations

import re

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


# A line holding bytes its file's encoding cannot read (decoded with surrogateescape) or a NUL.
_UNREADABLE = re.compile("[\udc80-\udcff\x00]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
_MAX_UNREADABLE = 0.1  # more unreadable lines than this share: the file is not in this encoding


def _loose(raw: bytes, codec: str, *, evidence: bool) -> tuple[str, str, list[int]] | None:
    """The text in ``codec`` with its few unreadable lines blanked, and their line numbers.

    None when too many lines are unreadable, or (``evidence``) when no readable line shows the
    encoding at work (only ASCII): then some other encoding reads the file better.
    """
    bom = raw.startswith(_BOMS[0][0]) and codec == "utf-8"
    text = _normalise_newlines(raw[3 if bom else 0:].decode(codec, errors="surrogateescape"))
    lines = text.split("\n")
    bad = [i for i, line in enumerate(lines) if _UNREADABLE.search(line)]
    filled = sum(1 for line in lines if line.strip())
    # A header and a row must be readable, and the unreadable lines must be a few.
    if not bad or len(bad) > max(1, _MAX_UNREADABLE * filled) or filled - len(bad) < 2:
        return None
    for i in bad:
        lines[i] = ""
    text = "\n".join(lines)
    if (evidence and not _NON_ASCII.search(text)) or not text.strip():
        return None
    return text, "utf-8-sig" if bom else codec, [i + 1 for i in bad]


def decode_lines(raw: bytes) -> tuple[str, str, list[int]]:
    """Like ``decode_bytes``, but a few lines no encoding of the rest reads (a GBK line in a
    UTF-8 file, a NUL byte) come back blank, with their file line numbers, for the caller to
    report as bad lines instead of refusing the whole file."""
    try:
        text, encoding = decode_bytes(raw)
    except IngestError as exc:
        if exc.code != "unreadable_encoding" or raw.startswith(tuple(b for b, _, e in _BOMS
                                                                     if e == "utf-16")):
            raise
        found = (_loose(raw, "utf-8", evidence=True)
                 or _loose(raw, "gb18030", evidence=False))
        if found is None:
            raise
        return found
    # GB18030 reads almost any bytes: a UTF-8 file with one GBK line must not become gibberish.
    if encoding == "gb18030" and (found := _loose(raw, "utf-8", evidence=True)) is not None:
        return found
    return text, encoding, []
