"""The OpenAPI schema says every answer an endpoint can give, errors included (schemathesis checks it)."""

from drf_spectacular.openapi import AutoSchema as BaseAutoSchema

GALAT = {
    "type": "object",
    "description": "`detail` for a refusal; field name → messages for invalid input.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}

ERRORS = {
    "400": "Masukan tidak valid (parameter, filter atau isi permintaan).",
    "403": "Belum masuk, atau peran Anda tidak berwenang.",
    "404": "Tidak ditemukan, milik OPD lain, atau halaman di luar jangkauan.",
}


class AutoSchema(BaseAutoSchema):
    """drf-spectacular's schema plus the 400/403/404 answers DRF gives to every view, where not documented."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        documented = responses.get("400", {}).get("content", {}).get("application/json")
        if documented and documented.get("schema") is not GALAT:
            # Serializer validation answers field → messages besides the documented refusal.
            documented["schema"] = {"anyOf": [documented["schema"], GALAT]}
        for code, description in ERRORS.items():
            responses.setdefault(
                code,
                {"content": {"application/json": {"schema": GALAT}}, "description": description},
            )
        return responses
