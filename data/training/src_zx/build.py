"""Build data/training/part-zx.jsonl from the hand-written batches in this folder.

Part ZX: confidential information (board, budgets, HR, complaints, incidents) and personal
information about adults and children, with hard negatives, written by
staff of the CPE Les Lagopèdes (Chibougamau and Chapais, see ../org-zx.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zx", 20261308))
