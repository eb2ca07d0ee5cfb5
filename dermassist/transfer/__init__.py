"""Transfer of referrals to the specialized center: DICOM export, outbox, STOW-RS / C-STORE, center worklist.

Qt-free; the widgets live in ``dermassist.ui`` (outbox panel, PACS settings, center window).
"""
