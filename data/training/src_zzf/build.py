"""Build data/training/part-zzf.jsonl from the hand-written batches in this folder.

Part ZZF: a realistic mix of every post the staff of one CPE wrote over a few months, all eleven
rules and about 40% compliant posts, CPE Les Cocottes (Saint-Tite and Sainte-Thècle, ../org-zzf.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zzf", 20261316))
