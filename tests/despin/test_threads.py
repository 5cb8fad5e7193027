"""One Despinner shared by threads gives each batch the edits it gets alone.

The real-word rule's verdicts used to be stage state (``_rw_memo``, keyed by id() of a page's match
list and reset by every batch): a thread's batch could reset or read another's. They are now a
local of ``process_batch``. Pages: inews dev spun with the real-word table (the rule decides them)
and the same pages clean.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from nlp.despin import corpora
from nlp.despin.spinner import load_table, spin
from nlp.despin.stage import Despinner
from nlp.document import Document
from nlp.evaluate.despin import CORPUS


def _edits(stage: Despinner, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
    return [[(e.start, e.end, e.replacement) for e in es] for es in stage.process_batch(docs)]


@pytest.mark.issue(4)
def test_threads_sharing_a_stage_get_their_own_verdicts():
    table = load_table(CORPUS / "tables" / "dev_realword.tsv")
    clean = corpora.texts("dev")[:12]
    spun = [spin(t, table)[0] for t in clean]
    batches = [spun[i:i + 3] for i in range(0, 12, 3)] + [clean[i:i + 3] for i in range(0, 12, 3)]
    stage = Despinner()
    alone = [_edits(stage, b) for b in batches]
    assert any(any(es) for b in alone[:4] for es in b)  # the spun batches are despun
    assert not any(any(es) for b in alone[4:] for es in b)  # the clean ones are not
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            shared = list(pool.map(lambda b: _edits(stage, b), batches))
            assert shared == alone
