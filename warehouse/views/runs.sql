-- grain: one row per ingest run (run_id), oldest first.
create or replace view runs as
select * from {{ source('runs') }}
order by started_at;
