from django import template

from sipd import formatting
from sipd.access import can_see_private_data
from sipd.formatting import format_angka, format_isian, format_rupiah

register = template.Library()


@register.filter
def angka(value, decimals=2):
    return format_angka(value, int(decimals))


@register.filter
def isian(value):
    return format_isian(value)


@register.filter
def rupiah(value):
    return format_rupiah(value)


@register.filter
def menit(delta):
    """A timedelta in whole minutes, rounded up (the lockout page: "Coba lagi setelah 30 menit")."""
    return -(-int(delta.total_seconds()) // 60)


@register.filter
def samarkan(value, user):
    """Mask NIK/NIP/wage for roles that don't need them: 198503142010011001 → 1985••••••••••••01."""
    if value in (None, ""):
        return "–"
    return value if can_see_private_data(user) else formatting.samarkan(value)


@register.filter
def bs(field):
    """Render a form field with Bootstrap classes and aria-invalid when it has errors."""
    widget = field.field.widget
    kind = getattr(widget, "input_type", "")
    css = {"checkbox": "form-check-input", "select": "form-select"}.get(kind, "form-control")
    if widget.__class__.__name__ in ("Select", "SelectMultiple", "NullBooleanSelect"):
        css = "form-select"
    attrs = {"class": css + (" is-invalid" if field.errors else "")}
    if field.errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{field.auto_id}_galat"
    return field.as_widget(attrs=attrs)
