from rest_framework import viewsets

from sipd import access


class RestrictedViewSetMixin:
    """Base for every API viewset: rows come through `visible_to`, so another OPD's id is a 404."""

    def get_queryset(self):
        action = access.VIEW if self.request.method in ("GET", "HEAD", "OPTIONS") else access.CHANGE
        return super().get_queryset().visible_to(self.request.user, action)


class RestrictedReadOnlyViewSet(RestrictedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class RestrictedModelViewSet(RestrictedViewSetMixin, viewsets.ModelViewSet):
    pass
