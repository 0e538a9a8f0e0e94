-- grain: one row per Indonesian province (location_admin1 of events in IDN) x month x event_type of dated events: the number of events.
create or replace view province_month as
select
    location_admin1 as province,
    event_month,
    event_type,
    count(*) as events
from stg_events
where location_country_iso3 = 'IDN'
  and location_admin1 is not null
  and is_dated
group by all;
