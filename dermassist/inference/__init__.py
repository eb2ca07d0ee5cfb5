"""Model cards, preprocessing, the ONNX Runtime session and predictions (no Qt)."""
