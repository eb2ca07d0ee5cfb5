"""Fine-tuning loop: frozen-backbone head epochs, then the top of the network; checkpoints and resume."""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from dermassist.evaluation.metrics import roc_auc
from dermassist.inference.card import InputSpec
from dermassist.training.augment import eval_transform, train_transform
from dermassist.training.data import ArrayDataset, preload, read_labels
from dermassist.training.models import Built, build


@dataclass
class TrainConfig:
    """Everything that defines a training run (saved beside the checkpoints)."""

    arch: str
    data: Path
    out: Path
    epochs: int = 8  # total, including head-only epochs
    head_epochs: int = 1
    batch_size: int = 32
    lr: float = 4e-4
    head_lr: float = 2e-3
    weight_decay: float = 1e-4
    input_size: int = 224
    weights: Path | None = None
    pretrained: bool = True
    seed: int = 0
    limit: int | None = None  # a few images per split, for smoke tests
    threads: int | None = None
    device: str = "auto"
    malignant_weight: float | None = None  # default: sqrt(benign/malignant)
    label_smoothing: float = 0.05
    init_from: Path | None = None  # start from this checkpoint's weights (a second, longer fine-tune)
    history: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in d.items() if k != "history"}


def seed_everything(seed: int) -> None:
    """Fix Python, numpy and torch seeds."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def input_spec(built: Built, size: int) -> InputSpec:
    """The card's input description for a built network."""
    scale, mean, std = built.norm
    return InputSpec("input", (size, size), "NCHW", "squash", "RGB", scale, mean, std, "area")


def pick_device(choice: str) -> torch.device:
    """CUDA when present (or asked for), else the CPU."""
    if choice == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(choice)


def _set_trainable(built: Built, head_only: bool) -> None:
    net = built.net
    for p in net.features.parameters():
        p.requires_grad = not head_only
    for module in built.frozen_prefix:
        for p in module.parameters():
            p.requires_grad = False


def _set_modes(built: Built, head_only: bool) -> None:
    built.net.train()
    frozen = [built.net.features] if head_only else built.frozen_prefix
    for module in frozen:
        module.eval()  # frozen BatchNorm keeps its ImageNet statistics


def _batches(ds: ArrayDataset, order: np.ndarray, bs: int, drop_last: bool):  # type: ignore[no-untyped-def]
    stop = len(order) - (len(order) % bs if drop_last else 0)
    for start in range(0, stop, bs):
        idx = order[start : start + bs]
        items = [ds[int(i)] for i in idx]
        x = torch.from_numpy(np.stack([a for a, _ in items]))
        y = torch.tensor([b for _, b in items], dtype=torch.long)
        yield x, y


@torch.no_grad()
def predict(net: nn.Module, ds: ArrayDataset, device: torch.device, bs: int = 64) -> np.ndarray:
    """Malignant probabilities for a dataset (no augmentation)."""
    net.eval()
    out = []
    for x, _ in _batches(ds, np.arange(len(ds)), bs, False):
        xb = x.to(device).contiguous(memory_format=torch.channels_last)
        out.append(torch.softmax(net(xb), dim=1)[:, 1].cpu().numpy())
    return np.concatenate(out) if out else np.zeros(0)


