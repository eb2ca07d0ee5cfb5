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

from dermassist.evaluation.dataset import dataset_name, read_many
from dermassist.evaluation.metrics import roc_auc
from dermassist.inference.card import InputSpec
from dermassist.training.augment import eval_transform, paired_transform, train_transform
from dermassist.training.data import ArrayDataset, preload
from dermassist.training.models import Built, build


@dataclass
class TrainConfig:
    """Everything that defines a training run (saved beside the checkpoints)."""

    arch: str
    data: Path | list[Path]  # one or more labelled folders, all trained on
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
    eval_data: list[Path] = field(default_factory=list)  # folders whose val split is only reported (unseen)
    recipe: str = "v2"  # augmentation recipe (see augment.train_transform)
    colour_constancy: str = "none"  # card preprocessing step, used in training and inference alike
    field_of_view: str = "full"  # card step: "lesion_crop" crops to the lesion first (training and inference)
    bf16: str = "auto"  # bfloat16 autocast: auto (CPU with AVX-512 BF16/AMX), on, off
    low_res: int = 160  # input size of the first low_res_epochs epochs (faster; full size after)
    low_res_epochs: int = 0
    repeat: dict[str, int] = field(default_factory=dict)  # dataset name -> oversampling factor
    consistency: float = 0.0  # weight of the same-picture loss between two arrivals (0: off)
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def roots(self) -> list[Path]:
        """The training data folders."""
        return list(self.data) if isinstance(self.data, list) else [self.data]

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)

        def conv(v: Any) -> Any:
            return str(v) if isinstance(v, Path) else [conv(x) for x in v] if isinstance(v, list) else v

        return {k: conv(v) for k, v in d.items() if k != "history"}


def seed_everything(seed: int) -> None:
    """Fix Python, numpy and torch seeds."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def input_spec(built: Built, size: int, colour_constancy: str = "none", field_of_view: str = "full") -> InputSpec:
    """The card's input description for a built network."""
    scale, mean, std = built.norm
    return InputSpec("input", (size, size), "NCHW", "squash", "RGB", scale, mean, std, "area",
                     colour_constancy=colour_constancy, field_of_view=field_of_view)


def use_bf16(choice: str, device: torch.device) -> bool:
    """bfloat16 autocast where the hardware has it (CUDA, or a CPU with AVX-512 BF16 / AMX)."""
    if choice in ("on", "off"):
        return choice == "on"
    if device.type == "cuda":
        return bool(torch.cuda.is_bf16_supported())
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return " avx512_bf16" in flags or " amx_bf16" in flags


def per_source_auc(labels: np.ndarray, probs: np.ndarray, names: list[str]) -> dict[str, float]:
    """Validation ROC AUC of each data folder."""
    out = {}
    arr = np.array(names)
    for name in sorted(set(names)):
        m = arr == name
        out[name] = roc_auc(labels[m], probs[m])
    return out


def same_picture_loss(logits: torch.Tensor) -> torch.Tensor:
    """Jensen-Shannon divergence between the two halves of a batch (the same pictures, arrived two
    ways): zero when the network gives both arrivals the same answer."""
    pa, pb = torch.softmax(logits, dim=1).chunk(2)
    m = (0.5 * (pa + pb)).clamp_min(1e-7)

    def kl(p: torch.Tensor) -> torch.Tensor:
        return (p * (p.clamp_min(1e-7).log() - m.log())).sum(dim=1)

    return 0.5 * (kl(pa) + kl(pb)).mean()


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


