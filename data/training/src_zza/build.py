"""Build data/training/part-zza.jsonl from the hand-written batches in this folder.

Part ZZA: posts about the CPE's families and children (harcèlement, renseignements,
critique-milieu, porte-parole, image) and hard negatives, written by staff of the CPE Le Barachois
(Bonaventure and Carleton-sur-Mer, Baie-des-Chaleurs, see ../org-zza.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zza", 20261311))
