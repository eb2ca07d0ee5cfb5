"""Extract the core's translatable texts and bring every gettext catalog up to date.

    python scripts/update_translations.py            # after adding or changing texts in the code
    python scripts/update_translations.py --add de   # start a new language

Then translate the empty msgstr entries in dermassist/i18n/locale/<lang>/LC_MESSAGES/dermassist.po
and run the script again to compile the .mo files (see docs/translations.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dermassist.i18n.catalogs import update_all  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add", action="append", default=[], metavar="LANG", help="create a catalog for LANG")
    args = parser.parse_args()
    missing = update_all(tuple(args.add))
    for lang, count in missing.items():
        print(f"{lang}: {count} untranslated" if count else f"{lang}: complete")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
