"""Set-based sync of the rows a caller wants into a table (the matrix import, the demo seeds)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable


def selaraskan(model, existing: dict, wanted: dict, *, batch: int, unik: Callable = lambda key: "id"):
    """Create the rows of `wanted` (natural key -> field values) missing from `existing` (natural key ->
    instance, completed in place) and update those that differ, in bulk.

    New rows go in one INSERT per batch; changed rows as INSERT … ON CONFLICT (`unik(key)`, the unique
    column behind a key) DO UPDATE of the changed fields, which PostgreSQL does in one statement
    (bulk_update's CASE per row is far slower). Returns (created, updated) instances.
    """
    baru, ubah, fields = [], defaultdict(list), set()
    for key, values in wanted.items():
        obj = existing.get(key)
        if obj is None:
            existing[key] = obj = model(**values)
            baru.append(obj)
            continue
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        for name in changed:
            setattr(obj, name, values[name])
        if changed:
            fields.update(changed)
            ubah[unik(key)].append(obj)
    model.objects.bulk_create(baru, batch_size=batch)
    if any(f.name == "diubah" for f in model._meta.concrete_fields):
        fields.add("diubah")  # auto_now: bulk_create sets it on every row it writes
    for column, objs in ubah.items():
        model.objects.bulk_create(
            objs,
            batch_size=batch,
            update_conflicts=True,
            unique_fields=[column],
            update_fields=sorted(fields),
        )
    return baru, [obj for objs in ubah.values() for obj in objs]
