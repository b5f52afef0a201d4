"""What several test modules share. Test modules import from here, never
from one another: paths of the bundled corpus and gold here, the small
review workspace in `helpers.review`, the index workspace in `helpers.index`."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
CORPUS = ROOT / "corpus"
DATA = TESTS / "data"
GOLD = DATA / "gold"
ESSAY = CORPUS / "essay-central-asian-security-after-the-taliban.txt"
NEWS = CORPUS / "2021-08-30-central-asia-reacts-to-taliban-takeover.txt"
