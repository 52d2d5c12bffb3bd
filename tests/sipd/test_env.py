"""The typed environment readers of sipd/env.py: defaults when unset, a clear error for a bad value."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from sipd.env import env_bool, env_choice, env_int, env_list, env_str, env_url

NAME = "SIPD_TEST_SETTING"


@pytest.fixture(autouse=True)
def _unset(monkeypatch):
    monkeypatch.delenv(NAME, raising=False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("1", True), ("YES", True), (" on ", True), ("false", False), ("0", False),
     ("no", False), ("Off", False), ("", False)],
)  # fmt: skip
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv(NAME, raw)
    assert env_bool(NAME, not expected) is expected


def test_env_bool_default_when_unset():
    assert env_bool(NAME, True) is True
    assert env_bool(NAME) is False


@pytest.mark.parametrize("raw", ["maybe", "2", "ya", "truee"])
def test_env_bool_rejects_anything_else(monkeypatch, raw):
    monkeypatch.setenv(NAME, raw)
    with pytest.raises(ImproperlyConfigured, match=rf"{NAME} harus bernilai true/false"):
        env_bool(NAME)


def test_env_int_reads_a_number_and_defaults_when_unset_or_empty(monkeypatch):
    assert env_int(NAME, 60) == 60
    monkeypatch.setenv(NAME, "")
    assert env_int(NAME, 60) == 60
    monkeypatch.setenv(NAME, " 120 ")
    assert env_int(NAME, 60, minimum=0, maximum=3600) == 120


@pytest.mark.parametrize("raw", ["abc", "1.5", "10k"])
def test_env_int_rejects_a_non_integer(monkeypatch, raw):
    monkeypatch.setenv(NAME, raw)
    with pytest.raises(ImproperlyConfigured, match=rf"{NAME} harus bilangan bulat"):
        env_int(NAME, 5)


def test_env_int_rejects_below_minimum_and_above_maximum(monkeypatch):
    monkeypatch.setenv(NAME, "30")
    with pytest.raises(ImproperlyConfigured, match=rf"{NAME} minimal 60, bukan 30"):
        env_int(NAME, 1800, minimum=60)
    monkeypatch.setenv(NAME, "70000")
    with pytest.raises(ImproperlyConfigured, match=rf"{NAME} maksimal 65535, bukan 70000"):
        env_int(NAME, 587, minimum=1, maximum=65535)
    monkeypatch.setenv(NAME, "60")
    assert env_int(NAME, 1800, minimum=60) == 60


def test_env_url_accepts_its_schemes_and_rejects_others(monkeypatch):
    schemes = {"redis", "rediss", "unix"}
    assert env_url(NAME, "redis://127.0.0.1:6379/0", schemes) == "redis://127.0.0.1:6379/0"
    monkeypatch.setenv(NAME, "rediss://cache.example.go.id:6380/1")
    assert env_url(NAME, "redis://127.0.0.1:6379/0", schemes) == "rediss://cache.example.go.id:6380/1"
    for wrong in ("http://127.0.0.1:6379/0", "127.0.0.1:6379", ""):
        monkeypatch.setenv(NAME, wrong)
        with pytest.raises(ImproperlyConfigured, match=rf"{NAME} harus URL dengan skema"):
            env_url(NAME, "redis://127.0.0.1:6379/0", schemes)


def test_env_url_rejects_a_mysql_database_url(monkeypatch):
    monkeypatch.setenv(NAME, "mysql://sipd@127.0.0.1/sipd")
    with pytest.raises(ImproperlyConfigured, match="postgres"):
        env_url(NAME, "postgres://postgres@127.0.0.1:5432/sipd", {"postgres", "postgresql", "pgsql"})


def test_env_choice_rejects_a_value_outside_the_choices(monkeypatch):
    levels = {"DEBUG", "INFO", "WARNING", "ERROR"}
    assert env_choice(NAME, "INFO", levels) == "INFO"
    monkeypatch.setenv(NAME, "verbose")
    with pytest.raises(ImproperlyConfigured, match=rf"{NAME} harus salah satu dari"):
        env_choice(NAME, "INFO", levels)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    assert env_list(NAME, ["127.0.0.1", "localhost"]) == ["127.0.0.1", "localhost"]
    monkeypatch.setenv(NAME, " sipd.example.go.id, ,.example.go.id ")
    assert env_list(NAME) == ["sipd.example.go.id", ".example.go.id"]
    monkeypatch.setenv(NAME, "")
    assert env_list(NAME, ["x"]) == []


def test_env_str_strips_and_keeps_an_empty_value(monkeypatch):
    assert env_str(NAME, "bawaan") == "bawaan"
    monkeypatch.setenv(NAME, "  nilai  ")
    assert env_str(NAME, "bawaan") == "nilai"
    monkeypatch.setenv(NAME, "")
    assert env_str(NAME, "bawaan") == ""
