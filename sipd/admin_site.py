from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from sipd import access
from sipd.roles import Peran


class SipdAdminSite(admin.AdminSite):
    site_header = "SIPD Kinerja — Admin"
    site_title = "SIPD Kinerja"

    def has_permission(self, request):
        """Django admin is for staff accounts that also hold the Admin role in the permission layer."""
        return super().has_permission(request) and access.has_role(request.user, Peran.ADMIN)


class SipdAdminConfig(AdminConfig):
    default_site = "sipd.admin_site.SipdAdminSite"
