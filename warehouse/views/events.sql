-- grain: one row per event (event_id is unique); parties nested as list<struct(name, kind, actor_id, country_iso3, role)>.
create or replace view events as
select * from {{ source('events') }};
