"""Hostile or broken files: each refused quickly, in French, naming the file and the reason."""

from __future__ import annotations

import os
import resource
import time

import cv2
import numpy as np
import pytest
from PIL import Image

from balise.engine.media import Limits, MediaError, analyze_file
from tests.media.synth import jpeg_bomb, png_bomb

from .conftest import astronaut


def truncated_jpeg(path):
    Image.fromarray(astronaut()).save(path, quality=90)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def text_as_jpeg(path):
    path.write_text("Bonjour, ceci est une note de la directrice, pas une photo.\n" * 20)


def empty(path):
    path.write_bytes(b"")


def png_bomb_file(path):
    path.write_bytes(png_bomb())


def jpeg_bomb_file(path):
    path.write_bytes(jpeg_bomb())


def gif_file(path):
    Image.fromarray(astronaut()).save(path, format="GIF")


def broken_mp4(path):
    # A valid MP4 signature followed by garbage: no stream any decoder can read.
    path.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + os.urandom(50_000))


def huge_video(path):
    small_video(path)
    os.truncate(path, 2_000_000_000)  # sparse: 2 GB declared, nothing written


def small_video(path):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 10, (64, 48))
    for _ in range(5):
        writer.write(np.zeros((48, 64, 3), np.uint8))
    writer.release()


@pytest.mark.parametrize(
    ("name", "make", "code", "words"),
    [
        ("tronquee.jpg", truncated_jpeg, "corrupt", "tronquée"),
        ("vide.jpg", empty, "empty", "vide"),
        ("note.jpg", text_as_jpeg, "not_media", "texte"),
        ("bombe.png", png_bomb_file, "bomb", "50\u202f000 × 50\u202f000"),
        ("bombe.jpg", jpeg_bomb_file, "bomb", "bombe de décompression"),
        ("anime.gif", gif_file, "unsupported", "format non pris en charge"),
        ("casse.mp4", broken_mp4, "codec", "codec"),
        ("enorme.mp4", huge_video, "too_large", "2\u202f000 Mo"),
    ],
)
def test_it_refuses_bad_input_plainly_and_quickly(tmp_path, name, make, code, words):
    path = tmp_path / name
    make(path)
    memory_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(MediaError) as error:
        analyze_file(path)
    assert time.monotonic() - started < 5
    # Peak memory grows by far less than a decoded 50,000² image (7.5 GB) would need.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory_before < 300_000
    message = str(error.value)
    assert error.value.code == code
    assert f"« {name} »" in message and "refusé" in message
    assert words in message


def test_it_refuses_a_missing_file(tmp_path):
    with pytest.raises(MediaError, match="introuvable"):
        analyze_file(tmp_path / "absente.jpg")


def test_it_refuses_a_photo_above_the_pixel_limit_before_decoding(tmp_path):
    path = tmp_path / "grande.png"
    Image.new("RGB", (400, 300)).save(path)
    with pytest.raises(MediaError) as error:
        analyze_file(path, limits=Limits(photo_pixels=100_000))
    assert error.value.code == "bomb" and "400 × 300" in str(error.value)


def test_it_refuses_a_video_longer_than_the_limit(tmp_path):
    path = tmp_path / "longue.mp4"
    small_video(path)
    with pytest.raises(MediaError) as error:
        analyze_file(path, limits=Limits(video_seconds=0.1))
    assert error.value.code == "too_long"


def test_the_rest_of_a_batch_still_runs_after_a_refusal(tmp_path):
    bad, good = tmp_path / "vide.jpg", tmp_path / "bonne.png"
    bad.write_bytes(b"")
    Image.fromarray(astronaut()).save(good)
    outcomes = []
    for path in (bad, good):
        try:
            outcomes.append(len(analyze_file(path).faces))
        except MediaError as error:
            outcomes.append(error.code)
    assert outcomes == ["empty", 1]
