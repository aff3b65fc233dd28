-- case save_replace
-- stage save_copy
DROP TABLE IF EXISTS analytics.copy__wareflow_36bde66f;
CREATE TABLE analytics.copy__wareflow_36bde66f AS
SELECT
  *
FROM analytics.people;
DROP TABLE IF EXISTS analytics."COPY";
ALTER TABLE analytics.copy__wareflow_36bde66f
RENAME TO "COPY";

-- case save_append
-- stage save_log
CREATE TABLE IF NOT EXISTS analytics._wareflow_appends (
  run_key VARCHAR2(255) PRIMARY KEY,
  appended_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS analytics.log AS
SELECT
  *
FROM (
  SELECT
    *
  FROM analytics.people
) q
WHERE
  1 = 0;
INSERT INTO analytics.log
SELECT
  *
FROM (
  SELECT
    *
  FROM analytics.people
) q
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM analytics._wareflow_appends
    WHERE
      run_key = 'manual:save_log'
  );
INSERT INTO analytics._wareflow_appends
SELECT
  'manual:save_log',
  CURRENT_TIMESTAMP
FROM DUAL
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM analytics._wareflow_appends
    WHERE
      run_key = 'manual:save_log'
  );

-- case gettablebyname
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
SELECT
  *
FROM analytics.cities;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case tablefromgeojson
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_tablefromgeojson_1 AS (
  SELECT
    features.name,
    features.pop,
    SDO_UTIL.FROM_GEOJSON(features.geojson) AS "GEOMETRY"
  FROM (VALUES
    (
      CAST('A' AS VARCHAR2(4000)),
      CAST(10 AS NUMBER),
      '{"type":"Point","coordinates":[1,2]}'
    ),
    (
      CAST('B' AS VARCHAR2(4000)),
      CAST(NULL AS NUMBER),
      '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}'
    )) AS features(name, pop, geojson)
)
SELECT
  *
FROM native_tablefromgeojson_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case where
-- stage save_m
DROP TABLE IF EXISTS analytics.m__wareflow_36bde66f;
CREATE TABLE analytics.m__wareflow_36bde66f AS
WITH native_where_1 AS (
  SELECT
    *
  FROM analytics.people
  WHERE
    age >= 18 OR city = 'Paris'
)
SELECT
  *
FROM native_where_1;
DROP TABLE IF EXISTS analytics.m;
ALTER TABLE analytics.m__wareflow_36bde66f
RENAME TO m;
-- stage save_u
DROP TABLE IF EXISTS analytics.u__wareflow_36bde66f;
CREATE TABLE analytics.u__wareflow_36bde66f AS
WITH native_where_1 AS (
  SELECT
    *
  FROM analytics.people
  WHERE
    CASE WHEN age >= 18 OR city = 'Paris' THEN 1 ELSE 0 END = 0
)
SELECT
  *
FROM native_where_1;
DROP TABLE IF EXISTS analytics.u;
ALTER TABLE analytics.u__wareflow_36bde66f
RENAME TO u;

-- case wheresimplified
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_wheresimplified_1 AS (
  SELECT
    *
  FROM analytics.people
  WHERE
    name <> 'O''Neil'
)
SELECT
  *
FROM native_wheresimplified_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case select
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_select_1 AS (
  SELECT
    id,
    UPPER(name) AS up,
    COALESCE(city, 'none') AS town
  FROM analytics.people
)
SELECT
  *
FROM native_select_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case selectexpression
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_selectexpression_1 AS (
  SELECT
    people.*,
    COALESCE(score, 0) + 1.5 AS total
  FROM analytics.people
)
SELECT
  *
FROM native_selectexpression_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case customsql
-- stage native_customsql
DROP TABLE IF EXISTS wareflow_native_customsql_8d3f291262bf__wareflow_36bde66f;
CREATE TABLE wareflow_native_customsql_8d3f291262bf__wareflow_36bde66f AS
SELECT
  p.city,
  COUNT(*) AS n
FROM analytics.people p
JOIN analytics.cities c
  ON p.city = c.city
GROUP BY
  p.city;
DROP TABLE IF EXISTS wareflow_native_customsql_8d3f291262bf;
ALTER TABLE wareflow_native_customsql_8d3f291262bf__wareflow_36bde66f
RENAME TO wareflow_native_customsql_8d3f291262bf;
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
SELECT
  *
FROM wareflow_native_customsql_8d3f291262bf;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case casewhen
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_casewhen_1 AS (
  SELECT
    people.*,
    CASE WHEN age >= 50 THEN 'senior' WHEN age IS NULL THEN 'unknown' ELSE 'adult' END AS band
  FROM analytics.people
)
SELECT
  *
FROM native_casewhen_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case dropcolumn
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_dropcolumn_1 AS (
  SELECT
    id,
    name,
    age,
    city
  FROM analytics.people
)
SELECT
  *
FROM native_dropcolumn_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case renamecolumn
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_renamecolumn_1 AS (
  SELECT
    id,
    age,
    city,
    score,
    geom,
    name AS person
  FROM analytics.people
)
SELECT
  *
FROM native_renamecolumn_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case orderby_limit
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_orderby_1 AS (
  SELECT
    *
  FROM analytics.people
), native_limit_1 AS (
  SELECT
    *
  FROM native_orderby_1
  ORDER BY
    score DESC NULLS LAST,
    id ASC
  FETCH FIRST 2 ROWS ONLY
)
SELECT
  *
FROM native_limit_1
ORDER BY
  score DESC NULLS LAST,
  id ASC;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case normalize
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_normalize_1 AS (
  SELECT
    people.*,
    (
      CAST(score AS NUMBER) - MIN(CAST(score AS NUMBER)) OVER ()
    ) / NULLIF(MAX(CAST(score AS NUMBER)) OVER () - MIN(CAST(score AS NUMBER)) OVER (), 0) AS score_norm
  FROM analytics.people
)
SELECT
  *
FROM native_normalize_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case groupby
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_groupby_1 AS (
  SELECT
    city,
    SUM(score) AS score_sum,
    COUNT(id) AS id_count,
    LISTAGG(CAST(name AS VARCHAR2(4000)), ',') AS name_concat
  FROM analytics.people
  GROUP BY
    city
)
SELECT
  *
FROM native_groupby_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case groupby_geometry
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_groupby_1 AS (
  SELECT
    SDO_AGGR_UNION(SDOAGGRTYPE(geom, 0.05)) AS geom_union,
    SDO_AGGR_CENTROID(SDOAGGRTYPE(geom, 0.05)) AS geom_centroid,
    COUNT(zone_id) AS zone_id_count
  FROM analytics.zones
)
SELECT
  *
FROM native_groupby_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case join
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_join_1 AS (
  SELECT
    _main.*,
    _joined.city AS city_joined,
    _joined.country AS country_joined
  FROM analytics.people _main
  LEFT JOIN analytics.cities _joined
    ON _main.city = _joined.city
)
SELECT
  *
FROM native_join_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case crossjoin
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_crossjoin_1 AS (
  SELECT
    _main.*,
    _joined.city AS city_joined,
    _joined.country AS country_joined
  FROM analytics.people _main
  CROSS JOIN analytics.cities _joined
)
SELECT
  *
FROM native_crossjoin_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case spatialjoin
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spatialjoin_1 AS (
  SELECT
    _main.*,
    _joined.id AS id_joined,
    _joined.name AS name_joined,
    _joined.age AS age_joined,
    _joined.city AS city_joined,
    _joined.score AS score_joined,
    _joined.geom AS geom_joined
  FROM analytics.zones _main
  INNER JOIN analytics.people _joined
    ON SDO_GEOM.RELATE(_main.geom, 'ANYINTERACT', _joined.geom, 0.05) <> 'FALSE'
)
SELECT
  *
FROM native_spatialjoin_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case spatialfilter
-- stage save_m
DROP TABLE IF EXISTS analytics.m__wareflow_36bde66f;
CREATE TABLE analytics.m__wareflow_36bde66f AS
WITH native_spatialfilter_1 AS (
  SELECT
    *
  FROM analytics.people _source
  WHERE
    EXISTS(
      SELECT
        1
      FROM analytics.zones _filter
      WHERE
        SDO_GEOM.RELATE(_filter.geom, 'INSIDE+COVEREDBY+EQUAL', _source.geom, 0.05) <> 'FALSE'
    )
)
SELECT
  *
FROM native_spatialfilter_1;
DROP TABLE IF EXISTS analytics.m;
ALTER TABLE analytics.m__wareflow_36bde66f
RENAME TO m;
-- stage save_u
DROP TABLE IF EXISTS analytics.u__wareflow_36bde66f;
CREATE TABLE analytics.u__wareflow_36bde66f AS
WITH native_spatialfilter_1 AS (
  SELECT
    *
  FROM analytics.people _source
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM analytics.zones _filter
      WHERE
        SDO_GEOM.RELATE(_filter.geom, 'INSIDE+COVEREDBY+EQUAL', _source.geom, 0.05) <> 'FALSE'
    )
)
SELECT
  *
FROM native_spatialfilter_1;
DROP TABLE IF EXISTS analytics.u;
ALTER TABLE analytics.u__wareflow_36bde66f
RENAME TO u;

-- case buffer
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_buffer_1 AS (
  SELECT
    SDO_GEOM.SDO_BUFFER(geom, (
      500
    ) * 1609.344, 0.05, 'unit=M') AS geom_buffer,
    people.*
  FROM analytics.people
)
SELECT
  *
FROM native_buffer_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3frompoint
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_h3frompoint_1 AS (
  SELECT
    LOWER(LTRIM(RAWTOHEX(SDO_UTIL.H3_KEY(geom, 9)), '0')) AS h3,
    people.*
  FROM analytics.people
)
SELECT
  *
FROM native_h3frompoint_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3polyfill_nomode: unsupported (the Oracle dialect cannot express this component (no h3_polyfill))

-- case h3polyfill_nomode_cols: unsupported (the Oracle dialect cannot express this component (no h3_polyfill))

-- case h3polyfill_center: unsupported (the Oracle dialect cannot express this component (no h3_polyfill))

-- case h3polyfill_center_cols: unsupported (the Oracle dialect cannot express this component (no h3_polyfill))

-- case h3polyfill_intersects: unsupported (the Oracle dialect cannot express this component (no h3_polyfill_intersects))

-- case h3polyfill_intersects_cols: unsupported (the Oracle dialect cannot express this component (no h3_polyfill_intersects))

-- case h3polyfill_contains: unsupported (the Oracle dialect cannot express this component (no h3_polyfill_contains))

-- case h3polyfill_contains_cols: unsupported (the Oracle dialect cannot express this component (no h3_polyfill_contains))

