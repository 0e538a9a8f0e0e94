-- grain: one row per article (article_id is unique): distinct article texts with their metadata.
create or replace view articles as
select * from {{ source('articles') }};
