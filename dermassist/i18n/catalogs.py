"""Extract, update and compile the gettext catalogs with Babel (a developer's tool, not used at run time).

``scripts/update_translations.py`` runs ``update_all``; the tests use ``extract`` and ``compile_po``
to check that every catalog has every message and that each ``.mo`` matches its ``.po``.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from dermassist.i18n import DOMAIN, LOCALE_DIR

PACKAGE_DIR = LOCALE_DIR.parent.parent  # the dermassist package
# The translation functions of dermassist.i18n and where their message arguments are (pybabel's -k syntax).
KEYWORDS: dict[str, object] = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "gettext_for": (2,),
    "ngettext_for": (2, 3),
    "pgettext_for": ((2, "c"), 3),
}
METHOD_MAP = [("training/**.py", "ignore"), ("**.py", "python")]
WIDTH = 116


def extract(package_dir: Path = PACKAGE_DIR) -> Catalog:
    """Every translatable message in the package's Python code, as a template catalog."""
    template = Catalog(project="DermAssist", domain=DOMAIN, fuzzy=False)
    found = extract_from_dir(str(package_dir), METHOD_MAP, keywords=KEYWORDS, strip_comment_tags=True)  # type: ignore[arg-type]
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    """Where the catalog of ``lang`` lives."""
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, lang: str) -> Catalog:
    """A ``.po`` file as a Babel catalog."""
    with path.open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def update_po(lang: str, template: Catalog, locale_dir: Path = LOCALE_DIR) -> Catalog:
    """Add new messages to (or create) the ``.po`` of ``lang`` and drop ones the code no longer has.

    No fuzzy matching: a changed English text comes back untranslated rather than with an old guess.
    """
    path = po_path(lang, locale_dir)
    if path.is_file():
        catalog = read_catalog(path, lang)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(
            locale=lang,
            domain=DOMAIN,
            project="DermAssist",
            header_comment=f"# {lang} translation of DermAssist's core texts (see docs/translations.md).",
            copyright_holder="",
            msgid_bugs_address="",
            last_translator="",
            language_team="",
            fuzzy=False,
        )
    created = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True)
    catalog.creation_date = created  # a date that changes on every run would only make merge conflicts
    catalog.obsolete.clear()
    with path.open("wb") as f:
        write_po(f, catalog, width=WIDTH, no_location=True, omit_header=False, sort_output=True)
    return catalog


def compile_po(catalog: Catalog) -> bytes:
    """The ``.mo`` bytes for a catalog (fuzzy and untranslated messages left out)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def catalog_languages(locale_dir: Path = LOCALE_DIR) -> list[str]:
    """Languages that have a ``.po`` file."""
    return sorted(p.parent.parent.name for p in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def update_all(add: tuple[str, ...] = (), locale_dir: Path = LOCALE_DIR) -> dict[str, int]:
    """Extract, update every catalog (and any language in ``add``), compile each ``.mo``.

    Returns the number of messages still untranslated per language.
    """
    template = extract()
    missing: dict[str, int] = {}
    for lang in sorted(set(catalog_languages(locale_dir)) | set(add)):
        catalog = update_po(lang, template, locale_dir)
        po_path(lang, locale_dir).with_suffix(".mo").write_bytes(compile_po(catalog))
        missing[lang] = sum(1 for m in catalog if m.id and (m.fuzzy or not all(_strings(m.string))))
    return missing


def _strings(string: object) -> tuple[str, ...]:
    if isinstance(string, (tuple, list)):
        return tuple(str(s or "") for s in string)
    return (str(string or ""),)
