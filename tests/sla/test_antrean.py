"""Redis down while an SLA comes into force: signing still succeeds and the document page answers (202, with
a message) instead of a 500; the PDF is asked for again on the next visit. The requests run in a separate
process whose broker is a closed port, on this test's database."""

import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings

from sla import services
from sla.choices import StatusSla
from sla.models import Sla
from tests.sla.factories import LayananFactory, SlaFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _port_tertutup() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_signing_and_the_document_page_survive_redis_down(two_opds, tmp_path):
    u = two_opds.users
    sla = SlaFactory(layanan=LayananFactory(penyedia=two_opds.opd_b), penerima=[two_opds.opd_a])
    services.ajukan_sla(user=u.operator_b, sla=sla)
    services.tandatangani_sla(user=u.kepala_a, sla=sla)
    db = settings.DATABASES["default"]
    host = f"{db['HOST']}:{db['PORT'] or 5432}"
    env = {
        **os.environ, "DEBUG": "true", "MEDIA_ROOT": str(tmp_path),
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{host}/{db['NAME']}",
        "REDIS_URL": f"redis://127.0.0.1:{_port_tertutup()}/0",
    }  # fmt: skip
    script = (
        "from django.test.utils import setup_test_environment; setup_test_environment()\n"
        "from django.test import Client\nfrom sipd.models import User\n"
        "c = Client(); c.force_login(User.objects.get(username='kepala_b'))\n"
        f"print(c.post('/sla/{sla.pk}/tandatangan/').status_code)\n"
        f"r = c.get('/sla/{sla.pk}/dokumen/')\n"
        "print(r.status_code, 'Layanan antrean sedang terganggu' in r.content.decode())\n"
    )
    hasil = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script], env=env, cwd=settings.BASE_DIR,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert hasil.stdout.split() == ["302", "202", "True"], hasil.stderr[-3000:]
    sla.refresh_from_db()
    assert sla.status == StatusSla.BERLAKU and not sla.dokumen
    # Redis is back (this process): the next visit asks the worker again and says nothing of the queue.
    from django.test import Client

    client = Client()
    client.force_login(u.kepala_b)
    response = client.get(f"/sla/{sla.pk}/dokumen/")
    assert response.status_code == 202 and "Layanan antrean sedang terganggu" not in response.content.decode()
    assert Sla.objects.filter(pk=sla.pk, status=StatusSla.BERLAKU).exists()
