from django.urls import path  # noqa: F401 - each area adds its routes below

urlpatterns: list = []
