"""The analysis result in words a GP can act on, always with its model and intended use."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dermassist import intended_use
from dermassist.records.models import AnalysisRecord
from dermassist.ui.i18n import fmt_datetime, fmt_number, fmt_percent

SUSPICIOUS_STYLE = "background:#fdecea; color:#8a1c12; border:1px solid #e0a39b; border-radius:4px; padding:6px;"
BELOW_STYLE = "background:#e8f4ea; color:#1d5a2a; border:1px solid #9cc9a5; border-radius:4px; padding:6px;"
NOTICE_STYLE = "background:#fff6dc; color:#5c4400; border:1px solid #e6cf86; border-radius:4px; padding:6px;"
UNCERTAIN_STYLE = "background:#fff1cc; color:#6b4a00; border:1px solid #e0b84a; border-radius:4px; padding:6px;"
CONFIDENT_STYLE = "color: palette(text); padding:2px;"


def _bar(color: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 1000)
    bar.setTextVisible(True)
    bar.setStyleSheet(f"QProgressBar::chunk {{ background: {color}; }} QProgressBar {{ text-align: center; }}")
    return bar


class ResultPanel(QFrame):
    """Shows one AnalysisRecord (or why there is none) and hosts the Analyse button and progress."""

    analyseRequested = Signal()
    overrideRequested = Signal()  # analyse despite the quality / out-of-distribution warnings
    declineRequested = Signal()

    def __init__(self, lang: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.record: AnalysisRecord | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)

        head = QHBoxLayout()
        title = QLabel("<b>" + self.tr("Analysis") + "</b>")
        head.addWidget(title)
        head.addStretch(1)
        self.analyse_button = QPushButton(self.tr("Analyse"))
        self.analyse_button.setObjectName("analyseButton")
        self.analyse_button.setToolTip(self.tr("Estimate the probability of malignancy for the selected image"))
        self.analyse_button.clicked.connect(self.analyseRequested)
        head.addWidget(self.analyse_button)
        outer.addLayout(head)
        # Everything below the Analyse button scrolls: a Russian result with warnings is taller than
        # a laptop screen leaves for it, and no sentence may be cut.
        self.body = QWidget()
        self.body.setObjectName("resultBody")
        lay = QVBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 0, 0)
        self.body_scroll = QScrollArea()
        self.body_scroll.setObjectName("resultScroll")
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setWidget(self.body)
        self.body_scroll.setMinimumHeight(60)
        outer.addWidget(self.body_scroll, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy indicator: the stages have no measurable fraction
        self.progress.setVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setVisible(False)
        lay.addWidget(self.progress_label)
        lay.addWidget(self.progress)

        self.notice = QLabel()
        self.notice.setObjectName("resultNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setStyleSheet(NOTICE_STYLE)
        lay.addWidget(self.notice)

        self.warn_box = QFrame()
        self.warn_box.setObjectName("warningBox")
        self.warn_box.setStyleSheet("QFrame#warningBox {" + SUSPICIOUS_STYLE + "}")
        wl = QVBoxLayout(self.warn_box)
        self.warn_label = QLabel()
        self.warn_label.setObjectName("warningText")
        self.warn_label.setWordWrap(True)
        self.warn_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        wl.addWidget(self.warn_label)
        wrow = QHBoxLayout()
        self.override_button = QPushButton(self.tr("Analyse anyway"))
        self.override_button.setObjectName("overrideButton")
        self.override_button.setToolTip(self.tr("Show the result; your choice is recorded and printed on the referral"))
        self.decline_button = QPushButton(self.tr("Do not analyse"))
        self.decline_button.setObjectName("declineButton")
        self.override_button.clicked.connect(self.overrideRequested)
        self.decline_button.clicked.connect(self.declineRequested)
        wrow.addWidget(self.override_button)
        wrow.addWidget(self.decline_button)
        wrow.addStretch(1)
        wl.addLayout(wrow)
        self.warn_box.setVisible(False)
        lay.addWidget(self.warn_box)

        self.result_box = QWidget()
        rl = QVBoxLayout(self.result_box)
        rl.setContentsMargins(0, 0, 0, 0)
        self.decision = QLabel()
        self.decision.setObjectName("decisionLabel")
        self.decision.setWordWrap(True)
        rl.addWidget(self.decision)
        self.malignant_bar = _bar("#c0392b")
        self.benign_bar = _bar("#2e8b57")
        bars = QGridLayout()  # one column for the names, so the bars line up in every language
        for row, (text, bar) in enumerate(
            ((self.tr("Malignant"), self.malignant_bar), (self.tr("Benign"), self.benign_bar))
        ):
            bars.addWidget(QLabel(text), row, 0)
            bars.addWidget(bar, row, 1)
        bars.setColumnStretch(1, 1)
        rl.addLayout(bars)
        self.confidence_label = QLabel()
        self.confidence_label.setObjectName("confidenceLabel")
        self.confidence_label.setWordWrap(True)
        rl.addWidget(self.confidence_label)
        self.threshold_label = QLabel()
        self.threshold_label.setWordWrap(True)
        rl.addWidget(self.threshold_label)
        self.per100_label = QLabel()
        self.per100_label.setObjectName("per100Label")
        self.per100_label.setWordWrap(True)
        rl.addWidget(self.per100_label)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(NOTICE_STYLE)
        rl.addWidget(self.warnings_label)
        self.model_label = QLabel()
        self.model_label.setObjectName("modelLabel")
        self.model_label.setWordWrap(True)
        self.model_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.model_label)
        self.metrics_label = QLabel()
        self.metrics_label.setWordWrap(True)
        rl.addWidget(self.metrics_label)
        lay.addWidget(self.result_box)

        self.intended_use = QLabel(intended_use(lang))
        self.intended_use.setObjectName("intendedUse")
        self.intended_use.setWordWrap(True)
        self.intended_use.setStyleSheet("color: palette(mid); font-style: italic;")
        lay.addWidget(self.intended_use)
        lay.addStretch(1)
        self.show_message(self.tr("Add an image to this examination, then press Analyse."))

    # -- states --------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """No result to show: explain why."""
        self.record = None
        self.warn_box.setVisible(False)
        self.result_box.setVisible(False)
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_warnings(self, messages) -> None:
        """Reasons to doubt the picture, shown instead of (and before) any probability, with the choice to go on."""
        self.record = None
        self.result_box.setVisible(False)
        self.notice.setVisible(False)
        self.warn_label.setText(
            "<b>"
            + self.tr("Check the picture before relying on an analysis:")
            + "</b><br>• "
            + "<br>• ".join(html.escape(m) for m in messages)
        )
        self.warn_box.setVisible(True)

    def set_busy(self, text: str | None) -> None:
        """Show (text) or hide (None) the progress indicator."""
        busy = text is not None
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.progress_label.setText(text or "")

    def is_busy(self) -> bool:
        """True while an analysis runs."""
        return not self.progress.isHidden()

    def show_record(self, rec: AnalysisRecord, card=None, extra_note: str = "") -> None:
        """Show a stored result. ``card`` (the loaded model's card) adds its test metrics if it is the same model."""
        self.record = rec
        self.warn_box.setVisible(False)
        self.result_box.setVisible(True)
        self.notice.setText(extra_note)
        self.notice.setVisible(bool(extra_note))
        self.decision.setText(self.decision_html(rec))
        self.decision.setStyleSheet(
            SUSPICIOUS_STYLE if rec.malignant >= rec.threshold else UNCERTAIN_STYLE if rec.warnings else BELOW_STYLE
        )
        self.malignant_bar.setValue(round(rec.malignant * 1000))
        self.malignant_bar.setFormat(fmt_percent(rec.malignant))
        self.benign_bar.setValue(round(rec.benign * 1000))
        self.benign_bar.setFormat(fmt_percent(rec.benign))
        preset = rec.extras.get("threshold_preset", "card")
        source = (
            self.tr("from the model card")
            if preset == "card"
            else self.tr("operating point {name}").format(name=preset)
        )
        self.threshold_label.setText(
            self.tr("Referral threshold: {t} ({source}).").format(t=fmt_percent(rec.threshold), source=source)
        )
        self.warnings_label.setVisible(bool(rec.warnings))
        if rec.warnings:
            from dermassist.trust.report import warning_texts

            head = self.tr("Analysed despite these warnings:") if rec.warnings_overridden else self.tr("Warnings:")
            texts = warning_texts(rec, "ru" if self.lang == "ru" else "en")
            self.warnings_label.setText(head + "\n• " + "\n• ".join(texts))
        self._show_trust(rec, card)
        self.model_label.setText(
            self.tr("Model: {name} {version} (sha256 {sha}), {provider}; analysed {when}.").format(
                name=rec.model_name,
                version=rec.model_version,
                sha=rec.model_sha256[:12],
                provider=rec.provider.replace("ExecutionProvider", "") or "?",
                when=fmt_datetime(rec.created_at),
            )
        )
        same = card is not None and card.sha256 == rec.model_sha256
        self.metrics_label.setText(self.metrics_text(card) if same else "")
        self.metrics_label.setVisible(same)

    def decision_html(self, rec: AnalysisRecord) -> str:
        """The headline and its explanation; warnings about the picture come first, as prominent as the result."""
        p, t = fmt_percent(rec.malignant), fmt_percent(rec.threshold)
        parts = []
        if rec.warnings:
            parts.append(
                "<b>⚠ "
                + (
                    self.tr("Analysed despite warnings about the picture: the result may be unreliable.")
                    if rec.warnings_overridden
                    else self.tr("Warnings about the picture: the result may be unreliable.")
                )
                + "</b>"
            )
        if rec.malignant >= rec.threshold:
            parts.append(
                "<b>" + html.escape(self.tr("Suspicious: refer the patient to the specialist center.")) + "</b>"
            )
            parts.append(
                html.escape(
                    self.tr(
                        "The estimated probability of malignancy ({p}) is at or above the model's referral "
                        "threshold ({t})."
                    ).format(p=p, t=t)
                )
            )
        else:
            parts.append("<b>" + html.escape(self.tr("Below the referral threshold.")) + "</b>")
            parts.append(
                html.escape(
                    self.tr(
                        "The estimated probability of malignancy ({p}) is below the model's referral threshold ({t}). "
                        "This does not rule out melanoma: refer anyway if the lesion looks suspicious to you, "
                        "has changed, or the patient is worried."
                    ).format(p=p, t=t)
                )
            )
        return "<br>".join(parts)

    def _show_trust(self, rec: AnalysisRecord, card) -> None:
        """Confidence band (words and colour) and what the threshold means for 100 patients."""
        from dermassist.inference.trust_text import per_100_sentence
        from dermassist.inference.uncertainty import operating_point
        from dermassist.trust import report as trust_report

        lang = "ru" if self.lang == "ru" else "en"
        conf = trust_report.stored_confidence(rec)
        self.confidence_label.setText(trust_report.confidence_text(rec, lang))
        self.confidence_label.setStyleSheet(UNCERTAIN_STYLE if conf.uncertain else CONFIDENT_STYLE)
        per100 = trust_report.per_100_text(rec, lang)
        if per100 is None and card is not None and getattr(card, "sha256", None) == rec.model_sha256:
            try:  # results stored before the figures were recorded: take them from the same model's card
                per100 = per_100_sentence(operating_point(card, rec.extras.get("threshold_preset", "card")), lang)
            except AttributeError:
                per100 = None
        self.per100_label.setText(per100 or "")
        self.per100_label.setVisible(bool(per100))
        note = trust_report.trust_of(rec).get("ood_note")
        if note and not rec.warnings:
            from dermassist.inference.trust_text import warning_message

            self.warnings_label.setText(warning_message(str(note), lang))
            self.warnings_label.setVisible(True)

    def metrics_text(self, card) -> str:
        """The model's test-set performance from its card, or that it is not available."""
        from dermassist.inference.trust_text import validation_lines

        # An uncalibrated imported model says so first, with its card's limitation (core texts, as in the PDF).
        head = "".join(line + "\n" for line in validation_lines(card, "ru" if self.lang == "ru" else "en"))
        test = card.metrics.get("test") if isinstance(card.metrics, dict) else None
        if not isinstance(test, dict):
            return head + self.tr("Test-set performance of this model: not available.")

        def value(key: str) -> str:
            item = test.get(key)
            if isinstance(item, dict) and isinstance(item.get("value"), (int, float)):
                text = fmt_number(item["value"])
                ci = item.get("ci95")
                if isinstance(ci, list) and len(ci) == 2:
                    text += " (" + self.tr("95% CI") + f" {fmt_number(ci[0])}–{fmt_number(ci[1])})"
                return text
            return self.tr("not available")

        pooled = head + self.tr(
            "Tested on {n} images: sensitivity {sens}, specificity {spec}, ROC AUC {auc}."
        ).format(
            n=test.get("n", "?"), sens=value("sensitivity"), spec=value("specificity"), auc=value("roc_auc")
        )
        from dermassist.inference.performance import performance_lines

        # Each source separately, and how the recipe did on a clinic it never saw: the pooled figure
        # alone would flatter the model on pictures from elsewhere.
        lines = performance_lines(card.metrics, card.training_data, self.lang)
        return "\n".join([pooled, *("• " + line for line in lines)])
