"""The referral's sections about what was seen and what the model said: images, result, metrics."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from dermassist.inference.trust_text import text as validation_text
from dermassist.records.models import AnalysisRecord
from dermassist.reports.flowables import Picture, picture_info
from dermassist.reports.inputs import ModelInfo, ReferralInput
from dermassist.reports.layout import (
    ALERT_BG,
    ALERT_FG,
    CONTENT_W,
    SHADE,
    boxed,
    grid_table,
    heading,
    kv_table,
    para,
    styled,
)
from dermassist.reports.strings import fmt_number, fmt_percent, has, preset_name, t
from dermassist.trust.report import confidence_text, stored_confidence

log = logging.getLogger(__name__)

METRIC_ORDER = (
    "roc_auc",
    "sensitivity",
    "specificity",
    "accuracy",
    "balanced_accuracy",
    "prevalence_matched_accuracy",
)


def _short_decision(lang: str, analysis: AnalysisRecord) -> str:
    return t(lang, "word_suspicious" if analysis.decision == "malignant" else "word_not_flagged")


def _result_line(lang: str, analysis: AnalysisRecord | None) -> str:
    if analysis is None:
        return t(lang, "not_analysed")
    return (
        f"{t(lang, 'col_malignant')} {fmt_percent(lang, analysis.malignant)} · "
        f"{t(lang, 'col_benign')} {fmt_percent(lang, analysis.benign)} — {_short_decision(lang, analysis)}"
    )


def image_name(data: ReferralInput, index: int) -> str:
    """How an image is named on the report: the file name it was imported from."""
    images = data.examination.images
    if index < len(images):
        return images[index].original_name or images[index].filename
    return data.image_paths[index].name


def _heatmap_caption(lang: str, n: int, size: str) -> str:
    return f"{t(lang, 'heatmap_caption', n=n)} ({size} {t(lang, 'px')})"


def _picture_cell(
    path: Path | None, caption: Callable[..., str], missing: str, max_w: float, max_h: float
) -> list[Flowable]:
    """A picture with its caption; ``caption(size=...)`` is given the pixel size."""
    try:
        if path is None:
            raise FileNotFoundError("no file")
        info = picture_info(path)
    except (OSError, ValueError) as exc:
        # The referral still goes out, but says plainly that a picture is missing.
        log.warning("referral: cannot read picture %s: %s", path, exc)
        return [para(missing, "strong")]
    w, h = info.display_size
    return [Picture(path, info, max_w, max_h), Spacer(1, 1.2 * mm), para(caption(size=f"{w} × {h}"), "captionc")]


def images_block(data: ReferralInput) -> list[Flowable]:
    """Every dermoscopy image (embedded at full resolution), with its heatmap when there is one."""
    lang = data.lang
    out: list[Flowable] = [heading(t(lang, "images"))]
    n = len(data.image_paths)
    if n == 0:
        return [*out, para(t(lang, "no_images"))]
    heat: Mapping[str, Path] = data.heatmaps
    with_heat = any(data.image_sha(i) in heat for i in range(n))
    single = n == 1 and not with_heat
    col_w = CONTENT_W if single else CONTENT_W / 2
    max_w, max_h = (110 * mm, 80 * mm) if single else (col_w - 6 * mm, 66 * mm)
    cells: list[list[Flowable] | str] = []
    for i, path in enumerate(data.image_paths):
        name = image_name(data, i)
        caption = partial(t, lang, "image_caption", n=i + 1, name=name)
        missing = t(lang, "image_missing", n=i + 1, name=name)
        cell = _picture_cell(path, caption, missing, max_w, max_h)
        if data.analysed:
            cell.append(para(_result_line(lang, data.analysis_for(i)), "cellc"))
        cells.append(cell)
        if with_heat:
            hpath = heat.get(data.image_sha(i))
            missing_heat = t(lang, "heatmap_caption", n=i + 1) + ": ?"
            hcap = partial(_heatmap_caption, lang, i + 1)
            cells.append(_picture_cell(hpath, hcap, missing_heat, max_w, max_h) if hpath else "")
    per_row = 1 if single else 2
    if len(cells) % per_row:
        cells.append("")
    rows = [cells[k : k + per_row] for k in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[col_w] * per_row)
    table.setStyle(
        styled(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [KeepTogether([*out, table])] if n <= 2 else [*out, table]


def _metric_rows(lang: str, test: Mapping[str, Any]) -> list[list[Any]]:
    keys = [k for k in METRIC_ORDER if k in test] + [
        k for k in test if k not in METRIC_ORDER and isinstance(test[k], Mapping) and "value" in test[k]
    ]
    rows: list[list[Any]] = []
    for key in keys:
        entry = test.get(key)
        label_key = f"metric.{key}"
        label = t(lang, label_key) if has(label_key) else key.replace("_", " ")
        value, ci = t(lang, "na"), t(lang, "na")
        if isinstance(entry, Mapping):
            v = entry.get("value")
            if isinstance(v, (int, float)):
                value = fmt_number(lang, float(v))
            lo_hi = entry.get("ci95")
            if isinstance(lo_hi, (list, tuple)) and len(lo_hi) == 2 and all(isinstance(x, (int, float)) for x in lo_hi):
                ci = f"{fmt_number(lang, float(lo_hi[0]))} – {fmt_number(lang, float(lo_hi[1]))}"
        rows.append([para(label, "cell"), para(value, "cellc"), para(ci, "cellc")])
    return rows


def metrics_block(lang: str, model: ModelInfo, preset: str = "card") -> list[Flowable]:
    """The card's test-set metrics with 95% confidence intervals, or why they are not shown."""
    if not model.card_found:
        return [para(t(lang, "card_missing"), "small")]
    test = model.metrics.get("test") if isinstance(model.metrics, Mapping) else None
    rows = _metric_rows(lang, test) if isinstance(test, Mapping) else []
    if not rows:
        return [para(t(lang, "metrics_na"), "small")]
    assert isinstance(test, Mapping)
    n = test.get("n")
    title = t(lang, "metrics_title", n=n if isinstance(n, int) else t(lang, "na"))
    header = [
        para(t(lang, "col_metric"), "label"),
        para(t(lang, "col_value"), "label"),
        para(t(lang, "col_ci"), "label"),
    ]
    w = CONTENT_W
    table = grid_table([header, *rows], [w * 0.5, w * 0.2, w * 0.3])
    block: list[Flowable] = [Spacer(1, 2 * mm), para(title, "strong"), Spacer(1, 1.5 * mm), table]
    if preset != "card":
        # The card's test figures belong to its own threshold, not to the operating point in use.
        block += [Spacer(1, 1 * mm), para(t(lang, "metrics_at_card_threshold"), "small")]
    return [KeepTogether(block)]


