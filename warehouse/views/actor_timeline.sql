-- grain: one row per party (party_key) per event: the party's events with date, type, role, evidence and the article's URL (undated events have a null event_date).
create or replace view actor_timeline as
select
    p.party_key,
    p.name,
    p.kind,
    p.actor_id,
    p.country_iso3,
    e.event_date,
    e.date_precision,
    e.event_type,
    p.role,
    e.event_id,
    e.salience,
    e.location_name,
    e.location_country_iso3,
    e.evidence,
    e.confidence,
    a.url,
    a.title,
    a.publisher,
    a.published_date
from stg_event_parties as p
join stg_events as e using (event_id)
left join stg_articles as a on a.article_id = e.article_id
qualify row_number() over (partition by p.party_key, p.event_id order by p.party_index) = 1;
