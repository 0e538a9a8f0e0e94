-- grain: one row per event (event_id): events cleaned and flat (no nested parties; party_count instead) with event_month, is_dated and has_coordinates.
create or replace view stg_events as
select
    event_id,
    article_id,
    event_type,
    salience,
    event_date,
    date_precision,
    cast(date_trunc('month', event_date) as date) as event_month,
    event_year,
    event_date is not null as is_dated,
    nullif(trim(location_name), '') as location_name,
    nullif(trim(location_admin1), '') as location_admin1,
    upper(nullif(trim(location_country_iso3), '')) as location_country_iso3,
    latitude,
    longitude,
    latitude is not null and longitude is not null as has_coordinates,
    location_precision,
    trim(evidence) as evidence,
    confidence,
    len(parties) as party_count,
    extractor_version
from events;
