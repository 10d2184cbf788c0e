"""Build data/holdout/part-u.jsonl from the hand-written batches in this folder.

Set U (hold-out, measurement only, never trained on): posts that staff of the CPE Les
Loups-Marins (Rimouski and Matane, Bas-Saint-Laurent, see ../org-u.yaml) could publish,
written by an independent writer: everyday life, venting and mockery, personal information,
photos, answers to the public, confidential matters, claimed roles, pages and the logo,
posting during the shift and downloads on the CPE's equipment, with hard negatives.

Line format of the batches, context tokens and the checks: ../../training/batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "training"))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "u", 20261203, out_dir=os.path.dirname(HERE)))
