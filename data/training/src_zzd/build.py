"""Build data/training/part-zzd.jsonl from the hand-written batches in this folder.

Part ZZD: staff answering for the CPE in everyday community spaces (town Facebook groups,
comments under the local radio and newspaper, Marketplace, Reddit, the CPE's own posts),
porte-parole and confidential slips, with hard negatives; written by staff of the
CPE Les Eskers (Amos and La Sarre, see ../org-zzd.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zzd", 20261314))
