"""Build data/training/part-zv.jsonl from the hand-written batches in this folder.

Part ZV: indirect criticism of the workplace (5.ii.critique-milieu) written through irony,
sarcasm, fake praise, memes, "POV:", rhetorical questions, hashtags, meaning-flipping emoji and
job-hunting hints, with its hard negatives (sincere praise in the same words, complaints about
the sector or the ministry, fatigue with no one blamed, children's antics, former employers
outside the network, shared job memes). Written by staff of the CPE Les Petits Memphré
(Magog and Coaticook, see ../org-zv.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zv", 20261306))
