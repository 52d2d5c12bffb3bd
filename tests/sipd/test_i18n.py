"""English through Django's i18n: the language switch, translated pages, a complete catalogue, and
numbers that keep the Indonesian form (1.234,56) in every language."""

import gettext as stdlib_gettext
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO, MO = LOCALE / "django.po", LOCALE / "django.mo"


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _h(tag: str, text: str) -> re.Pattern:
    return re.compile(rf"<{tag}\b[^>]*>\s*{re.escape(text)}\s*</{tag}>")


# Pages ---------------------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestLoginPage:
    def test_indonesian_by_default(self, client):
        html = client.get("/akun/masuk/").content.decode()
        assert '<html lang="id">' in html
        assert _h("h2", "Masuk ke portal").search(html)
        assert ">Nama pengguna</label>" in html and ">Kata sandi</label>" in html
        assert 'value="en" lang="en">English</button>' in html

    def test_english_with_the_language_cookie(self, client):
        assert settings.LANGUAGE_COOKIE_NAME == "django_language"
        html = _english(client).get("/akun/masuk/").content.decode()
        assert '<html lang="en">' in html
        assert "<title>Sign in · " in html
        assert _h("h2", "Sign in to the portal").search(html)
        assert ">Username</label>" in html and ">Password</label>" in html
        assert _h("button", "Sign in").search(html)
        assert 'value="id" lang="id">Bahasa Indonesia</button>' in html
        assert "Masuk ke portal" not in html and "Nama pengguna" not in html

    def test_switch_works_before_signing_in(self, client):
        response = client.post("/i18n/setlang/", {"language": "en", "next": "/akun/masuk/"})
        assert response.status_code == 302 and response["Location"] == "/akun/masuk/"
        assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
        assert _h("h2", "Sign in to the portal").search(client.get("/akun/masuk/").content.decode())

        client.post("/i18n/setlang/", {"language": "id", "next": "/akun/masuk/"})
        assert _h("h2", "Masuk ke portal").search(client.get("/akun/masuk/").content.decode())

    def test_login_error_from_python_code_is_translated(self, client):
        html = _english(client).post("/akun/masuk/", {"username": "siapa", "password": "salah-sekali-1"})
        html = html.content.decode()
        assert "Wrong username or password. Note that upper and lower case letters differ." in html


class TestSignedInPages:
    def test_home_in_english(self, client, two_opds):
        client.force_login(two_opds.users.operator_a)
        html = _english(client).get("/").content.decode()
        assert '<html lang="en">' in html
        assert _h("h1", f"Welcome, {escape(two_opds.users.operator_a.get_full_name())}").search(html)
        assert _h("h2", "Your regional apparatus (OPD)").search(html)
        assert _h("h2", "Staff summary").search(html)
        assert _h("h2", "Shortcuts").search(html)
        assert "Operator OPD" not in html and "OPD operator" in html  # the role label, from Python
        assert "> Home</a>" in html and ">Sign out</button>" in html
        assert "Selamat datang" not in html and "Ringkasan pegawai" not in html

    def test_home_in_indonesian_by_default(self, client, two_opds):
        client.force_login(two_opds.users.operator_a)
        html = client.get("/").content.decode()
        assert '<html lang="id">' in html
        assert _h("h2", "Perangkat daerah Anda").search(html)
        assert _h("h2", "Ringkasan pegawai").search(html)
        assert "Welcome" not in html

    def test_switch_while_signed_in_comes_back_to_the_page(self, client, two_opds):
        client.force_login(two_opds.users.operator_a)
        response = client.post("/i18n/setlang/", {"language": "en", "next": "/pegawai/"})
        assert response["Location"] == "/pegawai/"
        assert _h("h1", "Staff list").search(client.get("/pegawai/").content.decode())

    @pytest.mark.parametrize(
        ("lang", "crumb", "title"),
        [("id", "Pegawai", "Riwayat perubahan"), ("en", "Staff", "Change history")],
    )
    def test_history_names_the_model_in_the_current_language(self, client, two_opds, lang, crumb, title):
        client.force_login(two_opds.users.admin)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        html = client.get(f"/riwayat/opd/pegawai/{two_opds.pegawai_a.pk}/").content.decode()
        assert f'<li class="breadcrumb-item">{crumb}</li>' in html
        assert f'<h1 class="h4 mb-3">{title}: {two_opds.pegawai_a.nama}</h1>' in html

    def test_server_error_page_follows_the_language(self):
        with translation.override("en"):
            html = render_to_string("500.html")
        assert '<html lang="en">' in html and "A server error occurred" in html
        with translation.override("id"):
            assert "Terjadi kesalahan pada server" in render_to_string("500.html")


# Numbers -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
class TestNumbersStayIndonesian:
    def test_on_a_page(self, client, two_opds, lang):
        honorer = two_opds.honorer_a
        honorer.upah_bpjs = 1_234_567
        honorer.save()
        client.force_login(two_opds.users.admin)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        html = client.get(f"/pegawai/{honorer.pk}/").content.decode()
        assert f'<html lang="{lang}">' in html
        assert "Rp1.234.567" in html and "1,234,567" not in html

    def test_django_localization_and_the_portal_filters(self, lang):
        source = (
            "{% load humanize sipd %}{{ v }} | {{ v|floatformat:'2g' }} | {{ n|intcomma }} | {{ v|angka }}"
        )
        template = engines["django"].from_string(source)
        with translation.override(lang):
            rendered = template.render({"v": Decimal("1234.56"), "n": 1234567})
            assert formats.number_format(Decimal("1234.56"), 2, force_grouping=True) == "1.234,56"
        assert rendered == "1.234,56 | 1.234,56 | 1.234.567 | 1.234,56"


