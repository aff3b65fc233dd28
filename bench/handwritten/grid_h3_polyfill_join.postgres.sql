-- Spatial indexes, H3 polyfill and join, written by hand for PostGIS + h3-pg: the distinct
-- resolution-9 cells whose centre lies in a polygon, with the grid table's value for each (the
-- set-returning polyfill joined laterally; h3_cells has its primary key on h3).
DROP TABLE IF EXISTS bench.hand_h3_polyfill_join;
CREATE TABLE bench.hand_h3_polyfill_join AS
WITH cells AS (
    SELECT DISTINCT CAST(cell AS text) AS h3
    FROM bench.h3_polygons AS p, h3_polygon_to_cells_experimental(p.geom, 9, 'center') AS cell
)
SELECT c.h3, g.h3 AS h3_joined, g.value AS value_joined
FROM cells AS c
JOIN bench.h3_cells AS g ON g.h3 = c.h3;
