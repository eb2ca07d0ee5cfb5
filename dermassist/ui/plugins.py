"""Optional widgets written in other packages, imported only when they are present."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any


def optional(module: str, name: str) -> tuple[Any | None, str]:
    """``(object, "")`` when ``module.name`` exists, else ``(None, reason)``.

    Only the module's own absence counts as "not installed"; an error inside a present module
    is reported as such rather than hidden.
    """
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            return None, "not installed"
        return None, f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # a broken optional part must not stop the application
        return None, f"{type(exc).__name__}: {exc}"
    obj = getattr(mod, name, None)
    return (obj, "") if obj is not None else (None, f"{module} has no {name}")


def available(module: str) -> bool:
    """Whether ``module`` is installed, without importing it (its imports can be slow: pydicom, reportlab)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False
