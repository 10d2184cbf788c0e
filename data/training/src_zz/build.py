"""Build data/training/part-zz.jsonl from the hand-written batches in this folder.

Part ZZ: false identity and claimed functions (5.iii.identite) and hard negatives, written by
staff of the CPE Les Petites Ouananiches (Alma and Roberval, Lac-Saint-Jean, see ../org-zz.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zz", 20261310))
