"""Reports built by a Celery worker and fetched by the page that asked for them.

The page starts a job (`mulai`), the worker renders and stores the file in the cache (`simpan`), and the
status page polls until it can offer the file. A job is visible to the user who started it only, for an
hour; nothing is written to the database.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

UMUR = 3600
PROSES, SIAP, GAGAL = "proses", "siap", "gagal"


def _kunci(job: str) -> str:
    return f"unduhan:{job}"


def mulai(*, user, task, judul: str, kembali: str = "", **kwargs) -> str:
    """Queue `task(job, **kwargs)` after commit; the task calls `simpan` (or `gagal`) with the job id."""
    job = uuid.uuid4().hex
    cache.set(_kunci(job), {"user": user.pk, "status": PROSES, "judul": judul, "kembali": kembali}, UMUR)
    transaction.on_commit(lambda: task.delay(job, **kwargs))
    return job


def _ubah(job: str, **isi) -> None:
    data = cache.get(_kunci(job))
    if data is not None:  # expired or unknown: nobody is waiting any more
        cache.set(_kunci(job), {**data, **isi}, UMUR)


def simpan(job: str, *, isi: bytes, nama: str, tipe: str) -> None:
    _ubah(job, status=SIAP, isi=isi, nama=nama, tipe=tipe)


def gagal(job: str, pesan: str) -> None:
    _ubah(job, status=GAGAL, pesan=pesan)


def ambil(job: str, user) -> dict:
    data = cache.get(_kunci(job))
    if data is None or data["user"] != user.pk:
        raise Http404
    return data


@require_GET
def status(request, job):
    data = ambil(job, request.user)
    template = "sipd/_unduhan.html" if request.headers.get("HX-Request") else "sipd/unduhan.html"
    return render(request, template, {"job": job, "data": data})


@require_GET
def berkas(request, job):
    data = ambil(job, request.user)
    if data["status"] != SIAP:
        raise Http404
    response = HttpResponse(data["isi"], content_type=data["tipe"])
    response["Content-Disposition"] = f'attachment; filename="{data["nama"]}"'
    response["Cache-Control"] = "private, no-store"
    return response
