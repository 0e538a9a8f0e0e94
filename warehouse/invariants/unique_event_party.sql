-- invariant: (event_id, party_index) is unique in event_parties.
select event_id, party_index, count(*) as copies
from event_parties
group by event_id, party_index
having count(*) > 1;