-- case h3boundary
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_h3boundary_1 AS (
  SELECT
    SDO_UTIL.H3_BOUNDARY(HEXTORAW(LPAD(h3, 16, '0')), 4326) AS h3_geo,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3boundary_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3center
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_h3center_1 AS (
  SELECT
    SDO_UTIL.H3_CENTER(HEXTORAW(LPAD(h3, 16, '0')), 4326) AS h3_center,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3center_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3kring: unsupported (the Oracle dialect cannot express this component (no h3_kring, h3_distance))

-- case h3distance: unsupported (the Oracle dialect cannot express this component (no h3_distance))

-- case h3toparent
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_h3toparent_1 AS (
  SELECT
    LOWER(LTRIM(RAWTOHEX(SDO_UTIL.H3_PARENT(HEXTORAW(LPAD(h3, 16, '0')), 5)), '0')) AS h3_parent,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3toparent_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3tochildren: unsupported (the Oracle dialect cannot express this component (no h3_tochildren))

-- case quadbinfromgeopoint
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinfromgeopoint_1_tile AS (
  SELECT
    people.*,
    MOD(
      CAST(FLOOR(4096 * (
        SDO_GEOM.SDO_MIN_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      4096
    ) AS _wf_x,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          4096 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      4095
    ) AS INT) AS _wf_y
  FROM analytics.people
), native_quadbinfromgeopoint_1 AS (
  SELECT
    5242189966527692799 + (
      BITAND(_wf_x, 1) * 268435456
    ) + (
      BITAND(_wf_y, 1) * 536870912
    ) + (
      BITAND(_wf_x, 2) * 536870912
    ) + (
      BITAND(_wf_y, 2) * 1073741824
    ) + (
      BITAND(_wf_x, 4) * 1073741824
    ) + (
      BITAND(_wf_y, 4) * 2147483648
    ) + (
      BITAND(_wf_x, 8) * 2147483648
    ) + (
      BITAND(_wf_y, 8) * 4294967296
    ) + (
      BITAND(_wf_x, 16) * 4294967296
    ) + (
      BITAND(_wf_y, 16) * 8589934592
    ) + (
      BITAND(_wf_x, 32) * 8589934592
    ) + (
      BITAND(_wf_y, 32) * 17179869184
    ) + (
      BITAND(_wf_x, 64) * 17179869184
    ) + (
      BITAND(_wf_y, 64) * 34359738368
    ) + (
      BITAND(_wf_x, 128) * 34359738368
    ) + (
      BITAND(_wf_y, 128) * 68719476736
    ) + (
      BITAND(_wf_x, 256) * 68719476736
    ) + (
      BITAND(_wf_y, 256) * 137438953472
    ) + (
      BITAND(_wf_x, 512) * 137438953472
    ) + (
      BITAND(_wf_y, 512) * 274877906944
    ) + (
      BITAND(_wf_x, 1024) * 274877906944
    ) + (
      BITAND(_wf_y, 1024) * 549755813888
    ) + (
      BITAND(_wf_x, 2048) * 549755813888
    ) + (
      BITAND(_wf_y, 2048) * 1099511627776
    ) AS quadbin,
    id,
    name,
    age,
    city,
    score,
    geom
  FROM native_quadbinfromgeopoint_1_tile
)
SELECT
  *
FROM native_quadbinfromgeopoint_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinfrompoint
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinfrompoint_1_tile AS (
  SELECT
    people.*,
    MOD(
      CAST(FLOOR(16 * (
        SDO_GEOM.SDO_MIN_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      16
    ) AS _wf_x,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          16 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      15
    ) AS INT) AS _wf_y
  FROM analytics.people
), native_quadbinfrompoint_1 AS (
  SELECT
    5206178761426337791 + (
      BITAND(_wf_x, 1) * 17592186044416
    ) + (
      BITAND(_wf_y, 1) * 35184372088832
    ) + (
      BITAND(_wf_x, 2) * 35184372088832
    ) + (
      BITAND(_wf_y, 2) * 70368744177664
    ) + (
      BITAND(_wf_x, 4) * 70368744177664
    ) + (
      BITAND(_wf_y, 4) * 140737488355328
    ) + (
      BITAND(_wf_x, 8) * 140737488355328
    ) + (
      BITAND(_wf_y, 8) * 281474976710656
    ) AS quadbin,
    id,
    name,
    age,
    city,
    score,
    geom
  FROM native_quadbinfrompoint_1_tile
)
SELECT
  *
FROM native_quadbinfrompoint_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinpolyfill_center
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    geom,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MIN_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x0,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MAX_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    geom,
    CAST(_wf__wf_x_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_x,
    CAST(_wf__wf_y_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_x0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_x1 - _wf_x0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_x_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_y0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_y1 - _wf_y0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_y_rows
), native_quadbinpolyfill_1 AS (
  SELECT DISTINCT
    5233182771299483647 + (
      BITAND(_wf_x, 1) * 4294967296
    ) + (
      BITAND(_wf_y, 1) * 8589934592
    ) + (
      BITAND(_wf_x, 2) * 8589934592
    ) + (
      BITAND(_wf_y, 2) * 17179869184
    ) + (
      BITAND(_wf_x, 4) * 17179869184
    ) + (
      BITAND(_wf_y, 4) * 34359738368
    ) + (
      BITAND(_wf_x, 8) * 34359738368
    ) + (
      BITAND(_wf_y, 8) * 68719476736
    ) + (
      BITAND(_wf_x, 16) * 68719476736
    ) + (
      BITAND(_wf_y, 16) * 137438953472
    ) + (
      BITAND(_wf_x, 32) * 137438953472
    ) + (
      BITAND(_wf_y, 32) * 274877906944
    ) + (
      BITAND(_wf_x, 64) * 274877906944
    ) + (
      BITAND(_wf_y, 64) * 549755813888
    ) + (
      BITAND(_wf_x, 128) * 549755813888
    ) + (
      BITAND(_wf_y, 128) * 1099511627776
    ) + (
      BITAND(_wf_x, 256) * 1099511627776
    ) + (
      BITAND(_wf_y, 256) * 2199023255552
    ) + (
      BITAND(_wf_x, 512) * 2199023255552
    ) + (
      BITAND(_wf_y, 512) * 4398046511104
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    SDO_GEOM.RELATE(
      geom,
      'ANYINTERACT',
      SDO_GEOMETRY(
        2001,
        4326,
        SDO_POINT_TYPE(
          360.0 * CAST(_wf_x + 0.5 AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 0.5 AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0,
          NULL
        ),
        NULL,
        NULL
      ),
      0.05
    ) <> 'FALSE'
)
SELECT
  *
FROM native_quadbinpolyfill_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinpolyfill_center_cols
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    zones.*,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MIN_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x0,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MAX_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    zone_id,
    zone,
    geom,
    CAST(_wf__wf_x_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_x,
    CAST(_wf__wf_y_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_x0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_x1 - _wf_x0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_x_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_y0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_y1 - _wf_y0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_y_rows
), native_quadbinpolyfill_1 AS (
  SELECT
    zone_id,
    zone,
    geom,
    5233182771299483647 + (
      BITAND(_wf_x, 1) * 4294967296
    ) + (
      BITAND(_wf_y, 1) * 8589934592
    ) + (
      BITAND(_wf_x, 2) * 8589934592
    ) + (
      BITAND(_wf_y, 2) * 17179869184
    ) + (
      BITAND(_wf_x, 4) * 17179869184
    ) + (
      BITAND(_wf_y, 4) * 34359738368
    ) + (
      BITAND(_wf_x, 8) * 34359738368
    ) + (
      BITAND(_wf_y, 8) * 68719476736
    ) + (
      BITAND(_wf_x, 16) * 68719476736
    ) + (
      BITAND(_wf_y, 16) * 137438953472
    ) + (
      BITAND(_wf_x, 32) * 137438953472
    ) + (
      BITAND(_wf_y, 32) * 274877906944
    ) + (
      BITAND(_wf_x, 64) * 274877906944
    ) + (
      BITAND(_wf_y, 64) * 549755813888
    ) + (
      BITAND(_wf_x, 128) * 549755813888
    ) + (
      BITAND(_wf_y, 128) * 1099511627776
    ) + (
      BITAND(_wf_x, 256) * 1099511627776
    ) + (
      BITAND(_wf_y, 256) * 2199023255552
    ) + (
      BITAND(_wf_x, 512) * 2199023255552
    ) + (
      BITAND(_wf_y, 512) * 4398046511104
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    SDO_GEOM.RELATE(
      geom,
      'ANYINTERACT',
      SDO_GEOMETRY(
        2001,
        4326,
        SDO_POINT_TYPE(
          360.0 * CAST(_wf_x + 0.5 AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 0.5 AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0,
          NULL
        ),
        NULL,
        NULL
      ),
      0.05
    ) <> 'FALSE'
)
SELECT
  *
FROM native_quadbinpolyfill_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinpolyfill_intersects
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    geom,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MIN_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x0,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MAX_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    geom,
    CAST(_wf__wf_x_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_x,
    CAST(_wf__wf_y_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_x0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_x1 - _wf_x0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_x_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_y0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_y1 - _wf_y0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_y_rows
), native_quadbinpolyfill_1 AS (
  SELECT DISTINCT
    5233182771299483647 + (
      BITAND(_wf_x, 1) * 4294967296
    ) + (
      BITAND(_wf_y, 1) * 8589934592
    ) + (
      BITAND(_wf_x, 2) * 8589934592
    ) + (
      BITAND(_wf_y, 2) * 17179869184
    ) + (
      BITAND(_wf_x, 4) * 17179869184
    ) + (
      BITAND(_wf_y, 4) * 34359738368
    ) + (
      BITAND(_wf_x, 8) * 34359738368
    ) + (
      BITAND(_wf_y, 8) * 68719476736
    ) + (
      BITAND(_wf_x, 16) * 68719476736
    ) + (
      BITAND(_wf_y, 16) * 137438953472
    ) + (
      BITAND(_wf_x, 32) * 137438953472
    ) + (
      BITAND(_wf_y, 32) * 274877906944
    ) + (
      BITAND(_wf_x, 64) * 274877906944
    ) + (
      BITAND(_wf_y, 64) * 549755813888
    ) + (
      BITAND(_wf_x, 128) * 549755813888
    ) + (
      BITAND(_wf_y, 128) * 1099511627776
    ) + (
      BITAND(_wf_x, 256) * 1099511627776
    ) + (
      BITAND(_wf_y, 256) * 2199023255552
    ) + (
      BITAND(_wf_x, 512) * 2199023255552
    ) + (
      BITAND(_wf_y, 512) * 4398046511104
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    SDO_GEOM.RELATE(
      geom,
      'ANYINTERACT',
      SDO_GEOMETRY(
        2003,
        4326,
        NULL,
        SDO_ELEM_INFO_ARRAY(1, 1003, 3),
        SDO_ORDINATE_ARRAY(
          360.0 * CAST(_wf_x AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0,
          360.0 * CAST(_wf_x + 1 AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0
        )
      ),
      0.05
    ) <> 'FALSE'
)
SELECT
  *
FROM native_quadbinpolyfill_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinpolyfill_intersects_cols
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    zones.*,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MIN_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x0,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MAX_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    zone_id,
    zone,
    geom,
    CAST(_wf__wf_x_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_x,
    CAST(_wf__wf_y_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_x0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_x1 - _wf_x0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_x_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_y0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_y1 - _wf_y0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_y_rows
), native_quadbinpolyfill_1 AS (
  SELECT
    zone_id,
    zone,
    geom,
    5233182771299483647 + (
      BITAND(_wf_x, 1) * 4294967296
    ) + (
      BITAND(_wf_y, 1) * 8589934592
    ) + (
      BITAND(_wf_x, 2) * 8589934592
    ) + (
      BITAND(_wf_y, 2) * 17179869184
    ) + (
      BITAND(_wf_x, 4) * 17179869184
    ) + (
      BITAND(_wf_y, 4) * 34359738368
    ) + (
      BITAND(_wf_x, 8) * 34359738368
    ) + (
      BITAND(_wf_y, 8) * 68719476736
    ) + (
      BITAND(_wf_x, 16) * 68719476736
    ) + (
      BITAND(_wf_y, 16) * 137438953472
    ) + (
      BITAND(_wf_x, 32) * 137438953472
    ) + (
      BITAND(_wf_y, 32) * 274877906944
    ) + (
      BITAND(_wf_x, 64) * 274877906944
    ) + (
      BITAND(_wf_y, 64) * 549755813888
    ) + (
      BITAND(_wf_x, 128) * 549755813888
    ) + (
      BITAND(_wf_y, 128) * 1099511627776
    ) + (
      BITAND(_wf_x, 256) * 1099511627776
    ) + (
      BITAND(_wf_y, 256) * 2199023255552
    ) + (
      BITAND(_wf_x, 512) * 2199023255552
    ) + (
      BITAND(_wf_y, 512) * 4398046511104
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    SDO_GEOM.RELATE(
      geom,
      'ANYINTERACT',
      SDO_GEOMETRY(
        2003,
        4326,
        NULL,
        SDO_ELEM_INFO_ARRAY(1, 1003, 3),
        SDO_ORDINATE_ARRAY(
          360.0 * CAST(_wf_x AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0,
          360.0 * CAST(_wf_x + 1 AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0
        )
      ),
      0.05
    ) <> 'FALSE'
)
SELECT
  *
FROM native_quadbinpolyfill_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinpolyfill_contains
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    geom,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MIN_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x0,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MAX_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    geom,
    CAST(_wf__wf_x_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_x,
    CAST(_wf__wf_y_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_x0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_x1 - _wf_x0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_x_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_y0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_y1 - _wf_y0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_y_rows
), native_quadbinpolyfill_1 AS (
  SELECT DISTINCT
    5233182771299483647 + (
      BITAND(_wf_x, 1) * 4294967296
    ) + (
      BITAND(_wf_y, 1) * 8589934592
    ) + (
      BITAND(_wf_x, 2) * 8589934592
    ) + (
      BITAND(_wf_y, 2) * 17179869184
    ) + (
      BITAND(_wf_x, 4) * 17179869184
    ) + (
      BITAND(_wf_y, 4) * 34359738368
    ) + (
      BITAND(_wf_x, 8) * 34359738368
    ) + (
      BITAND(_wf_y, 8) * 68719476736
    ) + (
      BITAND(_wf_x, 16) * 68719476736
    ) + (
      BITAND(_wf_y, 16) * 137438953472
    ) + (
      BITAND(_wf_x, 32) * 137438953472
    ) + (
      BITAND(_wf_y, 32) * 274877906944
    ) + (
      BITAND(_wf_x, 64) * 274877906944
    ) + (
      BITAND(_wf_y, 64) * 549755813888
    ) + (
      BITAND(_wf_x, 128) * 549755813888
    ) + (
      BITAND(_wf_y, 128) * 1099511627776
    ) + (
      BITAND(_wf_x, 256) * 1099511627776
    ) + (
      BITAND(_wf_y, 256) * 2199023255552
    ) + (
      BITAND(_wf_x, 512) * 2199023255552
    ) + (
      BITAND(_wf_y, 512) * 4398046511104
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    SDO_GEOM.RELATE(
      geom,
      'CONTAINS+COVERS+EQUAL',
      SDO_GEOMETRY(
        2003,
        4326,
        NULL,
        SDO_ELEM_INFO_ARRAY(1, 1003, 3),
        SDO_ORDINATE_ARRAY(
          360.0 * CAST(_wf_x AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0,
          360.0 * CAST(_wf_x + 1 AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0
        )
      ),
      0.05
    ) <> 'FALSE'
)
SELECT
  *
FROM native_quadbinpolyfill_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinpolyfill_contains_cols
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    zones.*,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MIN_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x0,
    LEAST(
      CAST(FLOOR(1024 * (
        SDO_GEOM.SDO_MAX_MB_VALUE(geom, 1) / 360.0 + 0.5
      )) AS INT),
      1023
    ) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MAX_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              ) / (
                1 - SIN(
                  LEAST(GREATEST(SDO_GEOM.SDO_MIN_MB_VALUE(geom, 2), -89.0), 89.0) * 0.017453292519943295
                )
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    zone_id,
    zone,
    geom,
    CAST(_wf__wf_x_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_x,
    CAST(_wf__wf_y_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_x0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_x1 - _wf_x0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_x_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(SELECT
      _wf_y0 + LEVEL - 1
    FROM DUAL
    CONNECT BY LEVEL <= _wf_y1 - _wf_y0 + 1) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_y_rows
), native_quadbinpolyfill_1 AS (
  SELECT
    zone_id,
    zone,
    geom,
    5233182771299483647 + (
      BITAND(_wf_x, 1) * 4294967296
    ) + (
      BITAND(_wf_y, 1) * 8589934592
    ) + (
      BITAND(_wf_x, 2) * 8589934592
    ) + (
      BITAND(_wf_y, 2) * 17179869184
    ) + (
      BITAND(_wf_x, 4) * 17179869184
    ) + (
      BITAND(_wf_y, 4) * 34359738368
    ) + (
      BITAND(_wf_x, 8) * 34359738368
    ) + (
      BITAND(_wf_y, 8) * 68719476736
    ) + (
      BITAND(_wf_x, 16) * 68719476736
    ) + (
      BITAND(_wf_y, 16) * 137438953472
    ) + (
      BITAND(_wf_x, 32) * 137438953472
    ) + (
      BITAND(_wf_y, 32) * 274877906944
    ) + (
      BITAND(_wf_x, 64) * 274877906944
    ) + (
      BITAND(_wf_y, 64) * 549755813888
    ) + (
      BITAND(_wf_x, 128) * 549755813888
    ) + (
      BITAND(_wf_y, 128) * 1099511627776
    ) + (
      BITAND(_wf_x, 256) * 1099511627776
    ) + (
      BITAND(_wf_y, 256) * 2199023255552
    ) + (
      BITAND(_wf_x, 512) * 2199023255552
    ) + (
      BITAND(_wf_y, 512) * 4398046511104
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    SDO_GEOM.RELATE(
      geom,
      'CONTAINS+COVERS+EQUAL',
      SDO_GEOMETRY(
        2003,
        4326,
        NULL,
        SDO_ELEM_INFO_ARRAY(1, 1003, 3),
        SDO_ORDINATE_ARRAY(
          360.0 * CAST(_wf_x AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0,
          360.0 * CAST(_wf_x + 1 AS DOUBLE PRECISION) / POWER(2.0, 10) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE PRECISION) / POWER(2.0, 10)
              )
            )
          ) - 90.0
        )
      ),
      0.05
    ) <> 'FALSE'
)
SELECT
  *
FROM native_quadbinpolyfill_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinboundary
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinboundary_1_tile AS (
  SELECT
    cells.*,
    BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND(quadbin, 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM analytics.cells
), native_quadbinboundary_1 AS (
  SELECT
    SDO_GEOMETRY(
      2003,
      4326,
      NULL,
      SDO_ELEM_INFO_ARRAY(1, 1003, 3),
      SDO_ORDINATE_ARRAY(
        360.0 * CAST(_wf_x AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
            )
          )
        ) - 90.0,
        360.0 * CAST(_wf_x + 1 AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - 2.0 * CAST(_wf_y AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
            )
          )
        ) - 90.0
      )
    ) AS quadbin_geo,
    id,
    h3,
    h3_other,
    quadbin,
    value
  FROM native_quadbinboundary_1_tile
)
SELECT
  *
FROM native_quadbinboundary_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbincenter
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbincenter_1_tile AS (
  SELECT
    cells.*,
    BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND(quadbin, 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM analytics.cells
), native_quadbincenter_1 AS (
  SELECT
    SDO_GEOMETRY(
      2001,
      4326,
      SDO_POINT_TYPE(
        360.0 * CAST(_wf_x + 0.5 AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - 2.0 * CAST(_wf_y + 0.5 AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
            )
          )
        ) - 90.0,
        NULL
      ),
      NULL,
      NULL
    ) AS quadbin_center,
    id,
    h3,
    h3_other,
    quadbin,
    value
  FROM native_quadbincenter_1_tile
)
SELECT
  *
FROM native_quadbincenter_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinkring
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinkring_1_tile AS (
  SELECT
    quadbin,
    BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND(quadbin, 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM analytics.cells
), native_quadbinkring_1_ring AS (
  SELECT
    native_quadbinkring_1_tile.*,
    CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dx,
    CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dy,
    MOD(
      (
        _wf_x + CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) + CAST(POWER(2, _wf_z) AS NUMBER(19))
      ),
      CAST(POWER(2, _wf_z) AS NUMBER(19))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_ky
  FROM native_quadbinkring_1_tile
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        -LEAST(1, CAST(TRUNC((
          CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
        ) / 2) AS INT)) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(1, CAST(TRUNC(CAST(POWER(2, _wf_z) AS NUMBER(19)) / 2) AS INT)) - -LEAST(1, CAST(TRUNC((
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) / 2) AS INT)) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dx_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        GREATEST(-1, -_wf_y) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(1, (
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) - _wf_y) - GREATEST(-1, -_wf_y) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dy_rows
), native_quadbinkring_1 AS (
  SELECT
    quadbin,
    5188146770730811392 + (
      _wf_z * 4503599627370496
    ) + BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) * 2
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 2
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 4
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 4
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 8
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 8
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 16
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 16
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 32
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 32
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 64
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 64
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 128
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 128
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 256
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 256
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 512
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 512
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 1024
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 1024
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 2048
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 2048
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 4096
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 4096
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 8192
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 8192
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 16384
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 16384
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 32768
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 32768
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 65536
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 65536
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 131072
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 131072
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 262144
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 262144
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 524288
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 524288
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 1048576
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 1048576
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 2097152
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 2097152
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 4194304
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 4194304
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 8388608
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 8388608
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 16777216
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 16777216
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 33554432
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 33554432
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 67108864
    ) + (
      CAST(POWER(2, 52 - 2 * _wf_z) AS NUMBER(19)) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_quadbinkring_1_ring
)
SELECT
  *
FROM native_quadbinkring_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbintoparent
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbintoparent_1 AS (
  SELECT
    CASE
      WHEN BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31) >= 4
      THEN BITAND(quadbin, 9083742856220246016) + 18031990695526399
    END AS quadbin_parent,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_quadbintoparent_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbintochildren
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbintochildren_1_resolution AS (
  SELECT
    cells.*,
    BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z
  FROM analytics.cells
), native_quadbintochildren_1 AS (
  SELECT
    id,
    h3,
    h3_other,
    quadbin,
    value,
    (
      (
        BITAND(quadbin, 9083760448406290431) - (
          (
            CAST(POWER(2, 2 * (
              8 - _wf_z
            )) AS NUMBER(19)) - 1
          ) * 68719476736
        )
      ) + 36028797018963968
    ) + (
      CAST(_wf_quadbin_child_rows.COLUMN_VALUE AS NUMBER(19)) * 68719476736
    ) AS quadbin_child
  FROM native_quadbintochildren_1_resolution
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        0 + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= CASE
        WHEN _wf_z <= 8
        THEN (
          CAST(POWER(2, 2 * (
            8 - _wf_z
          )) AS NUMBER(19))
        ) - 1
        ELSE -1
      END - 0 + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf_quadbin_child_rows
)
SELECT
  *
FROM native_quadbintochildren_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case getisord_h3: unsupported (the Oracle dialect cannot express operation 'h3_kring')

-- case getisord_quadbin
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_getisord_1_cells AS (
  SELECT
    quadbin AS "INDEX",
    CAST(value AS NUMBER) AS value
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL
), native_getisord_1_stats AS (
  SELECT
    COUNT(*) AS n,
    AVG(value) AS mean,
    STDDEV_POP(value) AS sd
  FROM native_getisord_1_cells
), native_getisord_1_tile AS (
  SELECT
    "INDEX",
    BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND("INDEX", 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM native_getisord_1_cells
), native_getisord_1_ring AS (
  SELECT
    native_getisord_1_tile.*,
    CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dx,
    CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dy,
    MOD(
      (
        _wf_x + CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) + CAST(POWER(2, _wf_z) AS NUMBER(19))
      ),
      CAST(POWER(2, _wf_z) AS NUMBER(19))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_ky
  FROM native_getisord_1_tile
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        -LEAST(3, CAST(TRUNC((
          CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
        ) / 2) AS INT)) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(3, CAST(TRUNC(CAST(POWER(2, _wf_z) AS NUMBER(19)) / 2) AS INT)) - -LEAST(3, CAST(TRUNC((
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) / 2) AS INT)) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dx_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        GREATEST(-3, -_wf_y) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(3, (
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) - _wf_y) - GREATEST(-3, -_wf_y) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dy_rows
), native_getisord_1_neighbours AS (
  SELECT
    "INDEX",
    5188146770730811392 + (
      _wf_z * 4503599627370496
    ) + BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) * 2
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 2
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 4
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 4
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 8
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 8
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 16
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 16
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 32
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 32
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 64
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 64
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 128
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 128
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 256
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 256
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 512
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 512
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 1024
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 1024
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 2048
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 2048
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 4096
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 4096
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 8192
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 8192
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 16384
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 16384
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 32768
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 32768
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 65536
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 65536
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 131072
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 131072
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 262144
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 262144
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 524288
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 524288
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 1048576
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 1048576
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 2097152
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 2097152
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 4194304
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 4194304
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 8388608
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 8388608
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 16777216
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 16777216
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 33554432
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 33554432
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 67108864
    ) + (
      CAST(POWER(2, 52 - 2 * _wf_z) AS NUMBER(19)) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_getisord_1_ring
), native_getisord_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM((
      1.0
    ) * c.value) AS swx,
    SUM(1.0) AS sw,
    SUM((
      1.0
    ) * (
      1.0
    )) AS sww
  FROM native_getisord_1_neighbours r
  INNER JOIN native_getisord_1_cells c
    ON r.kring_index = c.index
  GROUP BY
    r.index
), native_getisord_1_scored AS (
  SELECT
    w.index,
    (
      w.swx - s.mean * w.sw
    ) / NULLIF(
      s.sd * SQRT(GREATEST((
        s.n * w.sww - w.sw * w.sw
      ) / NULLIF(s.n - 1, 0), 0.0)),
      0
    ) AS gi
  FROM native_getisord_1_weighted w
  CROSS JOIN native_getisord_1_stats s
), native_getisord_1 AS (
  SELECT
    native_getisord_1_scored.*,
    1.0 / (
      1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(gi) * 0.7071067811865475 * ABS(gi) * 0.7071067811865475) AS p_value
  FROM native_getisord_1_scored
)
SELECT
  *
FROM native_getisord_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case moransi_h3: unsupported (the Oracle dialect cannot express operation 'h3_kring')

-- case moransi_quadbin
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_moransi_1_cells AS (
  SELECT
    quadbin AS "INDEX",
    CAST(value AS NUMBER) AS value
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL
), native_moransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS NUMBER) AS n,
    AVG(value) AS mean
  FROM native_moransi_1_cells
), native_moransi_1_tile AS (
  SELECT
    "INDEX",
    BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND("INDEX", 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM native_moransi_1_cells
), native_moransi_1_ring AS (
  SELECT
    native_moransi_1_tile.*,
    CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dx,
    CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dy,
    MOD(
      (
        _wf_x + CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) + CAST(POWER(2, _wf_z) AS NUMBER(19))
      ),
      CAST(POWER(2, _wf_z) AS NUMBER(19))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_ky
  FROM native_moransi_1_tile
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        -LEAST(3, CAST(TRUNC((
          CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
        ) / 2) AS INT)) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(3, CAST(TRUNC(CAST(POWER(2, _wf_z) AS NUMBER(19)) / 2) AS INT)) - -LEAST(3, CAST(TRUNC((
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) / 2) AS INT)) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dx_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        GREATEST(-3, -_wf_y) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(3, (
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) - _wf_y) - GREATEST(-3, -_wf_y) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dy_rows
), native_moransi_1_neighbours AS (
  SELECT
    "INDEX",
    5188146770730811392 + (
      _wf_z * 4503599627370496
    ) + BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) * 2
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 2
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 4
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 4
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 8
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 8
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 16
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 16
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 32
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 32
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 64
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 64
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 128
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 128
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 256
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 256
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 512
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 512
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 1024
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 1024
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 2048
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 2048
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 4096
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 4096
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 8192
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 8192
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 16384
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 16384
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 32768
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 32768
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 65536
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 65536
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 131072
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 131072
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 262144
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 262144
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 524288
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 524288
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 1048576
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 1048576
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 2097152
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 2097152
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 4194304
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 4194304
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 8388608
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 8388608
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 16777216
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 16777216
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 33554432
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 33554432
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 67108864
    ) + (
      CAST(POWER(2, 52 - 2 * _wf_z) AS NUMBER(19)) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_moransi_1_ring
), native_moransi_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(1.0 / CAST(r.distance AS DOUBLE PRECISION)) AS sw,
    SUM(
      (
        1.0 / CAST(r.distance AS DOUBLE PRECISION)
      ) * (
        1.0 / CAST(r.distance AS DOUBLE PRECISION)
      )
    ) AS sww,
    SUM((
      1.0 / CAST(r.distance AS DOUBLE PRECISION)
    ) * (
      c.value - s.mean
    )) AS swd
  FROM native_moransi_1_neighbours r
  INNER JOIN native_moransi_1_cells c
    ON r.kring_index = c.index
  CROSS JOIN native_moransi_1_stats s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_moransi_1_lagged AS (
  SELECT
    c.value - s.mean AS dev,
    w.swd / NULLIF(w.sw, 0) AS lag,
    s.n AS n
  FROM native_moransi_1_cells c
  LEFT JOIN native_moransi_1_weighted w
    ON c.index = w.index
  CROSS JOIN native_moransi_1_stats s
), native_moransi_1 AS (
  SELECT
    (
      (
        MAX(n) / NULLIF(CAST(COUNT(lag) AS NUMBER), 0)
      ) * SUM(dev * lag)
    ) / NULLIF(SUM(dev * dev), 0) AS morans_i
  FROM native_moransi_1_lagged
)
SELECT
  *
FROM native_moransi_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case localmoransi_h3: unsupported (the Oracle dialect cannot express operation 'h3_kring')

-- case localmoransi_quadbin
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_localmoransi_1_cells AS (
  SELECT
    quadbin AS "INDEX",
    CAST(value AS NUMBER) AS value
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL
), native_localmoransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS NUMBER) AS n,
    AVG(value) AS mean
  FROM native_localmoransi_1_cells
), native_localmoransi_1_moments AS (
  SELECT
    AVG((
      c.value - s.mean
    ) * (
      c.value - s.mean
    )) AS m2,
    AVG(
      (
        c.value - s.mean
      ) * (
        c.value - s.mean
      ) * (
        c.value - s.mean
      ) * (
        c.value - s.mean
      )
    ) AS m4
  FROM native_localmoransi_1_cells c
  CROSS JOIN native_localmoransi_1_stats s
), native_localmoransi_1_tile AS (
  SELECT
    "INDEX",
    BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND("INDEX", 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM native_localmoransi_1_cells
), native_localmoransi_1_ring AS (
  SELECT
    native_localmoransi_1_tile.*,
    CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dx,
    CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dy,
    MOD(
      (
        _wf_x + CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) + CAST(POWER(2, _wf_z) AS NUMBER(19))
      ),
      CAST(POWER(2, _wf_z) AS NUMBER(19))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_ky
  FROM native_localmoransi_1_tile
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        -LEAST(2, CAST(TRUNC((
          CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
        ) / 2) AS INT)) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(2, CAST(TRUNC(CAST(POWER(2, _wf_z) AS NUMBER(19)) / 2) AS INT)) - -LEAST(2, CAST(TRUNC((
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) / 2) AS INT)) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dx_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        GREATEST(-2, -_wf_y) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(2, (
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) - _wf_y) - GREATEST(-2, -_wf_y) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dy_rows
), native_localmoransi_1_neighbours AS (
  SELECT
    "INDEX",
    5188146770730811392 + (
      _wf_z * 4503599627370496
    ) + BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) * 2
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 2
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 4
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 4
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 8
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 8
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 16
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 16
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 32
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 32
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 64
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 64
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 128
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 128
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 256
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 256
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 512
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 512
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 1024
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 1024
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 2048
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 2048
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 4096
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 4096
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 8192
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 8192
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 16384
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 16384
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 32768
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 32768
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 65536
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 65536
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 131072
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 131072
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 262144
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 262144
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 524288
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 524288
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 1048576
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 1048576
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 2097152
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 2097152
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 4194304
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 4194304
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 8388608
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 8388608
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 16777216
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 16777216
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 33554432
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 33554432
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 67108864
    ) + (
      CAST(POWER(2, 52 - 2 * _wf_z) AS NUMBER(19)) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_localmoransi_1_ring
), native_localmoransi_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(
      1.0 / (
        CAST(r.distance AS DOUBLE PRECISION) * CAST(r.distance AS DOUBLE PRECISION)
      )
    ) AS sw,
    SUM(
      (
        1.0 / (
          CAST(r.distance AS DOUBLE PRECISION) * CAST(r.distance AS DOUBLE PRECISION)
        )
      ) * (
        1.0 / (
          CAST(r.distance AS DOUBLE PRECISION) * CAST(r.distance AS DOUBLE PRECISION)
        )
      )
    ) AS sww,
    SUM(
      (
        1.0 / (
          CAST(r.distance AS DOUBLE PRECISION) * CAST(r.distance AS DOUBLE PRECISION)
        )
      ) * (
        c.value - s.mean
      )
    ) AS swd
  FROM native_localmoransi_1_neighbours r
  INNER JOIN native_localmoransi_1_cells c
    ON r.kring_index = c.index
  CROSS JOIN native_localmoransi_1_stats s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_localmoransi_1_local AS (
  SELECT
    c.index AS "INDEX",
    (
      (
        c.value - s.mean
      ) * COALESCE(w.swd / NULLIF(w.sw, 0), 0.0) * (
        s.n - 1.0
      )
    ) / NULLIF(s.n * m.m2, 0) AS value,
    c.value - s.mean AS dev,
    COALESCE(w.swd / NULLIF(w.sw, 0), 0.0) AS lag,
    CASE WHEN NOT w.sw IS NULL THEN 1.0 ELSE 0.0 END AS wi,
    COALESCE(w.sww / NULLIF(w.sw * w.sw, 0), 0.0) AS wi2,
    (
      (
        c.value - s.mean
      ) * (
        c.value - s.mean
      )
    ) / NULLIF(m.m2, 0) AS zz,
    s.n AS n,
    m.m4 / NULLIF(m.m2 * m.m2, 0) AS b2
  FROM native_localmoransi_1_cells c
  LEFT JOIN native_localmoransi_1_weighted w
    ON c.index = w.index
  CROSS JOIN native_localmoransi_1_stats s
  CROSS JOIN native_localmoransi_1_moments m
), native_localmoransi_1_scored AS (
  SELECT
    "INDEX",
    value,
    -(
      zz * wi
    ) / NULLIF(n - 1.0, 0) AS eic,
    (
      (
        zz * n
      ) / NULLIF(n - 2.0, 0)
    ) * (
      wi2 - (
        (
          wi * wi
        ) / NULLIF(n - 1.0, 0)
      )
    ) * (
      1.0 - (
        zz / NULLIF(n - 1.0, 0)
      )
    ) AS vic,
    -wi / NULLIF(n - 1.0, 0) AS ei,
    (
      (
        (
          wi2 * (
            n - b2
          )
        ) / NULLIF(n - 1.0, 0)
      ) + (
        (
          (
            (
              wi * wi
            ) - wi2
          ) * (
            (
              2.0 * b2
            ) - n
          )
        ) / NULLIF((
          n - 1.0
        ) * (
          n - 2.0
        ), 0)
      )
    ) - (
      (
        wi * wi
      ) / NULLIF((
        n - 1.0
      ) * (
        n - 1.0
      ), 0)
    ) AS vi,
    (
      (
        (
          value * n
        ) / NULLIF(n - 1.0, 0)
      ) - (
        -wi / NULLIF(n - 1.0, 0)
      )
    ) / NULLIF(
      SQRT(
        GREATEST(
          (
            (
              (
                wi2 * (
                  n - b2
                )
              ) / NULLIF(n - 1.0, 0)
            ) + (
              (
                (
                  (
                    wi * wi
                  ) - wi2
                ) * (
                  (
                    2.0 * b2
                  ) - n
                )
              ) / NULLIF((
                n - 1.0
              ) * (
                n - 2.0
              ), 0)
            )
          ) - (
            (
              wi * wi
            ) / NULLIF((
              n - 1.0
            ) * (
              n - 1.0
            ), 0)
          ),
          0.0
        )
      ),
      0
    ) AS z,
    CASE
      WHEN dev > 0.0 AND lag > 0.0
      THEN 1
      WHEN NOT dev > 0.0 AND NOT lag > 0.0
      THEN 2
      WHEN lag > 0.0
      THEN 3
      ELSE 4
    END AS quad
  FROM native_localmoransi_1_local
), native_localmoransi_1 AS (
  SELECT
    "INDEX",
    value,
    0.5 * 1.0 / (
      1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(z) * 0.7071067811865475 * ABS(z) * 0.7071067811865475) AS psim,
    eic,
    vic,
    ei,
    vi,
    CAST(quad AS NUMBER(19)) AS quad
  FROM native_localmoransi_1_scored
)
SELECT
  *
FROM native_localmoransi_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case commercialhotspots_h3: unsupported (the Oracle dialect cannot express operation 'h3_kring')

-- case commercialhotspots_quadbin
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_commercialhotspots_1_cells AS (
  SELECT
    quadbin AS "INDEX",
    CAST(value AS NUMBER) AS v0,
    CAST(id AS NUMBER) AS v1
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL AND NOT id IS NULL
), native_commercialhotspots_1_stats AS (
  SELECT
    CAST(COUNT(*) AS NUMBER) AS n,
    AVG(v0) AS mean_v0,
    AVG(v1) AS mean_v1,
    STDDEV_POP(v0) AS sd_v0,
    STDDEV_POP(v1) AS sd_v1
  FROM native_commercialhotspots_1_cells
), native_commercialhotspots_1_tile AS (
  SELECT
    "INDEX",
    BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND("INDEX", 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM native_commercialhotspots_1_cells
), native_commercialhotspots_1_ring AS (
  SELECT
    native_commercialhotspots_1_tile.*,
    CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dx,
    CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dy,
    MOD(
      (
        _wf_x + CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) + CAST(POWER(2, _wf_z) AS NUMBER(19))
      ),
      CAST(POWER(2, _wf_z) AS NUMBER(19))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_ky
  FROM native_commercialhotspots_1_tile
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        -LEAST(3, CAST(TRUNC((
          CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
        ) / 2) AS INT)) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(3, CAST(TRUNC(CAST(POWER(2, _wf_z) AS NUMBER(19)) / 2) AS INT)) - -LEAST(3, CAST(TRUNC((
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) / 2) AS INT)) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dx_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        GREATEST(-3, -_wf_y) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(3, (
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) - _wf_y) - GREATEST(-3, -_wf_y) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dy_rows
), native_commercialhotspots_1_neighbours AS (
  SELECT
    "INDEX",
    5188146770730811392 + (
      _wf_z * 4503599627370496
    ) + BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) * 2
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 2
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 4
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 4
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 8
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 8
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 16
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 16
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 32
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 32
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 64
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 64
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 128
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 128
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 256
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 256
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 512
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 512
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 1024
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 1024
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 2048
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 2048
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 4096
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 4096
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 8192
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 8192
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 16384
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 16384
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 32768
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 32768
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 65536
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 65536
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 131072
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 131072
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 262144
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 262144
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 524288
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 524288
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 1048576
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 1048576
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 2097152
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 2097152
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 4194304
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 4194304
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 8388608
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 8388608
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 16777216
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 16777216
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 33554432
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 33554432
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 67108864
    ) + (
      CAST(POWER(2, 52 - 2 * _wf_z) AS NUMBER(19)) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_commercialhotspots_1_ring
), native_commercialhotspots_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(1.0) AS sw,
    SUM(1.0 * 1.0) AS sww,
    SUM(1.0 * c.v0) AS swx_v0,
    SUM(1.0 * c.v1) AS swx_v1
  FROM native_commercialhotspots_1_neighbours r
  INNER JOIN native_commercialhotspots_1_cells c
    ON r.kring_index = c.index
  GROUP BY
    r.index
), native_commercialhotspots_1_scored AS (
  SELECT
    w.index,
    (
      0.5 * (
        (
          w.swx_v0 - s.mean_v0 * w.sw
        ) / NULLIF(
          s.sd_v0 * SQRT(GREATEST((
            s.n * w.sww - w.sw * w.sw
          ) / NULLIF(s.n - 1, 0), 0.0)),
          0
        )
      )
    ) + (
      0.5 * (
        (
          w.swx_v1 - s.mean_v1 * w.sw
        ) / NULLIF(
          s.sd_v1 * SQRT(GREATEST((
            s.n * w.sww - w.sw * w.sw
          ) / NULLIF(s.n - 1, 0), 0.0)),
          0
        )
      )
    ) AS combined_gi
  FROM native_commercialhotspots_1_weighted w
  CROSS JOIN native_commercialhotspots_1_stats s
), native_commercialhotspots_1_tested AS (
  SELECT
    "INDEX",
    combined_gi,
    1.0 / (
      1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(combined_gi) * 0.7071067811865475 * ABS(combined_gi) * 0.7071067811865475) AS p_value
  FROM native_commercialhotspots_1_scored
), native_commercialhotspots_1 AS (
  SELECT
    "INDEX",
    combined_gi,
    p_value
  FROM native_commercialhotspots_1_tested
  WHERE
    p_value <= 0.05
)
SELECT
  *
FROM native_commercialhotspots_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case composite_unsupervised_custom
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS NUMBER) AS v1,
    CAST(id AS NUMBER) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id,
    PERCENT_RANK() OVER (ORDER BY r.v1 ASC) AS s1,
    PERCENT_RANK() OVER (ORDER BY r.v2 DESC NULLS LAST) AS s2
  FROM native_spatialcompositeunsuper_1_rows r
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    CASE
      WHEN c.s1 < 0 OR c.s2 < 0
      THEN NULL
      WHEN c.s1 = 0 OR c.s2 = 0
      THEN 0.0
      ELSE EXP(
        0.8333333333333334 * LN(CASE WHEN c.s1 > 0 THEN c.s1 END) + 0.16666666666666666 * LN(CASE WHEN c.s2 > 0 THEN c.s2 END)
      )
    END AS score
  FROM native_spatialcompositeunsuper_1_scaled c
), native_spatialcompositeunsuper_1_score_range AS (
  SELECT
    MIN(score) AS lo,
    MAX(score) AS hi
  FROM native_spatialcompositeunsuper_1_scored
), native_spatialcompositeunsuper_1 AS (
  SELECT
    c.cell_id AS quadbin,
    0 + 1 * COALESCE((
      c.score - g.lo
    ) / (
      NULLIF(g.hi - g.lo, 0)
    ), 0.0) AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored c
  CROSS JOIN native_spatialcompositeunsuper_1_score_range g
)
SELECT
  *
FROM native_spatialcompositeunsuper_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case composite_unsupervised_entropy
-- stage save_o
-- read while compiling: native_spatialcompositeunsuper_1_entropy
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS NUMBER) AS v1,
    CAST(id AS NUMBER) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled_stats AS (
  SELECT
    MIN(v1) AS min1,
    MAX(v1) AS max1,
    MIN(v2) AS min2,
    MAX(v2) AS max2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id,
    (
      r.v1 - t.min1
    ) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    (
      t.max2 - r.v2
    ) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats t
)
SELECT
  COUNT(*) AS n,
  SUM(s1) AS total1,
  SUM(COALESCE(s1 * LN(CASE WHEN s1 > 0 THEN s1 END), 0.0)) AS slog1,
  SUM(s2) AS total2,
  SUM(COALESCE(s2 * LN(CASE WHEN s2 > 0 THEN s2 END), 0.0)) AS slog2
FROM native_spatialcompositeunsuper_1_scaled;
-- read while compiling: native_spatialcompositeunsuper_1_jenks
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS NUMBER) AS v1,
    CAST(id AS NUMBER) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled_stats AS (
  SELECT
    MIN(v1) AS min1,
    MAX(v1) AS max1,
    MIN(v2) AS min2,
    MAX(v2) AS max2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id,
    (
      r.v1 - t.min1
    ) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    (
      t.max2 - r.v2
    ) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    (
      :native_spatialcompositeunsuper_1_weight1 * c.s1
    ) / (
      :native_spatialcompositeunsuper_1_total1
    ) + (
      :native_spatialcompositeunsuper_1_weight2 * c.s2
    ) / (
      :native_spatialcompositeunsuper_1_total2
    ) AS score
  FROM native_spatialcompositeunsuper_1_scaled c
)
SELECT
  g AS g,
  COUNT(*) AS n,
  SUM(score) AS total,
  MAX(score) AS hi
FROM (
  SELECT
    score,
    CASE
      WHEN MAX(dr) OVER () <= 1000
      THEN dr - 1
      ELSE FLOOR(CAST(rn - 1 AS NUMBER) * 1000 / cnt)
    END AS g
  FROM (
    SELECT
      score,
      DENSE_RANK() OVER (ORDER BY score ASC) AS dr,
      ROW_NUMBER() OVER (ORDER BY score ASC) AS rn,
      COUNT(*) OVER () AS cnt
    FROM native_spatialcompositeunsuper_1_scored
  ) d
) j
GROUP BY
  g;
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS NUMBER) AS v1,
    CAST(id AS NUMBER) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled_stats AS (
  SELECT
    MIN(v1) AS min1,
    MAX(v1) AS max1,
    MIN(v2) AS min2,
    MAX(v2) AS max2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id,
    (
      r.v1 - t.min1
    ) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    (
      t.max2 - r.v2
    ) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    (
      :native_spatialcompositeunsuper_1_weight1 * c.s1
    ) / (
      :native_spatialcompositeunsuper_1_total1
    ) + (
      :native_spatialcompositeunsuper_1_weight2 * c.s2
    ) / (
      :native_spatialcompositeunsuper_1_total2
    ) AS score
  FROM native_spatialcompositeunsuper_1_scaled c
), native_spatialcompositeunsuper_1 AS (
  SELECT
    c.cell_id AS quadbin,
    CASE
      WHEN c.score <= :native_spatialcompositeunsuper_1_break1
      THEN 1
      WHEN c.score <= :native_spatialcompositeunsuper_1_break2
      THEN 2
      WHEN c.score <= :native_spatialcompositeunsuper_1_break3
      THEN 3
      ELSE 4
    END AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored c
)
SELECT
  *
FROM native_spatialcompositeunsuper_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case composite_unsupervised_first_pc
-- stage save_o
-- read while compiling: native_spatialcompositeunsuper_1_moments
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS NUMBER) AS v1,
    CAST(id AS NUMBER) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_pc_stats AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    STDDEV_POP(v1) AS sd1,
    STDDEV_POP(v2) AS sd2
  FROM native_spatialcompositeunsuper_1_rows
)
SELECT
  COUNT(*) AS n,
  SUM((
    r.v1 - t.mean1
  ) * (
    r.v1 - t.mean1
  )) AS c1_1,
  SUM((
    r.v1 - t.mean1
  ) * (
    r.v2 - t.mean2
  )) AS c1_2,
  SUM((
    r.v2 - t.mean2
  ) * (
    r.v2 - t.mean2
  )) AS c2_2
FROM native_spatialcompositeunsuper_1_rows r
CROSS JOIN native_spatialcompositeunsuper_1_pc_stats t;
-- read while compiling: native_spatialcompositeunsuper_1_score_stats
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS NUMBER) AS v1,
    CAST(id AS NUMBER) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_pc_stats AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    STDDEV_POP(v1) AS sd1,
    STDDEV_POP(v2) AS sd2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    r.cell_id,
    :native_spatialcompositeunsuper_1_loading1 * (
      r.v1 - t.mean1
    ) / (
      NULLIF(t.sd1, 0)
    ) + :native_spatialcompositeunsuper_1_loading2 * (
      r.v2 - t.mean2
    ) / (
      NULLIF(t.sd2, 0)
    ) AS score
  FROM native_spatialcompositeunsuper_1_rows r
  CROSS JOIN native_spatialcompositeunsuper_1_pc_stats t
)
SELECT
  MAX(cnt) AS n,
  MIN(score) AS lo,
  MAX(score) AS hi,
  MAX(CASE WHEN rn - 1 = FLOOR(0.25 * (
    cnt - 1
  )) THEN score END) AS q1,
  MAX(CASE WHEN rn - 1 = FLOOR(0.75 * (
    cnt - 1
  )) THEN score END) AS q3
FROM (
  SELECT
    score,
    ROW_NUMBER() OVER (ORDER BY score ASC) AS rn,
    COUNT(*) OVER () AS cnt
  FROM native_spatialcompositeunsuper_1_scored
) o;
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS NUMBER) AS v1,
    CAST(id AS NUMBER) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_pc_stats AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    STDDEV_POP(v1) AS sd1,
    STDDEV_POP(v2) AS sd2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    r.cell_id,
    :native_spatialcompositeunsuper_1_loading1 * (
      r.v1 - t.mean1
    ) / (
      NULLIF(t.sd1, 0)
    ) + :native_spatialcompositeunsuper_1_loading2 * (
      r.v2 - t.mean2
    ) / (
      NULLIF(t.sd2, 0)
    ) AS score
  FROM native_spatialcompositeunsuper_1_rows r
  CROSS JOIN native_spatialcompositeunsuper_1_pc_stats t
), native_spatialcompositeunsuper_1_score_range AS (
  SELECT
    MIN(score) AS lo,
    MAX(score) AS hi
  FROM native_spatialcompositeunsuper_1_scored
), native_spatialcompositeunsuper_1 AS (
  SELECT
    c.cell_id AS quadbin,
    CAST(COALESCE(
      LEAST(
        :native_spatialcompositeunsuper_1_nbuckets,
        GREATEST(
          1,
          1 + FLOOR(
            (
              :native_spatialcompositeunsuper_1_nbuckets * (
                c.score - g.lo
              )
            ) / (
              NULLIF(g.hi - g.lo, 0)
            )
          )
        )
      ),
      1
    ) AS NUMBER(19)) AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored c
  CROSS JOIN native_spatialcompositeunsuper_1_score_range g
)
SELECT
  *
FROM native_spatialcompositeunsuper_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case composite_supervised
-- stage save_o
-- read while compiling: native_spatialcompositesupervi_1_moments
WITH native_spatialcompositesupervi_1_rows AS (
  SELECT
    h3 AS cell_id,
    CAST(value AS NUMBER) AS v1,
    CAST(id AS NUMBER) AS v2,
    CAST(quadbin AS NUMBER) AS v3
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL AND NOT quadbin IS NULL
), native_spatialcompositesupervi_1_means AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    AVG(v3) AS mean3
  FROM native_spatialcompositesupervi_1_rows
)
SELECT
  COUNT(*) AS n,
  SUM((
    r.v1 - m.mean1
  ) * (
    r.v1 - m.mean1
  )) AS c1_1,
  SUM((
    r.v1 - m.mean1
  ) * (
    r.v2 - m.mean2
  )) AS c1_2,
  SUM((
    r.v1 - m.mean1
  ) * (
    r.v3 - m.mean3
  )) AS c1_3,
  SUM((
    r.v2 - m.mean2
  ) * (
    r.v2 - m.mean2
  )) AS c2_2,
  SUM((
    r.v2 - m.mean2
  ) * (
    r.v3 - m.mean3
  )) AS c2_3,
  SUM((
    r.v3 - m.mean3
  ) * (
    r.v3 - m.mean3
  )) AS c3_3
FROM native_spatialcompositesupervi_1_rows r
CROSS JOIN native_spatialcompositesupervi_1_means m;
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spatialcompositesupervi_1_rows AS (
  SELECT
    h3 AS cell_id,
    CAST(value AS NUMBER) AS v1,
    CAST(id AS NUMBER) AS v2,
    CAST(quadbin AS NUMBER) AS v3
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL AND NOT quadbin IS NULL
), native_spatialcompositesupervi_1_means AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    AVG(v3) AS mean3
  FROM native_spatialcompositesupervi_1_rows
), native_spatialcompositesupervi_1_scored AS (
  SELECT
    r.cell_id,
    (
      r.v1 - m.mean1
    ) - :native_spatialcompositesupervi_1_b1 * (
      r.v2 - m.mean2
    ) - :native_spatialcompositesupervi_1_b2 * (
      r.v3 - m.mean3
    ) AS score
  FROM native_spatialcompositesupervi_1_rows r
  CROSS JOIN native_spatialcompositesupervi_1_means m
), native_spatialcompositesupervi_1_spread AS (
  SELECT
    MAX(ABS(c.score)) AS m
  FROM native_spatialcompositesupervi_1_scored c
  CROSS JOIN (
    SELECT
      MAX(cnt) AS n,
      MIN(score) AS lo,
      MAX(score) AS hi,
      MAX(CASE WHEN rn - 1 = FLOOR(0.25 * (
        cnt - 1
      )) THEN score END) AS q1,
      MAX(CASE WHEN rn - 1 = FLOOR(0.75 * (
        cnt - 1
      )) THEN score END) AS q3
    FROM (
      SELECT
        score,
        ROW_NUMBER() OVER (ORDER BY score ASC) AS rn,
        COUNT(*) OVER () AS cnt
      FROM native_spatialcompositesupervi_1_scored
    ) o
  ) q
  WHERE
    c.score BETWEEN q.q1 - 1.5 * (
      q.q3 - q.q1
    ) AND q.q3 + 1.5 * (
      q.q3 - q.q1
    )
), native_spatialcompositesupervi_1 AS (
  SELECT
    c.cell_id AS h3,
    CAST(COALESCE(
      LEAST(
        6,
        GREATEST(
          1,
          1 + FLOOR((
            6 * (
              c.score - (
                -s.m
              )
            )
          ) / (
            NULLIF(2 * s.m, 0)
          ))
        )
      ),
      1
    ) AS NUMBER(19)) AS spatial_score
  FROM native_spatialcompositesupervi_1_scored c
  CROSS JOIN native_spatialcompositesupervi_1_spread s
)
SELECT
  *
FROM native_spatialcompositesupervi_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case getisordspacetime_h3: unsupported (the Oracle dialect cannot express operation 'h3_kring')

-- case getisordspacetime_quadbin
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_getisordspacetime_1_series AS (
  SELECT
    "INDEX",
    step,
    SUM(value) AS value
  FROM (
    SELECT
      "INDEX",
      value,
      CAST(12 * (
        _wf_year
      ) + _wf_month - 1 AS NUMBER(19)) AS step
    FROM (
      SELECT
        quadbin AS "INDEX",
        CAST(value AS NUMBER) AS value,
        CAST(EXTRACT(YEAR FROM CAST(week AS TIMESTAMP)) AS NUMBER(19)) AS _wf_year,
        CAST(EXTRACT(MONTH FROM CAST(week AS TIMESTAMP)) AS NUMBER(19)) AS _wf_month
      FROM analytics.series
      WHERE
        NOT quadbin IS NULL AND NOT week IS NULL AND NOT value IS NULL
    ) _wf_fields
  ) _wf_steps
  GROUP BY
    "INDEX",
    step
), native_getisordspacetime_1_stats AS (
  SELECT
    COUNT(*) AS n,
    AVG(value) AS mean,
    STDDEV_POP(value) AS sd
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_cells AS (
  SELECT DISTINCT
    "INDEX"
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_tile AS (
  SELECT
    "INDEX",
    BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND("INDEX", 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM native_getisordspacetime_1_cells
), native_getisordspacetime_1_ring AS (
  SELECT
    native_getisordspacetime_1_tile.*,
    CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dx,
    CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dy,
    MOD(
      (
        _wf_x + CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) + CAST(POWER(2, _wf_z) AS NUMBER(19))
      ),
      CAST(POWER(2, _wf_z) AS NUMBER(19))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_ky
  FROM native_getisordspacetime_1_tile
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        -LEAST(3, CAST(TRUNC((
          CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
        ) / 2) AS INT)) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(3, CAST(TRUNC(CAST(POWER(2, _wf_z) AS NUMBER(19)) / 2) AS INT)) - -LEAST(3, CAST(TRUNC((
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) / 2) AS INT)) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dx_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        GREATEST(-3, -_wf_y) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(3, (
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) - _wf_y) - GREATEST(-3, -_wf_y) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dy_rows
), native_getisordspacetime_1_neighbours AS (
  SELECT
    "INDEX",
    5188146770730811392 + (
      _wf_z * 4503599627370496
    ) + BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) * 2
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 2
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 4
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 4
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 8
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 8
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 16
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 16
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 32
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 32
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 64
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 64
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 128
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 128
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 256
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 256
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 512
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 512
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 1024
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 1024
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 2048
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 2048
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 4096
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 4096
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 8192
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 8192
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 16384
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 16384
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 32768
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 32768
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 65536
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 65536
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 131072
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 131072
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 262144
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 262144
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 524288
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 524288
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 1048576
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 1048576
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 2097152
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 2097152
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 4194304
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 4194304
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 8388608
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 8388608
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 16777216
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 16777216
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 33554432
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 33554432
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 67108864
    ) + (
      CAST(POWER(2, 52 - 2 * _wf_z) AS NUMBER(19)) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_getisordspacetime_1_ring
), native_getisordspacetime_1_reach AS (
  SELECT
    a.index,
    a.step,
    r.kring_index,
    1.0 AS space_weight
  FROM native_getisordspacetime_1_series a
  INNER JOIN native_getisordspacetime_1_neighbours r
    ON r.index = a.index
), native_getisordspacetime_1_weighted AS (
  SELECT
    a.index AS "INDEX",
    a.step AS step,
    SUM((
      a.space_weight * (
        1.0
      )
    ) * b.value) AS swx,
    SUM(a.space_weight * (
      1.0
    )) AS sw,
    SUM((
      a.space_weight * (
        1.0
      )
    ) * (
      a.space_weight * (
        1.0
      )
    )) AS sww
  FROM native_getisordspacetime_1_reach a
  INNER JOIN native_getisordspacetime_1_series b
    ON b.index = a.kring_index AND ABS(b.step - a.step) <= 3
  GROUP BY
    a.index,
    a.step
), native_getisordspacetime_1_dates AS (
  SELECT
    step,
    CAST(TO_TIMESTAMP(
      LPAD(CAST(CAST(FLOOR((
        step
      ) / 12) AS NUMBER(19)) AS VARCHAR2(4000)), 4, '0') || '-' || LPAD(
        CAST(CAST(step - 12 * (
          FLOOR((
            step
          ) / 12)
        ) + 1 AS NUMBER(19)) AS VARCHAR2(4000)),
        2,
        '0'
      ) || '-' || LPAD(CAST(CAST(1 AS NUMBER(19)) AS VARCHAR2(4000)), 2, '0') || ' ' || LPAD(CAST(CAST(0 AS NUMBER(19)) AS VARCHAR2(4000)), 2, '0') || ':' || LPAD(CAST(CAST(0 AS NUMBER(19)) AS VARCHAR2(4000)), 2, '0') || ':' || LPAD(CAST(CAST(0 AS NUMBER(19)) AS VARCHAR2(4000)), 2, '0'),
      'YYYY-MM-DD HH24:MI:SS'
    ) AS TIMESTAMP) AS "DATE"
  FROM (
    SELECT DISTINCT
      step
    FROM native_getisordspacetime_1_series
  ) _wf_steps
), native_getisordspacetime_1_scored AS (
  SELECT
    w.index,
    d.date,
    (
      w.swx - s.mean * w.sw
    ) / NULLIF(
      s.sd * SQRT(GREATEST((
        s.n * w.sww - w.sw * w.sw
      ) / NULLIF(s.n - 1, 0), 0.0)),
      0
    ) AS gi
  FROM native_getisordspacetime_1_weighted w
  INNER JOIN native_getisordspacetime_1_dates d
    ON d.step = w.step
  CROSS JOIN native_getisordspacetime_1_stats s
), native_getisordspacetime_1 AS (
  SELECT
    native_getisordspacetime_1_scored.*,
    1.0 / (
      1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(gi) * 0.7071067811865475 * ABS(gi) * 0.7071067811865475) AS p_value
  FROM native_getisordspacetime_1_scored
)
SELECT
  *
FROM native_getisordspacetime_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case spacetimehotspots_mk
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spacetimehotspotsclassi_1_series AS (
  SELECT
    h3 AS cell,
    CAST(gi AS NUMBER) AS x,
    CAST(p_value AS NUMBER) AS p,
    ROW_NUMBER() OVER (PARTITION BY h3 ORDER BY week, CAST(gi AS NUMBER)) AS t,
    RANK() OVER (PARTITION BY h3 ORDER BY CAST(gi AS NUMBER)) AS rank_up,
    RANK() OVER (PARTITION BY h3 ORDER BY CAST(gi AS NUMBER) DESC NULLS LAST) AS rank_down,
    COUNT(*) OVER (PARTITION BY h3) AS steps
  FROM analytics.series
  WHERE
    NOT h3 IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell,
    CAST(COUNT(*) AS NUMBER) AS n,
    SUM(CASE WHEN p < 0.05 AND x > 0 THEN 1 ELSE 0 END) AS hot,
    MAX(CASE WHEN p < 0.05 AND x > 0 THEN t END) AS last_hot,
    MAX(CASE WHEN NOT (
      p < 0.05 AND x > 0
    ) THEN t END) AS last_not_hot,
    SUM(CASE WHEN p < 0.05 AND x < 0 THEN 1 ELSE 0 END) AS cold,
    MAX(CASE WHEN p < 0.05 AND x < 0 THEN t END) AS last_cold,
    MAX(CASE WHEN NOT (
      p < 0.05 AND x < 0
    ) THEN t END) AS last_not_cold,
    SUM(
      (
        (
          steps + 2 - (
            rank_up + rank_down
          )
        ) - 1
      ) * (
        2 * (
          steps + 2 - (
            rank_up + rank_down
          )
        ) + 5
      )
    ) AS tie_term
  FROM native_spacetimehotspotsclassi_1_series
  GROUP BY
    cell
), native_spacetimehotspotsclassi_1_scores AS (
  SELECT
    a.cell AS cell,
    SUM(CASE WHEN b.x > a.x THEN 1 WHEN b.x < a.x THEN -1 ELSE 0 END) AS s
  FROM native_spacetimehotspotsclassi_1_series a
  INNER JOIN native_spacetimehotspotsclassi_1_series b
    ON b.cell = a.cell AND a.t < b.t
  GROUP BY
    a.cell
), native_spacetimehotspotsclassi_1_trend AS (
  SELECT
    m.cell,
    m.n,
    m.hot,
    m.last_hot,
    m.last_not_hot,
    m.cold,
    m.last_cold,
    m.last_not_cold,
    k.s AS s,
    COALESCE(k.s, 0) / NULLIF((
      m.n * (
        m.n - 1
      )
    ) / 2, 0) AS tau,
    (
      m.n * (
        m.n - 1
      ) * (
        2 * m.n + 5
      ) - m.tie_term
    ) / 18 AS var_s
  FROM native_spacetimehotspotsclassi_1_summary m
  LEFT JOIN native_spacetimehotspotsclassi_1_scores k
    ON k.cell = m.cell
), native_spacetimehotspotsclassi_1 AS (
  SELECT
    cell AS h3,
    CASE
      WHEN NOT (
        COALESCE(last_hot, 0) = n
      ) AND n >= 2 AND 10 * hot >= 9 * (
        n - 1
      )
      THEN 'historical hotspot'
      WHEN COALESCE(last_hot, 0) = n AND hot = 1
      THEN 'new hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot < 9 * n
      AND hot = n - COALESCE(last_not_hot, 0)
      THEN 'consecutive hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      AND tau > 0
      THEN 'intensifying hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND NOT (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      THEN 'persistent hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      AND tau < 0
      THEN 'diminishing hotspot'
      WHEN COALESCE(last_hot, 0) = n AND 10 * hot < 9 * n AND cold > 0
      THEN 'oscillating hotspot'
      WHEN COALESCE(last_hot, 0) = n AND 10 * hot < 9 * n AND cold = 0
      THEN 'sporadic hotspot'
      WHEN NOT (
        COALESCE(last_cold, 0) = n
      ) AND n >= 2 AND 10 * cold >= 9 * (
        n - 1
      )
      THEN 'historical coldspot'
      WHEN COALESCE(last_cold, 0) = n AND cold = 1
      THEN 'new coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold < 9 * n
      AND cold = n - COALESCE(last_not_cold, 0)
      THEN 'consecutive coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      AND tau < 0
      THEN 'intensifying coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND NOT (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      THEN 'persistent coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      AND tau > 0
      THEN 'diminishing coldspot'
      WHEN COALESCE(last_cold, 0) = n AND 10 * cold < 9 * n AND hot > 0
      THEN 'oscillating coldspot'
      WHEN COALESCE(last_cold, 0) = n AND 10 * cold < 9 * n AND hot = 0
      THEN 'sporadic coldspot'
      ELSE 'undetected pattern'
    END AS classification,
    tau,
    tau_p
  FROM (
    SELECT
      _wf_tested.*,
      1.0 / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        0.254829592 + 1.0 / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          -0.284496736 + 1.0 / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            1.421413741 + 1.0 / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              -1.453152027 + 1.0 / (
                1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
              ) * (
                1.061405429
              )
            )
          )
        )
      ) * EXP(-ABS(z) * 0.7071067811865475 * ABS(z) * 0.7071067811865475) AS tau_p
    FROM (
      SELECT
        native_spacetimehotspotsclassi_1_trend.*,
        CASE
          WHEN n < 2
          THEN NULL
          WHEN COALESCE(s, 0) > 0
          THEN (
            s - 1
          ) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN COALESCE(s, 0) < 0
          THEN (
            s + 1
          ) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN NOT var_s IS NULL
          THEN 0
        END AS z
      FROM native_spacetimehotspotsclassi_1_trend
    ) _wf_tested
  ) _wf_trend
)
SELECT
  *
