"""Build data/training/part-q.jsonl from the hand-written batches in this folder.

Part Q: speaking for the CPE without a mandate (answers to the public's questions in comment
threads, defences against reviews and news, unofficial announcements, interviews, posts on the
official page by people who are not mandated), the compliant third that looks close to it
(referrals to the website or the direction, shares of the official post, opinions on daycare
policy in general, one's own job), and other rules mixed in, written by staff of the CPE Les
Petits Draveurs (Gatineau, Hull and Aylmer installations, see ../org-q.yaml). About 15 % of the
posts are in English or mixed French-English.

Line format of the batches, context tokens and the checks: ../batch_build.py.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from batch_build import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, "q", 20261129))
