"""Export a checkpoint to ONNX (logits, features, feature map), verify it, and write its card."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import torch

from dermassist import INTENDED_USE
from dermassist.evaluation.dataset import dataset_name
from dermassist.inference.card import InputSpec, card_from_dict, sha256_file, write_card
from dermassist.inference.preprocess import preprocess
from dermassist.training.data import preload, read_labels
from dermassist.training.ensemble import EnsembleWrapper
from dermassist.training.models import DermNet, ExportWrapper, build

ISIC_DATA: dict[str, Any] = {
    "name": "isic",
    "description": (
        "ISIC Archive dermoscopy: HAM10000 (5,984 images), ISIC 2017 challenge training+validation "
        "(2,150 images) and ISIC 2017 test (600 images, in train); fixed lesion-grouped train/val/test "
        "split; malignant = melanoma, basal cell carcinoma, actinic keratosis/intraepithelial carcinoma"
    ),
    "licence": "CC BY-NC 4.0 (HAM10000) and ISIC Archive terms (CC-0 / CC-BY-NC): non-commercial use only",
    "citations": [
        "Tschandl P, Rosendahl C, Kittler H. The HAM10000 dataset. Sci Data 5:180161 (2018)",
        "Codella N et al. Skin lesion analysis toward melanoma detection (ISIC 2017). ISBI 2018",
    ],
    "splits": {"train": 6790, "val": 1048, "test": 896},
}
DERM7PT_DATA: dict[str, Any] = {
    "name": "derm7pt",
    "description": (
        "Derm7pt (Interactive Atlas of Dermoscopy): 1,003 lesion-centred crops from other clinics, "
        "dermatoscopes and decades; malignant = melanoma (all stages) and basal cell carcinoma"
    ),
    "licence": "research use only (Derm7pt terms)",
    "citations": [
        "Kawahara J, Daneshvar S, Argenziano G, Hamarneh G. Seven-Point Checklist and Skin Lesion "
        "Classification using Multi-Task Multi-Modal Neural Nets. IEEE JBHI 2018",
    ],
    "splits": {"train": 499, "val": 201, "test": 303},
}
KNOWN_DATA = {"isic": ISIC_DATA, "derm7pt": DERM7PT_DATA}


def training_data(names: list[str]) -> dict[str, Any]:
    """The card's training-data section for the data folders a model was trained on."""
    parts = [KNOWN_DATA.get(n, {"name": n, "description": f"labelled folder {n}", "licence": "unknown",
                                 "citations": [], "splits": {}}) for n in names]
    return {
        "description": "; ".join(p["description"] for p in parts),
        "licence": "; ".join(p["licence"] for p in parts),
        "citations": [c for p in parts for c in p["citations"]],
        "sources": {p["name"]: p["splits"] for p in parts},
        "selection": "best epoch, temperature and threshold chosen on the val split of every source",
    }


LIMITATIONS = [
    "Trained on dermoscopic images only: clinical (non-dermoscopic) photographs, nails, mucosa and "
    "pictures of whole body areas are outside its scope.",
    "Training data come mostly from fair-skinned European and Australian patients; performance on "
    "darker skin types (Fitzpatrick IV-VI) is unknown.",
    "Benign class mixes naevi, seborrhoeic keratoses, dermatofibromas and vascular lesions; rare "
    "malignancies (e.g. squamous cell carcinoma, Merkel cell) are absent or scarce.",
    "Images were squashed to a square in training; the app resizes whole pictures the same way.",
    "Skill measured on the sources it was trained on overstates what to expect elsewhere: the figure for a "
    "clinic it was never trained on (the same recipe trained without that source) is the better guide.",
    "Full-resolution clinic photographs can score differently from the data sets' small copies of the same "
    "lesion (benchmarks/decode_consistency.py gives the measured differences).",
]


def load_checkpoint(ckpt_path: Path) -> tuple[DermNet, InputSpec, dict[str, Any]]:
    """The fine-tuned network, its input spec and the checkpoint's metadata."""
    ck = torch.load(ckpt_path, map_location="cpu", weights_only=False)
    built = build(ck["arch"], pretrained=False)
    built.net.load_state_dict(ck["model"])
    s = ck["spec"]
    spec = InputSpec(s["name"], tuple(s["size"]), s["layout"], s["resize"], s["channel_order"],
                     s["pixel_scale"], tuple(s["mean"]), tuple(s["std"]), s["interpolation"],
                     decode=s.get("decode", "reduced"), colour_constancy=s.get("colour_constancy", "none"),
                     field_of_view=s.get("field_of_view", "full"))
    return built.net.eval(), spec, ck


