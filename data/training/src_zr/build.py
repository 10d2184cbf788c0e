"""Build data/training/part-zr.jsonl from the hand-written batches in this folder.

Part ZR: criticising the workplace in public (critique-milieu) and leaking the CPE's internal,
confidential information (confidentiel), with their hard negatives, written by staff of the
CPE Les Petits Maskoutains (Saint-Hyacinthe and Acton Vale, see ../org-zr.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zr", 20261302))
