-- grain: one row per party of an event (event_id, party_index), with party_key = coalesce(actor_id, name) to follow one party across events.
create or replace view stg_event_parties as
select
    event_id,
    party_index,
    article_id,
    event_type,
    event_date,
    cast(date_trunc('month', event_date) as date) as event_month,
    event_date is not null as is_dated,
    coalesce(nullif(trim(actor_id), ''), trim(name)) as party_key,
    trim(name) as name,
    kind,
    nullif(trim(actor_id), '') as actor_id,
    upper(nullif(trim(country_iso3), '')) as country_iso3,
    role
from event_parties;
