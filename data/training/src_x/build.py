"""Build data/training/part-x.jsonl from the hand-written batches in this folder.

Part X: harassment (plain and indirect), venting short of an attack and calm hard negatives,
written mostly by older and senior staff of the CPE Les Petits Vergers (Granby and Bromont,
see ../org-x.yaml), with younger staff for contrast.

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "x", 20261206))
