-- a. Points in polygons, written by hand for DuckDB: stores within 50 m of each neighbourhood.
-- DuckDB has no geography type, so the 50 m buffer is drawn in a local metric frame: scale the
-- polygon by the metres per degree at its centroid's latitude, buffer, scale back.
CREATE OR REPLACE TABLE bench.hand_points_in_polygons AS
WITH frames AS (
    SELECT nbhd_id, name, geom,
           111412.84 * cos(radians(lat)) - 93.5 * cos(3 * radians(lat)) AS kx,
           111132.954 - 559.822 * cos(2 * radians(lat)) + 1.175 * cos(4 * radians(lat)) AS ky
    FROM (SELECT *, ST_Y(ST_Centroid(geom)) AS lat FROM bench.neighborhoods)
), zones AS (
    SELECT nbhd_id, name, ST_Scale(ST_Buffer(ST_Scale(geom, kx, ky), 50), 1 / kx, 1 / ky) AS zone
    FROM frames
)
SELECT z.nbhd_id, z.name, count(s.store_id) AS store_id_joined_count, sum(s.revenue) AS revenue_joined_sum
FROM zones AS z
JOIN bench.stores AS s ON ST_Intersects(z.zone, s.geom)
GROUP BY z.nbhd_id, z.name
HAVING count(s.store_id) > 10
ORDER BY revenue_joined_sum DESC;
