"""One module loads every data file; the stages share its tables instead of importing each other."""

import ast
from pathlib import Path

import jieba

from analysis import resources

PACKAGE = Path(__file__).resolve().parents[1] / "analysis"


def test_userdict_lines_parse_as_jieba_parses_them():
    for word, freq, tag in resources.userdict_entries():
        line = " ".join(str(part) for part in (word, freq, tag) if part is not None)
        assert jieba.re_userdict.match(line).groups()[0] == word


def test_every_bank_surface_resolves_to_known_banks():
    known = set(resources.banks()["banks"])
    aliases = resources.bank_aliases()
    assert aliases["中国银行"] == ("中国银行",)
    assert set(aliases["工农中建"]) == {"工商银行", "农业银行", "中国银行", "建设银行"}
    assert all(set(banks) <= known for banks in aliases.values())


def test_topics_and_outlets_load():
    assert all({"en", "zh", "terms"} <= set(topic) for topic in resources.topics().values())
    assert "prefixes" in resources.outlets()


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_only_resources_and_the_cache_open_the_package_data():
    readers = {p.stem for p in PACKAGE.glob("*.py") if 'files("analysis")' in p.read_text("utf-8")}
    assert readers <= {"cache"}, readers  # the cache hashes the package to key its tables
    assert "resources" in {p.stem for p in PACKAGE.glob("*.py")}


def test_banks_and_text_do_not_import_each_other():
    assert not any(m.startswith("analysis.banks") for m in imported_modules(PACKAGE / "text.py"))
