"""The example reports in reports/ are what the code makes now."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _regenerate():
    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "reports" / "regenerate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reports_are_current():
    regenerate = _regenerate()
    stale = [str(path.relative_to(ROOT)) for path, text in regenerate.expected().items()
             if regenerate._read(path) != text]
    assert not stale, f"run `python reports/regenerate.py`: stale {stale}"


def test_reports_seed_markdown_names_the_gold_conflicts():
    text = (ROOT / "reports" / "libya-sirte-airstrikes.md").read_text(encoding="utf-8")
    assert "\n### conflict · strike (target) in Sirte · " in text and "\n### conflict · tank (target) · " in text
    assert "\n### update · fighter (have) in Sirte · " in text


def test_reports_readme_sessions_are_real_output():
    regenerate = _regenerate()
    assert regenerate._read(ROOT / "README.md") == regenerate.readme(), "run `python reports/regenerate.py`"
