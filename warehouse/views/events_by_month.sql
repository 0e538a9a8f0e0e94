-- grain: one row per month x event_type x country (location_country_iso3, null when unknown) of dated events: the number of events.
create or replace view events_by_month as
select
    event_month,
    event_type,
    location_country_iso3 as country_iso3,
    count(*) as events
from stg_events
where is_dated
group by all;
