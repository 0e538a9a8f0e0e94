"""The whole shared corpus through the flow: nothing lost, nothing duplicated, dates and languages right."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from flows.ingest import ingest
from tests.flows.test_ingest import q

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def corpus_warehouse(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    wh = tmp_path_factory.mktemp("corpus") / "wh"
    start = time.monotonic()
    summary = ingest([str(corpus_dir)], warehouse=str(wh))
    seconds = time.monotonic() - start
    print(f"\nfirst run over the corpus: {seconds:.1f}s, {summary.sentence()}")
    return wh, seconds


def test_every_record_lands_or_has_a_reason(corpus_warehouse: tuple[Path, float], corpus_dir: Path) -> None:
    wh, _ = corpus_warehouse
    records = sum(sum(1 for line in f.open() if line.strip()) for f in corpus_dir.rglob("*.jsonl"))
    assert records == 25_611
    markdown = len(list(corpus_dir.rglob("*.md")))  # the corpus README is a markdown file too
    articles, distinct = q(wh, "select count(*), count(distinct article_id) from articles")[0]
    assert articles == distinct
    by_check = dict(q(wh, 'select "check", count(*) from quarantine group by 1'))
    assert set(by_check) <= {"duplicate_article", "missing_text", "unparseable_date"}, by_check
    # Every record is an article, a duplicate of one, or has no text (an unreadable date still lands).
    assert articles + by_check.get("duplicate_article", 0) + by_check.get("missing_text", 0) == records + markdown
    # Missing text means the record really had none: CLICK-ID rows whose content is only commas or "loading...".
    assert by_check.get("missing_text", 0) < 100
    print(f"articles {articles}, quarantined {by_check}")


def test_languages_are_detected(corpus_warehouse: tuple[Path, float]) -> None:
    wh, _ = corpus_warehouse
    (en_rate,) = q(wh, "select avg((language = 'en')::int) from articles where source_path like '%/wikinews-en/%'")[0]
    (id_rate,) = q(wh, "select avg((language = 'id')::int) from articles where source_path not like '%/wikinews-en/%' and source_path like '%.jsonl'")[0]
    assert en_rate >= 0.99 and id_rate >= 0.99, (en_rate, id_rate)


def test_clickid_publication_dates_are_set(corpus_warehouse: tuple[Path, float]) -> None:
    wh, _ = corpus_warehouse
    (share,) = q(wh, "select avg((published_date is not null)::int) from articles where source_path like '%/clickid/%'")[0]
    assert share >= 0.99
    swaps = q(wh, "select count(*) from articles where published_date_note like '%swap%' and published_date_source = 'url'")[0][0]
    assert swaps > 0  # kompas writes YYYY-DD-MM in its date field; the URL wins


def test_rerun_adds_nothing_and_is_quick(corpus_warehouse: tuple[Path, float], corpus_dir: Path) -> None:
    wh, first_seconds = corpus_warehouse
    before = q(wh, "select count(*) from articles")[0][0]
    start = time.monotonic()
    again = ingest([str(corpus_dir)], warehouse=str(wh))
    seconds = time.monotonic() - start
    print(f"\nre-run over the corpus: {seconds:.1f}s")
    assert (again.files_new, again.files_changed, again.articles_landed, again.quarantined) == (0, 0, 0, 0)
    assert q(wh, "select count(*) from articles")[0][0] == before
    assert seconds < first_seconds / 3
