"""The core's gettext catalogs: complete, compiled, and a new language is only new catalog files."""

from __future__ import annotations

import ast
import gettext
import io
import re
import shutil
import string
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

import dermassist.i18n as i18n
from dermassist import INTENDED_USE, intended_use
from dermassist.i18n import fmt
from dermassist.i18n.catalogs import catalog_languages, compile_po, extract, po_path, read_catalog
from dermassist.imaging.quality import MESSAGES as QUALITY_MESSAGES
from dermassist.imaging.quality import QualityIssue
from dermassist.inference import trust_text
from dermassist.records import checklist
from dermassist.reports import strings

LANGUAGES = catalog_languages()


@pytest.fixture(scope="module")
def template() -> Catalog:
    return extract()


def _forms(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_russian_catalog_exists() -> None:
    assert "ru" in LANGUAGES and "ru" in i18n.available_languages()


def test_extraction_finds_the_core_tables(template: Catalog) -> None:
    ids = {m.id for m in template if m.id}
    tables = [QUALITY_MESSAGES, trust_text.TEXT, strings._TEXT, checklist.LABELS]
    for table in tables:
        missing = [text for text in table.values() if text not in ids]
        assert not missing, f"not extracted (call N_ on them): {missing}"
    assert INTENDED_USE in ids and ("{n} year", "{n} years") in ids


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_translates_every_message(template: Catalog, lang: str) -> None:
    catalog = read_catalog(po_path(lang), lang)
    problems = []
    for msg in template:
        if not msg.id:
            continue
        found = catalog.get(msg.id, context=msg.context)
        if found is None:
            problems.append(f"missing: {msg.id!r} (run scripts/update_translations.py)")
        elif found.fuzzy:
            problems.append(f"fuzzy: {msg.id!r}")
        elif not all(_forms(found.string)) or len(_forms(found.string)) != (
            catalog.num_plurals if msg.pluralizable else 1
        ):
            problems.append(f"untranslated: {msg.id!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for msg in read_catalog(po_path(lang), lang):
        if not msg.id:
            continue
        wanted = set().union(*(_fields(s) for s in _forms(msg.id)))
        for text in _forms(msg.string):
            # A singular form may spell out "one" instead of {n}; no form may invent a field.
            if text and not (_fields(text) <= wanted and (msg.pluralizable or _fields(text) == wanted)):
                wrong.append(f"{msg.id!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalog_matches_its_po(lang: str) -> None:
    mo = po_path(lang).with_suffix(".mo")
    assert mo.is_file(), f"{mo} missing: run scripts/update_translations.py"
    with mo.open("rb") as f:
        shipped = gettext.GNUTranslations(f)
    fresh = gettext.GNUTranslations(io.BytesIO(compile_po(read_catalog(po_path(lang), lang))))
    assert shipped._catalog == fresh._catalog, f"{mo} is stale: run scripts/update_translations.py"  # type: ignore[attr-defined]


def test_explicit_language_does_not_follow_the_ui(ui_language: None) -> None:
    i18n.set_language("ru")
    assert i18n.current_language() == "ru"
    assert i18n._(INTENDED_USE) == intended_use("ru") != INTENDED_USE
    assert intended_use("en") == INTENDED_USE and intended_use() == intended_use("ru")
    issue = QualityIssue("small", 100, 224, (("width", 100), ("height", 80), ("min_side", 224)))
    assert issue.message("en").startswith("The picture is too small (100x80")
    assert "100x80" in issue.message("ru") and "пикс" in issue.message("ru")
    assert i18n.ngettext("{n} year", "{n} years", 22).format(n=22) == "22 года"


@pytest.mark.parametrize(
    ("years", "en", "ru"),
    [(1, "1 year", "1 год"), (3, "3 years", "3 года"), (11, "11 years", "11 лет"), (21, "21 years", "21 год")],
)
def test_plural_forms(years: int, en: str, ru: str) -> None:
    assert strings.fmt_age("en", years) == en and strings.fmt_age("ru", years) == ru


@pytest.mark.parametrize(
    ("code", "lang"),
    [("ru", "ru"), ("ru_RU.UTF-8", "ru"), ("ru-RU", "ru"), ("RU", "ru"), ("C.UTF-8", "en"), ("", "en"), (None, "en")],
)
def test_language_codes(code: str | None, lang: str) -> None:
    assert i18n.norm_lang(code) == lang


def test_formatter() -> None:
    assert fmt.format_percent(0.127, lang="en") == "12.7%"
    assert fmt.format_percent(0.127, lang="ru") == "12,7\u00a0%"
    assert fmt.format_percent(0.5, 0, lang="ru") == "50\u00a0%"
    assert fmt.format_number(1234.5678, 2, lang="en") == "1,234.57"
    assert fmt.format_number(1234.5678, 2, lang="ru") == "1\u00a0234,57"
    assert fmt.format_date(date(2024, 3, 5), lang="en") == "5 March 2024"
    assert fmt.format_date("2024-03-05", lang="ru") == "5 марта 2024\u202fг."
    assert fmt.format_date("2024-03-05", "short", lang="ru") == "05.03.2024"
    assert fmt.format_date("not a date", lang="ru") == "not a date" and fmt.format_date(None) == ""
    assert fmt.format_datetime(datetime(2024, 3, 5, 14, 5), lang="ru") == "5 марта 2024\u202fг. 14:05"
    assert fmt.format_duration(0.37, lang="ru") == "0,37 с"
    assert fmt.format_duration(0.37, lang="en") == "0.37s"
    assert fmt.format_percent(0.127, lang="xx") == "12.7%"  # unknown to CLDR: English


def test_formatter_follows_the_ui_language(ui_language: None) -> None:
    i18n.set_language("ru")
    assert fmt.format_percent(0.228) == "22,8\u00a0%"
    i18n.set_language("en")
    assert fmt.format_percent(0.228) == "22.8%"


@pytest.fixture
def ui_language() -> Iterator[None]:
    before = i18n.current_language()
    yield
    i18n.set_language(before)


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped locale folder plus a tiny German catalog, in a temporary folder."""
    folder = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, folder)
    catalog = Catalog(locale="de", domain=i18n.DOMAIN, fuzzy=False)
    catalog.add(QUALITY_MESSAGES["dark"], "Das Bild ist zu dunkel. Bitte mit mehr Licht neu aufnehmen.")
    catalog.add(strings._TEXT["title"], "Überweisung zur dermatologischen Fachkonsultation")
    catalog.add(("{n} year", "{n} years"), ("{n} Jahr", "{n} Jahre"))
    target = po_path("de", folder)
    target.parent.mkdir(parents=True)
    with target.open("wb") as f:
        write_po(f, catalog)
    with target.with_suffix(".mo").open("wb") as f:
        write_mo(f, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", folder)
    i18n.reload_catalogs()
    yield folder
    monkeypatch.undo()
    i18n.reload_catalogs()


def test_a_new_language_is_only_catalog_files(german: Path, ui_language: None) -> None:
    assert i18n.available_languages() == ("en", "de", "ru")
    assert i18n.norm_lang("de_AT") == "de"
    assert QualityIssue("dark", 10, 60).message("de").startswith("Das Bild ist zu dunkel")
    assert strings.t("de", "title") == "Überweisung zur dermatologischen Fachkonsultation"
    assert strings.fmt_age("de", 3) == "3 Jahre" and strings.fmt_age("de", 1) == "1 Jahr"
    assert strings.fmt_date("de", "2024-03-05") == "5. März 2024"
    assert strings.fmt_percent("de", 0.127) == "12,7\u00a0%"
    # Not yet translated: the English source, never a key or an empty string.
    assert strings.t("de", "patient") == "Patient" and intended_use("de") == INTENDED_USE
    i18n.set_language("de")
    assert i18n._(QUALITY_MESSAGES["dark"]).startswith("Das Bild")


def test_transfer_errors_speak_the_ui_language(ui_language: None) -> None:
    from dermassist.records.settings import Settings
    from dermassist.transfer.connection import check_connection
    from dermassist.transfer.errors import TransferError
    from dermassist.transfer.transport import check_configured

    unset = Settings(pacs_protocol="dicomweb", dicomweb_url="")
    i18n.set_language("ru")
    with pytest.raises(TransferError, match="PACS центра не настроен: укажите в настройках: адрес DICOMweb"):
        check_configured(unset)
    result = check_connection(Settings(pacs_protocol="dimse", dimse_host="", dimse_port=0))
    assert not result.ok and "адрес сервера" in result.message and "порт" in result.message
    i18n.set_language("en")
    with pytest.raises(TransferError, match="the center's PACS is not configured: set its DICOMweb URL in Settings"):
        check_configured(unset)


# Deliberately bilingual texts: DICOM notes a center reads in either language, the side words of
# free-text sites written by older versions, and the self-test's window title.
BILINGUAL_ON_PURPOSE = {"dermassist/transfer/dicom_build.py", "dermassist/selftest.py"}


def test_core_texts_in_other_languages_live_only_in_catalogs() -> None:
    """No hand-made (English, Russian) pairs come back: Russian words in core code are catalog entries."""
    root = Path(i18n.__file__).resolve().parent.parent
    cyrillic = re.compile("[А-Яа-яЁё]")
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).as_posix()
        if rel.startswith(("dermassist/ui/", "dermassist/training/")) or rel in BILINGUAL_ON_PURPOSE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found += [
            f"{rel}:{node.lineno}: {node.value[:50]!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and cyrillic.search(node.value)
        ]
    assert not found, "translate through dermassist.i18n instead:\n" + "\n".join(found)
