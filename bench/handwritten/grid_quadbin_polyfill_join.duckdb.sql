-- Spatial indexes, quadbin polyfill and join, written by hand for DuckDB: the zoom-17 tiles of each
-- polygon's bounding box whose centre lies in the polygon, each tile once, interleaved into CARTO's
-- quadbin (the bits spread with the usual masks, x to the even positions and y to the odd, under
-- 5264707964396371967 = header | mode 1 | zoom 17 << 52 | the 18 unused low bits set), with the grid
-- table's value for each.
CREATE OR REPLACE TABLE bench.hand_quadbin_polyfill_join AS
WITH boxes AS (
    SELECT geom,
           CAST(floor((ST_XMin(geom) + 180) / 360 * 131072) AS BIGINT) AS x0,
           CAST(floor((ST_XMax(geom) + 180) / 360 * 131072) AS BIGINT) AS x1,
           CAST(floor((1 - asinh(tan(radians(least(greatest(ST_YMax(geom), -89), 89)))) / pi()) / 2 * 131072) AS BIGINT) AS y0,
           CAST(floor((1 - asinh(tan(radians(least(greatest(ST_YMin(geom), -89), 89)))) / pi()) / 2 * 131072) AS BIGINT) AS y1
    FROM bench.quadbin_polygons
), tiles AS (
    SELECT DISTINCT x, y
    FROM boxes, range(x0, x1 + 1) AS xs(x), range(y0, y1 + 1) AS ys(y)
    WHERE ST_Intersects(geom, ST_Point((x + 0.5) / 131072 * 360 - 180,
                                       degrees(atan(sinh(pi() * (1 - 2 * (y + 0.5) / 131072))))))
), cells AS (
    SELECT 5264707964396371967 | ((x | (y << 1)) << 18) AS quadbin
    FROM (SELECT (x | (x << 1)) & 6148914691236517205 AS x, (y | (y << 1)) & 6148914691236517205 AS y
    FROM (SELECT (x | (x << 2)) & 3689348814741910323 AS x, (y | (y << 2)) & 3689348814741910323 AS y
    FROM (SELECT (x | (x << 4)) & 1085102592571150095 AS x, (y | (y << 4)) & 1085102592571150095 AS y
    FROM (SELECT (x | (x << 8)) & 71777214294589695 AS x, (y | (y << 8)) & 71777214294589695 AS y
    FROM (SELECT (x | (x << 16)) & 281470681808895 AS x, (y | (y << 16)) & 281470681808895 AS y
    FROM tiles) AS s16) AS s8) AS s4) AS s2) AS s1
)
SELECT c.quadbin, g.quadbin AS quadbin_joined, g.value AS value_joined
FROM cells AS c
JOIN bench.quadbin_cells AS g ON g.quadbin = c.quadbin;
