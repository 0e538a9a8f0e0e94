-- invariant: an event's date is not after its article's published_date + 1 day (where both are known).
select e.event_id, e.event_date, a.published_date
from events as e
join articles as a on a.article_id = e.article_id
where e.event_date > a.published_date + interval 1 day;