FROM native_spacetimehotspotsclassi_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case spacetimehotspots_mmk
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spacetimehotspotsclassi_1_series AS (
  SELECT
    quadbin AS cell,
    CAST(gi AS NUMBER) AS x,
    CAST(p_value AS NUMBER) AS p,
    ROW_NUMBER() OVER (PARTITION BY quadbin ORDER BY week, CAST(gi AS NUMBER)) AS t,
    RANK() OVER (PARTITION BY quadbin ORDER BY CAST(gi AS NUMBER)) AS rank_up,
    RANK() OVER (PARTITION BY quadbin ORDER BY CAST(gi AS NUMBER) DESC NULLS LAST) AS rank_down,
    COUNT(*) OVER (PARTITION BY quadbin) AS steps
  FROM analytics.series
  WHERE
    NOT quadbin IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell,
    CAST(COUNT(*) AS NUMBER) AS n,
    SUM(CASE WHEN p < 0.1 AND x > 0 THEN 1 ELSE 0 END) AS hot,
    MAX(CASE WHEN p < 0.1 AND x > 0 THEN t END) AS last_hot,
    MAX(CASE WHEN NOT (
      p < 0.1 AND x > 0
    ) THEN t END) AS last_not_hot,
    SUM(CASE WHEN p < 0.1 AND x < 0 THEN 1 ELSE 0 END) AS cold,
    MAX(CASE WHEN p < 0.1 AND x < 0 THEN t END) AS last_cold,
    MAX(CASE WHEN NOT (
      p < 0.1 AND x < 0
    ) THEN t END) AS last_not_cold,
    SUM(
      (
        (
          steps + 2 - (
            rank_up + rank_down
          )
        ) - 1
      ) * (
        2 * (
          steps + 2 - (
            rank_up + rank_down
          )
        ) + 5
      )
    ) AS tie_term
  FROM native_spacetimehotspotsclassi_1_series
  GROUP BY
    cell
), native_spacetimehotspotsclassi_1_scores AS (
  SELECT
    a.cell AS cell,
    SUM(CASE WHEN b.x > a.x THEN 1 WHEN b.x < a.x THEN -1 ELSE 0 END) AS s
  FROM native_spacetimehotspotsclassi_1_series a
  INNER JOIN native_spacetimehotspotsclassi_1_series b
    ON b.cell = a.cell AND a.t < b.t
  GROUP BY
    a.cell
), native_spacetimehotspotsclassi_1_slopes AS (
  SELECT
    a.cell AS cell,
    (
      b.x - a.x
    ) / (
      b.t - a.t
    ) AS slope,
    ROW_NUMBER() OVER (PARTITION BY a.cell ORDER BY (
      b.x - a.x
    ) / (
      b.t - a.t
    )) AS k,
    COUNT(*) OVER (PARTITION BY a.cell) AS pairs
  FROM native_spacetimehotspotsclassi_1_series a
  INNER JOIN native_spacetimehotspotsclassi_1_series b
    ON b.cell = a.cell AND a.t < b.t
), native_spacetimehotspotsclassi_1_sen AS (
  SELECT
    cell,
    AVG(slope) AS slope
  FROM native_spacetimehotspotsclassi_1_slopes
  WHERE
    k = FLOOR((
      pairs + 1
    ) / 2) OR k = FLOOR((
      pairs
    ) / 2) + 1
  GROUP BY
    cell
), native_spacetimehotspotsclassi_1_ranks AS (
  SELECT
    r.cell AS cell,
    r.t AS t,
    (
      RANK() OVER (PARTITION BY r.cell ORDER BY r.x - r.t * e.slope) + r.steps + 1 - RANK() OVER (PARTITION BY r.cell ORDER BY r.x - r.t * e.slope DESC NULLS LAST)
    ) / 2.0 - (
      r.steps + 1
    ) / 2.0 AS y
  FROM native_spacetimehotspotsclassi_1_series r
  INNER JOIN native_spacetimehotspotsclassi_1_sen e
    ON e.cell = r.cell
), native_spacetimehotspotsclassi_1_autocovariance AS (
  SELECT
    a.cell AS cell,
    b.t - a.t AS gap,
    SUM(a.y * b.y) AS acov
  FROM native_spacetimehotspotsclassi_1_ranks a
  INNER JOIN native_spacetimehotspotsclassi_1_ranks b
    ON b.cell = a.cell AND a.t <= b.t
  GROUP BY
    a.cell,
    b.t - a.t
), native_spacetimehotspotsclassi_1_variance AS (
  SELECT
    m.cell AS cell,
    SUM(
      CASE
        WHEN c.gap >= 1 AND ABS(c.acov / NULLIF(z.acov, 0)) > 1.6448536269514715 / SQRT(m.n)
        THEN (
          m.n - c.gap
        ) * (
          m.n - c.gap - 1
        ) * (
          m.n - c.gap - 2
        ) * c.acov / NULLIF(z.acov, 0)
        ELSE 0
      END
    ) AS sni
  FROM native_spacetimehotspotsclassi_1_summary m
  INNER JOIN native_spacetimehotspotsclassi_1_autocovariance z
    ON z.cell = m.cell AND z.gap = 0
  INNER JOIN native_spacetimehotspotsclassi_1_autocovariance c
    ON c.cell = m.cell
  GROUP BY
    m.cell
), native_spacetimehotspotsclassi_1_trend AS (
  SELECT
    m.cell,
    m.n,
    m.hot,
    m.last_hot,
    m.last_not_hot,
    m.cold,
    m.last_cold,
    m.last_not_cold,
    k.s AS s,
    COALESCE(k.s, 0) / NULLIF((
      m.n * (
        m.n - 1
      )
    ) / 2, 0) AS tau,
    (
      (
        m.n * (
          m.n - 1
        ) * (
          2 * m.n + 5
        ) - m.tie_term
      ) / 18
    ) * (
      1 + 2.0 / NULLIF(m.n * (
        m.n - 1
      ) * (
        m.n - 2
      ), 0) * v.sni
    ) AS var_s
  FROM native_spacetimehotspotsclassi_1_summary m
  LEFT JOIN native_spacetimehotspotsclassi_1_scores k
    ON k.cell = m.cell
  LEFT JOIN native_spacetimehotspotsclassi_1_variance v
    ON v.cell = m.cell
), native_spacetimehotspotsclassi_1 AS (
  SELECT
    cell AS quadbin,
    CASE
      WHEN NOT (
        COALESCE(last_hot, 0) = n
      ) AND n >= 2 AND 10 * hot >= 9 * (
        n - 1
      )
      THEN 'historical hotspot'
      WHEN COALESCE(last_hot, 0) = n AND hot = 1
      THEN 'new hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot < 9 * n
      AND hot = n - COALESCE(last_not_hot, 0)
      THEN 'consecutive hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      AND tau > 0
      THEN 'intensifying hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND NOT (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      THEN 'persistent hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      AND tau < 0
      THEN 'diminishing hotspot'
      WHEN COALESCE(last_hot, 0) = n AND 10 * hot < 9 * n AND cold > 0
      THEN 'oscillating hotspot'
      WHEN COALESCE(last_hot, 0) = n AND 10 * hot < 9 * n AND cold = 0
      THEN 'sporadic hotspot'
      WHEN NOT (
        COALESCE(last_cold, 0) = n
      ) AND n >= 2 AND 10 * cold >= 9 * (
        n - 1
      )
      THEN 'historical coldspot'
      WHEN COALESCE(last_cold, 0) = n AND cold = 1
      THEN 'new coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold < 9 * n
      AND cold = n - COALESCE(last_not_cold, 0)
      THEN 'consecutive coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      AND tau < 0
      THEN 'intensifying coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND NOT (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      THEN 'persistent coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      AND tau > 0
      THEN 'diminishing coldspot'
      WHEN COALESCE(last_cold, 0) = n AND 10 * cold < 9 * n AND hot > 0
      THEN 'oscillating coldspot'
      WHEN COALESCE(last_cold, 0) = n AND 10 * cold < 9 * n AND hot = 0
      THEN 'sporadic coldspot'
      ELSE 'undetected pattern'
    END AS classification,
    tau,
    tau_p
  FROM (
    SELECT
      _wf_tested.*,
      1.0 / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        0.254829592 + 1.0 / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          -0.284496736 + 1.0 / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            1.421413741 + 1.0 / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              -1.453152027 + 1.0 / (
                1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
              ) * (
                1.061405429
              )
            )
          )
        )
      ) * EXP(-ABS(z) * 0.7071067811865475 * ABS(z) * 0.7071067811865475) AS tau_p
    FROM (
      SELECT
        native_spacetimehotspotsclassi_1_trend.*,
        CASE
          WHEN n < 2
          THEN NULL
          WHEN COALESCE(s, 0) > 0
          THEN (
            s - 1
          ) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN COALESCE(s, 0) < 0
          THEN (
            s + 1
          ) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN NOT var_s IS NULL
          THEN 0
        END AS z
      FROM native_spacetimehotspotsclassi_1_trend
    ) _wf_tested
  ) _wf_trend
)
SELECT
  *
