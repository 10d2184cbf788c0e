"""Build data/training/part-zw.jsonl from the hand-written batches in this folder.

Part ZW: short comments and replies (under posts, in groups, under news articles and reviews)
on every rule of the code, about half of them hard negatives, written by staff of the CPE
Les Loups-Marins (Îles-de-la-Madeleine: Cap-aux-Meules and Havre-Aubert, see ../org-zw.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zw", 20261307))
