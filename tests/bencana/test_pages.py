"""Disaster pages: BPBD records, OPD heads acknowledge and report, the tile's flat query count, downloads."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from bencana import reports, selectors, services
from bencana.models import FotoLaporan, KejadianBencana, LaporanHarian, Penugasan, StatusDarurat
from opd.models import Opd
from sipd.roles import Peran
from tests.bencana import factories as bf
from tests.factories import PegawaiFactory, UserFactory

pytestmark = pytest.mark.django_db
HARI = datetime.timedelta(days=1)


@pytest.fixture
def f(two_opds):
    Opd.objects.filter(pk=two_opds.opd_a.pk).update(kepala=two_opds.pegawai_a)
    two_opds.bpbd = bf.bpbd()
    two_opds.operator_bpbd = UserFactory(username="op_bpbd", peran=[(Peran.OPERATOR_OPD, two_opds.bpbd)])
    return two_opds


def _kejadian_via_halaman(client, f) -> KejadianBencana:
    data = {
        "jenis": bf.banjir().pk, "judul": "Banjir Sukamaju Kaler",
        "waktu": "2026-01-05T04:30",
        "kecamatan": bf.kecamatan().pk, "desa": "Mekarsari", "uraian": "Sungai meluap", "meninggal": "1",
        "luka": "3", "hilang": "0", "pengungsi": "250", "rumah_rusak_ringan": "10", "rumah_rusak_sedang": "2",
        "rumah_rusak_berat": "1", "fasilitas_rusak": "0",
    }  # fmt: skip
    response = client.post("/bencana/kejadian/baru/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return KejadianBencana.objects.get(judul="Banjir Sukamaju Kaler")


def test_bpbd_records_a_disaster_and_a_decree_heads_acknowledge(f, login, client):
    login(f.operator_bpbd)
    kejadian = _kejadian_via_halaman(client, f)
    assert kejadian.opd == f.bpbd and kejadian.dibuat_oleh == f.operator_bpbd
    hari_ini = datetime.date.today()
    response = client.post(
        f"/bencana/kejadian/{kejadian.pk}/status/baru/",
        {
            "status": "tanggap",
            "nomor_sk": "360/Kep.5/2026",
            "tanggal_sk": hari_ini,
            "mulai": hari_ini,
            "selesai": hari_ini + 7 * HARI,
        },  # fmt: skip
        follow=True,
    )
    assert "Status Tanggap Darurat tercatat" in response.content.decode()
    assert "2 penugasan dibuat dan diumumkan" in response.content.decode()
    p = Penugasan.objects.get(opd=f.opd_a)

    login(f.users.kepala_a)
    home = client.get("/bencana/").content.decode()
    assert "Banjir Sukamaju Kaler" in home and "Belum menyatakan siap" in home
    assert client.get(f"/bencana/kejadian/{kejadian.pk}/").status_code == 404  # the disaster record is BPBD's
    page = client.get(f"/bencana/penugasan/{p.pk}/").content.decode()
    assert "Siap" in page and "250" in page
    client.post(f"/bencana/penugasan/{p.pk}/siap/")
    p.refresh_from_db()
    assert p.siap is not None
    foto = SimpleUploadedFile("a.png", bf.png_bytes(), content_type="image/png")
    response = client.post(f"/bencana/penugasan/{p.pk}/laporan/",
                           {"tanggal": hari_ini, "kegiatan": "Posko kesehatan", "foto": [foto]})  # fmt: skip
    assert response.status_code == 302
    foto_pk = FotoLaporan.objects.get().pk
    assert client.get(f"/bencana/foto/laporan/{foto_pk}/")["Content-Type"] == "image/png"

    login(f.users.operator_b)  # another OPD: not its assignment, not its photo
    assert client.post(f"/bencana/penugasan/{p.pk}/siap/").status_code == 404
    assert client.get(f"/bencana/foto/laporan/{foto_pk}/").status_code == 404
    login(f.operator_bpbd)  # the BPBD sees every assignment and report of its disaster
    assert client.get(f"/bencana/foto/laporan/{foto_pk}/").status_code == 200
    detail = client.get(f"/bencana/kejadian/{kejadian.pk}/").content.decode()
    assert f.opd_a.nama in detail and "Respons per perangkat daerah" in detail


def test_a_laporan_with_a_fake_photo_is_refused_with_a_message(f, login, client):
    p = bf.PenugasanFactory(pegawai=f.pegawai_a, opd=f.opd_a)
    login(f.users.operator_a)
    fake = SimpleUploadedFile("a.jpg", b"GIF89a not a jpeg", content_type="image/jpeg")
    response = client.post(f"/bencana/penugasan/{p.pk}/laporan/",
                           {"tanggal": datetime.date.today(), "kegiatan": "x", "foto": [fake]})  # fmt: skip
    assert (
        response.status_code == 400
        and "bukan jenis yang diterima (PNG/JPEG/WebP)" in response.content.decode()
    )
    assert not LaporanHarian.objects.exists()


def test_only_managers_change(f, login, client):
    kejadian = bf.KejadianFactory()
    login(f.users.kepala_a)
    assert client.get("/bencana/kejadian/baru/").status_code == 403
    assert client.post(f"/bencana/kejadian/{kejadian.pk}/foto/").status_code == 404
    login(f.users.pimpinan)
    assert client.post(f"/bencana/kejadian/{kejadian.pk}/foto/").status_code == 403


def _bencana(f, n: int, heads: int) -> None:
    for i in range(n):
        status = bf.StatusFactory()
        for _ in range(heads):
            p = bf.PenugasanFactory(status_darurat=status, pegawai=PegawaiFactory(opd=f.opd_b))
            if i % 2:
                Penugasan.objects.filter(pk=p.pk).update(siap=p.dibuat)


def test_tile_query_count_is_flat(f, django_assert_num_queries):
    _bencana(f, 1, 2)
    # decrees in force with disaster, kind, kecamatan; counts per decree; heads not ready
    with django_assert_num_queries(3):
        small = selectors.ringkasan_bencana()
    _bencana(f, 3, 6)
    with django_assert_num_queries(3):
        big = selectors.ringkasan_bencana()
    assert len(small["bencana"]) == 1 and len(big["bencana"]) == 4
    assert sum(b["penugasan"] for b in big["bencana"]) == 20
    assert sum(b["siap"] for b in big["bencana"]) == 6


def test_tile_on_the_beranda_for_pimpinan_not_for_opd_roles(f, login, client):
    _bencana(f, 1, 2)
    login(f.users.pimpinan)
    assert "Tanggap bencana" in client.get("/").content.decode()
    login(f.users.kepala_a)
    assert "judul-tile-bencana" not in client.get("/").content.decode()


def test_kejadian_detail_query_count_is_flat(f, login, client, django_assert_max_num_queries):
    status = bf.StatusFactory()
    bf.PenugasanFactory(status_darurat=status)
    login(f.users.admin)
    with django_assert_max_num_queries(16) as small:
        client.get(f"/bencana/kejadian/{status.kejadian_id}/")
    for _ in range(8):
        p = bf.PenugasanFactory(status_darurat=status, pegawai=PegawaiFactory(opd=f.opd_b))
        LaporanHarian.objects.create(penugasan=p, tanggal=status.mulai, kegiatan="x")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(f"/bencana/kejadian/{status.kejadian_id}/")
    assert len(response.context["penugasan"]) == 9


def test_duty_recap_excel(f):
    status = bf.StatusFactory(mulai=datetime.date.today() - 2 * HARI)
    p = bf.PenugasanFactory(status_darurat=status, pegawai=f.pegawai_a, opd=f.opd_a)
    # Sent today for the first duty day: late. Two days are due (today's report is not due yet).
    LaporanHarian.objects.create(penugasan=p, tanggal=status.mulai, kegiatan="=HYPERLINK(1)")
    wb = load_workbook(io.BytesIO(reports.rekap_xlsx(kejadian=status.kejadian)))
    rows = list(wb["Penugasan"].values)
    assert rows[1][2] == f.opd_a.nama and rows[1][11:14] == (2, 0, 1)
    respon = list(wb["Respons per OPD"].values)
    assert respon[1][0] == f.opd_a.nama and respon[1][4:8] == (2, 0, 1, 1)


def test_status_view_messages_when_assignments_exist(f, login, client):
    status = bf.StatusFactory()
    login(f.operator_bpbd)
    client.post(f"/bencana/status/{status.pk}/penugasan/")
    response = client.post(f"/bencana/status/{status.pk}/penugasan/", follow=True)
    assert "sudah dibuat; tidak ada yang berubah" in response.content.decode()
    assert StatusDarurat.objects.get().penugasan.count() == Penugasan.objects.count()
    services.buat_penugasan_status(status=status)