# Catalogue -----------------------------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def _unquote(line: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES[m[1]], line.strip()[1:-1])


def parse_po(path: Path) -> list[dict]:
    """A small .po reader: entries with flags, references, msgid, msgid_plural and msgstr (a list)."""
    entries, entry, field = [], None, None

    def new():
        keys = ("msgctxt", "msgid", "msgid_plural")
        return {"flags": set(), "refs": [], **dict.fromkeys(keys), "msgstr": {}}

    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry and entry["msgid"] is not None:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry or new()
        if line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            entry["flags"] |= {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#:"):
            entry["refs"] += line[2:].split()
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if isinstance(field, int):
                entry["msgstr"][field] += _unquote(line)
            else:
                entry[field] += _unquote(line)
        else:
            keyword, _sep, value = line.partition(" ")
            match = re.fullmatch(r"msgstr\[(\d)\]", keyword)
            if match:
                field = int(match[1])
                entry["msgstr"][field] = _unquote(value)
            elif keyword == "msgstr":
                field = 0
                entry["msgstr"][0] = _unquote(value)
            else:
                field = keyword
                entry[field] = _unquote(value)
    return entries


@pytest.fixture(scope="module")
def catalogue():
    entries = parse_po(PO)
    header = entries[0]
    assert header["msgid"] == ""
    return header, entries[1:]


class TestCatalogue:
    def test_header(self, catalogue):
        header, _entries = catalogue
        text = header["msgstr"][0]
        assert "Language: en\n" in text
        assert "Content-Type: text/plain; charset=UTF-8\n" in text
        assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in text
        assert "fuzzy" not in header["flags"]

    def test_every_entry_translated_and_nothing_fuzzy_or_obsolete(self, catalogue):
        _header, entries = catalogue
        assert len(entries) > 250
        assert [e["msgid"] for e in entries if "fuzzy" in e["flags"]] == []
        assert [e["msgid"] for e in entries if e.get("obsolete")] == []
        untranslated = [
            e["msgid"]
            for e in entries
            if not e["msgstr"]
            or not all(e["msgstr"].values())
            or (e["msgid_plural"] and len(e["msgstr"]) != 2)
        ]
        assert untranslated == []

    def test_placeholders_kept(self, catalogue):
        _header, entries = catalogue
        wrong = [
            (e["msgid"], form)
            for e in entries
            for form in e["msgstr"].values()
            if sorted(set(PLACEHOLDER.findall(form))) != sorted(set(PLACEHOLDER.findall(e["msgid"])))
        ]
        assert wrong == []

    def test_only_project_sources(self, catalogue):
        _header, entries = catalogue
        files = {ref.rsplit(":", 1)[0] for e in entries for ref in e["refs"]}
        project = ("sipd/", "opd/", "kinerja/", "sla/", "bencana/", "templates/")
        assert files and [f for f in files if not f.startswith(project)] == []
        assert "opd/demo.py" not in files

    def test_compiled_mo_matches_the_po(self, catalogue):
        _header, entries = catalogue
        with MO.open("rb") as fh:
            compiled = stdlib_gettext.GNUTranslations(fh)._catalog
        for e in entries:
            key = f"{e['msgctxt']}\x04{e['msgid']}" if e["msgctxt"] else e["msgid"]
            if e["msgid_plural"]:
                assert [compiled.get((key, i)) for i in (0, 1)] == [e["msgstr"][0], e["msgstr"][1]]
            else:
                assert compiled.get(key) == e["msgstr"][0], e["msgid"]
        assert len({k if isinstance(k, str) else k[0] for k in compiled} - {""}) == len(entries)

    def test_template_strings_are_in_the_catalogue(self, catalogue):
        """A new {% trans "…" %} without a catalogue entry fails here (run makemessages, then translate)."""
        _header, entries = catalogue
        msgids = {e["msgid"] for e in entries}
        pattern = re.compile(
            r"""\{%\s*trans(?:late)?\s+(?:"([^"]*)"|'([^']*)')|_\((?:"([^"]*)"|'([^']*)')\)"""
        )
        found = {
            next(g for g in m.groups() if g is not None)
            for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html")
            for m in pattern.finditer(path.read_text(encoding="utf-8"))
        }
        assert found and found - msgids == set()

    def test_django_loads_the_english_catalogue(self):
        with translation.override("en"):
            assert gettext("Beranda") == "Home"
            assert gettext("Masuk") == "Sign in"
            assert gettext("Perangkat Daerah") == "Regional Apparatus (OPD)"
            assert ngettext("%(n)s notifikasi belum dibaca", "%(n)s notifikasi belum dibaca", 1) % {
                "n": 1
            } == ("1 unread notification")
            assert ngettext("%(n)s notifikasi belum dibaca", "%(n)s notifikasi belum dibaca", 3) % {
                "n": 3
            } == ("3 unread notifications")
        with translation.override("id"):
            assert gettext("Beranda") == "Beranda"
