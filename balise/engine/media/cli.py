"""`balise anonymize FILE -o OUT [--keep 0,2]`: the two functions the main CLI wires in.
FILE is a photo or a video (told apart by content); a video's copy is an .mp4 without sound."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .anonymize import anonymize_file
from .errors import MediaError
from .logo import BUNDLED_LOGO


def add_anonymize_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of `balise anonymize` to an (sub)parser."""
    parser.add_argument(
        "file", type=Path, help="photo (JPEG, PNG, WebP, HEIC) ou vidéo (MP4, MOV) à anonymiser"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="copie à écrire (.jpg, .png, .webp pour une photo; .mp4 pour une vidéo)",
    )
    parser.add_argument(
        "--keep",
        type=_indexes,
        default=frozenset(),
        help="numéros des visages à garder nets (consentement enregistré), ex. 0,2",
    )
    parser.add_argument(
        "--logo",
        type=Path,
        action="append",
        default=None,
        help="image de référence du logo (répétable)",
    )
    parser.add_argument("--threads", type=int, default=1, help="fils de calcul (1 par défaut)")
    parser.add_argument(
        "--minutieux",
        dest="thorough",
        action="store_true",
        help="photos : cherche aussi les très petits visages (10 à 20 px), plusieurs fois plus lent",
    )


def run_anonymize(args: argparse.Namespace) -> int:
    """Write the anonymised copy and print a French report; return the exit status."""
    refs = args.logo if args.logo is not None else [BUNDLED_LOGO]
    try:
        analysis = anonymize_file(
            args.file,
            args.output,
            keep=args.keep,
            logo_refs=refs,
            threads=args.threads,
            thorough=getattr(args, "thorough", False),
        )
    except MediaError as error:
        print(str(error), file=sys.stderr)
        return 2
    for index, face in enumerate(analysis.faces):
        state = "gardé net" if index in args.keep else "flouté"
        when = f" de {face.t0:.1f} s à {face.t1:.1f} s" if face.t0 is not None else ""
        label = "personne" if analysis.kind == "video" else "visage"
        print(f"{label} {index} : {face.as_list()}{when} (score {face.score:.2f}) — {state}")
    if analysis.weak_faces:
        print(f"{len(analysis.weak_faces)} visage(s) incertain(s) flouté(s) par prudence")
    if analysis.kind == "video":
        print(
            "Vidéo : visages incertains floutés aussi; la copie (MPEG-4, .mp4) n'a pas de son "
            "et ne garde aucune métadonnée de l'original."
        )
    if analysis.gps:
        print("Attention : l'original contient des coordonnées GPS; la copie n'en contient plus.")
    removed = ", ".join(analysis.metadata) or "aucune"
    print(f"Métadonnées retirées de la copie : {removed}")
    print(f"Copie écrite : {args.output}")
    return 0


def _indexes(text: str) -> frozenset[int]:
    try:
        values = frozenset(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"liste de numéros attendue (ex. 0,2), reçu « {text} »"
        ) from None
    if any(value < 0 for value in values):
        raise argparse.ArgumentTypeError("les numéros de visages commencent à 0")
    return values


def main(argv: list[str] | None = None) -> int:
    """Run `anonymize` standalone: `python -m balise.engine.media.cli FILE -o OUT`."""
    parser = argparse.ArgumentParser(
        prog="balise anonymize", description="Copie anonymisée d'une photo ou d'une vidéo"
    )
    add_anonymize_arguments(parser)
    return run_anonymize(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
