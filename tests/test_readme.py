"""The README documents every setting (so the docs cannot drift from the code)."""

from pathlib import Path

from peristiwa.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_every_setting_is_in_the_readme() -> None:
    missing = [name for name in Settings.model_fields if f"`PERISTIWA_{name.upper()}`" not in README]
    assert missing == [], f"add these to the README's Settings table: {missing}"
