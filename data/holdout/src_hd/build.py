"""Build data/holdout/part-hd.jsonl from the hand-written batches in this folder.

Part HD (hold-out): a realistic mix of everything the staff of the CPE Les Lucarnes
(Longueuil and Saint-Lambert installations, Montréal's South Shore, see ../org-hd.yaml)
posted over a few months, about 20% English or franglais, labelled by a careful director.
Never used for training.

Line format of the batches, context tokens and the checks: ../../training/batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "training"))

from batch_build import build  # noqa: E402

SEED = 20261404

if __name__ == "__main__":
    sys.exit(build(HERE, "hd", SEED, out_dir=os.path.dirname(HERE)))
