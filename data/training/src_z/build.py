"""Build data/training/part-z.jsonl from the hand-written batches in this folder.

Part Z: mockery, insinuation, rumours, sarcastic praise and venting (and their hard
negatives), written by staff of the CPE Les Lucioles de la Rivière-du-Nord (Saint-Jérôme and
Mont-Tremblant installations, see ../org-z.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "z", 20261208))
