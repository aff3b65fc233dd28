-- Spatial indexes, points to quadbin cells, written by hand for DuckDB: each point's zoom-15 Web
-- Mercator tile (latitudes clamped to ±89), the points counted per tile, and only then each tile's
-- column and row interleaved into CARTO's quadbin: the bits spread with the usual masks (x to the
-- even positions, y to the odd), under 5255700765145563135 = header | mode 1 | zoom 15 << 52 | the 22
-- unused low bits set.
CREATE OR REPLACE TABLE bench.hand_quadbin_counts AS
SELECT 5255700765145563135 | ((x | (y << 1)) << 22) AS quadbin, point_id_count
FROM (SELECT (x | (x << 1)) & 6148914691236517205 AS x, (y | (y << 1)) & 6148914691236517205 AS y, point_id_count
FROM (SELECT (x | (x << 2)) & 3689348814741910323 AS x, (y | (y << 2)) & 3689348814741910323 AS y, point_id_count
FROM (SELECT (x | (x << 4)) & 1085102592571150095 AS x, (y | (y << 4)) & 1085102592571150095 AS y, point_id_count
FROM (SELECT (x | (x << 8)) & 71777214294589695 AS x, (y | (y << 8)) & 71777214294589695 AS y, point_id_count
FROM (
    SELECT CAST(floor((ST_X(geom) + 180) / 360 * 32768) AS BIGINT) % 32768 AS x,
           CAST(floor((1 - asinh(tan(radians(least(greatest(ST_Y(geom), -89), 89)))) / pi()) / 2 * 32768) AS BIGINT) AS y,
           count(point_id) AS point_id_count
    FROM bench.grid_points
    GROUP BY 1, 2
) AS tiles) AS s8) AS s4) AS s2) AS s1;
