-- invariant: every event's confidence is between 0 and 1 (and not null).
select event_id, confidence
from events
where confidence is null or confidence < 0 or confidence > 1 or isnan(confidence);
