"""`balise anonymize` as the main CLI wires it, and the package's independence from Django."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest
from PIL import Image

from balise.engine.media.cli import add_anonymize_arguments, run_anonymize
from tests.media.synth import gps_jpeg

from .conftest import astronaut


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_anonymize_arguments(parser)
    return parser.parse_args(argv)


def test_it_writes_the_copy_and_says_what_it_did(tmp_path, capsys):
    src, out = tmp_path / "sortie.jpg", tmp_path / "copie.jpg"
    gps_jpeg(src, astronaut())
    assert run_anonymize(parse([str(src), "-o", str(out)])) == 0
    printed = capsys.readouterr().out
    assert "visage 0" in printed and "flouté" in printed
    assert "GPS" in printed
    assert out.exists() and len(Image.open(out).getexif()) == 0


def test_it_keeps_the_faces_named_with_keep(tmp_path, capsys):
    src, out = tmp_path / "portrait.png", tmp_path / "copie.png"
    Image.fromarray(astronaut()).save(src)
    assert run_anonymize(parse([str(src), "-o", str(out), "--keep", "0"])) == 0
    assert "gardé net" in capsys.readouterr().out


def test_it_reports_a_refused_file_in_french_with_status_2(tmp_path, capsys):
    src = tmp_path / "vide.jpg"
    src.write_bytes(b"")
    assert run_anonymize(parse([str(src), "-o", str(tmp_path / "x.jpg")])) == 2
    assert "« vide.jpg » refusé" in capsys.readouterr().err


def test_it_anonymizes_a_video_too(tmp_path, capsys):
    from tests.media.synth import write_video

    from .test_video import scene

    src, out = tmp_path / "sortie.mp4", tmp_path / "copie.mp4"
    write_video(src, scene, seconds=3)
    assert run_anonymize(parse([str(src), "-o", str(out), "--keep", "0"])) == 0
    printed = capsys.readouterr().out
    assert "personne 0" in printed and "gardé net" in printed and "personne 1" in printed
    assert "pas de son" in printed
    assert out.exists() and out.read_bytes()[4:8] == b"ftyp"
    assert run_anonymize(parse([str(src), "-o", str(tmp_path / "copie.jpg")])) == 2
    assert "choisir .mp4" in capsys.readouterr().err


def test_it_rejects_a_malformed_keep_list():
    with pytest.raises(SystemExit):
        parse(["a.jpg", "-o", "b.jpg", "--keep", "un,deux"])


def test_the_media_package_never_imports_django():
    code = (
        "import sys; import balise.engine.media as m; "
        "from balise.engine.media import video, cli; "
        "assert 'django' not in sys.modules, 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
