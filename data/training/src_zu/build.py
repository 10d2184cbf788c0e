"""Build data/training/part-zu.jsonl from the hand-written batches in this folder.

Part ZU: harassment, mockery, insinuation and threats (5.vi.harcelement) and hard negatives,
written by staff of the CPE Les Bourdons (Laval: Chomedey and Sainte-Rose, see ../org-zu.yaml).
About 60% of the posts are in English or franglais.

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zu", 20261305))
