"""`manage.py bench [names]`: run the benchmarks every app declares in `<app>/bench.py`.

A bench module exposes BENCHMARKS = {name: callable}; each callable runs against the current database
(seeded with `seed_demo --scale large`), leaves it as it found it, and returns {measure: value} to print.
"""

import importlib
import time

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError


def semua_bench() -> dict:
    found = {}
    for config in apps.get_app_configs():
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
    help = "Jalankan benchmark (kinerja.impor_matriks, ...). Tanpa nama: semuanya."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="nama benchmark, mis. kinerja.impor_matriks")
        parser.add_argument("--list", action="store_true", help="daftar benchmark saja")

    def handle(self, *args, names, list=False, **options):
        found = semua_bench()
        if list:
            self.stdout.write("\n".join(sorted(found)) + "\n")
            return
        unknown = [n for n in names if n not in found]
        if unknown:
            raise CommandError(
                f"Benchmark tidak dikenal: {', '.join(unknown)}. Ada: {', '.join(sorted(found))}"
            )
        for name in names or sorted(found):
            start = time.perf_counter()
            result = found[name]()
            total = time.perf_counter() - start
            self.stdout.write(f"{name} ({total:.1f} s)\n")
            for key, value in result.items():
                self.stdout.write(f"  {key:<40} {value}\n")
