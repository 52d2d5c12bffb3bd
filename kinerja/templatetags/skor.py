from django import template

from kinerja.charts import kelas_predikat as _kelas

register = template.Library()


@register.filter
def kelas_predikat(label):
    """'Sangat Tinggi' → 'predikat-0' (the CSS colour class of the band)."""
    return _kelas(label)
