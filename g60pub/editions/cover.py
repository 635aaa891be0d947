"""A book's cover: a PNG drawn at build time, with the title in the edition's script.

Reading systems show the manifest's ``cover-image`` in their library grid,
so every book gets one. It is drawn with Pillow from a font on this machine
(no network fonts): ``cover_font`` in the configuration, else the first of
:data:`FONT_FILES` that exists (Noto Serif/Sans CJK as Debian's
``fonts-noto-cjk`` installs them, then the fonts macOS and Windows ship).
Within a font collection the face of the edition's region is chosen (SC for
Simplified, TC for Taiwan, HK for Hong Kong). Without any such font the cover
is the same design without text, so a build never fails for want of a font.

The PNG carries no timestamp: the same title and font on the same machine
give the same bytes. Another FreeType or font version may draw different
pixels, which is why the cover is said to depend on the installed fonts.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1600, 2400)  # 2:3, the ratio most stores ask for
MARGIN = 160
INK = (250, 248, 240)
# One colour per script, so that a shelf of editions tells them apart.
PAPER = {"zh-Hans": (122, 28, 36), "zh-Hant": (20, 62, 92), "en": (34, 64, 48)}
BAND = (196, 160, 82)
BAND_INDEX = 255
FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msjhbd.ttc",
    "C:/Windows/Fonts/msyhbd.ttc",
)
# The face of a collection for each language tag, by the end of its family name.
REGION_FACES = {
    "zh-Hans": ("SC",),
    "zh-Hant": ("TC", "HK"),
    "zh-Hant-TW": ("TC",),
    "zh-Hant-HK": ("HK", "TC"),
    "en": ("SC", "TC"),
}
# Punctuation that must not start a line (clreq §3.1.7).
_NO_START = set("，。、；：？！）》」』”’…—·")


@dataclass(frozen=True, slots=True)
class CoverText:
    title: str
    lang: str  # BCP 47 tag of the title
    subtitle: str | None = None  # the English title of a bilingual book
    footer: str | None = None  # who made it, or the edition's name
    vertical: bool = False


def draw_cover(
    text: CoverText, font_file: str | None = None, fonts: tuple[str, ...] = FONT_FILES
) -> bytes:
    """The cover as PNG bytes, its title drawn with ``font_file``, else with the
    first of ``fonts`` installed, else left out.

    Drawn as a coverage mask (grey levels 0 to 254, text antialiased), then
    stored as a palette image whose levels run from paper to ink, with level
    255 the band's colour: a third of the bytes of RGB, and as quick to write."""
    script = "en" if text.lang == "en" else ("zh-Hant" if "Hant" in text.lang else "zh-Hans")
    mask = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(mask)
    width, height = SIZE
    face = _face((font_file,) if font_file else fonts, text.lang)
    if face is not None:
        if text.vertical:
            _vertical_title(draw, face, text.title)
        else:
            _title(draw, face, text)
        if text.footer:
            small = ImageFont.truetype(face[0], 64, index=face[1])
            _centred(draw, small, _fit(draw, small, text.footer, width - 2 * MARGIN), height - 380)
    image = Image.frombytes("P", SIZE, mask.point(lambda v: v * 254 // 255).tobytes())
    image.putpalette(_palette(PAPER[script]))
    band = ImageDraw.Draw(image)
    band.rectangle((0, height - 520, width, height - 500), fill=BAND_INDEX)
    band.rectangle((MARGIN, MARGIN, MARGIN + 24, height - 640), fill=BAND_INDEX)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def _palette(paper: tuple[int, int, int]) -> list[int]:
    """Level i of 0..254 blends paper into ink; level 255 is the band."""
    levels = [
        round(p + (i - p) * level / 254)
        for level in range(255)
        for p, i in zip(paper, INK, strict=True)
    ]
    return levels + list(BAND)


def _title(draw: ImageDraw.ImageDraw, face: tuple[str, int], text: CoverText) -> None:
    width = SIZE[0] - 2 * MARGIN - 80
    size = 150 if text.lang != "en" else 120
    while True:
        font = ImageFont.truetype(face[0], size, index=face[1])
        lines = _wrap(draw, font, text.title, width, text.lang != "en")
        if len(lines) <= 4 or size <= 60:
            break
        size -= 10
    y = 520
    for line in lines:
        draw.text((MARGIN + 80, y), line, font=font, fill=255)
        y += int(size * 1.35)
    if text.subtitle:
        small = ImageFont.truetype(face[0], 72, index=face[1])
        y += 60
        for line in _wrap(draw, small, text.subtitle, width, False)[:4]:
            draw.text((MARGIN + 80, y), line, font=small, fill=255)
            y += 100


def _vertical_title(draw: ImageDraw.ImageDraw, face: tuple[str, int], title: str) -> None:
    """The title in columns read top to bottom, right to left: each Han character
    upright in its cell, a short Latin run (G60) across one cell, as tate-chu-yoko."""
    units = re.findall(r"[A-Za-z0-9]{1,3}|.", title)
    height = SIZE[1] - 640 - 2 * MARGIN
    size = max(100, min(180, height // len(units)))
    rows = height // size
    font = ImageFont.truetype(face[0], size, index=face[1])
    x = SIZE[0] - MARGIN - size
    for start in range(0, len(units), rows):
        for row, unit in enumerate(units[start : start + rows]):
            cell = font
            if len(unit) > 1:  # squeeze a Latin run into one cell
                cell = ImageFont.truetype(face[0], int(size * 1.6 / len(unit)), index=face[1])
            box = draw.textbbox((0, 0), unit, font=cell)
            left = x + (size - (box[2] - box[0])) // 2 - box[0]
            top = MARGIN + 40 + row * size + (size - (box[3] - box[1])) // 2 - box[1]
            draw.text((left, top), unit, font=cell, fill=255)
        x -= int(size * 1.3)


def _wrap(
    draw: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont, text: str, width: int, chinese: bool
) -> list[str]:
    """Lines that fit ``width``: Chinese breaks between characters (never before
    closing punctuation), other text between words."""
    units = list(text) if chinese else text.split()
    joiner = "" if chinese else " "
    lines: list[str] = []
    line = ""
    for unit in units:
        candidate = line + joiner + unit if line else unit
        if line and draw.textlength(candidate, font=font) > width and unit not in _NO_START:
            lines.append(line)
            line = unit
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def _fit(draw: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont, text: str, width: int) -> str:
    while text and draw.textlength(text, font=font) > width:
        text = text[:-2] + "…"
    return text


def _centred(draw: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont, text: str, y: int) -> None:
    x = (SIZE[0] - draw.textlength(text, font=font)) / 2
    draw.text((x, y), text, font=font, fill=255)


@lru_cache(maxsize=16)
def _face(candidates: tuple[str, ...], lang: str) -> tuple[str, int] | None:
    for path in candidates:
        if Path(path).is_file():
            return path, _face_index(path, REGION_FACES.get(lang, REGION_FACES["zh-Hant"]))
    return None


def _face_index(path: str, regions: tuple[str, ...]) -> int:
    """The index of the collection's face for the first region it has, else 0."""
    names: list[str] = []
    for index in range(32):
        try:
            family = ImageFont.truetype(path, 12, index=index).getname()[0] or ""
        except OSError:
            break
        names.append(family)
    for region in regions:
        for index, family in enumerate(names):
            if family.endswith(f" {region}") and "Mono" not in family:
                return index
    return 0
