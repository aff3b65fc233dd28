-- Spatial indexes, points to H3 cells, written by hand for PostGIS + h3-pg: the resolution-8 cell of
-- every point, then the points in each cell (cells as text, as the workflow keeps them).
DROP TABLE IF EXISTS bench.hand_h3_counts;
CREATE TABLE bench.hand_h3_counts AS
SELECT CAST(h3_latlng_to_cell(geom, 8) AS text) AS h3, count(point_id) AS point_id_count
FROM bench.grid_points
GROUP BY 1;
