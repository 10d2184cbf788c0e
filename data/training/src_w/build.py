"""Build data/training/part-w.jsonl from the hand-written batches in this folder.

Part W: hard negatives and close calls. Each pair puts a compliant post that uses the
vocabulary of a breach next to its breaching twin (the smallest change that makes it a
breach), written by staff of the CPE La Marelle (Drummondville and Victoriaville
installations, see ../org-w.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "w", 20261205))
