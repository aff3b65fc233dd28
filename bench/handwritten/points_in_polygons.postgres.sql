-- a. Points in polygons, written by hand for PostGIS: stores within 50 m of each neighbourhood.
-- The buffers are materialised once (a geography buffer is costly), then each probes the GiST
-- index on stores.geom.
DROP TABLE IF EXISTS bench.hand_points_in_polygons;
CREATE TABLE bench.hand_points_in_polygons AS
WITH zones AS MATERIALIZED (
    SELECT nbhd_id, name, ST_Buffer(geom::geography, 50)::geometry AS zone FROM bench.neighborhoods
)
SELECT z.nbhd_id, z.name, count(s.store_id) AS store_id_joined_count, sum(s.revenue) AS revenue_joined_sum
FROM zones AS z
JOIN bench.stores AS s ON ST_Intersects(z.zone, s.geom)
GROUP BY z.nbhd_id, z.name
HAVING count(s.store_id) > 10
ORDER BY revenue_joined_sum DESC;
