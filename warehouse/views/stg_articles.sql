-- grain: one row per article (article_id): articles cleaned (trimmed text fields, empty strings as null) with published_month and an is_dated flag.
create or replace view stg_articles as
select
    article_id,
    source_id,
    source_path,
    record_index,
    source_format,
    nullif(trim(url), '') as url,
    nullif(trim(title), '') as title,
    nullif(trim(publisher), '') as publisher,
    published_date,
    cast(date_trunc('month', published_date) as date) as published_month,
    published_year,
    published_date is not null as is_dated,
    published_date_source,
    published_date_note,
    language,
    text,
    content_hash,
    extractor_version,
    ingested_at
from articles;
