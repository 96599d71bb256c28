-- Where an outreach location is, in WGS 84 degrees, so that it can be drawn on the map: both or
-- neither.
alter table outreach_location
    add column latitude  double precision check (latitude between -90 and 90),
    add column longitude double precision check (longitude between -180 and 180),
    add constraint outreach_location_both_coordinates check ((latitude is null) = (longitude is null));
