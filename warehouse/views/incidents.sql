-- grain: one row per arrest, security_operation or attack event with coordinates: for maps (parties as one text, article URL).
create or replace view incidents as
with party_names as (
    select event_id, string_agg(name, '; ' order by party_index) as parties
    from stg_event_parties
    group by event_id
)
select
    e.event_id,
    e.event_type,
    e.event_date,
    e.event_month,
    e.date_precision,
    e.location_name,
    e.location_admin1,
    e.location_country_iso3,
    e.latitude,
    e.longitude,
    e.location_precision,
    n.parties,
    e.evidence,
    e.confidence,
    a.url,
    a.title,
    a.published_date
from stg_events as e
left join party_names as n using (event_id)
left join stg_articles as a on a.article_id = e.article_id
where e.event_type in ('arrest', 'security_operation', 'attack')
  and e.has_coordinates;
