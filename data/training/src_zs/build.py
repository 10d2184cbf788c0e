"""Build data/training/part-zs.jsonl from the hand-written batches in this folder.

Part ZS: long, chatty posts of staff about their life (vacations, family, recipes, moving,
courses, parties, causes, Marketplace, lost dogs) where work comes up in passing; about 40% hide a
breach somewhere in the text. Written by staff of the CPE Les Aboiteaux (Rivière-du-Loup
and Saint-Pascal-de-Kamouraska, see ../org-zs.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zs", 20261303))
