"""Build data/training/part-zp.jsonl from the hand-written batches in this folder.

Part ZP: answering the public about the CPE (porte-parole) and hard negatives, written by
staff of the CPE Les Pruches (Lévis and Saint-Georges, see ../org-zp.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zp", 20261209))
