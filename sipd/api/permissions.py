from rest_framework.permissions import BasePermission

from sipd import access

ACTION_BY_METHOD = {
    "GET": access.VIEW,
    "HEAD": access.VIEW,
    "OPTIONS": access.VIEW,
    "POST": access.ADD,
    "PUT": access.CHANGE,
    "PATCH": access.CHANGE,
    "DELETE": access.DELETE,
}


class RolePermission(BasePermission):
    """The API side of sipd.access: the model's rule decides, by role and by OPD."""

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        model = getattr(view, "access_model", None) or getattr(getattr(view, "queryset", None), "model", None)
        if model is None:
            return bool(access.roles_of(request.user).all_roles)
        action = getattr(view, "access_action", None) or ACTION_BY_METHOD.get(request.method, access.CHANGE)
        return access.can_any(request.user, action, model)

    def has_object_permission(self, request, view, obj):
        action = getattr(view, "access_action", None) or ACTION_BY_METHOD.get(request.method, access.CHANGE)
        return access.can(request.user, action, obj)
