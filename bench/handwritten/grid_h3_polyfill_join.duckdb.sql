-- Spatial indexes, H3 polyfill and join, written by hand for DuckDB: the distinct resolution-9 cells
-- whose centre lies in a polygon, with the grid table's value for each. The cell lists are unnested
-- in FROM: `SELECT DISTINCT unnest(...)` in the select list took 1.6 times as long at a million cells.
CREATE OR REPLACE TABLE bench.hand_h3_polyfill_join AS
WITH cells AS (
    SELECT DISTINCT h3
    FROM bench.h3_polygons AS p,
         unnest(h3_polygon_wkt_to_cells_experimental_string(ST_AsText(p.geom), 9, 'center')) AS c(h3)
)
SELECT c.h3, g.h3 AS h3_joined, g.value AS value_joined
FROM cells AS c
JOIN bench.h3_cells AS g ON g.h3 = c.h3;
