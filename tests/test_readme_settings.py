"""Every collector setting is documented in README's settings table."""

from __future__ import annotations

from pathlib import Path

import pytest

from collector.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.name)
def test_each_setting_has_a_row_in_the_readme(setting):
    assert f"| `{setting.env}` |" in README
