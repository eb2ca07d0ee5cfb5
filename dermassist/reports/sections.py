"""The referral's sections about who and where: header, patient, lesion site, notes, sign-off."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from dermassist import intended_use
from dermassist.imaging import bodymap
from dermassist.records import checklist as cl
from dermassist.reports.flowables import BodyMapThumbnail
from dermassist.reports.inputs import ReferralInput
from dermassist.reports.layout import (
    CONTENT_W,
    INK,
    RULE,
    URGENCY_BG,
    boxed,
    grid_table,
    heading,
    kv_table,
    para,
    styled,
    text,
)
from dermassist.reports.strings import checklist_item, fmt_birth, fmt_date, fmt_value, t


def or_not_given(lang: str, value: str | None) -> str:
    """The value, or 'not given' when it is empty."""
    return value.strip() if value and value.strip() else t(lang, "not_given")


def referral_number(data: ReferralInput) -> str:
    """The referral's number as printed ('(not numbered)' when the examination has none)."""
    return data.examination.referral_number.strip() or t(data.lang, "no_number")


def header(data: ReferralInput) -> list[Flowable]:
    """Clinic on the left, the specialized center on the right, a rule below."""
    lang, s = data.lang, data.settings
    left: list[Flowable] = [para(or_not_given(lang, s.clinic_name), "clinic")]
    if s.clinic_address.strip():
        left.append(para(s.clinic_address, "small"))
    if s.clinic_phone.strip():
        left.append(para(t(lang, "clinic_phone_line", phone=s.clinic_phone.strip()), "small"))
    right: list[Flowable] = [para(t(lang, "to_center"), "label"), para(or_not_given(lang, s.center_name), "strong")]
    if s.center_contact.strip():
        right.append(para(s.center_contact, "small"))
    table = Table([[left, right]], colWidths=[CONTENT_W * 0.56, CONTENT_W * 0.44])
    table.setStyle(
        styled(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.8, INK),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [table, Spacer(1, 3 * mm)]


def title_block(data: ReferralInput) -> list[Flowable]:
    """Title, referral number and date, and the urgency in a coloured cell."""
    lang, exam = data.lang, data.examination
    urgency = exam.urgency if exam.urgency in URGENCY_BG else "routine"
    number = [para(t(lang, "referral_no"), "label"), para(referral_number(data), "strong")]
    when = [para(t(lang, "referral_date"), "label"), para(fmt_date(lang, data.generated_at.date().isoformat()))]
    urgent = [para(t(lang, "urgency"), "label"), para(t(lang, f"urgency.{urgency}"), "urgency")]
    w = CONTENT_W
    table = Table([[number, when, urgent]], colWidths=[w * 0.42, w * 0.30, w * 0.28])
    table.setStyle(
        styled(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (2, 0), (2, 0), URGENCY_BG[urgency]),
            ]
        )
    )
    return [para(t(lang, "title"), "title"), Spacer(1, 2 * mm), table, Spacer(1, 2 * mm)]


def site_label(data: ReferralInput) -> str:
    """The lesion site in the report's language with the view, e.g. 'left forearm (front view)'.

    Text the doctor wrote is printed as written.
    """
    site, lang = data.examination.site, data.lang
    if site is None:
        return t(lang, "site_not_marked")
    try:
        name = bodymap.describe_site(site, lang)
    except ValueError:
        return site.label or t(lang, "site_not_marked")
    return f"{name} ({t(lang, 'view.' + site.view)})" if site.view in bodymap.VIEWS else name


def doctor_phone(data: ReferralInput) -> str:
    """The settings' doctor phone, when the referring doctor is the settings' doctor ('' otherwise)."""
    s, named = data.settings, data.examination.referring_doctor.strip()
    if named and named.casefold() != s.doctor_name.strip().casefold():
        return ""  # another doctor referred: this phone is not theirs
    return s.doctor_phone.strip()


