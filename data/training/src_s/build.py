"""Build data/training/part-s.jsonl from the hand-written batches in this folder.

Part S: informal registers (texting abbreviations, joual, no accents, emojis, hashtags) and
long posts (stories of the day, reflections, rants, farewells, moms' groups) where one sentence
in the middle breaks a rule, or none does, written by staff of the CPE Les Mélèzes
(Rouyn-Noranda and Val-d'Or installations, see ../org-s.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "s", 20261201))
