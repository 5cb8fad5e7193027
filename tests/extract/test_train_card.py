"""The model card generator keeps the hand-written sections of models/extract/README.md.

`zhie train model` regenerates only the block between the markers (nlp.extract.train.merge_card);
release measurements and speed tables written by hand after a release must survive a retrain.
"""
from __future__ import annotations

from pathlib import Path

from nlp.extract.train import CARD_BEGIN, CARD_END, merge_card, model_card

CARD = Path(__file__).resolve().parents[2] / "models" / "extract" / "README.md"


def _summary(strict: float) -> dict:
    f = {"p": strict, "r": strict, "f1": strict}
    return {"settings": {"layers": 6, "train_sentences": 1057, "dev_sentences": 216, "lr": 1e-4, "head_lr": 2e-3,
                         "batch_size": 16, "max_len": 128, "seed": 13, "epochs_run": 3, "best_epoch": 2,
                         "train_seconds": 10.0, "weights": "float16"},
            "dev": {k: f for k in ("strict", "numeric", "actor", "action", "quantity", "unit", "span")}}


def test_retrain_replaces_only_the_generated_block():
    shipped = CARD.read_text(encoding="utf-8")
    once = merge_card(shipped, model_card(_summary(0.123)))
    assert "| dev | 0.123 |" in once
    # every hand-written section of the shipped card is still there, once
    for heading in [line for line in shipped.splitlines() if line.startswith("## ")
                    and "Scores" not in line]:
        assert once.count(heading) >= 1, heading
    twice = merge_card(once, model_card(_summary(0.456)))
    assert "| dev | 0.456 |" in twice and "| dev | 0.123 |" not in twice
    assert twice.count(CARD_BEGIN) == 1 and twice.count(CARD_END) == 1
    # nothing outside the markers changed
    assert once.split(CARD_END, 1)[1] == twice.split(CARD_END, 1)[1]
    assert once.split(CARD_BEGIN, 1)[0] == twice.split(CARD_BEGIN, 1)[0]


def test_a_new_directory_gets_the_generated_card():
    card = merge_card(None, model_card(_summary(0.5)))
    assert card.startswith(CARD_BEGIN) and card.rstrip().endswith(CARD_END)


def test_the_card_says_when_the_tagger_has_word_features():
    plain = model_card(_summary(0.5))
    summary = _summary(0.5)
    summary["settings"]["features"] = True
    feat = model_card(summary)
    assert "Word features" not in plain and "--features" not in plain
    assert "**Word features**" in feat and "jieba.posseg" in feat
    # the reproduce line gives the flag that trains a feature model
    assert "`zhie train model --features`" in feat and "features=True" in feat
