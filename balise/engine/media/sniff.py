"""Tells a photo from a video from anything else by the file's first bytes, not its name."""

from __future__ import annotations

from pathlib import Path

from .errors import MediaError

PHOTO_FORMATS = {"jpeg", "png", "webp", "heif"}
VIDEO_FORMATS = {"mp4", "mov"}
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"}
MOV_BRANDS = {b"qt  "}
MOV_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}
HEAD_SIZE = 64


def sniff_format(path: Path) -> str:
    """Return one of PHOTO_FORMATS | VIDEO_FORMATS, or raise MediaError."""
    head = _read_head(path)
    fmt = format_of(head)
    if fmt is not None:
        return fmt
    if _looks_like_text(head):
        raise MediaError(
            path,
            "not_media",
            f"le contenu est du texte, pas une image ni une vidéo, malgré l'extension "
            f"« {path.suffix or '(aucune)'} ».",
        )
    raise MediaError(
        path,
        "unsupported",
        "format non pris en charge (formats acceptés : JPEG, PNG, WebP, HEIC pour les photos, "
        "MP4 et MOV pour les vidéos).",
    )


def format_of(head: bytes) -> str | None:
    """Return the format whose magic number starts `head`, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return _ftyp_format(head)
    if head[4:8] in MOV_ATOMS:
        return "mov"
    return None


def _ftyp_format(head: bytes) -> str:
    brand = head[8:12]
    compatible = {head[i : i + 4] for i in range(16, min(len(head), 48), 4)}
    if brand in HEIF_BRANDS or (brand not in MOV_BRANDS and compatible & {b"heic", b"mif1"}):
        return "heif"
    return "mov" if brand in MOV_BRANDS else "mp4"


def _read_head(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size == 0:
            raise MediaError(path, "empty", "le fichier est vide (0 octet).")
        with path.open("rb") as handle:
            return handle.read(HEAD_SIZE)
    except FileNotFoundError:
        raise MediaError(path, "missing", "le fichier est introuvable.") from None
    except IsADirectoryError:
        raise MediaError(path, "missing", "c'est un dossier, pas un fichier.") from None
    except PermissionError:
        raise MediaError(
            path, "missing", "le fichier ne peut pas être lu (accès refusé)."
        ) from None


def _looks_like_text(head: bytes) -> bool:
    # The head may end inside a multi-byte character: allow up to 3 bytes to be cut off.
    for cut in range(4):
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return bool(text) and all(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return False
