"""Build data/holdout/part-ha.jsonl from the hand-written batches in this folder.

Part HA (hold-out, measurement only, never trained on): a realistic mix of every post the staff
of the CPE La Pagaie (Maniwaki and Gracefield, Haute-Gatineau; see ../org-ha.yaml) wrote over a
few months, labelled by a careful director: all 11 rules, about 35-40 % compliant posts, French,
joual, English and franglais.

Line format of the batches, context tokens and the checks: ../../training/batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "training"))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "ha", 20261401, out_dir=os.path.dirname(HERE)))
