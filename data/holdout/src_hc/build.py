"""Build data/holdout/part-hc.jsonl from the hand-written batches in this folder.

Part HC (hold-out): a realistic mix of everything the staff of the CPE Les Chalumeaux
(Sainte-Marie and Saint-Joseph-de-Beauce, see ../org-hc.yaml) posted over a few months, as a
careful director would label it: all 11 rules, compliant posts and hard negatives.

Line format of the batches, context tokens and the checks: ../../training/batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "training"))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "hc", 20261403, out_dir=os.path.dirname(HERE)))
