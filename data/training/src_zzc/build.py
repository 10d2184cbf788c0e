"""Build data/training/part-zzc.jsonl from the hand-written batches in this folder.

Part ZZC: identity (claiming a role, title or authority one does not hold; posting as the
direction or "the team"; borrowed or left-open accounts; fake and parody accounts; fake
reviews; renaming oneself in calls and groups) and hard negatives, about 40% in English or
franglais, written by staff of the CPE Le Pommier Sauvage (Cowansville and Knowlton, see
../org-zzc.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zzc", 20261313))
