"""Turning a file's bytes into text: encodings detected, never silently guessed wrong.

Accepted: UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1256 (the
legacy Arabic code page). Windows-1256 is only accepted when the decoded text is
mostly Arabic letters; anything else is reported as undecodable.
"""

from __future__ import annotations

import codecs

from hadath.errors import InputError
from hadath.text.normalize import arabic_ratio

# Below this share of Arabic letters a Windows-1256 reading is not believed.
CP1256_MIN_ARABIC = 0.6
# Share of valid non-ASCII UTF-8 characters above which bad bytes mean damaged UTF-8.
UTF8_MAJORITY = 0.5
# Control characters (other than tab/newline/CR/FF) allowed before a text is called binary.
MAX_CONTROL_SHARE = 0.01


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    return bad / len(text)


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` naming ``source`` otherwise."""
    if not data.strip():
        raise InputError(source, "empty file")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), source), encoding
            except UnicodeDecodeError as exc:
                problem = f"invalid {encoding} after its BOM at byte {exc.start}"
                raise InputError(source, problem) from None
    if b"\x00" in data:
        raise InputError(source, "binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    if _mostly_utf8(data):
        raise InputError(
            source, f"undecodable bytes: invalid UTF-8 at byte {utf8_error} (the rest is UTF-8)"
        )
    text = data.decode("cp1256", errors="replace")
    if "\ufffd" not in text and arabic_ratio(text) >= CP1256_MIN_ARABIC:
        return _checked(text, source), "cp1256"
    raise InputError(
        source,
        f"undecodable bytes: not UTF-8 (bad byte at offset {utf8_error}), UTF-16 with BOM, "
        "or Windows-1256 Arabic",
    )


def _mostly_utf8(data: bytes) -> bool:
    """Whether most non-ASCII characters form valid UTF-8: damaged UTF-8, not a legacy code page.

    Windows-1256 Arabic read as UTF-8 is almost all invalid sequences; UTF-8 with a few
    bad bytes is almost all valid ones. Decoding it as Windows-1256 would give mojibake.
    """
    decoded = data.decode("utf-8", errors="replace")
    non_ascii = sum(1 for c in decoded if ord(c) > 127)
    bad = decoded.count("\ufffd")
    return non_ascii > 0 and (non_ascii - bad) >= UTF8_MAJORITY * non_ascii


def _checked(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(source, "empty file")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(source, "binary file (control characters), not text")
    return text
