"""Fine-tuned tuple extractor: a BIO token classifier plus two learned link heads.

Architecture (one encoder forward per sentence):

* ``BertForTokenClassification`` (transformers) over e5-small-zh, BIO labels for
  ACTOR / ACTION / QUANTITY / UNIT on character-level words
  (:mod:`nlp.extract.labels` explains why words, not natural XLM-R pieces);
* **tuple assembly, learned**: for every QUANTITY span a bilinear link head
  scores which ACTOR span and which ACTION span (or none, the ``<s>`` slot) it
  belongs to, with a learned bias per relative-distance bucket. This handles the
  guide's carried actors, passives with agents and shared predicates without
  hand rules; the unit is the UNIT span that starts where the quantity ends.
  Qualifier and value come from :func:`nlp.extract.quantity.parse_quantity` when
  that module is present.

Inference (``ModelExtractor.predict``) sorts sentences by length, batches them,
runs under ``torch.inference_mode`` and optionally dynamic int8 ``Linear``s; the
model is loaded once per directory and shared by threads (loading is locked;
forward passes need no lock in eval mode).
"""
from __future__ import annotations

import json
import math
import os
import threading
from pathlib import Path
from typing import Sequence

from ..document import Tuple
from ..errors import ModelError
from . import RUNTIMES, valid_int8
from .labels import LABELS, Span, classifier_tokenizer, decode_spans

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "extract"
ROLES = ("actor", "action")
N_BUCKETS = 16

# qualifier words per annotation guide ("Optional extra fields"); used only when
# nlp.extract.quantity is not importable
_QUAL_BEFORE = [("不足", "<"), ("不到", "<"), ("低于", "<"), ("超过", ">"), ("突破", ">"), ("至少", ">="),
                ("接近", "~"), ("超", ">"), ("逾", ">"), ("近", "~"), ("约", "~")]
_QUAL_AFTER = [("以上", ">="), ("以下", "<="), ("左右", "~")]


