""".env.example documents every environment variable the portal reads, and nothing it doesn't.

Names are collected from the source with `ast`: the typed helpers of sipd/env.py (env_str, env_bool, …)
called with a literal name, and `os.environ.get("NAME")` / `env.get("NAME")` / `os.getenv("NAME")` reads
(sipd/devserver.py reads RUN_ADDR, DATABASE_URL, REDIS_URL from a copy of the environment named `env`).
"""

import ast
import re
import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sipd import env as env_module

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / ".env.example"
HELPERS = {name for name in dir(env_module) if name.startswith("env_")}
# Left empty in the example on purpose: docker compose refuses to start until they are filled in.
MUST_FILL = {"SECRET_KEY", "POSTGRES_PASSWORD"}
LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=(.*)$")


def parse_env_example() -> dict[str, str]:
    """NAME -> example value, from `NAME=value` and commented `# NAME=value` lines."""
    values: dict[str, str] = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = LINE.match(line.strip())
        if not match:
            continue
        name, value = match.group(1), match.group(2).strip()
        assert name not in values, f"{name} appears twice in .env.example"
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[name] = value
    return values


def _is_environ(node: ast.expr) -> bool:
    """`os.environ`, or a local copy of it named `env` / `environ`."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ" and isinstance(node.value, ast.Name) and node.value.id == "os"
    return isinstance(node, ast.Name) and node.id in {"env", "environ"}


def _reads_environment(func: ast.expr) -> bool:
    """env_str(…) and the other typed helpers, `os.environ.get(…)`, `env.get(…)`, `os.getenv(…)`."""
    if isinstance(func, ast.Name):
        return func.id in HELPERS
    if isinstance(func, ast.Attribute):
        if func.attr == "get":
            return _is_environ(func.value)
        return func.attr == "getenv" and isinstance(func.value, ast.Name) and func.value.id == "os"
    return False


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def names_read(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Call) and node.args:
            func, name = node.func, _literal(node.args[0])
            if name is None:
                continue
            if _reads_environment(func):
                names.add(name)
        elif isinstance(node, ast.Subscript) and _is_environ(node.value):
            name = _literal(node.slice)
            if name is not None:
                names.add(name)
    return names


def names_read_by_portal() -> set[str]:
    return set().union(*(names_read(path) for path in sorted((ROOT / "sipd").rglob("*.py"))))


def names_used_by_compose() -> set[str]:
    """`${NAME…}` interpolations in docker-compose.yml and the Dockerfile."""
    text = (ROOT / "docker-compose.yml").read_text() + (ROOT / "Dockerfile").read_text()
    return set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", text))


def test_the_collector_sees_settings_and_devserver():
    assert {"DEBUG", "SECRET_KEY", "DATABASE_URL", "S3_BUCKET", "LOG_LEVEL"} <= names_read(
        ROOT / "sipd" / "settings.py"
    )
    assert {"RUN_ADDR", "DATABASE_URL", "REDIS_URL"} <= names_read(ROOT / "sipd" / "devserver.py")


def test_every_setting_read_by_the_portal_is_documented():
    missing = names_read_by_portal() - set(parse_env_example())
    assert not missing, f"add to .env.example: {sorted(missing)}"


def test_every_documented_name_is_read_by_the_portal_or_compose():
    unknown = set(parse_env_example()) - names_read_by_portal() - names_used_by_compose()
    assert not unknown, f"read nowhere, remove from .env.example: {sorted(unknown)}"


def test_every_name_has_a_comment_with_its_default():
    lines = ENV_EXAMPLE.read_text().splitlines()
    for index, line in enumerate(lines):
        match = LINE.match(line.strip())
        if not match:
            continue
        comment: list[str] = []
        for previous in reversed(lines[:index]):
            if not previous.startswith("#") or LINE.match(previous.strip()):
                break
            comment.append(previous)
        assert comment, f"{match.group(1)} has no comment above it"
        assert "Default:" in " ".join(comment), f"{match.group(1)}: say its default in the comment"


def test_compose_requires_the_values_left_empty():
    values = parse_env_example()
    compose = (ROOT / "docker-compose.yml").read_text()
    for name in MUST_FILL:
        assert values[name] == "", f"{name} must be empty in .env.example, so compose stops until it is set"
        assert "${" + name + ":?" in compose, f"docker-compose.yml must require {name}"


def test_the_example_values_load_as_settings(monkeypatch):
    """Every example value, active or commented, passes its typed reader: settings load with all of them."""
    values = parse_env_example()
    for name, value in values.items():
        if name in MUST_FILL:
            continue
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SECRET_KEY", "test-" + "x" * 50)
    loaded = runpy.run_path(str(ROOT / "sipd" / "settings.py"))
    assert loaded["DEBUG"] is False
    assert loaded["ALLOWED_HOSTS"] == ["sipd.example.go.id"]
    assert loaded["SECURE_SSL_REDIRECT"] is False
    assert loaded["DATABASES"]["default"]["HOST"] == "postgres"
    assert loaded["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert loaded["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"


def test_settings_refuse_production_without_a_secret_key(monkeypatch):
    monkeypatch.setenv("DEBUG", "false")
    monkeypatch.setenv("SECRET_KEY", "")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        runpy.run_path(str(ROOT / "sipd" / "settings.py"))
