"""Build data/training/part-zze.jsonl from the hand-written batches in this folder.

Part ZZE: the line between criticising the workplace (critique-milieu) and harassing a person or an
identifiable group (harcelement), with compliant versions of the same situations, written by
staff of the CPE Le Martin-Pêcheur (Pierrefonds and Dollard-des-Ormeaux, see ../org-zze.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "zze", 20261315))