def _headline(data: ReferralInput, shown: list[AnalysisRecord]) -> Flowable:
    lang = data.lang
    top = max(shown, key=lambda a: a.malignant)
    suspicious = any(a.decision == "malignant" for a in shown)
    words = t(lang, "decision_malignant" if suspicious else "decision_benign")
    probs = t(lang, "probabilities", m=fmt_percent(lang, top.malignant), b=fmt_percent(lang, top.benign))
    colour = ALERT_FG.hexval()[2:] if suspicious else "222222"
    decision = para(f'<font color="#{colour}">{words}</font>', "decision", markup=True)
    parts: list[Flowable] = [decision, Spacer(1, 1 * mm), para(probs)]
    uncertain = [a for a in shown if stored_confidence(a).uncertain]
    # The confidence band: low confidence is said for any image near the threshold, not only the top one.
    parts.append(para(confidence_text(uncertain[0] if uncertain else top, lang), "strong" if uncertain else "small"))
    return boxed(parts, CONTENT_W, ALERT_BG if suspicious else SHADE)


def _warnings(data: ReferralInput) -> list[Flowable]:
    lang = data.lang
    if not data.warnings:
        return []
    items: list[Flowable] = [para(t(lang, "warnings_title"), "label")]
    items += [para(f"• {w}") for w in data.warnings]
    items.append(
        para(t(lang, "warnings_overridden" if data.warnings_overridden else "warnings_not_overridden"), "small")
    )
    return [Spacer(1, 2 * mm), boxed(items, CONTENT_W, ALERT_BG)]


def result_block(data: ReferralInput) -> list[Flowable]:
    """The model's result in plain words, the threshold, the model's identity and its test metrics."""
    lang = data.lang
    out: list[Flowable] = [heading(t(lang, "ai_title"))]
    model = data.model
    if model is None or not data.analysed:
        return [*out, boxed(para(t(lang, "no_analysis")), CONTENT_W), *_warnings(data)]
    n = len(data.image_paths)
    results = [data.analysis_for(i) for i in range(n)]
    shown = [a for a in results if a is not None]
    out.append(_headline(data, shown))
    if n > 1:
        header = [para(t(lang, k), "label") for k in ("col_image", "col_malignant", "col_benign", "col_decision")]
        rows = [header]
        for i, a in enumerate(results):
            name = f"{i + 1}. {image_name(data, i)}"
            if a is None:
                rows.append(
                    [para(name, "cell"), para("—", "cellc"), para("—", "cellc"), para(t(lang, "not_analysed"), "cellc")]
                )
            else:
                rows.append(
                    [
                        para(name, "cell"),
                        para(fmt_percent(lang, a.malignant), "cellc"),
                        para(fmt_percent(lang, a.benign), "cellc"),
                        para(_short_decision(lang, a), "cellc"),
                    ]
                )
        w = CONTENT_W
        out += [Spacer(1, 2 * mm), grid_table(rows, [w * 0.46, w * 0.17, w * 0.17, w * 0.20])]
    info: list[tuple[str, str | Flowable]] = [
        (
            t(lang, "threshold"),
            t(
                lang,
                "threshold_line",
                t=fmt_percent(lang, model.threshold),
                preset=preset_name(lang, data.threshold_preset),
            ),
        ),
        (t(lang, "model"), t(lang, "model_line", name=model.name, version=model.version)),
        (t(lang, "model_sha"), para(model.sha256, "mono")),
    ]
    if model.temperature is not None and model.validated:
        info.append((t(lang, "temperature"), fmt_number(lang, model.temperature, 2)))
    details: list[Flowable] = [Spacer(1, 2 * mm), kv_table(info, 42 * mm, CONTENT_W)]
    if not model.validated:
        details.append(para(validation_text("not_validated", lang), "strong"))
    details += [para(validation_text("card_limitation", lang, text=x), "small") for x in model.limitations]
    if model.val_sensitivity is not None and model.val_specificity is not None:
        tp = round(model.val_sensitivity * 100)
        fp = round((1 - model.val_specificity) * 100)
        details.append(para(t(lang, "per_100", tp=tp, fp=fp), "small"))
    # The heading and the decision stay together; so do the threshold and model lines.
    return [
        KeepTogether(out[:2]),
        *out[2:],
        KeepTogether(details),
        *_warnings(data),
        *metrics_block(lang, model, data.threshold_preset),
    ]
