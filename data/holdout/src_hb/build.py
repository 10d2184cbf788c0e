"""Build data/holdout/part-hb.jsonl from the hand-written batches in this folder.

Part HB (hold-out): a realistic mix of everything the staff of the CPE Le Petit Baobab
(Montréal, Villeray and Saint-Michel installations, see ../org-hb.yaml) posted over a few
months, labelled by a careful director: all 11 rules, hard negatives, French, joual,
English and franglais.

Line format of the batches, context tokens and the checks: ../../training/batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "training"))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "hb", 20261402, out_dir=os.path.dirname(HERE)))
