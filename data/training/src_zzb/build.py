"""Build data/training/part-zzb.jsonl from the hand-written batches in this folder.

Part ZZB: a realistic mix of every post the staff of one CPE wrote over a few months, all 11
rules and about 40% compliant posts (ordinary ones and hard negatives), bilingual (about 25% in
English or franglais), written by the staff of the CPE Les Éclusiers (Vaudreuil-Dorion and Hudson, see
../org-zzb.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zzb", 20261312))