FROM native_spacetimehotspotsclassi_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3enrich
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_h3enrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS NUMBER) AS _wf_v0,
    zone AS _wf_v1,
    SDO_GEOM.SDO_AREA(geom, 0.05, 'unit=SQ_M') AS _wf_area,
    SDO_GEOM.SDO_LENGTH(geom, 0.05, 'unit=M') AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_h3enrich_1_shapes AS (
  SELECT
    h3 AS _wf_key,
    SDO_UTIL.H3_BOUNDARY(HEXTORAW(LPAD(h3, 16, '0')), 4326) AS _wf_geo
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL
  GROUP BY
    h3
), native_h3enrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1,
    CASE
      WHEN f._wf_area > 0
      THEN SDO_GEOM.SDO_AREA(SDO_GEOM.SDO_INTERSECTION(s._wf_geo, f._wf_geo, 0.05), 0.05, 'unit=SQ_M')
      WHEN f._wf_length > 0
      THEN SDO_GEOM.SDO_LENGTH(SDO_GEOM.SDO_INTERSECTION(s._wf_geo, f._wf_geo, 0.05), 0.05, 'unit=M')
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_h3enrich_1_shapes s
  INNER JOIN native_h3enrich_1_features f
    ON SDO_GEOM.RELATE(s._wf_geo, 'ANYINTERACT', f._wf_geo, 0.05) <> 'FALSE'
), native_h3enrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      _wf_part / _wf_whole
    )) AS zone_id_sum,
    SUM(_wf_v0 * _wf_part) / NULLIF(SUM(CASE WHEN NOT _wf_v0 IS NULL THEN _wf_part END), 0) AS zone_id_avg,
    MAX(_wf_v1) AS zone_max,
    COUNT(_wf_v0) AS zone_id_count
  FROM native_h3enrich_1_pairs
  GROUP BY
    _wf_key
), native_h3enrich_1 AS (
  SELECT
    t.*,
    e.zone_id_sum,
    e.zone_id_avg,
    e.zone_max,
    e.zone_id_count
  FROM analytics.cells t
  LEFT JOIN native_h3enrich_1_enriched e
    ON t.h3 = e._wf_key
)
SELECT
  *
