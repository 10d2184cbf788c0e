"""Build data/training/part-zq.jsonl from the hand-written batches in this folder.

Part ZQ: harassment, threats, discrimination and degrading remarks (harcelement) and hard
negatives, written by staff of the CPE Les Petites Forges (Trois-Rivières and Shawinigan, see ../org-zq.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zq", 20261301))
