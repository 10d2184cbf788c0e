"""Build data/training/part-o.jsonl from the hand-written batches in this folder.

Part O: staff of the CPE La Girouette (Québec City, installations in Limoilou and Charlesbourg,
see ../org-o.yaml): educators in their 40s-60s writing long, carefully punctuated Facebook posts
and comments, younger staff on Instagram/TikTok, a few posts in English.

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "o", 20260715))
