"""Several fine-tuned networks averaged inside one ONNX graph (one shipped file, one card)."""

from __future__ import annotations

import torch
from torch import nn

from dermassist.inference.card import InputSpec
from dermassist.training.models import DermNet


class EnsembleWrapper(nn.Module):
    """Mean of the members' logits; features and feature maps concatenated; mean class activation map.

    The graph takes the first member's input normalisation and converts it, per channel, to each
    other member's, so the app preprocesses once.
    """

    def __init__(self, members: list[tuple[DermNet, InputSpec]]) -> None:
        super().__init__()
        self.nets = nn.ModuleList([net for net, _ in members])
        base = members[0][1]
        scales, shifts = [], []
        for _, spec in members:
            if spec.pixel_scale != base.pixel_scale or spec.size != base.size:
                raise ValueError("ensemble members must share input size and pixel scale")
            # x_m = (x_b * std_b + mean_b - mean_m) / std_m
            std_b, mean_b = torch.tensor(base.std), torch.tensor(base.mean)
            std_m, mean_m = torch.tensor(spec.std), torch.tensor(spec.mean)
            scales.append((std_b / std_m).view(1, 3, 1, 1))
            shifts.append(((mean_b - mean_m) / std_m).view(1, 3, 1, 1))
        self.members: list[DermNet] = [net for net, _ in members]
        self.register_buffer("scales", torch.stack(scales))
        self.register_buffer("shifts", torch.stack(shifts))
        self.scales: torch.Tensor
        self.shifts: torch.Tensor

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        logits, feats, fmaps, cams = [], [], [], []
        for i, net in enumerate(self.members):
            xi = x * self.scales[i] + self.shifts[i]
            lo, pooled, fmap = net.forward_all(xi)
            logits.append(lo)
            feats.append(pooled)
            fmaps.append(fmap)
            cams.append(net.cam(fmap))
        return (torch.stack(logits).mean(0), torch.cat(feats, 1), torch.cat(fmaps, 1), torch.stack(cams).mean(0))
