"""Build data/training/part-zy.jsonl from the hand-written batches in this folder.

Part ZY: subtle harassment (exclusion, shaming, nicknames, "jokes", insinuations, fake pity,
mocking emoji and screenshots) and hard negatives, written by
staff of the CPE Les Sittelles (Saint-Raymond and Donnacona, see ../org-zy.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zy", 20261309))
