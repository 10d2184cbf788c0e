"""Build data/training/part-n.jsonl from the hand-written batches in this folder.

Part N: subtle harassment (mockery, insinuation, gossip, fake reviews, sarcastic
"compliments", exclusion, shaming of parents, dog-whistles), venting that stays short of an
attack, and hard negatives, written by staff of the CPE Les Fous de Bassan (Gaspé,
Îles-de-la-Madeleine and Laval installations, see ../org-n.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "n", 20260611))
