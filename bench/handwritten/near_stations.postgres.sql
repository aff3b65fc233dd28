-- c. Customers within 300 m of a metro station, and the others, written by hand for PostGIS.
-- The 60 station zones are drawn once, into an indexed scratch table (unlogged, not temporary: a
-- temporary table would keep the scans of customers from running in parallel).
DROP TABLE IF EXISTS bench.zones;
CREATE UNLOGGED TABLE bench.zones AS
SELECT ST_Buffer(geom::geography, 300)::geometry AS zone FROM bench.stations;
CREATE INDEX ON bench.zones USING GIST (zone);
ANALYZE bench.zones;

DROP TABLE IF EXISTS bench.hand_near_stations;
CREATE TABLE bench.hand_near_stations AS
SELECT * FROM bench.customers AS c
WHERE EXISTS (SELECT 1 FROM bench.zones AS z WHERE ST_Intersects(z.zone, c.geom));

DROP TABLE IF EXISTS bench.hand_far_from_stations;
CREATE TABLE bench.hand_far_from_stations AS
SELECT * FROM bench.customers AS c
WHERE NOT EXISTS (SELECT 1 FROM bench.zones AS z WHERE ST_Intersects(z.zone, c.geom));

DROP TABLE bench.zones;