def patient_block(data: ReferralInput) -> list[Flowable]:
    """Patient details and the referring doctor beside the body-map thumbnail."""
    lang, p, exam = data.lang, data.patient, data.examination
    sex = p.sex if p.sex in ("female", "male", "other") else "unknown"
    doctor = exam.referring_doctor.strip() or data.settings.doctor_name
    rows: list[tuple[str, str | Flowable]] = [
        (t(lang, "full_name"), para(or_not_given(lang, p.full_name), "strong")),
        (t(lang, "birth_date"), fmt_birth(lang, p.birth_date, data.generated_at.date())),
        (t(lang, "sex"), t(lang, f"sex.{sex}")),
        (t(lang, "record_number"), or_not_given(lang, p.record_number)),
        (t(lang, "phone"), para(or_not_given(lang, p.phone), "strong")),
        (t(lang, "referring_doctor"), or_not_given(lang, doctor)),
        *([(t(lang, "doctor_phone"), para(phone, "strong"))] if (phone := doctor_phone(data)) else []),
        (t(lang, "exam_date"), fmt_date(lang, exam.date)),
        (t(lang, "site"), para(site_label(data), "strong")),
    ]
    map_w = 66 * mm
    left_w = CONTENT_W - map_w - 4 * mm
    left = [heading(t(lang, "patient")), kv_table(rows, 36 * mm, left_w)]
    right = [heading(t(lang, "lesion")), BodyMapThumbnail(exam.site, lang)]
    table = Table([[left, right]], colWidths=[left_w + 4 * mm, map_w])
    table.setStyle(
        styled(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
            ]
        )
    )
    return [table]


def _checklist_label(lang: str, key: str) -> str:
    return cl.label(key, lang) if key in cl.LABELS else checklist_item(lang, key)


def checklist_block(lang: str, checklist: dict[str, Any]) -> list[Flowable]:
    """The filled checklist items in the method's order, with its total and reading."""
    items = {k: v for k, v in checklist.items() if k != "method"}
    if not items:
        return []
    method = str(checklist.get("method", ""))
    title = t(lang, "checklist") + (f": {_checklist_label(lang, method)}" if method else "")
    known = list(cl.ABCD_ITEMS) if method == "abcd" else list(cl.SEVEN_POINT_ITEMS) if method == "7point" else []
    order = [k for k in known if k in items] + [k for k in items if k not in known]
    rows = [[para(_checklist_label(lang, k), "cell"), para(fmt_value(lang, items[k]), "cell")] for k in order]
    out: list[Flowable] = [heading(title), grid_table(rows, [CONTENT_W * 0.62, CONTENT_W * 0.38], header=False)]
    try:
        summary = cl.summary(checklist, lang)
    except (ValueError, TypeError):  # a hand-edited or partial checklist still prints its items
        summary = ""
    if summary:
        out += [Spacer(1, 1.5 * mm), para(summary, "strong")]
    return [KeepTogether(out)]


def notes_block(data: ReferralInput) -> list[Flowable]:
    """The doctor's notes and, when filled in, the dermoscopy checklist."""
    lang, exam = data.lang, data.examination
    notes = exam.notes.strip()
    out: list[Flowable] = [KeepTogether([heading(t(lang, "notes")), para(notes or t(lang, "no_notes"))])]
    return out + checklist_block(lang, dict(exam.checklist))


def intended_use_block(data: ReferralInput) -> list[Flowable]:
    """The intended-use statement in a shaded box."""
    statement = intended_use(data.lang)
    box = boxed([para(t(data.lang, "intended_use"), "label"), para(statement, "small")], CONTENT_W)
    return [Spacer(1, 4 * mm), box]


def signature_block(data: ReferralInput) -> list[Flowable]:
    """Doctor's name, a line to sign on and the date."""
    lang = data.lang
    doctor = data.examination.referring_doctor.strip() or data.settings.doctor_name.strip()
    name = text(doctor) if doctor else "&nbsp;"
    gap = 6 * mm
    cells = [
        [para(t(lang, "doctor"), "label"), "", para(t(lang, "signature"), "label"), "", para(t(lang, "date"), "label")],
        [para(name, "base", markup=True), "", "", "", ""],
    ]
    widths = [CONTENT_W * 0.44, gap, CONTENT_W * 0.30, gap, CONTENT_W * 0.26 - 2 * gap]
    table = Table(cells, colWidths=widths, rowHeights=[None, 12 * mm])
    table.setStyle(
        styled(
            [
                ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
                ("LINEBELOW", (0, 1), (0, 1), 0.6, INK),
                ("LINEBELOW", (2, 1), (2, 1), 0.6, INK),
                ("LINEBELOW", (4, 1), (4, 1), 0.6, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [KeepTogether([Spacer(1, 6 * mm), table])]
