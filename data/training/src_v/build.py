"""Build data/training/part-v.jsonl from the hand-written batches in this folder.

Part V: English-speaking staff (about 80 % English, 20 % French or franglais) of the CPE Le
Moulin à vent / Windmill Childcare Centre (Pointe-Claire, Beaconsfield and Shawville in the
Pontiac, see ../org-v.yaml): every rule covered, with hard negatives.

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "v", 20261204))
