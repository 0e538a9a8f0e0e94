-- invariant: every row of event_parties belongs to an event in events.
select p.event_id, p.party_index
from event_parties as p
anti join events as e on e.event_id = p.event_id;
