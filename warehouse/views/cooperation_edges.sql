-- grain: one row per unordered pair of parties (party_a_key < party_b_key) in cooperation events: agreement, meeting, intel_sharing, capacity_building, law_enforcement_cooperation, cooperation_pledge.
create or replace view cooperation_edges as
with cooperation_parties as (
    select distinct event_id, event_type, event_date, party_key, name, kind
    from stg_event_parties
    where event_type in ('agreement', 'meeting', 'intel_sharing', 'capacity_building',
                         'law_enforcement_cooperation', 'cooperation_pledge')
),
pairs as (
    select
        a.event_id,
        a.event_type,
        a.event_date,
        a.party_key as party_a_key,
        a.name as party_a_name,
        a.kind as party_a_kind,
        b.party_key as party_b_key,
        b.name as party_b_name,
        b.kind as party_b_kind
    from cooperation_parties as a
    join cooperation_parties as b
        on a.event_id = b.event_id and a.party_key < b.party_key
)
select
    party_a_key,
    min(party_a_name) as party_a_name,
    min(party_a_kind) as party_a_kind,
    party_b_key,
    min(party_b_name) as party_b_name,
    min(party_b_kind) as party_b_kind,
    count(distinct event_id) as events,
    min(event_date) as first_date,
    max(event_date) as last_date,
    list_sort(list(distinct event_type)) as event_types
from pairs
group by party_a_key, party_b_key;
