"""Media analysis for Balise: faces, the organization's logo, blurring and metadata.

Pure Python (OpenCV, onnxruntime, Pillow); never imports Django. See CONTRACT.md.
"""

from __future__ import annotations

from .analysis import MediaAnalysis, analyze_file
from .anonymize import anonymize_file, anonymize_image
from .boxes import FaceBox, LogoBox
from .errors import MediaError
from .limits import DEFAULT_LIMITS, Limits
from .logo import BUNDLED_LOGO, LogoRef
from .videocopy import anonymize_video

__all__ = [
    "BUNDLED_LOGO",
    "DEFAULT_LIMITS",
    "FaceBox",
    "Limits",
    "LogoBox",
    "LogoRef",
    "MediaAnalysis",
    "MediaError",
    "analyze_file",
    "anonymize_file",
    "anonymize_image",
    "anonymize_video",
]
