-- grain: one row per rejected input (quarantine_id): a file, a record or a row, with the failing check and a readable reason.
create or replace view quarantine as
select * from {{ source('quarantine') }};
