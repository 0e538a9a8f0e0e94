-- invariant: an event's coordinates lie inside the rough bounding box (ref_country_bounds) of its location_country_iso3.
select e.event_id, e.location_name, e.location_country_iso3, e.latitude, e.longitude
from events as e
join ref_country_bounds as b on b.iso3 = e.location_country_iso3
where e.latitude not between b.min_lat and b.max_lat
   or e.longitude not between b.min_lon and b.max_lon;
