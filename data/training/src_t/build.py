"""Build data/training/part-t.jsonl from the hand-written batches in this folder.

Part T: many platforms and voices (LinkedIn, Google and Facebook reviews, TikTok captions,
Reddit threads, comments under local news, union members, board members, the cook, a
replacement's first week, a staff member who just left, contractors), written around the CPE
Les Macareux (Sept-Îles and Baie-Comeau installations, see ../org-t.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "t", 20261202))
