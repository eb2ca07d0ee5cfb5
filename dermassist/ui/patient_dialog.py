"""Create or edit a patient."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from dermassist.records.models import SEXES, Patient
from dermassist.records.store import RecordConflict, RecordError, RecordStore
from dermassist.ui.date_field import DateField
from dermassist.ui.i18n import fmt_date


def sex_label(sex: str) -> str:
    """Translated name of a SEXES value."""
    return {
        "female": QCoreApplication.translate("Sex", "female"),
        "male": QCoreApplication.translate("Sex", "male"),
        "other": QCoreApplication.translate("Sex", "other"),
        "unknown": QCoreApplication.translate("Sex", "not stated"),
    }.get(sex, sex)


class PatientDialog(QDialog):
    """Shows the patient's fields; on OK saves through the store and keeps the saved ``patient``."""

    def __init__(self, store: RecordStore, patient: Patient | None = None, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.original = patient
        self.patient: Patient | None = None
        self.setWindowTitle(self.tr("New patient") if patient is None else self.tr("Edit patient"))
        form = QFormLayout(self)
        self.full_name = QLineEdit()
        self.full_name.setObjectName("fullName")
        self.full_name.setPlaceholderText(self.tr("Surname, first name, patronymic"))
        self.birth_date = DateField()
        self.birth_date.setObjectName("birthDate")
        self.sex = QComboBox()
        for s in SEXES:
            self.sex.addItem(sex_label(s), s)
        self.sex.setCurrentIndex(self.sex.findData("unknown"))
        self.record_number = QLineEdit()
        self.record_number.setObjectName("recordNumber")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("The center calls this number to book the visit"))
        form.addRow(self.tr("Full name *"), self.full_name)
        form.addRow(self.tr("Date of birth"), self.birth_date)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Medical record / insurance no."), self.record_number)
        form.addRow(self.tr("Phone"), self.phone)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        if patient is not None:
            self.full_name.setText(patient.full_name)
            self.birth_date.set_value(patient.birth_date)
            self.sex.setCurrentIndex(max(0, self.sex.findData(patient.sex)))
            self.record_number.setText(patient.record_number)
            self.phone.setText(patient.phone)
        self.resize(440, self.sizeHint().height())

    def value(self) -> Patient:
        """The patient as entered (not yet saved)."""
        birth = self.birth_date.value()  # ValueError when the text is not a date: save() says so
        fields = {
            "full_name": self.full_name.text().strip(),
            "birth_date": birth,
            "sex": self.sex.currentData(),
            "record_number": self.record_number.text().strip(),
            "phone": self.phone.text().strip(),
        }
        if self.original is None:
            return Patient(None, **fields)
        return replace(self.original, **fields)

    def save(self) -> None:
        """Validate and store; a problem is shown in the dialog and nothing is lost."""
        try:
            value = self.value()
        except ValueError:
            self.error.setText(
                self.tr("The date of birth is not a date: type it as day, month, year (e.g. {example}).").format(
                    example=fmt_date("1961-04-17")
                )
            )
            self.birth_date.edit.setFocus()
            return
        if not value.full_name:
            self.error.setText(self.tr("Please enter the patient's full name."))
            self.full_name.setFocus()
            return
        try:
            self.patient = self.store.add_patient(value) if value.id is None else self.store.update_patient(value)
        except RecordConflict:
            self.error.setText(self.tr("This patient was changed elsewhere meanwhile. Close and open it again."))
            return
        except RecordError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
