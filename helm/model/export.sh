#!/usr/bin/env bash
# Exports rubert-tiny2 (https://huggingface.co/cointegrated/rubert-tiny2, MIT) to ONNX for
# triage-service: writes out/model.onnx and out/tokenizer.json, checks them with ONNX Runtime, and
# records their checksums in out/SHA256SUMS.
#
# Needs Python 3.10+ and access to the Hugging Face hub (or a mirror of it: HF_ENDPOINT), so it
# runs on a workstation or in CI, not on the build machines. Then build helm/model/Dockerfile.
set -euo pipefail
cd "$(dirname "$0")"

REVISION="${RUBERT_REVISION:-main}"   # pin a commit of the model repository for reproducible builds
python3 -m venv .venv
# shellcheck source=/dev/null
source .venv/bin/activate
pip install --quiet "optimum[exporters,onnxruntime]==1.23.3" "transformers==4.46.3" "torch==2.5.1" "numpy<2.2"

rm -rf out && mkdir -p out
# feature-extraction: inputs input_ids, attention_mask, token_type_ids; output last_hidden_state
# (312 dimensions). The service pools it and normalizes the vector.
optimum-cli export onnx --model cointegrated/rubert-tiny2 --revision "$REVISION" \
  --task feature-extraction --opset 17 out/

python3 - <<'PY'
import numpy as np, onnxruntime as ort
from tokenizers import Tokenizer
tok = Tokenizer.from_file("out/tokenizer.json")
sess = ort.InferenceSession("out/model.onnx")
def embed(text):
    enc = tok.encode(text)
    feed = {"input_ids": np.array([enc.ids], dtype=np.int64),
            "attention_mask": np.array([enc.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([enc.type_ids], dtype=np.int64)}
    feed = {k: v for k, v in feed.items() if k in {i.name for i in sess.get_inputs()}}
    hidden = sess.run(None, feed)[0][0]
    mask = np.array(enc.attention_mask, dtype=np.float32)[:, None]
    v = (hidden * mask).sum(0) / mask.sum()
    return v / np.linalg.norm(v)
a, b, c = embed("Болит голова и тошнит"), embed("Мигрень, пульсирующая боль в висках"), embed("Болит колено при ходьбе")
assert a.shape == (312,), a.shape
print(f"similar: {a @ b:.3f}  unrelated: {a @ c:.3f}")
assert a @ b > a @ c, "the exported model does not separate related from unrelated symptoms"
PY

(cd out && sha256sum model.onnx tokenizer.json > SHA256SUMS && cat SHA256SUMS)
echo "out/ is ready: docker build -f helm/model/Dockerfile -t <registry>/yavka/rubert-tiny2-onnx:<tag> helm/model"
