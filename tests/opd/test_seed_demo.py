"""`manage.py seed_demo`: the fictional Kabupaten Sukamaju, valid, complete and idempotent."""

import io
import re
from collections import Counter

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext

from opd import demo
from opd.choices import JENIS_PERANGKAT_DAERAH, Eselon, JenisOpd, JenisPelaksana, StatusPegawai
from opd.models import Opd, Pegawai, PenugasanPeran
from opd.validators import parse_kode_unit
from sipd.models import Pemda, User
from sipd.roles import Peran
from sipd.selectors import PEMDA_CACHE_KEY
from sipd.validators import parse_nik, parse_nip

pytestmark = pytest.mark.django_db
WRITE_SQL = re.compile(r'\bINSERT INTO\b|\bUPDATE "|\bDELETE FROM\b')


@pytest.fixture(autouse=True)
def _isolated_and_fast(settings, tmp_path):
    """The generated logo goes to a temporary media folder; passwords use a fast hasher in tests."""
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed_demo() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        "opd": sorted(
            Opd.objects.values_list("kode", "nama", "singkatan", "jenis", "induk__kode", "kepala__nip",
                                    "pelaksana__nip", "jenis_pelaksana")
        ),
        "pegawai": sorted(
            Pegawai.objects.values_list("nip", "nik", "nama", "jabatan", "eselon", "opd__kode", "unit__kode",
                                        "upah_bpjs", "user__username"),
            key=str,
        ),
        "user": sorted(User.objects.values_list("username", "password", "email", "first_name", "last_name")),
        "peran": sorted(PenugasanPeran.objects.values_list("user__username", "peran", "opd__kode"), key=str),
        "pemda": list(Pemda.objects.values()),
    }  # fmt: skip


def history_counts() -> dict:
    """pghistory writes an event row for every insert and real update, so equal counts mean no writes."""
    models = ["opd.OpdEvent", "opd.PegawaiEvent", "opd.PenugasanPeranEvent", "sipd.PemdaEvent"]
    return {name: apps.get_model(name).objects.count() for name in models}


def test_counts_are_in_range():
    seed_demo()
    induk = Opd.objects.filter(induk__isnull=True)
    assert induk.exclude(jenis=JenisOpd.KECAMATAN).count() >= 35
    assert induk.filter(jenis=JenisOpd.KECAMATAN).count() >= 25
    assert 1400 <= Pegawai.objects.count() <= 1600
    share = Counter(Pegawai.objects.values_list("status", flat=True))
    total = sum(share.values())
    assert 0.55 <= share[StatusPegawai.PNS] / total <= 0.65
    assert 0.10 <= share[StatusPegawai.PPPK] / total <= 0.20
    assert 0.20 <= share[StatusPegawai.NON_ASN] / total <= 0.30
    assert set(PenugasanPeran.objects.values_list("peran", flat=True)) == set(Peran.values)

    units = Counter(Opd.objects.filter(induk__isnull=False).values_list("induk__jenis", "induk__kode"))
    for (jenis, kode), n in units.items():
        if jenis != JenisOpd.KECAMATAN:
            assert 3 <= n <= 6, kode
    assert {kode for (_, kode) in units} == set(induk.values_list("kode", flat=True))
    # Kelurahan sit under kecamatan, and only there.
    kelurahan = Opd.objects.filter(jenis=JenisOpd.KELURAHAN)
    assert kelurahan.count() >= 25
    assert set(kelurahan.values_list("induk__jenis", flat=True)) == {JenisOpd.KECAMATAN}
    assert set(Opd.objects.filter(induk__jenis=JenisOpd.KECAMATAN).values_list("jenis", flat=True)) == {
        JenisOpd.KELURAHAN
    }


