"""The dashboard reads scores only: fixed query count, cached per role, invalidated by a recompute."""

import subprocess
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja import charts
from kinerja.models import Realisasi
from kinerja.services.skor import hitung_skor
from sipd.pdf import render_pdf
from tests.kinerja.skor_data import TAHUN, anggaran, indikator, pohon

URL = f"/kinerja/dasbor/?tahun={TAHUN}&triwulan=2"


@pytest.fixture
def data(two_opds):
    p = pohon(two_opds.opd_a, two_opds.opd_b)
    p.i1 = indikator(p, two_opds.opd_a, node=p.spd_a, target=80, realisasi=[D(70), D(80)])
    p.i2 = indikator(p, two_opds.opd_b, node=p.sub_b, target=100, sifat="kumulatif", realisasi=[D(10), D(20)])
    p.i3 = indikator(p, two_opds.opd_b, node=p.spd_b, target=50, realisasi=[D(20), D(30)])
    anggaran(p.sub_b, 1_000_000, [D(100_000), D(200_000)])
    hitung_skor(tahun=TAHUN)
    p.f = two_opds
    return p


def _more(data, n):
    for i in range(n):
        indikator(data, data.f.opd_a if i % 2 else data.f.opd_b, node=data.spd_a if i % 2 else data.spd_b,
                  target=60 + i, realisasi=[D(i), D(i + 5)])  # fmt: skip
    hitung_skor(tahun=TAHUN)


def _queries(client, url=URL):
    with CaptureQueriesContext(connection) as q:
        response = client.get(url)
    assert response.status_code == 200
    return len(q), response


def test_page_shows_the_scores(data, login):
    response = login(data.f.users.pimpinan).get(URL)
    body = response.content.decode()
    assert "Capaian RPJMD" in body and "Capaian per misi" in body
    assert "Dinas Kesehatan" in body and "Dinas Pekerjaan Umum dan Penataan Ruang" in body
    assert "100,00%" in body  # Dinkes: 80/80 at TW II
    assert 'role="img"' in body and "<title" in body  # accessible SVG charts
    assert "Kepatuhan SLA antarunit" in body  # the SLA tile's place until its template exists


def test_fixed_query_count_whatever_the_data_size(data, login, django_assert_max_num_queries):
    from django.core.cache import cache

    client = login(data.f.users.bappeda)
    small, _ = _queries(client)
    cache.clear()
    _more(data, 30)
    large, response = _queries(client)
    # page: session, user, roles, Pemda profile, unread notifications, savepoint + session save + release;
    # the dashboard's own: the RPJMD periods, and every roll-up row of the year in one query;
    # the SLA compliance tile (one aggregate) and the active-disaster tile (one)
    assert small == large
    assert large == 12, "query count changed: name the new one here"
    assert response.content.decode().count('class="peringkat"') >= 2


def test_cached_per_role_and_invalidated_by_a_recompute(data, login, django_capture_on_commit_callbacks):
    client = login(data.f.users.pimpinan)
    cold, _ = _queries(client)
    warm, _ = _queries(client)
    assert warm == cold - 2  # the periods and the score rows come from Redis
    Realisasi.objects.filter(indikator=data.i1, triwulan=2).update(nilai=D(40))
    with django_capture_on_commit_callbacks(execute=True):
        hitung_skor(tahun=TAHUN)
    after, response = _queries(client)
    assert after == cold
    assert "50,00%" in response.content.decode()  # Dinkes now 40/80


def test_opd_user_sees_only_their_own(data, login):
    body = login(data.f.users.operator_b).get(URL).content.decode()
    assert "Dinas Pekerjaan Umum dan Penataan Ruang" in body
    assert "Dinas Kesehatan" not in body
    assert "Capaian RPJMD" not in body and "Capaian per misi" not in body


def test_opd_user_cache_is_not_shared_with_leaders(data, login, client):
    login(data.f.users.pimpinan).get(URL)
    client.logout()
    body = login(data.f.users.operator_b).get(URL).content.decode()
    assert "Dinas Kesehatan" not in body


def test_drill_down_opd_and_indicator(data, login):
    client = login(data.f.users.pimpinan)
    body = client.get(
        f"/kinerja/dasbor/perangkat-daerah/{data.f.opd_b.pk}/?tahun={TAHUN}&triwulan=2"
    ).content.decode()
    assert "Program Penyelenggaraan Jalan" in body and data.i2.nama in body
    assert "serapan 30,00%" in body
    Realisasi.objects.filter(indikator=data.i1, triwulan=1).update(faktor_penghambat="Hujan deras")
    body = client.get(f"/kinerja/dasbor/indikator/{data.i1.pk}/?tahun={TAHUN}").content.decode()
    assert "Hujan deras" in body and "87,50%" in body


def test_other_opd_drill_down_is_404(data, login):
    client = login(data.f.users.operator_b)
    assert client.get(f"/kinerja/dasbor/perangkat-daerah/{data.f.opd_a.pk}/?tahun={TAHUN}").status_code == 404
    assert client.get(f"/kinerja/dasbor/indikator/{data.i1.pk}/?tahun={TAHUN}").status_code == 404
    assert client.get(f"/kinerja/dasbor/indikator/{data.i3.pk}/?tahun={TAHUN}").status_code == 200


def test_kepegawaian_is_refused(data, login):
    assert login(data.f.users.kepegawaian).get(URL).status_code == 403


def test_charts_render_in_a_pdf(tmp_path, settings):
    svg = charts.batang(
        [charts.Batang("Misi 1", D("92.5"), "Sangat Tinggi"), charts.Batang("Misi 2", D("61"), "Rendah")],
        judul="Capaian per misi",
    )
    sebar = charts.sebar([charts.Titik("Dinkes", D(40), D(90), "Tinggi")], judul="Serapan")
    from django.template import engines

    template = engines["django"].from_string(
        '{% extends "pdf/base.html" %}{% block content %}<h1>Grafik</h1>{{ a }}{{ b }}{% endblock %}'
    )
    html = template.render({"a": svg, "b": sebar})
    (tmp_path / "t.html").write_text(html)
    from weasyprint import HTML

    pdf = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    assert pdf.startswith(b"%PDF")
    (tmp_path / "g.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(tmp_path / "g.pdf"), str(tmp_path / "g")], check=True)
    assert list(tmp_path.glob("g*.png"))
    assert render_pdf  # the reports use sipd.pdf.render_pdf with the same markup
