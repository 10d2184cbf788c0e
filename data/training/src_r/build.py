"""Build data/training/part-r.jsonl from the hand-written batches in this folder.

Part R: English and bilingual staff of a bilingual CPE of the Montérégie (CPE Le Nid des
Hérons / Heron's Nest, Châteauguay and Hudson installations, see ../org-r.yaml): about 60 % of
the posts in Canadian/Québec English (with franglais), 40 % in Québec French, every rule covered,
about a third compliant with hard negatives.

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "r", 20261130))