def test_codes_and_identity_numbers_are_valid():
    seed_demo()
    opds = list(Opd.objects.select_related("induk"))
    for opd in opds:
        parsed = parse_kode_unit(opd.kode)
        assert opd.urusan == parsed["urusan"], opd.kode
        if opd.induk is None:
            assert opd.jenis in JENIS_PERANGKAT_DAERAH and parsed["sub_unit"] == 0, opd.kode
        else:
            assert opd.jenis in (JenisOpd.BIDANG, JenisOpd.UPTD, JenisOpd.KELURAHAN), opd.kode
            assert opd.kode[:-4] == opd.induk.kode[:-4] and parsed["sub_unit"] != 0, opd.kode
    assert Opd.objects.get(kode="1.03.0.00.0.00.01.0000").singkatan == "DPUPR"
    assert Opd.objects.get(kode="1.01.2.22.0.00.01.0000").urusan == ["1.01", "2.22"]

    for p in Pegawai.objects.all():
        if p.status == StatusPegawai.NON_ASN:
            assert p.nip is None
            parsed = parse_nik(p.nik)
            assert p.nik.startswith("3299")
            assert p.upah_bpjs % 1000 == 0 and 2_100_000 <= p.upah_bpjs <= 4_500_000, p.nik
        else:
            assert p.nik is None and p.upah_bpjs is None
            parsed = parse_nip(p.nip, pppk=p.status == StatusPegawai.PPPK)
            assert (p.nip[12:14] == "21") == (p.status == StatusPegawai.PPPK), p.nip
        assert parsed["tanggal_lahir"] == p.tanggal_lahir and parsed["jenis_kelamin"] == p.jenis_kelamin

    # Model validation end to end (field validators, choices, check and unique constraints) on a sample.
    for p in Pegawai.objects.order_by("pk")[::60]:
        p.full_clean()
    for opd in opds[::15]:
        opd.full_clean()
    Pemda.objects.get().full_clean()


def test_heads_have_the_eselon_of_their_post():
    seed_demo()
    for opd in Opd.objects.select_related("kepala", "pelaksana"):
        kepala = opd.kepala
        if kepala is None:
            continue
        assert kepala.status == StatusPegawai.PNS
        assert kepala.opd_id == (opd.induk_id or opd.pk)
        assert kepala.unit_id == (opd.pk if opd.induk_id else None)
        if opd.jenis == JenisOpd.SEKRETARIAT_DAERAH:
            assert (kepala.jabatan, kepala.eselon) == ("Sekretaris Daerah", Eselon.II_A)
        elif opd.jenis == JenisOpd.KECAMATAN:
            assert kepala.jabatan == opd.nama.replace("Kecamatan", "Camat") and kepala.eselon == Eselon.III_A
        elif opd.jenis == JenisOpd.KELURAHAN:
            assert kepala.jabatan.startswith("Lurah ") and kepala.eselon == Eselon.IV_A
        elif opd.induk_id is None:
            assert kepala.eselon == Eselon.II_B, opd.nama
        else:
            assert kepala.eselon in (Eselon.III_A, Eselon.III_B, Eselon.IV_A), opd.nama
    assert Opd.objects.get(singkatan="Dinkes").kepala.jabatan == "Kepala Dinas Kesehatan"
    assert set(Pegawai.objects.filter(eselon__startswith="II").values_list("status", flat=True)) == {"pns"}
    assert not Pegawai.objects.filter(status=StatusPegawai.NON_ASN).exclude(eselon="").exists()
    assert Pegawai.objects.filter(eselon="").count() > Pegawai.objects.exclude(eselon="").count()

    # The portal's special cases: heads vacant with a Plt., and one vacant with nobody.
    induk = Opd.objects.filter(induk__isnull=True, kepala__isnull=True)
    plt = induk.filter(pelaksana__isnull=False, jenis_pelaksana=JenisPelaksana.PLT)
    assert 2 <= plt.count() <= 3
    assert induk.filter(pelaksana__isnull=True).count() == 1
    assert Opd.objects.filter(induk__isnull=False, kepala__isnull=True).exists()
    assert Opd.objects.filter(kepala__isnull=False).count() > 0.9 * Opd.objects.count()


def test_pemda_profile_logo_and_cache(django_capture_on_commit_callbacks):
    cache.set(PEMDA_CACHE_KEY, "stale", 60)
    with django_capture_on_commit_callbacks(execute=True):
        seed_demo()
    assert cache.get(PEMDA_CACHE_KEY) is None

    pemda = Pemda.objects.get()
    assert (pemda.jenis, pemda.nama, pemda.kode_wilayah) == (Pemda.Jenis.KABUPATEN, "Sukamaju", "32.99")
    assert pemda.bupati_nama and pemda.wakil_nama and pemda.bupati_nip == pemda.wakil_nip == ""
    sekda = Opd.objects.get(jenis=JenisOpd.SEKRETARIAT_DAERAH).kepala
    kepala_bappeda = Opd.objects.get(singkatan="Bappeda").kepala
    assert (pemda.sekda_nama, pemda.sekda_nip) == (sekda.nama, sekda.nip)
    assert (pemda.kepala_bappeda_nama, pemda.kepala_bappeda_nip) == (kepala_bappeda.nama, kepala_bappeda.nip)
    with pemda.logo.open("rb") as logo:
        assert logo.read(8) == b"\x89PNG\r\n\x1a\n"

    logo_name = pemda.logo.name
    seed_demo()
    assert Pemda.objects.get().logo.name == logo_name  # kept, not generated again


