"""SIPD under load: operators saving cells, leaders on the dashboard, Bappeda on monitoring and reports.

Run by `make load` (load/run.sh). DASHBOARD_URL (default the leaders' dashboard /kinerja/dasbor/),
REPORT_URL (default the reports page /laporan/, where Bappeda asks for and follows report jobs).
LOAD_LOGIN=1 signs every user in through the login form
(pbkdf2 on purpose costly) instead of using the sessions load/prepare.py made.
"""

import itertools
import json
import os
import random

from locust import HttpUser, between, task

DATA = json.loads(open(os.environ.get("LOAD_DATA", "load/.data.json")).read())  # noqa: SIM115
PASSWORD = os.environ.get("LOAD_PASSWORD", "sipd-demo-2026")
DASHBOARD_URL = os.environ.get("DASHBOARD_URL", "/kinerja/dasbor/")
REPORT_URL = os.environ.get("REPORT_URL", "/laporan/")
_cells = itertools.count()
_sessions = itertools.count()


class Portal(HttpUser):
    abstract = True
    username = ""

    def on_start(self):
        if os.environ.get("LOAD_LOGIN") != "1":
            # A signed-in session made by load/prepare.py: people already at work, not a login storm.
            sesi = DATA["sesi"][self.username]
            self.client.cookies.set("sessionid", sesi[next(_sessions) % len(sesi)])
            return
        self.client.get("/akun/masuk/", name="login page")
        response = self.client.post(
            "/akun/masuk/",
            {"username": self.username, "password": PASSWORD,
             "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")},
            headers={"Referer": f"{self.host}/akun/masuk/"}, name="login", allow_redirects=False,
        )  # fmt: skip
        if response.status_code != 302:
            raise RuntimeError(f"login {self.username}: {response.status_code}")


class Operator(Portal):
    """Enters realizations: one cell of its own (no conflicts), a new value every save."""

    weight = 5
    wait_time = between(1, 3)

    def on_start(self):
        operators = sorted(DATA["operator"])
        n = next(_cells)
        self.username = operators[n % len(operators)]
        ids = DATA["operator"][self.username]
        self.indikator = ids[(n // len(operators)) % len(ids)]
        self.asal = None
        super().on_start()
        self.grid = f"/kinerja/realisasi/{self._opd()}/{DATA['tahun']}/{DATA['triwulan']}/"
        self.client.get(self.grid, name="grid")

    def _opd(self):
        return DATA["opd_operator"][self.username]

    @task(10)
    def save_cell(self):
        nilai = f"{random.randint(1, 999)},{random.randint(1, 9)}"  # noqa: S311 - no trailing zero
        with self.client.post(
            "/kinerja/realisasi/sel/",
            {"indikator": self.indikator, "tahun": DATA["tahun"], "triwulan": DATA["triwulan"],
             "kolom": "nilai", "nilai": nilai, "asal": self.asal or ""},
            headers={"X-CSRFToken": self.client.cookies.get("csrftoken", ""), "HX-Request": "true",
                     "Referer": f"{self.host}{self.grid}"},
            name="save cell", catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code == 200:
                self.asal = nilai
                response.success()
            else:
                response.failure(f"{response.status_code}: {response.text[:200]}")

    @task(1)
    def open_grid(self):
        self.client.get(self.grid, name="grid")


class Pimpinan(Portal):
    weight = 3
    wait_time = between(2, 5)
    username = "bupati"

    @task(3)
    def dashboard(self):
        self.client.get(DASHBOARD_URL, name="dashboard")

    @task(1)
    def pemantauan(self):
        self.client.get("/kinerja/pemantauan/", name="pemantauan")


class Bappeda(Portal):
    weight = 2
    wait_time = between(2, 5)
    username = "bappeda"

    @task(3)
    def pemantauan(self):
        self.client.get("/kinerja/pemantauan/", name="pemantauan")

    @task(1)
    def grid_opd(self):
        opd = random.choice(DATA["opd"])  # noqa: S311
        self.client.get(f"/kinerja/realisasi/{opd}/{DATA['tahun']}/{DATA['triwulan']}/", name="grid")

    @task(1)
    def report(self):
        if REPORT_URL:
            self.client.get(REPORT_URL, name="report")