def _batches(ds: ArrayDataset, order: np.ndarray, bs: int, drop_last: bool, workers: int = 2):  # type: ignore[no-untyped-def]
    """Batches in ``order``; the next batches are augmented in threads while the network trains on
    this one (OpenCV and numpy release the GIL), so augmentation does not idle the cores."""
    from concurrent.futures import ThreadPoolExecutor

    stop = len(order) - (len(order) % bs if drop_last else 0)
    starts = list(range(0, stop, bs))

    def make(start: int) -> tuple[torch.Tensor, torch.Tensor]:
        items = [ds[int(i)] for i in order[start : start + bs]]
        return (torch.from_numpy(np.stack([a for a, _ in items])),
                torch.tensor([b for _, b in items], dtype=torch.long))

    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending = [pool.submit(make, s) for s in starts[:workers]]
        for k in range(len(starts)):
            x, y = pending.pop(0).result()
            if k + workers < len(starts):
                pending.append(pool.submit(make, starts[k + workers]))
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
    """Run (or resume) training; returns the path of the best checkpoint.

    The best epoch is chosen by the mean validation ROC AUC over the trained data folders (each
    folder counts once, whatever its size); folders in ``eval_data`` are only reported, so they
    stay an unseen source.
    """
    seed_everything(cfg.seed)
    import cv2

    cv2.setNumThreads(1)  # small pictures: OpenCV's own threads only contend with torch's
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    device = pick_device(cfg.device)
    bf16 = use_bf16(cfg.bf16, device)
    cfg.out.mkdir(parents=True, exist_ok=True)
    last = cfg.out / "last.pt"
    resume = torch.load(last, map_location=device, weights_only=False) if last.is_file() else None
    if resume is not None and resume["epoch"] + 1 >= cfg.epochs:
        log(f"{last} already holds all {cfg.epochs} epochs; nothing to train")
        return cfg.out / "best.pt"
    built = build(cfg.arch, cfg.weights, cfg.pretrained)
    spec = input_spec(built, cfg.input_size, cfg.colour_constancy, cfg.field_of_view)
    low_spec = input_spec(built, cfg.low_res, cfg.colour_constancy, cfg.field_of_view)
    if cfg.init_from:
        built.net.load_state_dict(torch.load(cfg.init_from, map_location="cpu", weights_only=False)["model"])
    # channels_last is about 2x faster for these convnets on a CPU (oneDNN).
    net = built.net.to(device).to(memory_format=torch.channels_last)
    tr_s = read_many(cfg.roots, "train", cfg.limit)
    va_s = read_many(cfg.roots + list(cfg.eval_data), "val", cfg.limit)
    trained = {s.dataset for s in tr_s}
    t0 = time.perf_counter()
    tr_img = preload(tr_s, 320)
    make = paired_transform if cfg.consistency > 0 else train_transform
    tr_ds = ArrayDataset(tr_img, [s.malignant for s in tr_s], make(spec, cfg.recipe), cfg.seed)
    tr_low = ArrayDataset(tr_img, tr_ds.labels, make(low_spec, cfg.recipe), cfg.seed)
    va_ds = ArrayDataset(preload(va_s, 320), [s.malignant for s in va_s], eval_transform(spec), cfg.seed)
    va_names = [s.dataset for s in va_s]
    # Oversampling a small source gives its clinic more say without changing the images.
    base_index = np.concatenate([np.full(cfg.repeat.get(s.dataset, 1), i) for i, s in enumerate(tr_s)])
    log(f"loaded {len(tr_ds)} train ({len(base_index)} with oversampling) / {len(va_ds)} val images in "
        f"{time.perf_counter() - t0:.0f} s on {device}; bfloat16 autocast {'on' if bf16 else 'off'}")
    n_pos = max(1, sum(tr_ds.labels))
    w_pos = cfg.malignant_weight or math.sqrt((len(tr_ds) - n_pos) / n_pos)
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor([1.0, w_pos], device=device),
                                  label_smoothing=cfg.label_smoothing)
    opt = torch.optim.AdamW([
        {"params": net.features.parameters(), "lr": cfg.lr},
        {"params": net.head.parameters(), "lr": cfg.head_lr},
    ], weight_decay=cfg.weight_decay)
    # With the consistency loss each picture arrives twice: a batch holds batch_size network inputs.
    per_step = max(1, cfg.batch_size // 2) if cfg.consistency > 0 else cfg.batch_size
    steps_per_epoch = max(1, len(base_index) // per_step)
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
        rng.permutation(len(base_index))  # same shuffles as an uninterrupted run
    for epoch in range(start_epoch, cfg.epochs):
        head_only = epoch < cfg.head_epochs
        _set_trainable(built, head_only)
        _set_modes(built, head_only)
        ds = tr_low if epoch < cfg.low_res_epochs else tr_ds
        ds.epoch = epoch
        t0, losses = time.perf_counter(), []
        for x, y in _batches(ds, base_index[rng.permutation(len(base_index))], per_step, True):
            pairs = x.ndim == 5
            if pairs:  # (B, 2, C, H, W) -> views a then views b
                x, y = x.transpose(0, 1).reshape(-1, *x.shape[2:]), y.repeat(2)
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
                logits = net(x.to(device).contiguous(memory_format=torch.channels_last))
            loss = loss_fn(logits.float(), y.to(device))
            if pairs:
                loss = loss + cfg.consistency * same_picture_loss(logits.float())
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            losses.append(float(loss))
        train_s = time.perf_counter() - t0
        p = predict(net, va_ds, device)
        aucs = per_source_auc(np.array(va_ds.labels), p, va_names)
        score = float(np.mean([aucs[n] for n in sorted(trained)]))
        rec = {"epoch": epoch, "consistency": cfg.consistency, "head_only": head_only,
               "input": cfg.low_res if ds is tr_low else cfg.input_size,
               "loss": float(np.mean(losses)) if losses else None, "val_auc": score,
               "val_auc_by_source": aucs, "train_seconds": round(train_s, 1),
               "eval_seconds": round(time.perf_counter() - t0 - train_s, 1)}
        history.append(rec)
        log(json.dumps(rec))
        if score > best_auc:
            best_auc = score
            torch.save({"model": net.state_dict(), "arch": cfg.arch, "epoch": epoch, "val_auc": score,
                        "val_auc_by_source": aucs, "spec": asdict(spec), "weights": built.weights,
                        "data": [dataset_name(r) for r in cfg.roots], "recipe": cfg.recipe,
                        "consistency": cfg.consistency}, cfg.out / "best.pt")
        torch.save({"model": net.state_dict(), "optimizer": opt.state_dict(), "scheduler": sched.state_dict(),
                    "epoch": epoch, "best_auc": best_auc, "history": history}, cfg.out / "last.pt.tmp")
        (cfg.out / "last.pt.tmp").replace(last)
    (cfg.out / "history.json").write_text(json.dumps(history, indent=2))
    return cfg.out / "best.pt"
