"""Build data/training/part-y.jsonl from the hand-written batches in this folder.

Part Y: who speaks for the CPE (porte-parole: answers to the public, defence against
criticism, announcements on personal accounts), what is secret (confidentiel: budget,
subsidies, board, bargaining, grievances, projects, building, contracts, inspection), who one
claims to be (identite: false titles, posing as a parent, signing as the direction, fake
profiles), with hard negatives, written by staff of the CPE Les Écureuils Dorés (Joliette and
Rawdon, see ../org-y.yaml).

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "y", 20261207))
