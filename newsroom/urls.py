from django.apps import apps
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_GET

from claims import api


@login_not_required
@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico on every page (the admin's and the login page too)."""
    return redirect(static("favicon.ico"))


urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("api/v1/", api.urls()),
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("claims.urls")),
]
if apps.is_installed("devtools"):
    urlpatterns.insert(0, path("dev/", include("devtools.urls")))

handler404 = "newsroom.errors.not_found"