FROM native_h3enrich_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3enrich_kring: unsupported (the Oracle dialect cannot express this component (no h3_kring, h3_distance))

-- case quadbinenrich
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinenrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS NUMBER) AS _wf_v0,
    zone AS _wf_v1,
    SDO_GEOM.SDO_AREA(geom, 0.05, 'unit=SQ_M') AS _wf_area,
    SDO_GEOM.SDO_LENGTH(geom, 0.05, 'unit=M') AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinenrich_1_tiles AS (
  SELECT
    quadbin AS _wf_key,
    BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND(quadbin, 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL
  GROUP BY
    quadbin
), native_quadbinenrich_1_shapes AS (
  SELECT
    _wf_key,
    SDO_GEOMETRY(
      2003,
      4326,
      NULL,
      SDO_ELEM_INFO_ARRAY(1, 1003, 3),
      SDO_ORDINATE_ARRAY(
        360.0 * CAST(_wf_x AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
            )
          )
        ) - 90.0,
        360.0 * CAST(_wf_x + 1 AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - 2.0 * CAST(_wf_y AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
            )
          )
        ) - 90.0
      )
    ) AS _wf_geo
  FROM native_quadbinenrich_1_tiles
), native_quadbinenrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1,
    CASE
      WHEN f._wf_area > 0
      THEN SDO_GEOM.SDO_AREA(SDO_GEOM.SDO_INTERSECTION(s._wf_geo, f._wf_geo, 0.05), 0.05, 'unit=SQ_M')
      WHEN f._wf_length > 0
      THEN SDO_GEOM.SDO_LENGTH(SDO_GEOM.SDO_INTERSECTION(s._wf_geo, f._wf_geo, 0.05), 0.05, 'unit=M')
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_quadbinenrich_1_shapes s
  INNER JOIN native_quadbinenrich_1_features f
    ON SDO_GEOM.RELATE(s._wf_geo, 'ANYINTERACT', f._wf_geo, 0.05) <> 'FALSE'
), native_quadbinenrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      _wf_part / _wf_whole
    )) AS zone_id_sum,
    SUM(_wf_v0 * _wf_part) / NULLIF(SUM(CASE WHEN NOT _wf_v0 IS NULL THEN _wf_part END), 0) AS zone_id_avg,
    MIN(_wf_v1) AS zone_min,
    COUNT(_wf_v0) AS zone_id_count
  FROM native_quadbinenrich_1_pairs
  GROUP BY
    _wf_key
), native_quadbinenrich_1 AS (
  SELECT
    t.*,
    e.zone_id_sum,
    e.zone_id_avg,
    e.zone_min,
    e.zone_id_count
  FROM analytics.cells t
  LEFT JOIN native_quadbinenrich_1_enriched e
    ON t.quadbin = e._wf_key
)
SELECT
  *
