"""Build data/training/part-k.jsonl from the hand-written batches in this folder.

Part K: the short, fast, messy register (comments, replies, story and TikTok captions,
texting style) of staff at the CPE Les Petits Huards (Saint-Michel-des-Saints, see
../org-k.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "k", 20260607))
