"""`manage.py bench [name ...]`: the benchmarks of every app, on a throwaway database.

Each app may have a `bench.py` with `BENCHMARKS = {"name": function}`; a function builds its data, times
its work and returns a dict of numbers to print (seconds, counts, ratios). They run in a database of their
own (`bench_<name>`), created and migrated first and dropped after, so the dev database is never touched.
"""

import functools
import importlib
import inspect
import json

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from sipd.bench import ukur


def benchmarks() -> dict:
    found = {}
    for config in apps.get_app_configs():
        if not str(config.path).startswith(str(settings.BASE_DIR)):
            continue
        try:
            module = importlib.import_module(f"{config.name}.bench")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.bench":
                raise
            continue
        for name, fn in getattr(module, "BENCHMARKS", {}).items():
            found[f"{config.label}.{name}"] = fn
    return found


class Command(BaseCommand):
    help = "Jalankan benchmark aplikasi (<app>/bench.py) pada basis data sementara."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="app atau app.nama; kosong: semua")
        parser.add_argument("--keepdb", action="store_true", help="pakai ulang basis data benchmark")
        parser.add_argument("--list", action="store_true", help="daftar benchmark saja")

    def handle(self, *args, names, keepdb, list, **options):
        found = benchmarks()
        if list:
            self.stdout.write("\n".join(sorted(found)))
            return
        chosen = {k: v for k, v in found.items() if not names or k in names or k.split(".")[0] in names}
        if not chosen:
            raise CommandError(f"tidak ada benchmark bernama {names}; ada: {sorted(found)}")
        db = connection.settings_dict
        db.setdefault("TEST", {})["NAME"] = f"bench_{db['NAME']}"
        old_name = db["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=keepdb)
        try:
            for name, fn in sorted(chosen.items()):
                self.stdout.write(f"== {name}")
                takes_stdout = "stdout" in inspect.signature(fn).parameters
                waktu = ukur(functools.partial(fn, stdout=self.stdout) if takes_stdout else fn)
                result = waktu["hasil"]
                result["total_detik"] = round(waktu["total"], 2)
                self.stdout.write(json.dumps(result, indent=2, default=str))
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=keepdb)