def train(cfg: TrainConfig, log=print) -> Path:  # type: ignore[no-untyped-def]
    """Run (or resume) training; returns the path of the best checkpoint (by validation ROC AUC)."""
    seed_everything(cfg.seed)
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    device = pick_device(cfg.device)
    cfg.out.mkdir(parents=True, exist_ok=True)
    last = cfg.out / "last.pt"
    resume = torch.load(last, map_location=device, weights_only=False) if last.is_file() else None
    if resume is not None and resume["epoch"] + 1 >= cfg.epochs:
        log(f"{last} already holds all {cfg.epochs} epochs; nothing to train")
        return cfg.out / "best.pt"
    built = build(cfg.arch, cfg.weights, cfg.pretrained)
    spec = input_spec(built, cfg.input_size)
    if cfg.init_from:
        built.net.load_state_dict(torch.load(cfg.init_from, map_location="cpu", weights_only=False)["model"])
    # channels_last is about 2x faster for these convnets on a CPU (oneDNN).
    net = built.net.to(device).to(memory_format=torch.channels_last)
    tr_s, va_s = read_labels(cfg.data, "train", cfg.limit), read_labels(cfg.data, "val", cfg.limit)
    t0 = time.perf_counter()
    tr_ds = ArrayDataset(preload(tr_s, 320), [s.malignant for s in tr_s], train_transform(spec), cfg.seed)
    va_ds = ArrayDataset(preload(va_s, 320), [s.malignant for s in va_s], eval_transform(spec), cfg.seed)
    log(f"loaded {len(tr_ds)} train / {len(va_ds)} val images in {time.perf_counter() - t0:.0f} s on {device}")
    n_pos = max(1, sum(tr_ds.labels))
    w_pos = cfg.malignant_weight or math.sqrt((len(tr_ds) - n_pos) / n_pos)
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor([1.0, w_pos], device=device),
                                  label_smoothing=cfg.label_smoothing)
    opt = torch.optim.AdamW([
        {"params": net.features.parameters(), "lr": cfg.lr},
        {"params": net.head.parameters(), "lr": cfg.head_lr},
    ], weight_decay=cfg.weight_decay)
    steps_per_epoch = max(1, len(tr_ds) // cfg.batch_size)
    total = steps_per_epoch * cfg.epochs

    def factor(step: int) -> float:  # cosine decay after a short warm-up
        warm = steps_per_epoch // 4
        if step < warm:
            return (step + 1) / warm
        return 0.5 * (1 + math.cos(math.pi * min(1.0, (step - warm) / max(1, total - warm))))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, factor)
    start_epoch, best_auc, history = 0, -1.0, []
    if resume is not None:
        net.load_state_dict(resume["model"])
        opt.load_state_dict(resume["optimizer"])
        sched.load_state_dict(resume["scheduler"])
        start_epoch, best_auc, history = resume["epoch"] + 1, resume["best_auc"], resume["history"]
        log(f"resumed from {last} at epoch {start_epoch}")
    (cfg.out / "config.json").write_text(json.dumps(cfg.to_json(), indent=2))
    rng = np.random.default_rng(cfg.seed)
    for _ in range(start_epoch):
        rng.permutation(len(tr_ds))  # same shuffles as an uninterrupted run
    for epoch in range(start_epoch, cfg.epochs):
        head_only = epoch < cfg.head_epochs
        _set_trainable(built, head_only)
        _set_modes(built, head_only)
        tr_ds.epoch = epoch
        t0, losses = time.perf_counter(), []
        for x, y in _batches(tr_ds, rng.permutation(len(tr_ds)), cfg.batch_size, True):
            loss = loss_fn(net(x.to(device).contiguous(memory_format=torch.channels_last)), y.to(device))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            losses.append(float(loss))
        train_s = time.perf_counter() - t0
        p = predict(net, va_ds, device)
        auc = roc_auc(np.array(va_ds.labels), p)
        rec = {"epoch": epoch, "head_only": head_only, "loss": float(np.mean(losses)) if losses else None,
               "val_auc": auc, "train_seconds": round(train_s, 1),
               "eval_seconds": round(time.perf_counter() - t0 - train_s, 1)}
        history.append(rec)
        log(json.dumps(rec))
        if auc > best_auc:
            best_auc = auc
            torch.save({"model": net.state_dict(), "arch": cfg.arch, "epoch": epoch, "val_auc": auc,
                        "spec": asdict(spec), "weights": built.weights}, cfg.out / "best.pt")
        torch.save({"model": net.state_dict(), "optimizer": opt.state_dict(), "scheduler": sched.state_dict(),
                    "epoch": epoch, "best_auc": best_auc, "history": history}, cfg.out / "last.pt.tmp")
        (cfg.out / "last.pt.tmp").replace(last)
    (cfg.out / "history.json").write_text(json.dumps(history, indent=2))
    return cfg.out / "best.pt"
