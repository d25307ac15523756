"""The schema and examples shipped in resources/ are the shared contract, unchanged."""

from __future__ import annotations

from importlib import resources

import pytest

from tests.conftest import EXAMPLES, ROOT, SHARED_EXAMPLES

SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the project")


@needs_shared
def test_schema_is_the_shared_contract():
    shipped = resources.files("resources").joinpath("interchange.schema.json").read_bytes()
    assert shipped == (SHARED / "interchange.schema.json").read_bytes()


@needs_shared
def test_examples_are_the_shared_ones():
    shared = {p.name: p.read_bytes() for p in SHARED_EXAMPLES.glob("*.json")}
    shipped = {p.name: p.read_bytes() for p in EXAMPLES.glob("*.json")}
    assert shipped == shared
