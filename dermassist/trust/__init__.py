"""Fitting and measuring the trust checks: OOD statistics, the probe set, calibration and the trust figures.

Qt-free and torch-free. ``dermassist.inference`` runs a model (including the runtime OOD check and
trust gate); this package fits what those checks need and measures how they behave.
"""