def writes(queries) -> list[str]:
    # Searched, not matched at the start: pghistory prefixes statements with SELECT set_config(...).
    return [q["sql"] for q in queries if WRITE_SQL.search(q["sql"])]


def test_second_run_changes_nothing():
    with CaptureQueriesContext(connection) as queries:
        first = seed_demo()
    assert len(writes(queries)) >= 5  # the check below can see writes
    before, events = snapshot(), history_counts()
    with CaptureQueriesContext(connection) as queries:
        second = seed_demo()
    assert snapshot() == before
    assert history_counts() == events
    assert writes(queries) == []
    # opd, klaim and bencana read about 12; kinerja re-reads the stored plan (one query per table: misi …
    # target, pagu), the 2025 realizations, reports and entry windows to compare, about 27; the login table 1.
    assert len(queries) <= 45
    assert "tanpa perubahan" in second and "tanpa perubahan" not in first
    # The audit trail names the command behind the first run's rows.
    contexts = apps.get_model("opd.PegawaiEvent").objects.values_list("pgh_context__metadata", flat=True)
    assert {c["perintah"] for c in contexts} == {"seed_demo"}
    assert "baru 1.500" in first and "baru 0, diubah 0" in second


def test_rerun_restores_changed_rows():
    seed_demo()
    pegawai = Pegawai.objects.filter(status=StatusPegawai.PNS).order_by("pk").first()
    jabatan = pegawai.jabatan
    Pegawai.objects.filter(pk=pegawai.pk).update(jabatan="Jabatan Lain")
    user = User.objects.get(username="kepala.dinkes")
    user.set_password("lain-sekali-123")
    user.save()

    out = seed_demo()

    assert Pegawai.objects.get(pk=pegawai.pk).jabatan == jabatan
    assert User.objects.get(username="kepala.dinkes").check_password(demo.DEMO_PASSWORD)
    assert "diubah 1" in out
    assert Pegawai.objects.count() == demo.TOTAL_PEGAWAI


def test_demo_users_log_in_with_their_roles(client):
    out = seed_demo()
    assert "Nama pengguna" in out
    for username, peran, singkatan, _ in demo.AKUN_DEMO:
        assert f"{username:<18}{demo.DEMO_PASSWORD}" in out  # the login table
        user = User.objects.get(username=username)
        assert user.email == f"{username}@sukamaju.go.id" and user.get_full_name()
        roles = list(user.daftar_peran.values_list("peran", "opd__singkatan"))
        assert roles == [(peran, singkatan)]
        assert client.login(request=HttpRequest(), username=username, password=demo.DEMO_PASSWORD), username
        client.logout()
    # The table lists every account seed_demo made, the other apps' too (kepala.bpbd, kepala.diskominfo ...).
    for username in User.objects.values_list("username", flat=True):
        assert f"{username:<18}{demo.DEMO_PASSWORD}" in out.split("Akun demo (")[1], username
    assert "  kepala.bpbd       sipd-demo-2026   Kepala OPD (BPBD)" in out

    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert not User.objects.filter(is_superuser=True).exclude(username="admin").exists()
    for username in ("kepala.dinkes", "kepala.dpupr"):
        kepala = User.objects.get(username=username)
        assert kepala.pegawai == kepala.daftar_peran.get().opd.kepala
    assert User.objects.get(username="sekda").pegawai.jabatan == "Sekretaris Daerah"
    assert User.objects.get(username="operator.dinkes").pegawai.opd.singkatan == "Dinkes"

    # Through the real login page too (django-axes in front).
    response = client.post("/akun/masuk/", {"username": "bupati", "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302


def test_plan_is_deterministic():
    assert demo.rencana() == demo.rencana()
