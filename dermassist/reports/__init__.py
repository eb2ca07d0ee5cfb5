"""Referral PDF for the specialized center (reportlab, Qt-free): see ``dermassist.reports.referral``."""