FROM native_quadbinenrich_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinenrich_kring
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinenrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS NUMBER) AS _wf_v0,
    SDO_GEOM.SDO_AREA(geom, 0.05, 'unit=SQ_M') AS _wf_area,
    SDO_GEOM.SDO_LENGTH(geom, 0.05, 'unit=M') AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinenrich_1_tiles AS (
  SELECT
    quadbin AS _wf_key,
    BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND(quadbin, 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND(quadbin, 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR(quadbin / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL
  GROUP BY
    quadbin
), native_quadbinenrich_1_shapes AS (
  SELECT
    _wf_key,
    SDO_GEOMETRY(
      2003,
      4326,
      NULL,
      SDO_ELEM_INFO_ARRAY(1, 1003, 3),
      SDO_ORDINATE_ARRAY(
        360.0 * CAST(_wf_x AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
            )
          )
        ) - 90.0,
        360.0 * CAST(_wf_x + 1 AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - 2.0 * CAST(_wf_y AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
            )
          )
        ) - 90.0
      )
    ) AS _wf_geo
  FROM native_quadbinenrich_1_tiles
), native_quadbinenrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    CASE
      WHEN f._wf_area > 0
      THEN SDO_GEOM.SDO_AREA(SDO_GEOM.SDO_INTERSECTION(s._wf_geo, f._wf_geo, 0.05), 0.05, 'unit=SQ_M')
      WHEN f._wf_length > 0
      THEN SDO_GEOM.SDO_LENGTH(SDO_GEOM.SDO_INTERSECTION(s._wf_geo, f._wf_geo, 0.05), 0.05, 'unit=M')
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_quadbinenrich_1_shapes s
  INNER JOIN native_quadbinenrich_1_features f
    ON SDO_GEOM.RELATE(s._wf_geo, 'ANYINTERACT', f._wf_geo, 0.05) <> 'FALSE'
), native_quadbinenrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * _wf_part) / NULLIF(SUM(CASE WHEN NOT _wf_v0 IS NULL THEN _wf_part END), 0) AS zone_id_avg
  FROM native_quadbinenrich_1_pairs
  GROUP BY
    _wf_key
), native_quadbinenrich_1_ring_cells AS (
  SELECT
    _wf_key AS "INDEX"
  FROM native_quadbinenrich_1_tiles
), native_quadbinenrich_1_tile AS (
  SELECT
    "INDEX",
    BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31) AS _wf_z,
    CAST(FLOOR(
      (
        BITAND(BITAND("INDEX", 4503599627370495), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_x,
    CAST(FLOOR(
      (
        BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2) AS NUMBER(19)), 1) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4) AS NUMBER(19)), 2) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8) AS NUMBER(19)), 4) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16) AS NUMBER(19)), 8) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32) AS NUMBER(19)), 16) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 64) AS NUMBER(19)), 32) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 128) AS NUMBER(19)), 64) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 256) AS NUMBER(19)), 128) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 512) AS NUMBER(19)), 256) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1024) AS NUMBER(19)), 512) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2048) AS NUMBER(19)), 1024) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4096) AS NUMBER(19)), 2048) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8192) AS NUMBER(19)), 4096) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16384) AS NUMBER(19)), 8192) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 32768) AS NUMBER(19)), 16384) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 65536) AS NUMBER(19)), 32768) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 131072) AS NUMBER(19)), 65536) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 262144) AS NUMBER(19)), 131072) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 524288) AS NUMBER(19)), 262144) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 1048576) AS NUMBER(19)), 524288) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 2097152) AS NUMBER(19)), 1048576) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 4194304) AS NUMBER(19)), 2097152) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 8388608) AS NUMBER(19)), 4194304) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 16777216) AS NUMBER(19)), 8388608) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 33554432) AS NUMBER(19)), 16777216) + BITAND(CAST(FLOOR(BITAND("INDEX", 4503599627370495) / 67108864) AS NUMBER(19)), 33554432)
      ) / CAST(POWER(2, 26 - BITAND(CAST(FLOOR("INDEX" / 4503599627370496) AS NUMBER(19)), 31)) AS NUMBER(19))
    ) AS NUMBER(19)) AS _wf_y
  FROM native_quadbinenrich_1_ring_cells
), native_quadbinenrich_1_ring AS (
  SELECT
    native_quadbinenrich_1_tile.*,
    CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dx,
    CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_dy,
    MOD(
      (
        _wf_x + CAST(_wf__wf_dx_rows.COLUMN_VALUE AS NUMBER(19)) + CAST(POWER(2, _wf_z) AS NUMBER(19))
      ),
      CAST(POWER(2, _wf_z) AS NUMBER(19))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.COLUMN_VALUE AS NUMBER(19)) AS _wf_ky
  FROM native_quadbinenrich_1_tile
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        -LEAST(1, CAST(TRUNC((
          CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
        ) / 2) AS INT)) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(1, CAST(TRUNC(CAST(POWER(2, _wf_z) AS NUMBER(19)) / 2) AS INT)) - -LEAST(1, CAST(TRUNC((
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) / 2) AS INT)) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dx_rows
  CROSS JOIN TABLE(
    CAST(MULTISET(
      SELECT
        GREATEST(-1, -_wf_y) + LEVEL - 1
      FROM DUAL
      CONNECT BY LEVEL <= LEAST(1, (
        CAST(POWER(2, _wf_z) AS NUMBER(19)) - 1
      ) - _wf_y) - GREATEST(-1, -_wf_y) + 1
    ) AS SYS.ODCINUMBERLIST)
  ) _wf__wf_dy_rows
), native_quadbinenrich_1_neighbours AS (
  SELECT
    "INDEX",
    5188146770730811392 + (
      _wf_z * 4503599627370496
    ) + BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1) * 2
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 2
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2) * 4
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 4
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4) * 8
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 8
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8) * 16
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 16
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16) * 32
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 32
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32) * 64
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 64
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 64) * 128
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 128
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 128) * 256
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 256
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 256) * 512
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 512
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 512) * 1024
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 1024
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1024) * 2048
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 2048
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2048) * 4096
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 4096
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4096) * 8192
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 8192
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8192) * 16384
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 16384
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16384) * 32768
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 32768
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 32768) * 65536
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 65536
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 65536) * 131072
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 131072
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 131072) * 262144
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 262144
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 262144) * 524288
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 524288
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 524288) * 1048576
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 1048576
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 1048576) * 2097152
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 2097152
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 2097152) * 4194304
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 4194304
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 4194304) * 8388608
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 8388608
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 8388608) * 16777216
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 16777216
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 16777216) * 33554432
    ) + (
      BITAND(_wf_kx * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 33554432
    ) + (
      BITAND(_wf_ky * CAST(POWER(2, 26 - _wf_z) AS NUMBER(19)), 33554432) * 67108864
    ) + (
      CAST(POWER(2, 52 - 2 * _wf_z) AS NUMBER(19)) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_quadbinenrich_1_ring
), native_quadbinenrich_1_weights AS (
  SELECT
    "INDEX",
    kring_index,
    1.0 / (
      1.0 + CAST(distance AS NUMBER)
    ) AS _wf_w
  FROM native_quadbinenrich_1_neighbours
), native_quadbinenrich_1_smoothed AS (
  SELECT
    r.index AS _wf_key,
    SUM(r._wf_w * e.zone_id_avg) / NULLIF(SUM(CASE WHEN NOT e.zone_id_avg IS NULL THEN r._wf_w END), 0) AS zone_id_avg
  FROM native_quadbinenrich_1_weights r
  INNER JOIN native_quadbinenrich_1_enriched e
    ON r.kring_index = e._wf_key
  GROUP BY
    r.index
), native_quadbinenrich_1 AS (
  SELECT
    t.*,
    e.zone_id_avg
  FROM analytics.cells t
  LEFT JOIN native_quadbinenrich_1_smoothed e
    ON t.quadbin = e._wf_key
)
SELECT
  *
FROM native_quadbinenrich_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case enrichpoints: unsupported (the Oracle dialect cannot express this component (no as_binary))

-- case enrichpolygons: unsupported (the Oracle dialect cannot express this component (no as_binary))
