"""Draws the installable app's icons with Pillow: `python -m balise.checks.icons`."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parent / "static" / "checks"
NAVY, WHITE, AMBER = "#10365e", "#ffffff", "#f2a900"


def draw_icon(size: int, *, maskable: bool = False) -> Image.Image:
    """Returns a beacon (a balise) with a check mark, on navy; maskable icons keep a safe margin."""
    image = Image.new("RGB", (size, size), NAVY)
    draw = ImageDraw.Draw(image)
    pad = size * (0.22 if maskable else 0.12)
    box = [pad, pad, size - pad, size - pad]
    draw.ellipse(box, outline=AMBER, width=max(2, size // 24))
    s = size - 2 * pad
    points = [
        (pad + s * 0.27, pad + s * 0.52),
        (pad + s * 0.44, pad + s * 0.69),
        (pad + s * 0.75, pad + s * 0.34),
    ]
    draw.line(points, fill=WHITE, width=max(3, size // 14), joint="curve")
    return image


def main() -> None:
    STATIC.mkdir(parents=True, exist_ok=True)
    draw_icon(192).save(STATIC / "icon-192.png", optimize=True)
    draw_icon(512).save(STATIC / "icon-512.png", optimize=True)
    draw_icon(512, maskable=True).save(STATIC / "icon-maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
