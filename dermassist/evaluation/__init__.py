"""Model evaluation through the app's own inference code: metrics, calibration, plots (numpy only)."""
