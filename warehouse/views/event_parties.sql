-- grain: one row per party of an event (event_id, party_index): the flat form of events.parties.
create or replace view event_parties as
select * from {{ source('event_parties') }};
