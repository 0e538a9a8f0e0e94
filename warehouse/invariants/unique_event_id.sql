-- invariant: event_id is unique in events.
select event_id, count(*) as copies
from events
group by event_id
having count(*) > 1;
