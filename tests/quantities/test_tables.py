"""Tests for reconcile.quantities.tables: loading, merging and checking the rule tables."""
from __future__ import annotations

import pytest

from reconcile.errors import DataFileError
from reconcile.quantities import load_tables, parse_quantities


def test_tables_user_table_overrides_and_extends(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[vague.a_few]\nphrases = ["a few"]\nlow = 3\nhigh = 4\n\n'
                    '[units.furlong]\nphrases = ["furlongs", "furlong"]\nunit = "furlong"\nkind = "measure"\n',
                    encoding="utf-8")
    tables = load_tables(mine)
    (few,) = parse_quantities("a few people", tables=tables)
    assert (few.low, few.high, few.rule) == (3, 4, "vague.a_few")
    (fur,) = parse_quantities("ran 5 furlongs", tables=tables)
    assert (fur.unit, fur.rule) == ("furlong", "unit.furlong")
    (default,) = parse_quantities("a few people")
    assert (default.low, default.high) == (2, 5)


def test_tables_bad_user_table_raises_datafileerror(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[vague.x]\nphrases = ["x"]\nlow = 5\nhigh = 1\n', encoding="utf-8")
    with pytest.raises(DataFileError):
        load_tables(bad)
    with pytest.raises(DataFileError):
        load_tables(tmp_path / "missing.toml")
