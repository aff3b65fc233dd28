-- Spatial indexes, points to H3 cells, written by hand for DuckDB: the resolution-8 cell of every
-- point, then the points in each cell.
CREATE OR REPLACE TABLE bench.hand_h3_counts AS
SELECT h3_latlng_to_cell_string(ST_Y(geom), ST_X(geom), 8) AS h3, count(point_id) AS point_id_count
FROM bench.grid_points
GROUP BY 1;
