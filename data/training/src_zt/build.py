"""Build data/training/part-zt.jsonl from the hand-written batches in this folder.

Part ZT: speaking for the CPE without a mandate (porte-parole), claiming a role or looking official
(identite), pages and the logo, with hard negatives; written by staff of the CPE Les Goélettes
(Baie-Saint-Paul and La Malbaie, see ../org-zt.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zt", 20261304))