def _bucket(d):
    """Signed log-distance bucket of ``d = candidate - quantity`` (in words), 0..N_BUCKETS-1."""
    import torch

    sign = (d > 0).long()
    mag = torch.clamp(torch.log2(d.abs().float() + 1).long(), max=N_BUCKETS // 2 - 1)
    return sign * (N_BUCKETS // 2) + mag


def build_network(config):
    """The torch module: token classifier + link heads (actor, action)."""
    import torch
    from torch import nn
    from transformers import BertForTokenClassification

    class TupleTagger(nn.Module):
        def __init__(self, config):
            super().__init__()
            self.tc = BertForTokenClassification(config)
            self.links = nn.ModuleDict({r: _link_head(config.hidden_size) for r in ROLES})
            wf = getattr(config, "word_features", None)
            if wf:   # optional jieba word-position / POS input features (nlp.extract.features)
                from .features import feature_module

                self.feats = feature_module(config.hidden_size, wf)

        def forward(self, input_ids, attention_mask, pos, qpos=None, feats=None):
            h = encoder_states(self, input_ids, attention_mask, feats)
            logits = self.tc.classifier(self.tc.dropout(h))
            links = {}
            if qpos is not None and qpos.numel():
                for r in ROLES:
                    links[r] = self.links[r](h, qpos, pos).masked_fill(
                        attention_mask.unsqueeze(1) == 0, -1e4)
            return logits, links

    return TupleTagger(config)


def build_inference_network(cfg: dict):
    """The same network as :func:`build_network` in plain torch, for inference only.

    Importing transformers' BERT classes costs ~6 s of the cold start on the 2-core box
    (measured: torch 2.5 s, transformers 5.9 s, load 0.6 s), so loading the shipped model
    uses this re-implementation of BertModel (absolute positions from 0, token type 0,
    post-LayerNorm, erf GELU) with identical parameter names; it is checked against the
    transformers module by tests/extract/test_model.py.
    """
    import types

    import torch
    from torch import nn

    H, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]

    class Emb(nn.Module):
        def __init__(self):
            super().__init__()
            self.word_embeddings = nn.Embedding(cfg["vocab_size"], H)
            self.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], H)
            self.token_type_embeddings = nn.Embedding(cfg["type_vocab_size"], H)
            self.LayerNorm = nn.LayerNorm(H, eps=eps)

        def forward(self, ids=None, inputs_embeds=None):
            x = self.word_embeddings(ids) if inputs_embeds is None else inputs_embeds
            T = x.size(1)
            x = x + self.position_embeddings.weight[:T] + self.token_type_embeddings.weight[0]
            return self.LayerNorm(x)

    def lin_ln(with_ln: bool, i: int, o: int):
        m = nn.Module()
        m.dense = nn.Linear(i, o)
        if with_ln:
            m.LayerNorm = nn.LayerNorm(o, eps=eps)
        return m

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.attention = nn.Module()
            self.attention.self = nn.Module()
            for n in ("query", "key", "value"):
                setattr(self.attention.self, n, nn.Linear(H, H))
            self.attention.output = lin_ln(True, H, H)
            self.intermediate = lin_ln(False, H, cfg["intermediate_size"])
            self.output = lin_ln(True, cfg["intermediate_size"], H)

        def forward(self, x, bias):
            B, T, _ = x.shape
            a = self.attention.self
            q, k, v = (f(x).view(B, T, heads, H // heads).transpose(1, 2) for f in (a.query, a.key, a.value))
            ctx = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=bias)
            ctx = ctx.transpose(1, 2).reshape(B, T, H)
            x = self.attention.output.LayerNorm(self.attention.output.dense(ctx) + x)
            h = torch.nn.functional.gelu(self.intermediate.dense(x))
            return self.output.LayerNorm(self.output.dense(h) + x)

    class Bert(nn.Module):
        def __init__(self):
            super().__init__()
            self.embeddings = Emb()
            self.encoder = nn.Module()
            self.encoder.layer = nn.ModuleList(Layer() for _ in range(cfg["num_hidden_layers"]))

        def forward(self, input_ids=None, attention_mask=None, inputs_embeds=None):
            x = self.embeddings(input_ids, inputs_embeds)
            bias = torch.zeros(attention_mask.shape, dtype=x.dtype).masked_fill(attention_mask == 0, torch.finfo(x.dtype).min)
            bias = bias[:, None, None, :]
            for layer in self.encoder.layer:
                x = layer(x, bias)
            return types.SimpleNamespace(last_hidden_state=x)

    class TC(nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = Bert()
            self.dropout = nn.Identity()
            self.classifier = nn.Linear(H, cfg["num_labels"] if "num_labels" in cfg else len(cfg["id2label"]))
            self.config = types.SimpleNamespace(**cfg)

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.tc = TC()
            self.links = nn.ModuleDict({r: _link_head(H) for r in ROLES})
            if cfg.get("word_features"):
                from .features import feature_module

                self.feats = feature_module(H, cfg["word_features"])

    return Tagger()


def encoder_states(net, input_ids, attention_mask, feats=None):
    """Last hidden states of a tagger network; with word features (``net.feats`` and ids
    ``feats [B, T, 2]``) their embeddings are added to the word embeddings before the
    embedding LayerNorm (:mod:`nlp.extract.features`)."""
    fm = getattr(net, "feats", None)
    bert = net.tc.bert
    if fm is None or feats is None:
        return bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
    emb = bert.embeddings.word_embeddings(input_ids) + fm(feats)
    return bert(inputs_embeds=emb, attention_mask=attention_mask).last_hidden_state


def _link_head(hidden: int, dim: int = 128):
    import torch
    from torch import nn

    class LinkHead(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(hidden, dim)
            self.k = nn.Linear(hidden, dim)
            self.dist = nn.Embedding(N_BUCKETS, 1)
            self.scale = 1.0 / math.sqrt(dim)

        def forward(self, h, qpos, pos):
            """Scores ``[B, Q, T]`` of every token for the quantity tokens ``qpos [B, Q]``."""
            qh = torch.gather(h, 1, qpos.unsqueeze(-1).expand(-1, -1, h.size(-1)))
            s = torch.einsum("bqd,btd->bqt", self.q(qh), self.k(h)) * self.scale
            d = pos.unsqueeze(1) - torch.gather(pos, 1, qpos).unsqueeze(-1)     # word distance
            return s + self.dist(_bucket(d)).squeeze(-1)

    return LinkHead()


def load_network(model_dir: str | os.PathLike, *, int8: bool = False):
    """The torch inference network of a tagger directory (float32, eval mode)."""
    import torch
    from safetensors.torch import load_file

    model_dir = Path(model_dir)
    cfg = _read_config(model_dir)
    net = build_inference_network(cfg)
    sd = dequantize_state(load_file(str(model_dir / "model.safetensors")))
    missing, unexpected = net.load_state_dict(sd, strict=False)
    missing = [k for k in missing if "position_ids" not in k]
    if missing or unexpected:
        raise ModelError(f"{model_dir}: weights do not fit the network (missing {missing[:3]}, "
                         f"unexpected {unexpected[:3]}); retrain with `zhie train model`.")
    net.eval()
    if int8:
        net = torch.ao.quantization.quantize_dynamic(net, {torch.nn.Linear}, dtype=torch.qint8)
    return net


def _read_config(model_dir: Path) -> dict:
    if not (model_dir / "model.safetensors").exists():
        raise ModelError(f"no tagger weights in {model_dir}; run `zhie train model` "
                         f"(nlp.extract.train.train_model) or pass model_dir=.")
    cfg = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if cfg.get("hidden_act", "gelu") != "gelu" or cfg.get("position_embedding_type", "absolute") != "absolute":
        raise ModelError(f"{model_dir}/config.json: only BERT with erf GELU and absolute positions "
                         "is supported; retrain with `zhie train model`.")
    return cfg


def check_int8(int8: bool | str) -> bool | str:
    """``int8`` as given, or a ModelError: True, False or ``"auto"`` (the int8 graph where it keeps F1: ONNX)."""
    if valid_int8(int8):
        return int8
    raise ModelError(f"int8 must be true, false or \"auto\", got {int8!r}.")


def resolve_int8(int8: bool | str, runtime: str) -> bool:
    """Whether the resolved ``runtime`` (``"onnx"`` / ``"torch"``) runs its int8 graph.

    ``"auto"`` = int8 on ONNX Runtime only: its selective int8 graph keeps dev F1 (models/extract/SPEED.md),
    while torch's dynamic int8 of every Linear costs ~11 dev points (session 4), so torch stays fp32.
    """
    return runtime == "onnx" if check_int8(int8) == "auto" else bool(int8)


def resolve_runtime(runtime: str) -> str:
    """``"onnx"`` or ``"torch"`` for a configured runtime (``auto`` = onnx when onnxruntime imports).

    The int8 setting does not change the choice (:func:`resolve_int8` reads it once the runtime is
    known: the int8 graph on ONNX, :func:`nlp.extract.onnx_runtime.build_int8_cache`).
    """
    if runtime not in RUNTIMES:
        raise ModelError(f"runtime must be one of {RUNTIMES}, got {runtime!r}.")
    if runtime == "auto":
        import importlib.util

        return "onnx" if importlib.util.find_spec("onnxruntime") else "torch"
    return runtime


class _Loaded:
    """A loaded model directory: forward pass (ONNX Runtime or torch), tokenizer, settings.

    ``forward(ids, mask)`` takes int64 numpy arrays and returns numpy outputs named as in
    :data:`nlp.extract.onnx_runtime.OUTPUTS` for either runtime. ``net`` (the torch module)
    is built on first access when the ONNX runtime serves the forward pass, so the ONNX
    path never imports torch.
    """

    def __init__(self, model_dir: Path, *, int8: bool | str, threads: int | None, runtime: str = "torch",
                 streams: int | None = None):
        import warnings

        from tokenizers import Tokenizer

        self.model_dir = Path(model_dir)
        self.threads = threads
        cfg = _read_config(self.model_dir)
        self.features = bool(cfg.get("word_features"))
        self.runtime = resolve_runtime(runtime)
        self.int8_setting = int8
        self.int8 = resolve_int8(int8, self.runtime)   # the effective choice, a bool
        self.ort = None
        self.streams = 1
        self._pool = None
        if self.runtime == "onnx":
            from . import onnx_runtime as ox

            try:
                path = (ox.build_int8_cache if self.int8 else ox.build_cache)(self.model_dir)
                self.streams, intra = ox.stream_plan(threads, streams)
                self.ort = ox.OrtNetwork(path, threads=intra)
                self.dist = ox.link_dist_weights(self.model_dir)
            except (OSError, ModelError) as exc:
                if runtime == "onnx":
                    raise ModelError(f"ONNX runtime unavailable for {self.model_dir}: {exc}. "
                                     "Use runtime='torch' or set ZHIE_CACHE_DIR to a writable directory.") from exc
                # one report: a RuntimeWarning (shown on stderr by default, filterable by library users)
                warnings.warn(f"zhie: ONNX cache unavailable ({exc}); using the torch runtime "
                              "(set ZHIE_CACHE_DIR to a writable directory, or runtime='torch').",
                              RuntimeWarning, stacklevel=2)
                self.runtime, self.ort = "torch", None
                self.int8 = resolve_int8(int8, self.runtime)
        if self.ort is None:
            self.streams = 1
            self.net = self._torch_net()
        self.tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        lex_path = self.model_dir / "lexicon.json"
        self.lexicon = json.loads(lex_path.read_text(encoding="utf-8")) if lex_path.exists() else None
        st = self.model_dir / "settings.json"
        self.settings = json.loads(st.read_text()) if st.exists() else {}
        self.max_len = int(self.settings.get("max_len", 128))
        self.tok.enable_truncation(self.max_len)

    def _torch_net(self):
        import torch

        if self.threads:
            torch.set_num_threads(self.threads)
        # the torch network of an ONNX-served model (built on first use) follows the setting for torch:
        # int8="auto" serves the int8 ONNX graph but an fp32 torch network
        return load_network(self.model_dir, int8=resolve_int8(self.int8_setting, "torch"))

    def __getattr__(self, name):
        # only reached when the attribute is missing: the torch net of an ONNX-served model
        if name == "net" and "model_dir" in self.__dict__:
            self.net = self._torch_net()
            return self.net
        raise AttributeError(name)

    def forward(self, ids, mask, feats=None) -> dict:
        """Network outputs (numpy, :data:`nlp.extract.onnx_runtime.OUTPUTS`) of int64 ``[B, T]`` arrays
        (``feats``: int64 ``[B, T, 2]`` word-feature ids of a tagger that has them)."""
        if getattr(self, "ort", None) is not None:
            return self.ort(ids, mask, feats)
        import torch

        from .onnx_runtime import OUTPUTS, network_outputs

        with torch.inference_mode():
            outs = network_outputs(self.net, torch.from_numpy(ids), torch.from_numpy(mask),
                                   None if feats is None else torch.from_numpy(feats))
        return {n: o.float().numpy() for n, o in zip(OUTPUTS, outs)}

    def forward_iter(self, arrays):
        """``(ids, mask, outputs)`` for each ``(ids, mask)`` of ``arrays``, in order.

        With ``streams > 1`` (ONNX) up to ``2 * streams`` batches are in flight on a thread pool,
        each forward on one thread (:func:`nlp.extract.onnx_runtime.stream_plan` says why), while
        the caller decodes the finished ones; otherwise one batch after the other.
        """
        if self.streams <= 1:
            for arr in arrays:
                yield arr[0], arr[1], self.forward(*arr)
            return
        import collections

        pool = self._executor()
        pending = collections.deque()
        for arr in arrays:
            pending.append((arr[0], arr[1], pool.submit(self.forward, *arr)))
            if len(pending) >= 2 * self.streams:
                ids0, mask0, fut = pending.popleft()
                yield ids0, mask0, fut.result()
        while pending:
            ids0, mask0, fut = pending.popleft()
            yield ids0, mask0, fut.result()

    def _executor(self):
        if self._pool is None:
            with _CACHE_LOCK:
                if self._pool is None:
                    from concurrent.futures import ThreadPoolExecutor

                    self._pool = ThreadPoolExecutor(self.streams, thread_name_prefix="zhie-forward")
        return self._pool

    def dist_weights(self) -> dict:
        """Distance-bucket bias per link role, float32 numpy (from the torch net when loaded that way)."""
        d = self.__dict__.get("dist")
        if d is None:
            d = self.dist = {r: self.net.links[r].dist.weight.detach().float().numpy().reshape(-1) for r in ROLES}
        return d


_CACHE: dict[tuple, _Loaded] = {}
_CACHE_LOCK = threading.Lock()


def load(model_dir: str | os.PathLike = DEFAULT_MODEL, *, int8: bool | str = "auto", threads: int | None = None,
         runtime: str = "torch", streams: int | None = None) -> _Loaded:
    """Load (once per process and settings) a tagger directory.

    Args:
        runtime (str): ``"onnx"`` (ONNX Runtime, graph cached per weights by
            :func:`nlp.extract.onnx_runtime.build_cache`), ``"torch"``, or ``"auto"``
            (onnx when onnxruntime is installed; falls back to torch with a warning when
            the cache cannot be built).
        streams (int | None): ONNX only: batches run concurrently, the ``threads`` shared
            among them (:func:`nlp.extract.onnx_runtime.stream_plan`); None = one stream
            per thread.
    """
    # threads are part of the key: a network built for 1 thread must not serve a caller asking for 2
    key = (str(Path(model_dir).resolve()), int8, runtime, threads, streams)
    with _CACHE_LOCK:
        if key not in _CACHE:
            _CACHE[key] = _Loaded(Path(model_dir), int8=int8, threads=threads, runtime=runtime, streams=streams)
        return _CACHE[key]


def encode_batch(tok, texts: Sequence[str]):
    """Tokenise sentences; returns encodings and per-encoding word-index arrays."""
    return tok.encode_batch(list(texts))


CLAUSE_BREAKS = set("，,；;：:。！？!?\n")


def clause_of(sentence: str, i: int) -> tuple[int, int]:
    """``[start, end)`` of the clause (between ，；：。 marks) holding character ``i``."""
    s = i
    while s > 0 and sentence[s - 1] not in CLAUSE_BREAKS:
        s -= 1
    e = i
    while e < len(sentence) and sentence[e] not in CLAUSE_BREAKS:
        e += 1
    return s, e


def qualifier_of(sentence: str, qs: int, qe: int, ue: int) -> str:
    """Qualifier from the words around a quantity (guide's mapping), fallback only."""
    before = sentence[max(0, qs - 2):qs]
    after = sentence[ue:ue + 2]
    q = sentence[qs:qe]
    for w, sym in _QUAL_AFTER:
        if after.startswith(w):
            return sym
    for w, sym in _QUAL_BEFORE:
        if before.endswith(w):
            return sym
    if q.endswith(("多", "余", "几")):
        return "~"
    return "="


def _value_and_qualifier(sentence: str, qs: int, qe: int, us: int, ue: int) -> tuple[float | None, str]:
    try:
        from .quantity import parse_quantity
    except ImportError:
        return None, qualifier_of(sentence, qs, qe, ue)
    try:
        res = parse_quantity(sentence[qs:qe], sentence[us:ue], before=sentence[max(0, qs - 8):qs],
                             after=sentence[max(qe, ue):max(qe, ue) + 4])
        return res.value, res.qualifier
    except Exception:  # a normaliser failure must not lose the tuple
        return None, qualifier_of(sentence, qs, qe, ue)


# multi-character units named in shared/ANNOTATION.md ("unit", "Units")
GUIDE_UNITS = ("人次", "小时", "个百分点", "元/平方米", "微克/立方米")


def build_lexicon(records) -> dict[str, list[str]]:
    """Action and unit strings of gold records (the train split), longest first.

    Used by :func:`repair_span` to fix truncated word-level spans (the tagger
    sometimes labels only part of a word: 小 for 小时, 盖 for 覆盖).
    """
    acts, units, acts1 = set(), set(GUIDE_UNITS), set()
    for r in records:
        for t in r.get("tuples", []):
            if len(t.get("action", "")) > 1:
                acts.add(t["action"])
            elif t.get("action"):
                acts1.add(t["action"])   # whole one-character actions (为, 占, 达): not truncations
            if len(t.get("unit", "")) > 1:
                units.add(t["unit"])
    key = lambda w: (-len(w), w)  # noqa: E731
    return {"action": sorted(acts, key=key), "unit": sorted(units, key=key), "action1": sorted(acts1)}


def repair_span(sentence: str, span: Span, words: list[str], *, anchored: bool = False) -> Span:
    """Grow ``span`` to the longest lexicon word that contains it in the sentence.

    Args:
        anchored (bool): the word must start where the span starts (units start right
            after the numeral).
    """
    best = span
    for w in words:
        if len(w) <= best.end - best.start:
            break
        for lo in ([span.start] if anchored else range(max(0, span.end - len(w)), span.start + 1)):
            if lo + len(w) >= span.end and sentence.startswith(w, lo):
                return Span(lo, lo + len(w), span.type, span.score)
    return best


# refine rule 18: a fallback actor must have been a real contender of the link head. Chosen on
# dev+dev2 (cached session-5 tagger outputs; dev2 strict 0.10: 0.4454, 0.15: 0.4474, 0.20: 0.4433,
# 0.30: 0.4413, dev 0.5724 for all): 0.10 admits 主导产品基本 (p 0.14) over rule 14's 主导产品, 0.0
# a 0.00-probability 区 -> 港澳地区 (an object of 赴), 0.20 drops 浙江 (0.17) in 其中浙江3起. Few
# cases decide it: a tuned value, not a principled one
ALT_ACTOR_MIN_P = 0.15


def assemble(sentence: str, spans: list[Span], links: dict[int, dict[str, tuple[Span | None, float]]],
             lexicon: dict[str, list[str]] | None = None, *, rules: bool = True) -> list[Tuple]:
    """Turn spans + link decisions into guide tuples with offsets, value and qualifier.

    Args:
        sentence (str): the sentence.
        spans (list[Span]): predicted typed spans.
        links (dict): quantity span start -> role -> (linked span or None, probability);
            ``"actor_ranked"``: every actor choice (span or None, probability), best first.
        lexicon (dict | None): train-split action/unit words (:func:`build_lexicon`) used to
            grow truncated action and unit spans.
        rules (bool): repair actor/action boundaries with words and guide rules
            (:func:`nlp.extract.refine.refine_roles`). Defaults to True.

    Returns:
        list[Tuple]: one per QUANTITY span, in sentence order.
    """
    units = {s.start: s for s in spans if s.type == "UNIT"}
    out = []
    words = None
    for q in (s for s in spans if s.type == "QUANTITY"):
        unit = units.get(q.end) or (units.get(q.end + 1) if sentence[q.end:q.end + 1] == " " else None)
        role = links.get(q.start, {})
        actor, pa = role.get("actor", (None, 1.0))
        action, pc = role.get("action", (None, 1.0))
        if rules and (actor or action):
            from .refine import refine_roles, words_of

            if words is None:
                words = words_of(sentence)
            linked = actor, action
            actor, action = refine_roles(sentence, actor, action, lexicon, words)
            if linked[0] is not None and actor is None:
                # refine rule 18: the linked actor was a fragment the rules dropped (的, 保, 、):
                # the next-ranked candidate of the quantity's own clause that survives them, if
                # ranked above "no actor"
                c0, c1 = clause_of(sentence, q.start)
                for alt, p_alt in role.get("actor_ranked", ()):
                    if alt is None or p_alt < ALT_ACTOR_MIN_P:
                        break
                    if alt is not linked[0] and c0 <= alt.start and alt.end <= c1:
                        a2, c2 = refine_roles(sentence, alt, linked[1], lexicon, words)
                        if a2 is not None:
                            actor, action = a2, c2
                            break
        if rules and action is None:
            # refine rule 17 (guide "action": the predicate that governs the quantity): no action
            # linked, but the tagger found a predicate earlier in the quantity's own clause
            c0 = clause_of(sentence, q.start)[0]
            prev = [s for s in spans if s.type == "ACTION" and c0 <= s.start and s.end <= q.start
                    and not any(ch in "（(●" for ch in sentence[s.end:q.start])]   # not into a parenthesis
            if prev:
                from .refine import refine_roles, words_of

                if words is None:
                    words = words_of(sentence)
                action = refine_roles(sentence, None, prev[-1], lexicon, words)[1]
        if lexicon:
            if unit:
                unit = repair_span(sentence, unit, lexicon.get("unit", []), anchored=True)
            if action:
                grown = repair_span(sentence, action, lexicon.get("action", []))
                if rules and grown is not action:
                    from .refine import growth_cuts_word, words_of

                    if words is None:
                        words = words_of(sentence)
                    # refine rule 23 (session 16): a growth that cuts a word is not taken
                    grown = action if growth_cuts_word(action, grown, words) else grown
                action = grown
        if rules and action is not None:
            from .refine import cut_before, drop_action_adverb, light_verb_noun, trim_action

            # refine rule 19 (session 7): dative 给, aspect/directional tails, an edge inside the
            # next word, 并处罚金 -> 处 (after the lexicon growth, which can add them)
            action = trim_action(sentence, action, lexicon, words)
            # refine rule 21 (session 10): a light verb's action is the verbal noun it carries
            action = light_verb_noun(sentence, action)
            # refine rule 22 (session 16): a guide adverb at the action's front (共有 -> 有, 新开工 -> 开工)
            action = drop_action_adverb(sentence, action, lexicon)

            # the grown action (达 -> 高达) or rule 17's action may overlap the actor: fields are
            # distinct substrings (refine rule 5 again; a no-op for what refine_roles already cut)
            actor = cut_before(actor, action)
        us, ue = (unit.start, unit.end) if unit else (q.end, q.end)
        value, qual = _value_and_qualifier(sentence, q.start, q.end, us, ue)
        offsets = {"quantity": [q.start, q.end]}
        if unit:
            offsets["unit"] = [unit.start, unit.end]
        if actor:
            offsets["actor"] = [actor.start, actor.end]
        if action:
            offsets["action"] = [action.start, action.end]
        score = q.score * (unit.score if unit else 1.0) * pa * pc
        out.append(Tuple(actor=sentence[actor.start:actor.end] if actor else "",
                         action=sentence[action.start:action.end] if action else "",
                         quantity=sentence[q.start:q.end], unit=sentence[us:ue] if unit else "",
                         value=value, qualifier=qual, sentence=sentence, offsets=offsets, score=score))
    if rules and out:
        from .refine import carry_actors

        out = carry_actors(sentence, out, words)   # sentence-level actor rules (refine rules 12-14)
    return out


class ModelExtractor:
    """Backend "model": the fine-tuned tagger behind ``predict(sentences)``.

    Args:
        model_dir (str): tagger directory. Defaults to ``models/extract``.
        batch_size (int): sentences per forward pass (sentences are sorted by length
            first, so a batch holds similar lengths). Defaults to 8: on the 216 dev sentences
            (ONNX, 2 threads, 6 alternating passes, median) 8 ran 1.17-1.18x 32 (less padding:
            10.5k vs 11.9k tokens), 2/4/16 were 0.92-0.99x 8 and 64 0.73x.
        int8 (bool | str): int8 forward pass. ONNX runtime: the graph of
            :func:`nlp.extract.onnx_runtime.build_int8_cache` (Q/K/V, attention output and FFN1
            of every layer in int8 with calibrated, fixed activation scales, FFN2 and heads fp32;
            measured in models/extract/SPEED.md); torch runtime: dynamic int8 of every Linear at load
            (-11 dev points in session 4). ``"auto"``: int8 when the runtime resolves to ONNX, fp32 on
            torch (:func:`resolve_int8`). Defaults to "auto" (session 15: dev+dev2 strict 0.6994 int8
            vs 0.7032 fp32, within the issue's half point; fixed scales, so a sentence's tuples do not
            depend on its batch, unlike session 14's dynamic int8 graph).
        threads (int | None): threads of the runtime; None keeps its default (torch's; for
            ONNX Runtime one per core).
        streams (int | None): ONNX Runtime only: batches in flight at once, the threads shared
            among them; None = one single-threaded stream per thread, which ran faster than
            one batch at a time on all the threads (:func:`nlp.extract.onnx_runtime.stream_plan`).
        runtime (str): ``"auto"`` (ONNX Runtime when onnxruntime is importable, else torch),
            ``"onnx"`` or ``"torch"``. The ONNX graph is exported once per weights into a
            cache dir (:func:`nlp.extract.onnx_runtime.build_cache`). Defaults to "auto".
        clause_actions (bool): restrict a quantity's action to predicted ACTION spans of its own
            clause (ANNOTATION.md: a verb is not carried across a comma). Defaults to True.
        lexicon (bool): grow truncated action/unit spans to train-split words (lexicon.json).
            Defaults to True.
        skip_without_quantity (bool): return ``[]`` without a forward pass for a sentence with
            no quantity candidate (:func:`nlp.extract.gate.has_quantity_candidate`: no numeral
            outside dates, ordinals, titles, identifiers and words like 一些/统一). Every tuple has
            a quantity, so no tuple is lost: over every gold sentence of train, dev, dev2 and
            silver no sentence with a gold tuple is skipped (models/extract/SPEED.md, session 6).
            Defaults to True.
    """

    def __init__(self, *, model_dir: str = str(DEFAULT_MODEL), batch_size: int = 8, int8: bool | str = "auto",
                 threads: int | None = None, runtime: str = "auto", clause_actions: bool = True,
                 lexicon: bool = True, skip_without_quantity: bool = True, streams: int | None = None):
        if runtime not in RUNTIMES:
            raise ModelError(f"runtime must be one of {RUNTIMES}, got {runtime!r}.")
        self.skip_without_quantity = skip_without_quantity
        self.streams = streams
        self.clause_actions = clause_actions
        self.lexicon = lexicon
        self.model_dir = model_dir
        self.batch_size = batch_size
        self.int8 = check_int8(int8)
        self.threads = threads
        self.runtime = runtime
        self._m: _Loaded | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> _Loaded:
        if self._m is None:
            with self._lock:
                if self._m is None:
                    self._m = load(self.model_dir, int8=self.int8, threads=self.threads, runtime=self.runtime,
                                   streams=self.streams)
        return self._m

    def predict(self, sentences: Sequence[str]) -> list[list[Tuple]]:
        """Tuples per sentence (offsets relative to each sentence)."""
        spans, links = self.predict_spans(sentences)
        lex = self.loaded.lexicon if self.lexicon else None
        return [assemble(s, sp, lk, lex) for s, sp, lk in zip(sentences, spans, links)]

    def predict_spans(self, sentences: Sequence[str]):
        """Typed spans and link decisions per sentence (the model's raw output)."""
        m = self.loaded
        n = len(sentences)
        all_spans: list[list[Span]] = [[] for _ in range(n)]
        all_links: list[dict] = [{} for _ in range(n)]
        if self.skip_without_quantity:
            from .gate import has_quantity_candidate

            # no numeral that could be a quantity: no tuple (ANNOTATION.md), no forward pass
            live = [i for i in range(n) if has_quantity_candidate(sentences[i])]
        else:
            live = list(range(n))
        if not live:
            return all_spans, all_links
        encs = dict(zip(live, m.tok.encode_batch([sentences[i] for i in live])))
        order = sorted(live, key=lambda i: len(encs[i].ids))
        batches = [order[b0:b0 + self.batch_size] for b0 in range(0, len(order), self.batch_size)]
        pad = m.tok.token_to_id("<pad>")
        if getattr(m, "features", False):   # word-feature ids ride along with each batch (nlp.extract.features)
            from .features import feature_arrays

            def arrays(idx):
                ids, mask = batch_arrays([encs[i] for i in idx], pad)
                return ids, mask, feature_arrays([sentences[i] for i in idx], [encs[i] for i in idx], ids.shape[1])
        else:
            def arrays(idx):
                return batch_arrays([encs[i] for i in idx], pad)
        # forward passes run ahead on the runtime's streams while finished batches are decoded here
        computed = m.forward_iter(arrays(idx) for idx in batches)
        for idx, comp in zip(batches, computed):
            self._run_batch(m, [sentences[i] for i in idx], [encs[i] for i in idx], idx, all_spans, all_links, comp)
        return all_spans, all_links

    def _run_batch(self, m, sents, encs, idx, all_spans, all_links, computed):
        """Decode one batch; ``computed`` is its ``(ids, mask, outputs)`` from ``m.forward_iter``."""
        import numpy as np

        from .onnx_runtime import link_scores

        ids, mask, out = computed
        logits = out["logits"]
        # softmax max / argmax in numpy: p(argmax) = 1 / sum(exp(l - max))
        lmax = logits.max(-1, keepdims=True)
        pmax = 1.0 / np.exp(logits - lmax).sum(-1)
        amax = logits.argmax(-1)
        dist = m.dist_weights()
        for b, e in enumerate(encs):
            first, wsp, pos = word_layout(e, ids.shape[1])
            sp = decode_spans(wsp, amax[b, first].tolist(), pmax[b, first].tolist())
            if m.settings.get("decoding"):   # BIO-constrained Viterbi for some span types
                sp = decode_words(wsp, logits[b, first], m.settings["decoding"], greedy=sp, sentence=sents[b])
            all_spans[idx[b]] = sp
            quants = [s for s in sp if s.type == "QUANTITY"]
            if not quants:
                continue
            start2tok = dict(zip((w[0] for w in wsp), first.tolist()))
            qpos = np.array([start2tok[q.start] for q in quants], dtype=np.int64)
            links = all_links[idx[b]]
            for r in ROLES:
                typ = "ACTOR" if r == "actor" else "ACTION"
                sc = link_scores(out["q_" + r][b], out["k_" + r][b], dist[r], qpos, pos)   # [Q, T]
                cands = [s for s in sp if s.type == typ]
                toks = [0] + [start2tok[s.start] for s in cands]           # 0 = <s> = no link
                sub = sc[:, toks]
                sub = np.exp(sub - sub.max(-1, keepdims=True))
                sub /= sub.sum(-1, keepdims=True)
                if r == "action" and self.clause_actions and cands:
                    # guide: "A verb is not carried across a comma into a verbless clause":
                    # an action outside the quantity's clause is not a candidate
                    for j, q in enumerate(quants):
                        c0, c1 = clause_of(sents[b], q.start)
                        for k, cs in enumerate(cands, 1):
                            if not c0 <= cs.start < c1:
                                sub[j, k] = 0.0
                best = sub.argmax(-1).tolist()
                for j, q in enumerate(quants):
                    k = best[j]
                    links.setdefault(q.start, {})[r] = (cands[k - 1] if k else None, float(sub[j, k]))
                    if r == "actor":
                        # the ranked choices, for refine rule 18 (a fragment link falls back)
                        links[q.start]["actor_ranked"] = [(cands[i - 1] if i else None, float(sub[j, i]))
                                                          for i in np.argsort(-sub[j]).tolist()]


def decode_words(wspans, logits, decoding: dict, greedy: list[Span] | None = None,
                 sentence: str | None = None) -> list[Span]:
    """Typed spans of one sentence from word logits, BIO-constrained Viterbi for some types.

    The greedy argmax (:func:`nlp.extract.labels.decode_spans`) repairs an ``I-X`` without
    its ``B-X`` by starting a span there, which cuts names (国人民银行 for 中国人民银行, 境 for
    出境) and splits numerals (十 | 三). :func:`nlp.extract.labels.viterbi_labels` picks the best
    label path that is BIO-consistent, with train-split transition log-probabilities
    weighted by ``decoding["weight"]``. Spans of ``decoding["types"]`` come from that path;
    spans of the other types are the greedy ones that overlap none of them (session 6,
    shipped weights' cached outputs: Viterbi ACTION spans had a better span F1 but a lower
    action field F1 on dev and dev2 after the lexicon/refine repair of the greedy ones).

    Args:
        wspans: character span per word. logits: ``[W, len(LABELS)]`` word scores.
        decoding (dict): ``{"types": [...], "weight": float, "transitions": [[...]]}``
            (settings.json of the tagger directory; written by ``train.train_model``).
        greedy (list[Span] | None): the greedy spans when already decoded.
        sentence (str | None): the sentence, for ``decoding["snap_types"]`` (:func:`snap_spans`).
    """
    from .labels import viterbi_labels

    types = set(decoding.get("types", ()))
    if greedy is None:
        import numpy as np

        lg = np.asarray(logits)
        pr = np.exp(lg - lg.max(-1, keepdims=True))
        pr /= pr.sum(-1, keepdims=True)
        greedy = decode_spans(wspans, lg.argmax(-1).tolist(), pr.max(-1).tolist())
    spans = greedy
    if types:
        path, probs = viterbi_labels(logits, decoding.get("transitions"), float(decoding.get("weight", 0.0)))
        vit = [s for s in decode_spans(wspans, path, probs) if s.type in types]
        rest = [s for s in greedy if s.type not in types
                and all(s.end <= v.start or s.start >= v.end for v in vit)]
        spans = sorted(vit + rest, key=lambda s: s.start)
    if decoding.get("snap_types") and sentence is not None:
        spans = snap_spans(sentence, spans, wspans, logits, decoding["snap_types"],
                           float(decoding.get("snap_mass", 0.4)))
    return spans


def snap_spans(sentence: str, spans: list[Span], wspans, logits, types, min_mass: float) -> list[Span]:
    """Span edges inside a jieba word moved to the word's edge when the tagger agrees.

    An edge of a span of ``types`` that falls inside a word (refine.words_of) moves out to that
    word's start / end when every character it takes in has at least ``min_mass`` of the span's
    type (p(B-X) + p(I-X)): the tagger's own probability mass agrees that the word belongs to the
    span (guide "actor: the noun phrase as written"; 出|境, 投|入 cut by the argmax). A span that
    then overlaps the previous one is dropped (the earlier span keeps its characters).
    """
    import numpy as np

    from .labels import LABEL2ID
    from .refine import words_of

    lg = np.asarray(logits, dtype=np.float64)
    pr = np.exp(lg - lg.max(-1, keepdims=True))
    pr /= pr.sum(-1, keepdims=True)
    word_at = {c: k for k, (a, b) in enumerate(wspans) for c in range(a, b)}
    words = words_of(sentence)
    out = []
    for sp in spans:
        if sp.type in types:
            cols = [LABEL2ID["B-" + sp.type], LABEL2ID["I-" + sp.type]]
            ok = lambda lo, hi: all(pr[word_at[c], cols].sum() >= min_mass for c in range(lo, hi) if c in word_at)  # noqa: E731
            s, e = sp.start, sp.end
            for a, b in words:
                if a < s < b and ok(a, s):
                    s = a
                if a < e < b and ok(e, b):
                    e = b
            sp = Span(s, e, sp.type, sp.score)
        out.append(sp)
    out.sort(key=lambda x: x.start)
    kept: list[Span] = []
    for sp in out:
        if kept and sp.start < kept[-1].end:
            continue
        kept.append(sp)
    return kept


def batch_arrays(encs, pad_id: int):
    """Padded int64 ``input_ids`` and ``attention_mask`` arrays ``[B, T]`` of encodings."""
    import numpy as np

    T = max(len(e.ids) for e in encs)
    ids = np.full((len(encs), T), pad_id, dtype=np.int64)
    mask = np.zeros((len(encs), T), dtype=np.int64)
    for b, e in enumerate(encs):
        L = len(e.ids)
        ids[b, :L] = e.ids
        mask[b, :L] = 1
    return ids, mask


def word_layout(enc, T: int):
    """Word structure of one encoding, vectorised.

    Returns:
        tuple: ``first`` (int array, token index of each word's first piece), ``wspans``
        (list of ``(start, end)`` character spans per word: union of its pieces' offsets) and
        ``pos`` (int64 ``[T]``: 1-based word number of every piece, 0 for specials/padding).
    """
    import numpy as np

    L = len(enc.ids)
    w = np.array(enc.word_ids, dtype=np.float64)          # None -> nan (special tokens)
    valid = ~np.isnan(w)
    prev = np.concatenate(([np.nan], w[:-1]))
    first_mask = valid & (w != prev)
    pos = np.zeros(T, dtype=np.int64)
    pos[:L] = np.cumsum(first_mask) * valid
    first = np.flatnonzero(first_mask)
    if not len(first):
        return first, [], pos
    offs = np.array(enc.offsets, dtype=np.int64).reshape(L, 2)
    vidx = np.flatnonzero(valid)
    # word boundaries among the valid pieces: reduceat over runs of equal word id
    starts = np.flatnonzero(np.concatenate(([True], w[vidx][1:] != w[vidx][:-1])))
    lo = np.minimum.reduceat(offs[vidx, 0], starts)
    hi = np.maximum.reduceat(offs[vidx, 1], starts)
    return first, list(zip(lo.tolist(), hi.tolist())), pos


SCALE_SUFFIX = ".__scale"


def quantize_state(sd: dict) -> dict:
    """Per-output-row symmetric int8 for every 2-D weight matrix (scale = max|row| / 127, fp16).

    Biases, LayerNorm and small tensors stay fp16. Used for the shipped file
    (half the size of fp16); :func:`dequantize_state` restores float32 at load.
    """
    import torch

    out = {}
    for k, v in sd.items():
        v = v.detach().float()
        if v.dim() == 2 and v.numel() >= 4096:
            scale = (v.abs().amax(dim=1, keepdim=True) / 127.0).clamp(min=1e-8).half()
            out[k] = torch.round(v / scale.float()).clamp(-127, 127).to(torch.int8).contiguous()
            out[k + SCALE_SUFFIX] = scale.contiguous()
        else:
            out[k] = v.half().contiguous()
    return out


def dequantize_state(sd: dict) -> dict:
    """Float32 state dict from a stored one (int8 + scales, fp16 or fp32)."""
    out = {}
    for k, v in sd.items():
        if k.endswith(SCALE_SUFFIX):
            continue
        scale = sd.get(k + SCALE_SUFFIX)
        out[k] = v.float() * scale.float() if scale is not None else v.float()
    return out


def lexicon_bytes(lexicon: dict) -> bytes:
    """The lexicon.json bytes of a tagger directory (:func:`save_tagger`, ``train.rebuild_lexicon``)."""
    return json.dumps(lexicon, ensure_ascii=False, indent=0).encode()


def save_tagger(net, tokenizer, out_dir: str | os.PathLike, *, settings: dict, card: str, dtype: str = "float16",
                lexicon: dict | None = None) -> None:
    """Write weights (safetensors), config, tokenizer, settings and model card atomically."""
    import torch
    from safetensors.torch import save_file

    from ..io.writers import atomic_path, write_bytes_atomic

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sd = {k: v for k, v in net.state_dict().items() if "position_ids" not in k}
    if dtype == "int8":
        sd = quantize_state(sd)
    else:
        tdt = {"float16": torch.float16, "float32": torch.float32}[dtype]
        sd = {k: v.detach().to(tdt).contiguous() for k, v in sd.items()}
    files = {
        "config.json": net.tc.config.to_json_string().encode(),
        "tokenizer.json": tokenizer.to_str().encode(),
        "settings.json": json.dumps(settings, indent=2, ensure_ascii=False).encode(),
        "README.md": card.encode(),
    }
    if lexicon is not None:
        files["lexicon.json"] = lexicon_bytes(lexicon)
    with atomic_path(out_dir / "model.safetensors") as tmp:
        save_file(sd, str(tmp), metadata={"format": "pt"})
    for name, data in files.items():
        write_bytes_atomic(out_dir / name, data)


__all__ = ["ModelExtractor", "assemble", "build_network", "load", "save_tagger", "LABELS", "classifier_tokenizer"]
