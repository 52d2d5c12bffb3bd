from csp.decorators import csp_update
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from sipd import views, views_laporan
from sipd.forms_auth import LoginForm

SWAGGER_STYLE_HASH = "'sha256-MMpT0iDxyjALd9PdfepImGX3DBfJPXZ4IlDWdPAgtn0='"


api_v1 = [
    path("", include("opd.api.urls")),
    path("", include("kinerja.api.urls")),
    path("", include("sla.api.urls")),
    path("", include("bencana.api.urls")),
    path("", include("sipd.api.urls")),
]

handler404 = "sipd.views.page_not_found"

urlpatterns = [
    path("", include("opd.urls")),
    path("kinerja/", include("kinerja.urls")),
    path("sla/", include("sla.urls")),
    path("bencana/", include("bencana.urls")),
    path(
        "akun/masuk/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("akun/sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # The language switch is on the login page too, so it must work before signing in.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("pemda/", views.pemda_edit, name="pemda"),
    path("notifikasi/", views.notifikasi_list, name="notifikasi"),
    path("notifikasi/baca/", views.notifikasi_baca, name="notifikasi-baca"),
    path("notifikasi/<int:pk>/", views.notifikasi_buka, name="notifikasi-buka"),
    path("laporan/", views_laporan.laporan_index, name="laporan"),
    path("laporan/<int:pk>/", views_laporan.laporan_status, name="laporan-status"),
    path("laporan/<int:pk>/unduh/", views_laporan.laporan_unduh, name="laporan-unduh"),
    path("riwayat/<str:app_label>/<str:model_name>/<int:pk>/", views.riwayat, name="riwayat"),
    path("api/v1/", include((api_v1, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI's page carries one fixed <style> block: allowed by its hash, nothing else inline.
    path(
        "api/docs/",
        csp_update({"style-src": [SWAGGER_STYLE_HASH]})(
            SpectacularSwaggerSplitView.as_view(url_name="schema")
        ),
        name="api-docs",
    ),
    path("admin/", admin.site.urls),
    # Only the public Pemda logo is served as a plain file; other media go through checked download views.
    path(
        "media/pemda/<path:path>", login_not_required(serve), {"document_root": settings.MEDIA_ROOT / "pemda"}
    ),
]
