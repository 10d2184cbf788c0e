"""Photos on the check page: faces boxed on the thumbnail, a blurred copy without metadata."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from PIL import Image

from balise.engine.media import analyze_file
from tests.web.checks.conftest import CHILD_POST, HTMX


def data_urls(html: str, attribute: str) -> list[bytes]:
    return [
        base64.b64decode(m)
        for m in re.findall(attribute + r'="data:image/jpeg;base64,([^"]+)"', html)
    ]


def test_it_reports_two_findings_for_a_child_named_and_two_faces(educator, two_faces):
    html = educator.post(
        "/verifier/", {"text": CHILD_POST, "media": two_faces}, **HTMX
    ).content.decode()
    assert 'data-rule="5.ii.renseignements"' in html
    assert 'data-rule="5.ii.image"' in html
    assert "Sur les photos : groupe.jpg" in html
    assert "groupe.jpg : 2 visages encadrés" in html  # the thumbnail's text alternative


def test_it_boxes_the_faces_on_the_thumbnail(educator, two_faces, tmp_path):
    html = educator.post("/verifier/", {"text": "", "media": two_faces}, **HTMX).content.decode()
    thumbnail = tmp_path / "miniature.jpg"
    thumbnail.write_bytes(data_urls(html, "src")[0])
    with Image.open(thumbnail) as image:
        assert max(image.size) <= 480
        pixels = image.convert("RGB").load()
        reds = sum(
            1
            for x in range(image.width)
            for y in range(image.height)
            if pixels[x, y][0] > 180 and pixels[x, y][1] < 60
        )
    assert reds > 200  # the red frames drawn around the faces


def test_it_offers_a_blurred_copy_without_faces_or_exif(educator, two_faces, tmp_path):
    html = educator.post("/verifier/", {"text": "", "media": two_faces}, **HTMX).content.decode()
    assert 'download="groupe-anonymise.jpg"' in html
    blurred = Path(tmp_path / "groupe-anonymise.jpg")
    blurred.write_bytes(data_urls(html, "href")[0])
    analysis = analyze_file(blurred)
    assert analysis.faces == [] and analysis.gps is False and analysis.metadata == []
    with Image.open(blurred) as image:
        assert not image.getexif() and "exif" not in image.info
