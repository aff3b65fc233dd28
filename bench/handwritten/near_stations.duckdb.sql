-- c. Customers within 300 m of a metro station, and the others, written by hand for DuckDB.
-- The 60 station zones are drawn once (in a local metric frame, as DuckDB has no geography type).
CREATE OR REPLACE TEMP TABLE zones AS
WITH frames AS (
    SELECT geom,
           111412.84 * cos(radians(lat)) - 93.5 * cos(3 * radians(lat)) AS kx,
           111132.954 - 559.822 * cos(2 * radians(lat)) + 1.175 * cos(4 * radians(lat)) AS ky
    FROM (SELECT geom, ST_Y(ST_Centroid(geom)) AS lat FROM bench.stations)
)
SELECT ST_Scale(ST_Buffer(ST_Scale(geom, kx, ky), 300), 1 / kx, 1 / ky) AS zone FROM frames;

CREATE OR REPLACE TABLE bench.hand_near_stations AS
SELECT * FROM bench.customers AS c
WHERE EXISTS (SELECT 1 FROM zones AS z WHERE ST_Intersects(z.zone, c.geom));

CREATE OR REPLACE TABLE bench.hand_far_from_stations AS
SELECT * FROM bench.customers AS c
WHERE NOT EXISTS (SELECT 1 FROM zones AS z WHERE ST_Intersects(z.zone, c.geom));

DROP TABLE zones;
