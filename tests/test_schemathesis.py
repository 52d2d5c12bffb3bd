"""Hostile input against the whole API: schemathesis generates requests from /api/schema/ for every operation.

Valid (positive) and invalid (negative) data, as several roles by token, through the WSGI app in-process.
Every answer must be a non-5xx, with a status code the schema documents and a body matching its schema.
Bounded: SCHEMATHESIS_MAX_EXAMPLES examples per operation, role and mode (default 10), no shrinking.
A new endpoint is covered automatically because the operations come from the schema.
"""

import os
from collections import Counter

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode
from schemathesis.openapi import from_wsgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sipd.wsgi import application
from tests.kinerja.factories import IndikatorFactory, PelaporanFactory, RealisasiFactory

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "10"))
ROLES = ["admin", "operator_a", "operator_b"]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def in_process_wsgi():
    """Keep the test's database connection open across in-process requests, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def data(two_opds, in_process_wsgi):
    """A few real rows in both OPDs, so generated ids sometimes hit an object."""
    for opd in (two_opds.opd_a, two_opds.opd_b):
        ind = IndikatorFactory(opd=opd)
        RealisasiFactory(indikator=ind)
        PelaporanFactory(opd=opd)
    return two_opds


def _exercise(operation, headers, mode, failures: list, statuses: Counter):
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call(headers=headers)
        statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (AssertionError, FailureGroup) as exc:
            found = exc.exceptions if isinstance(exc, FailureGroup) else [exc]
            texts = (f"{getattr(f, 'title', '')}: {getattr(f, 'message', f)}" for f in found)
            titles = "; ".join(" ".join(text.split())[:400] for text in texts)
            body = response.text[:200].replace("\n", " ")
            failures.append(
                f"{operation.label} [{mode.value}] {case.method} {case.formatted_path} query={case.query} "
                f"body={case.body!r:.150} → {response.status_code} ({titles}) {body}"
            )

    try:
        run()
    except Unsatisfiable:
        # Nothing to make invalid (an operation without parameters or body) in negative mode.
        assert mode == GenerationMode.NEGATIVE, operation.label


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_api_answers_hostile_input_without_5xx_and_as_documented(role, data):
    user = getattr(data.users, role)
    headers = {"Authorization": f"Token {Token.objects.create(user=user).key}"}
    schema = from_wsgi("/api/schema/", application, headers=headers)
    failures: list[str] = []
    statuses: Counter = Counter()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10, [op.label for op in operations]
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _exercise(operation, headers, mode, failures, statuses)
    assert sum(statuses.values()) >= len(operations), statuses
    assert not any(code >= 500 for code in statuses), statuses
    assert not failures, f"{len(failures)} jawaban tidak sesuai skema:\n" + "\n".join(failures[:30])
