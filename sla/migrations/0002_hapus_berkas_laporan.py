# The SLA app's own report jobs are replaced by the shared report-job framework (sipd.laporan, kode
# "kepatuhan-sla"): their files are deleted from storage, then the table is dropped.

from django.db import migrations


def hapus_berkas(apps, schema_editor):
    from django.core.files.storage import default_storage

    BerkasLaporan = apps.get_model("sla", "BerkasLaporan")
    for nama in BerkasLaporan.objects.exclude(berkas="").values_list("berkas", flat=True).iterator():
        if default_storage.exists(nama):
            default_storage.delete(nama)


class Migration(migrations.Migration):
    dependencies = [
        ("sla", "0001_sla"),
    ]

    operations = [
        migrations.RunPython(hapus_berkas, migrations.RunPython.noop, elidable=True),
        migrations.DeleteModel(
            name="BerkasLaporan",
        ),
    ]
