-- invariant: article_id is unique in articles.
select article_id, count(*) as copies
from articles
group by article_id
having count(*) > 1;
