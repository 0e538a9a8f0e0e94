-- invariant: every event's article is in articles.
select e.event_id, e.article_id
from events as e
anti join articles as a on a.article_id = e.article_id;
