"""Small PDFs made on the fly for front-end tests (no files of ours are checked in)."""

from __future__ import annotations

import hashlib
import struct

_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def blank_pdf() -> bytes:
    """A valid one-page PDF without text."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def encrypted_pdf(user_password: bytes = b"secret", owner_password: bytes = b"owner") -> bytes:
    """A one-page PDF under the standard security handler (RC4, 40-bit) that needs a user password."""
    file_id = hashlib.md5(b"xxgk-test").digest()
    permissions = -4
    owner_key = hashlib.md5((owner_password + _PAD)[:32]).digest()[:5]
    o_value = _rc4(owner_key, (user_password + _PAD)[:32])
    key = hashlib.md5((user_password + _PAD)[:32] + o_value + struct.pack("<i", permissions) + file_id).digest()[:5]
    u_value = _rc4(key, _PAD)
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
        o_value.hex().encode(),
        u_value.hex().encode(),
        permissions,
    )
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            encrypt,
        ],
        trailer_extra=b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode()),
    )


def ruled_table_pdf(origin_y: float = 0.0) -> bytes:
    """A page with a title, a ruled 3×3 table with merged cells, and a closing line; ASCII text.

    Grid (x 100–400 by 100, rows 20 pt high): row 1 is one cell spanning the three columns ("HEAD"); "AB"
    spans rows 2–3 of column 1; "3" spans columns 2–3 of row 3. The media box may start above the origin.
    """
    top = origin_y + 742  # the table's top edge in PDF coordinates (y grows upwards)
    ys = [top - 20 * i for i in range(4)]
    xs = [100, 200, 300, 400]
    ops = [b"0.5 w"]
    ops += [b"%d %.1f m %d %.1f l S" % (xs[0], y, xs[-1], y) for y in (ys[0], ys[1], ys[3])]
    ops.append(b"%d %.1f m %d %.1f l S" % (xs[1], ys[2], xs[-1], ys[2]))  # no ruling under "AB"
    ops += [b"%d %.1f m %d %.1f l S" % (x, ys[0], x, ys[3]) for x in (xs[0], xs[-1])]
    ops.append(b"%d %.1f m %d %.1f l S" % (xs[1], ys[1], xs[1], ys[3]))
    ops.append(b"%d %.1f m %d %.1f l S" % (xs[2], ys[1], xs[2], ys[2]))  # "3" spans columns 2-3

    def text(x: float, y: float, word: bytes) -> bytes:
        return b"BT /F1 10 Tf %.1f %.1f Td (%s) Tj ET" % (x, y, word)

    ops += [
        text(100, top + 30, b"Title"),
        text(220, ys[0] - 14, b"HEAD"),
        text(120, ys[1] - 24, b"AB"),
        text(220, ys[1] - 14, b"1"),
        text(320, ys[1] - 14, b"2"),
        text(270, ys[2] - 14, b"3"),
        text(100, ys[3] - 40, b"End"),
    ]
    content = b"\n".join(ops)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 %d 595 %d] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>" % (origin_y, origin_y + 842),
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )
