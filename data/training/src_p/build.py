"""Build data/training/part-p.jsonl from the hand-written batches in this folder.

Part P: subtle harassment (mockery and ridicule, insinuation, gossip and rumour, sarcastic
"compliments", public shaming, exclusion, malicious reviews, light stereotypes, veiled threats,
a few plain insults), venting about the workplace that stays short of an attack, and hard
negatives, written by staff of the CPE Les Bernaches (installations du Bassin, Chicoutimi, and
de Kénogami, Jonquière, see ../org-p.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "p", 20261128))
