"""docs/data-dictionary.md is generated from the models and view files, and kept current."""

from __future__ import annotations

from warehouse import dictionary
from warehouse.catalog import view_files, view_grain
from warehouse.layout import TABLES


def test_data_dictionary_is_current() -> None:
    assert dictionary.DOC.is_file(), f"docs/data-dictionary.md is missing: run `{dictionary.COMMAND}`"
    assert dictionary.DOC.read_text(encoding="utf-8") == dictionary.render(), (
        f"docs/data-dictionary.md is stale (a model, view or reference table changed): run `{dictionary.COMMAND}` and commit it"
    )


def test_dictionary_covers_every_column_and_view() -> None:
    text = dictionary.render()
    for name, spec in TABLES.items():
        assert f"\n### {name}\n" in text
        for column_name, column in spec.model.to_schema().columns.items():
            assert column.description, f"{name}.{column_name} has no description"
            assert f"| `{column_name}` |" in text
    for path in view_files():
        assert f"| `{path.stem}` |" in text
        assert view_grain(path).split(" ")[-1].replace("<", "\\<") in text
    assert "\n### ref_country_bounds\n" in text and "| `min_lat` | `DOUBLE` |" in text
    assert "| `party_key` | `VARCHAR` |" in text  # a view's own column, typed by DuckDB