def export_onnx(ckpt_paths: list[Path], onnx_path: Path) -> tuple[torch.nn.Module, InputSpec, list[dict[str, Any]]]:
    """Write the ONNX file (opset 17, dynamic batch) for one checkpoint or an ensemble of several."""
    loaded = [load_checkpoint(p) for p in ckpt_paths]
    spec = loaded[0][1]
    net: torch.nn.Module
    if len(loaded) == 1:
        net = ExportWrapper(loaded[0][0]).eval()
    else:
        net = EnsembleWrapper([(n, s) for n, s, _ in loaded]).eval()
    dummy = torch.zeros(1, 3, *spec.size)
    tmp = onnx_path.with_suffix(".onnx.tmp")
    torch.onnx.export(
        net, (dummy,), str(tmp), opset_version=17, input_names=["input"],
        output_names=["logits", "features", "feature_map", "cam"],
        dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}, "features": {0: "batch"},
                      "feature_map": {0: "batch"}, "cam": {0: "batch"}},
        dynamo=False,
    )
    tmp.replace(onnx_path)
    return net, spec, [ck for _, _, ck in loaded]


def verify_against_torch(net: torch.nn.Module, onnx_path: Path, images: list[np.ndarray], spec: InputSpec) -> float:
    """Max absolute malignant-probability difference between torch and ONNX Runtime."""
    import onnxruntime as ort

    x = np.stack([preprocess(im, spec) for im in images])
    sess = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    onnx_logits = sess.run(["logits"], {"input": x})[0]
    with torch.no_grad():
        torch_logits = net(torch.from_numpy(x))[0].numpy()
    p_onnx = torch.softmax(torch.from_numpy(onnx_logits), 1).numpy()
    p_torch = torch.softmax(torch.from_numpy(torch_logits), 1).numpy()
    return float(np.abs(p_onnx - p_torch).max())


def export_with_card(ckpt_path: Path | list[Path], out: Path, data: Path | list[Path], name: str, version: str,
                     limit: int | None = None, log=print) -> Path:  # type: ignore[no-untyped-def]
    """Export, check against torch on real validation images, calibrate, measure, write the card."""
    from dermassist.evaluation.evaluate import calibrate_and_measure

    onnx_path = out / f"{name}-{version}.onnx"
    paths = ckpt_path if isinstance(ckpt_path, list) else [ckpt_path]
    net, spec, cks = export_onnx(paths, onnx_path)
    ck = cks[0]
    arch = "+".join(c["arch"] for c in cks)
    roots = list(data) if isinstance(data, list) else [data]
    val = read_labels(roots[0], "val", limit or 64)
    diff = verify_against_torch(net, onnx_path, preload(val), spec)
    log(f"ONNX vs torch: max |dp| = {diff:.2e} on {len(val)} validation images")
    if diff >= 1e-4:
        raise RuntimeError(f"ONNX export differs from torch by {diff:.2e} (limit 1e-4)")
    card: dict[str, Any] = {
        "schema_version": 1, "name": name, "version": version,
        "architecture": arch if len(cks) == 1 else f"ensemble({arch})",
        "file": onnx_path.name, "sha256": sha256_file(onnx_path),
        "input": {"name": "input", "size": list(spec.size), "layout": spec.layout, "resize": spec.resize,
                  "colour_constancy": spec.colour_constancy,
                  "field_of_view": spec.field_of_view,
                  "interpolation": spec.interpolation, "channel_order": spec.channel_order,
                  "pixel_scale": spec.pixel_scale, "mean": list(spec.mean), "std": list(spec.std)},
        "output": {"name": "logits", "kind": "logits", "labels": ["benign", "malignant"],
                   "positive_label": "malignant", "temperature": 1.0, "features": "features",
                   "feature_map": "feature_map", "cam": "cam"},
        "threshold": 0.5, "training_data": training_data([dataset_name(r) for r in roots]), "metrics": {},
        "intended_use": INTENDED_USE,
        "limitations": LIMITATIONS,
        "training": {"imagenet_weights": ", ".join(str(c.get("weights")) for c in cks),
                     "best_epoch": [c.get("epoch") for c in cks] if len(cks) > 1 else ck.get("epoch"),
                     "val_auc_torch": [c.get("val_auc") for c in cks] if len(cks) > 1 else ck.get("val_auc"),
                     "members": [c["arch"] for c in cks], "recipe": ck.get("recipe", "v1"),
                     "consistency": ck.get("consistency", 0.0),
                     "onnx_vs_torch_max_abs_prob_diff": diff, "opset": 17},
    }
    card_path = onnx_path.with_suffix(".json")
    write_card(card_from_dict(card, card_path), card_path)
    final = calibrate_and_measure(card_path, roots, limit=limit, log=log)
    log(json.dumps(final.get("metrics", {}).get("test", {}), indent=1)[:2000])
    return onnx_path
