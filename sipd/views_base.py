"""Page-side helpers of the permission layer."""

from django.core.exceptions import PermissionDenied

from sipd import access


class AccessMixin:
    """A page for `access_model`: refused (403) unless the user may do `access_action` on some of its rows.

    Objects are looked up through `visible_queryset()`, so another OPD's object is a 404.
    """

    access_model = None
    access_action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_any(
            request.user, self.access_action, self.access_model
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def visible_queryset(self, action=None):
        return self.access_model.objects.visible_to(self.request.user, action or self.access_action)
