-- case save_replace
-- stage save_copy
DROP TABLE IF EXISTS analytics.copy__wareflow_36bde66f;
CREATE TABLE analytics.copy__wareflow_36bde66f AS
SELECT
  *
FROM analytics.people;
DROP TABLE IF EXISTS analytics."copy";
ALTER TABLE analytics.copy__wareflow_36bde66f
RENAME TO "copy";

-- case save_append
-- stage save_log
CREATE TABLE IF NOT EXISTS analytics._wareflow_appends (
  run_key VARCHAR(255) PRIMARY KEY,
  appended_at TIMESTAMP
);
DROP TABLE IF EXISTS log__wareflow_shape;
CREATE TEMPORARY TABLE log__wareflow_shape AS
SELECT
  *
FROM (
  SELECT
    *
  FROM analytics.people
) AS q
WHERE
  1 = 0;
CREATE TABLE IF NOT EXISTS analytics.log (
  LIKE log__wareflow_shape
);
DROP TABLE IF EXISTS log__wareflow_shape;
INSERT INTO analytics.log
SELECT
  *
FROM (
  SELECT
    *
  FROM analytics.people
) AS q
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
  GETDATE()
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
    ST_SETSRID(ST_GEOMFROMGEOJSON(features.geojson), 4326) AS "geometry"
  FROM (
    SELECT
      CAST('A' AS VARCHAR(65535)) AS name,
      CAST(10 AS DOUBLE PRECISION) AS pop,
      '{"type":"Point","coordinates":[1,2]}' AS geojson
    UNION ALL
    SELECT
      CAST('B' AS VARCHAR(65535)),
      CAST(NULL AS DOUBLE PRECISION),
      '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}'
  ) AS features
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
    NOT COALESCE(age >= 18 OR city = 'Paris', FALSE)
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
    name <> 'O\'Neil'
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
FROM analytics.people AS p
JOIN analytics.cities AS c
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
  LIMIT 2
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
    CAST((
      CAST(score AS DOUBLE PRECISION) - MIN(CAST(score AS DOUBLE PRECISION)) OVER ()
    ) AS DOUBLE PRECISION) / NULLIF(
      MAX(CAST(score AS DOUBLE PRECISION)) OVER () - MIN(CAST(score AS DOUBLE PRECISION)) OVER (),
      0
    ) AS score_norm
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
    LISTAGG(CAST(name AS VARCHAR(65535)), ',') AS name_concat
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

-- case groupby_geometry: unsupported (the Amazon Redshift dialect cannot express this component (no union_agg))

-- case join
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_join_1 AS (
  SELECT
    _main.*,
    _joined.city AS city_joined,
    _joined.country AS country_joined
  FROM analytics.people AS _main
  LEFT JOIN analytics.cities AS _joined
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
  FROM analytics.people AS _main
  CROSS JOIN analytics.cities AS _joined
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
  FROM analytics.zones AS _main
  INNER JOIN analytics.people AS _joined
    ON ST_INTERSECTS(_main.geom, _joined.geom)
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
  FROM analytics.people AS _source
  WHERE
    EXISTS(
      SELECT
        1
      FROM analytics.zones AS _filter
      WHERE
        ST_WITHIN(_filter.geom, _source.geom)
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
  FROM analytics.people AS _source
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM analytics.zones AS _filter
      WHERE
        ST_WITHIN(_filter.geom, _source.geom)
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
    ST_TRANSFORM(
      ST_BUFFER(
        ST_TRANSFORM(geom, 3857),
        (
          500
        ) * 1609.344 / COS(RADIANS(ST_Y(ST_CENTROID(geom))))
      ),
      4326
    ) AS geom_buffer,
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
    TO_HEX(H3_FROMPOINT(geom, 9)) AS h3,
    people.*
  FROM analytics.people
)
SELECT
  *
FROM native_h3frompoint_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3polyfill_nomode: unsupported (the Amazon Redshift dialect cannot express this component (no h3_polyfill, arrays as rows))

-- case h3polyfill_nomode_cols: unsupported (the Amazon Redshift dialect cannot express this component (no h3_polyfill, arrays as rows))

-- case h3polyfill_center: unsupported (the Amazon Redshift dialect cannot express this component (no h3_polyfill, arrays as rows))

-- case h3polyfill_center_cols: unsupported (the Amazon Redshift dialect cannot express this component (no h3_polyfill, arrays as rows))

-- case h3polyfill_intersects: unsupported (the Amazon Redshift dialect cannot express this component (no h3_polyfill_intersects, arrays as rows))

-- case h3polyfill_intersects_cols: unsupported (the Amazon Redshift dialect cannot express this component (no h3_polyfill_intersects, arrays as rows))

-- case h3polyfill_contains: unsupported (the Amazon Redshift dialect cannot express this component (no h3_polyfill_contains, arrays as rows))

-- case h3polyfill_contains_cols: unsupported (the Amazon Redshift dialect cannot express this component (no h3_polyfill_contains, arrays as rows))

-- case h3boundary
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_h3boundary_1 AS (
  SELECT
    H3_BOUNDARY(h3) AS h3_geo,
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
    H3_CENTER(h3) AS h3_center,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3center_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3kring: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, arrays as rows))

-- case h3distance: unsupported (the Amazon Redshift dialect cannot express this component (no h3_distance))

-- case h3toparent
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_h3toparent_1 AS (
  SELECT
    TO_HEX(H3_TOPARENT(h3, 5)) AS h3_parent,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3toparent_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3tochildren: unsupported (the Amazon Redshift dialect cannot express this component (no h3_tochildren, arrays as rows))

-- case quadbinfromgeopoint
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinfromgeopoint_1_tile AS (
  SELECT
    people.*,
    CAST(FLOOR(4096 * (
      CAST(ST_X(geom) AS DOUBLE PRECISION) / 360.0 + 0.5
    )) AS BIGINT) % 4096 AS _wf_x,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          4096 * (
            0.5 - 0.07957747154594767 * LN(
              CAST((
                1 + SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              ) AS DOUBLE PRECISION) / (
                1 - SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      4095
    ) AS BIGINT) AS _wf_y
  FROM analytics.people
), native_quadbinfromgeopoint_1 AS (
  SELECT
    5242189966527692799 | (
      (
        _wf_x & 1
      ) << 28
    ) | (
      (
        _wf_y & 1
      ) << 29
    ) | (
      (
        _wf_x & 2
      ) << 29
    ) | (
      (
        _wf_y & 2
      ) << 30
    ) | (
      (
        _wf_x & 4
      ) << 30
    ) | (
      (
        _wf_y & 4
      ) << 31
    ) | (
      (
        _wf_x & 8
      ) << 31
    ) | (
      (
        _wf_y & 8
      ) << 32
    ) | (
      (
        _wf_x & 16
      ) << 32
    ) | (
      (
        _wf_y & 16
      ) << 33
    ) | (
      (
        _wf_x & 32
      ) << 33
    ) | (
      (
        _wf_y & 32
      ) << 34
    ) | (
      (
        _wf_x & 64
      ) << 34
    ) | (
      (
        _wf_y & 64
      ) << 35
    ) | (
      (
        _wf_x & 128
      ) << 35
    ) | (
      (
        _wf_y & 128
      ) << 36
    ) | (
      (
        _wf_x & 256
      ) << 36
    ) | (
      (
        _wf_y & 256
      ) << 37
    ) | (
      (
        _wf_x & 512
      ) << 37
    ) | (
      (
        _wf_y & 512
      ) << 38
    ) | (
      (
        _wf_x & 1024
      ) << 38
    ) | (
      (
        _wf_y & 1024
      ) << 39
    ) | (
      (
        _wf_x & 2048
      ) << 39
    ) | (
      (
        _wf_y & 2048
      ) << 40
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
    CAST(FLOOR(16 * (
      CAST(ST_X(geom) AS DOUBLE PRECISION) / 360.0 + 0.5
    )) AS BIGINT) % 16 AS _wf_x,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          16 * (
            0.5 - 0.07957747154594767 * LN(
              CAST((
                1 + SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              ) AS DOUBLE PRECISION) / (
                1 - SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      15
    ) AS BIGINT) AS _wf_y
  FROM analytics.people
), native_quadbinfrompoint_1 AS (
  SELECT
    5206178761426337791 | (
      (
        _wf_x & 1
      ) << 44
    ) | (
      (
        _wf_y & 1
      ) << 45
    ) | (
      (
        _wf_x & 2
      ) << 45
    ) | (
      (
        _wf_y & 2
      ) << 46
    ) | (
      (
        _wf_x & 4
      ) << 46
    ) | (
      (
        _wf_y & 4
      ) << 47
    ) | (
      (
        _wf_x & 8
      ) << 47
    ) | (
      (
        _wf_y & 8
      ) << 48
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

-- case quadbinpolyfill_center: unsupported (the Amazon Redshift dialect cannot express this component (no int_range, arrays as rows))

-- case quadbinpolyfill_center_cols: unsupported (the Amazon Redshift dialect cannot express this component (no int_range, arrays as rows))

-- case quadbinpolyfill_intersects: unsupported (the Amazon Redshift dialect cannot express this component (no int_range, arrays as rows))

-- case quadbinpolyfill_intersects_cols: unsupported (the Amazon Redshift dialect cannot express this component (no int_range, arrays as rows))

-- case quadbinpolyfill_contains: unsupported (the Amazon Redshift dialect cannot express this component (no int_range, arrays as rows))

-- case quadbinpolyfill_contains_cols: unsupported (the Amazon Redshift dialect cannot express this component (no int_range, arrays as rows))

-- case quadbinboundary
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinboundary_1_tile AS (
  SELECT
    cells.*,
    (
      quadbin >> 52
    ) & 31 AS _wf_z,
    (
      (
        quadbin & 4503599627370495
      ) & 1 | (
        (
          (
            quadbin & 4503599627370495
          ) >> 1
        ) & 2
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 2
        ) & 4
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 3
        ) & 8
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 4
        ) & 16
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 5
        ) & 32
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 6
        ) & 64
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 7
        ) & 128
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 8
        ) & 256
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 9
        ) & 512
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 10
        ) & 1024
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 11
        ) & 2048
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 12
        ) & 4096
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 13
        ) & 8192
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 14
        ) & 16384
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 15
        ) & 32768
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 16
        ) & 65536
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 17
        ) & 131072
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 18
        ) & 262144
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 19
        ) & 524288
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 20
        ) & 1048576
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 21
        ) & 2097152
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 22
        ) & 4194304
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 23
        ) & 8388608
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 24
        ) & 16777216
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 25
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        quadbin >> 52
      ) & 31
    ) AS INTEGER) AS _wf_x,
    (
      (
        (
          quadbin & 4503599627370495
        ) >> 1
      ) & 1 | (
        (
          (
            quadbin & 4503599627370495
          ) >> 2
        ) & 2
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 3
        ) & 4
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 4
        ) & 8
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 5
        ) & 16
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 6
        ) & 32
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 7
        ) & 64
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 8
        ) & 128
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 9
        ) & 256
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 10
        ) & 512
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 11
        ) & 1024
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 12
        ) & 2048
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 13
        ) & 4096
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 14
        ) & 8192
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 15
        ) & 16384
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 16
        ) & 32768
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 17
        ) & 65536
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 18
        ) & 131072
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 19
        ) & 262144
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 20
        ) & 524288
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 21
        ) & 1048576
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 22
        ) & 2097152
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 23
        ) & 4194304
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 24
        ) & 8388608
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 25
        ) & 16777216
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 26
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        quadbin >> 52
      ) & 31
    ) AS INTEGER) AS _wf_y
  FROM analytics.cells
), native_quadbinboundary_1 AS (
  SELECT
    ST_MAKEENVELOPE(
      CAST(360.0 * CAST(_wf_x AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
      114.59155902616465 * ATAN(
        EXP(
          3.141592653589793 * (
            1 - CAST(2.0 * CAST(_wf_y + 1 AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
          )
        )
      ) - 90.0,
      CAST(360.0 * CAST(_wf_x + 1 AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
      114.59155902616465 * ATAN(
        EXP(
          3.141592653589793 * (
            1 - CAST(2.0 * CAST(_wf_y AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
          )
        )
      ) - 90.0,
      4326
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
    (
      quadbin >> 52
    ) & 31 AS _wf_z,
    (
      (
        quadbin & 4503599627370495
      ) & 1 | (
        (
          (
            quadbin & 4503599627370495
          ) >> 1
        ) & 2
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 2
        ) & 4
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 3
        ) & 8
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 4
        ) & 16
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 5
        ) & 32
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 6
        ) & 64
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 7
        ) & 128
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 8
        ) & 256
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 9
        ) & 512
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 10
        ) & 1024
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 11
        ) & 2048
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 12
        ) & 4096
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 13
        ) & 8192
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 14
        ) & 16384
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 15
        ) & 32768
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 16
        ) & 65536
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 17
        ) & 131072
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 18
        ) & 262144
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 19
        ) & 524288
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 20
        ) & 1048576
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 21
        ) & 2097152
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 22
        ) & 4194304
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 23
        ) & 8388608
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 24
        ) & 16777216
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 25
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        quadbin >> 52
      ) & 31
    ) AS INTEGER) AS _wf_x,
    (
      (
        (
          quadbin & 4503599627370495
        ) >> 1
      ) & 1 | (
        (
          (
            quadbin & 4503599627370495
          ) >> 2
        ) & 2
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 3
        ) & 4
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 4
        ) & 8
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 5
        ) & 16
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 6
        ) & 32
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 7
        ) & 64
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 8
        ) & 128
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 9
        ) & 256
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 10
        ) & 512
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 11
        ) & 1024
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 12
        ) & 2048
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 13
        ) & 4096
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 14
        ) & 8192
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 15
        ) & 16384
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 16
        ) & 32768
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 17
        ) & 65536
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 18
        ) & 131072
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 19
        ) & 262144
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 20
        ) & 524288
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 21
        ) & 1048576
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 22
        ) & 2097152
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 23
        ) & 4194304
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 24
        ) & 8388608
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 25
        ) & 16777216
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 26
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        quadbin >> 52
      ) & 31
    ) AS INTEGER) AS _wf_y
  FROM analytics.cells
), native_quadbincenter_1 AS (
  SELECT
    ST_SETSRID(
      ST_POINT(
        CAST(360.0 * CAST(_wf_x + 0.5 AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - CAST(2.0 * CAST(_wf_y + 0.5 AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
            )
          )
        ) - 90.0
      ),
      4326
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

-- case quadbinkring: unsupported (the Amazon Redshift dialect cannot express this component (no int_range, arrays as rows))

-- case quadbintoparent
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbintoparent_1 AS (
  SELECT
    CASE
      WHEN (
        quadbin >> 52
      ) & 31 >= 4
      THEN quadbin & 9083760448406290431 | 18031990695526399
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

-- case quadbintochildren: unsupported (the Amazon Redshift dialect cannot express this component (no int_range, arrays as rows))

-- case getisord_h3: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case getisord_quadbin: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case moransi_h3: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case moransi_quadbin: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case localmoransi_h3: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case localmoransi_quadbin: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case commercialhotspots_h3: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case commercialhotspots_quadbin: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case composite_unsupervised_custom
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE PRECISION) AS v1,
    CAST(id AS DOUBLE PRECISION) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id,
    PERCENT_RANK() OVER (ORDER BY r.v1 ASC) AS s1,
    PERCENT_RANK() OVER (ORDER BY r.v2 DESC NULLS LAST) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
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
  FROM native_spatialcompositeunsuper_1_scaled AS c
), native_spatialcompositeunsuper_1_score_range AS (
  SELECT
    MIN(score) AS lo,
    MAX(score) AS hi
  FROM native_spatialcompositeunsuper_1_scored
), native_spatialcompositeunsuper_1 AS (
  SELECT
    c.cell_id AS quadbin,
    0 + 1 * COALESCE(CAST((
      c.score - g.lo
    ) AS DOUBLE PRECISION) / (
      NULLIF(g.hi - g.lo, 0)
    ), 0.0) AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
  CROSS JOIN native_spatialcompositeunsuper_1_score_range AS g
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
    CAST(value AS DOUBLE PRECISION) AS v1,
    CAST(id AS DOUBLE PRECISION) AS v2
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
    CAST((
      r.v1 - t.min1
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    CAST((
      t.max2 - r.v2
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
)
SELECT
  COUNT(*) AS n,
  SUM(s1) AS total1,
  SUM(COALESCE(s1 * LN(CASE WHEN s1 > 0 THEN s1 END))) AS slog1,
  SUM(s2) AS total2,
  SUM(COALESCE(s2 * LN(CASE WHEN s2 > 0 THEN s2 END))) AS slog2
FROM native_spatialcompositeunsuper_1_scaled;
-- read while compiling: native_spatialcompositeunsuper_1_jenks
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE PRECISION) AS v1,
    CAST(id AS DOUBLE PRECISION) AS v2
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
    CAST((
      r.v1 - t.min1
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    CAST((
      t.max2 - r.v2
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    CAST((
      %(native_spatialcompositeunsuper_1_weight1)s * c.s1
    ) AS DOUBLE PRECISION) / (
      %(native_spatialcompositeunsuper_1_total1)s
    ) + CAST((
      %(native_spatialcompositeunsuper_1_weight2)s * c.s2
    ) AS DOUBLE PRECISION) / (
      %(native_spatialcompositeunsuper_1_total2)s
    ) AS score
  FROM native_spatialcompositeunsuper_1_scaled AS c
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
      ELSE FLOOR(CAST(CAST(rn - 1 AS DOUBLE PRECISION) * 1000 AS DOUBLE PRECISION) / cnt)
    END AS g
  FROM (
    SELECT
      score,
      DENSE_RANK() OVER (ORDER BY score ASC) AS dr,
      ROW_NUMBER() OVER (ORDER BY score ASC) AS rn,
      COUNT(*) OVER () AS cnt
    FROM native_spatialcompositeunsuper_1_scored
  ) AS d
) AS j
GROUP BY
  g;
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE PRECISION) AS v1,
    CAST(id AS DOUBLE PRECISION) AS v2
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
    CAST((
      r.v1 - t.min1
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    CAST((
      t.max2 - r.v2
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    CAST((
      %(native_spatialcompositeunsuper_1_weight1)s * c.s1
    ) AS DOUBLE PRECISION) / (
      %(native_spatialcompositeunsuper_1_total1)s
    ) + CAST((
      %(native_spatialcompositeunsuper_1_weight2)s * c.s2
    ) AS DOUBLE PRECISION) / (
      %(native_spatialcompositeunsuper_1_total2)s
    ) AS score
  FROM native_spatialcompositeunsuper_1_scaled AS c
), native_spatialcompositeunsuper_1 AS (
  SELECT
    c.cell_id AS quadbin,
    CASE
      WHEN c.score <= %(native_spatialcompositeunsuper_1_break1)s
      THEN 1
      WHEN c.score <= %(native_spatialcompositeunsuper_1_break2)s
      THEN 2
      WHEN c.score <= %(native_spatialcompositeunsuper_1_break3)s
      THEN 3
      ELSE 4
    END AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
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
    CAST(value AS DOUBLE PRECISION) AS v1,
    CAST(id AS DOUBLE PRECISION) AS v2
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
FROM native_spatialcompositeunsuper_1_rows AS r
CROSS JOIN native_spatialcompositeunsuper_1_pc_stats AS t;
-- read while compiling: native_spatialcompositeunsuper_1_score_stats
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE PRECISION) AS v1,
    CAST(id AS DOUBLE PRECISION) AS v2
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
    %(native_spatialcompositeunsuper_1_loading1)s * CAST((
      r.v1 - t.mean1
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.sd1, 0)
    ) + %(native_spatialcompositeunsuper_1_loading2)s * CAST((
      r.v2 - t.mean2
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.sd2, 0)
    ) AS score
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_pc_stats AS t
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
) AS o;
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE PRECISION) AS v1,
    CAST(id AS DOUBLE PRECISION) AS v2
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
    %(native_spatialcompositeunsuper_1_loading1)s * CAST((
      r.v1 - t.mean1
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.sd1, 0)
    ) + %(native_spatialcompositeunsuper_1_loading2)s * CAST((
      r.v2 - t.mean2
    ) AS DOUBLE PRECISION) / (
      NULLIF(t.sd2, 0)
    ) AS score
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_pc_stats AS t
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
        %(native_spatialcompositeunsuper_1_nbuckets)s,
        GREATEST(
          1,
          1 + FLOOR(
            CAST((
              %(native_spatialcompositeunsuper_1_nbuckets)s * (
                c.score - g.lo
              )
            ) AS DOUBLE PRECISION) / (
              NULLIF(g.hi - g.lo, 0)
            )
          )
        )
      ),
      1
    ) AS BIGINT) AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
  CROSS JOIN native_spatialcompositeunsuper_1_score_range AS g
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
    CAST(value AS DOUBLE PRECISION) AS v1,
    CAST(id AS DOUBLE PRECISION) AS v2,
    CAST(quadbin AS DOUBLE PRECISION) AS v3
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
FROM native_spatialcompositesupervi_1_rows AS r
CROSS JOIN native_spatialcompositesupervi_1_means AS m;
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spatialcompositesupervi_1_rows AS (
  SELECT
    h3 AS cell_id,
    CAST(value AS DOUBLE PRECISION) AS v1,
    CAST(id AS DOUBLE PRECISION) AS v2,
    CAST(quadbin AS DOUBLE PRECISION) AS v3
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
    ) - %(native_spatialcompositesupervi_1_b1)s * (
      r.v2 - m.mean2
    ) - %(native_spatialcompositesupervi_1_b2)s * (
      r.v3 - m.mean3
    ) AS score
  FROM native_spatialcompositesupervi_1_rows AS r
  CROSS JOIN native_spatialcompositesupervi_1_means AS m
), native_spatialcompositesupervi_1_spread AS (
  SELECT
    MAX(ABS(c.score)) AS m
  FROM native_spatialcompositesupervi_1_scored AS c
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
    ) AS o
  ) AS q
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
          1 + FLOOR(
            CAST((
              6 * (
                c.score - (
                  -s.m
                )
              )
            ) AS DOUBLE PRECISION) / (
              NULLIF(2 * s.m, 0)
            )
          )
        )
      ),
      1
    ) AS BIGINT) AS spatial_score
  FROM native_spatialcompositesupervi_1_scored AS c
  CROSS JOIN native_spatialcompositesupervi_1_spread AS s
)
SELECT
  *
FROM native_spatialcompositesupervi_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case getisordspacetime_h3: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case getisordspacetime_quadbin: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance, int_range, arrays as rows))

-- case spacetimehotspots_mk
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_spacetimehotspotsclassi_1_series AS (
  SELECT
    h3 AS cell,
    CAST(gi AS DOUBLE PRECISION) AS x,
    CAST(p_value AS DOUBLE PRECISION) AS p,
    ROW_NUMBER() OVER (PARTITION BY h3 ORDER BY week, CAST(gi AS DOUBLE PRECISION)) AS t,
    RANK() OVER (PARTITION BY h3 ORDER BY CAST(gi AS DOUBLE PRECISION)) AS rank_up,
    RANK() OVER (PARTITION BY h3 ORDER BY CAST(gi AS DOUBLE PRECISION) DESC NULLS LAST) AS rank_down,
    COUNT(*) OVER (PARTITION BY h3) AS steps
  FROM analytics.series
  WHERE
    NOT h3 IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell,
    CAST(COUNT(*) AS DOUBLE PRECISION) AS n,
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
  FROM native_spacetimehotspotsclassi_1_series AS a
  INNER JOIN native_spacetimehotspotsclassi_1_series AS b
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
    CAST(COALESCE(k.s, 0) AS DOUBLE PRECISION) / NULLIF(CAST((
      m.n * (
        m.n - 1
      )
    ) AS DOUBLE PRECISION) / 2, 0) AS tau,
    CAST((
      m.n * (
        m.n - 1
      ) * (
        2 * m.n + 5
      ) - m.tie_term
    ) AS DOUBLE PRECISION) / 18 AS var_s
  FROM native_spacetimehotspotsclassi_1_summary AS m
  LEFT JOIN native_spacetimehotspotsclassi_1_scores AS k
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
      CAST(1.0 AS DOUBLE PRECISION) / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        0.254829592 + CAST(1.0 AS DOUBLE PRECISION) / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          -0.284496736 + CAST(1.0 AS DOUBLE PRECISION) / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            1.421413741 + CAST(1.0 AS DOUBLE PRECISION) / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              -1.453152027 + CAST(1.0 AS DOUBLE PRECISION) / (
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
          THEN CAST((
            s - 1
          ) AS DOUBLE PRECISION) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN COALESCE(s, 0) < 0
          THEN CAST((
            s + 1
          ) AS DOUBLE PRECISION) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN NOT var_s IS NULL
          THEN 0
        END AS z
      FROM native_spacetimehotspotsclassi_1_trend
    ) AS _wf_tested
  ) AS _wf_trend
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
    CAST(gi AS DOUBLE PRECISION) AS x,
    CAST(p_value AS DOUBLE PRECISION) AS p,
    ROW_NUMBER() OVER (PARTITION BY quadbin ORDER BY week, CAST(gi AS DOUBLE PRECISION)) AS t,
    RANK() OVER (PARTITION BY quadbin ORDER BY CAST(gi AS DOUBLE PRECISION)) AS rank_up,
    RANK() OVER (PARTITION BY quadbin ORDER BY CAST(gi AS DOUBLE PRECISION) DESC NULLS LAST) AS rank_down,
    COUNT(*) OVER (PARTITION BY quadbin) AS steps
  FROM analytics.series
  WHERE
    NOT quadbin IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell,
    CAST(COUNT(*) AS DOUBLE PRECISION) AS n,
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
  FROM native_spacetimehotspotsclassi_1_series AS a
  INNER JOIN native_spacetimehotspotsclassi_1_series AS b
    ON b.cell = a.cell AND a.t < b.t
  GROUP BY
    a.cell
), native_spacetimehotspotsclassi_1_slopes AS (
  SELECT
    a.cell AS cell,
    CAST((
      b.x - a.x
    ) AS DOUBLE PRECISION) / (
      b.t - a.t
    ) AS slope,
    ROW_NUMBER() OVER (
      PARTITION BY a.cell
      ORDER BY CAST((
        b.x - a.x
      ) AS DOUBLE PRECISION) / (
        b.t - a.t
      )
    ) AS k,
    COUNT(*) OVER (PARTITION BY a.cell) AS pairs
  FROM native_spacetimehotspotsclassi_1_series AS a
  INNER JOIN native_spacetimehotspotsclassi_1_series AS b
    ON b.cell = a.cell AND a.t < b.t
), native_spacetimehotspotsclassi_1_sen AS (
  SELECT
    cell,
    AVG(slope) AS slope
  FROM native_spacetimehotspotsclassi_1_slopes
  WHERE
    k = FLOOR(CAST((
      pairs + 1
    ) AS DOUBLE PRECISION) / 2)
    OR k = FLOOR(CAST((
      pairs
    ) AS DOUBLE PRECISION) / 2) + 1
  GROUP BY
    cell
), native_spacetimehotspotsclassi_1_ranks AS (
  SELECT
    r.cell AS cell,
    r.t AS t,
    CAST((
      RANK() OVER (PARTITION BY r.cell ORDER BY r.x - r.t * e.slope) + r.steps + 1 - RANK() OVER (PARTITION BY r.cell ORDER BY r.x - r.t * e.slope DESC NULLS LAST)
    ) AS DOUBLE PRECISION) / 2.0 - CAST((
      r.steps + 1
    ) AS DOUBLE PRECISION) / 2.0 AS y
  FROM native_spacetimehotspotsclassi_1_series AS r
  INNER JOIN native_spacetimehotspotsclassi_1_sen AS e
    ON e.cell = r.cell
), native_spacetimehotspotsclassi_1_autocovariance AS (
  SELECT
    a.cell AS cell,
    b.t - a.t AS gap,
    SUM(a.y * b.y) AS acov
  FROM native_spacetimehotspotsclassi_1_ranks AS a
  INNER JOIN native_spacetimehotspotsclassi_1_ranks AS b
    ON b.cell = a.cell AND a.t <= b.t
  GROUP BY
    a.cell,
    b.t - a.t
), native_spacetimehotspotsclassi_1_variance AS (
  SELECT
    m.cell AS cell,
    SUM(
      CASE
        WHEN c.gap >= 1
        AND ABS(CAST(c.acov AS DOUBLE PRECISION) / NULLIF(z.acov, 0)) > CAST(1.6448536269514715 AS DOUBLE PRECISION) / SQRT(m.n)
        THEN (
          m.n - c.gap
        ) * (
          m.n - c.gap - 1
        ) * (
          m.n - c.gap - 2
        ) * CAST(c.acov AS DOUBLE PRECISION) / NULLIF(z.acov, 0)
        ELSE 0
      END
    ) AS sni
  FROM native_spacetimehotspotsclassi_1_summary AS m
  INNER JOIN native_spacetimehotspotsclassi_1_autocovariance AS z
    ON z.cell = m.cell AND z.gap = 0
  INNER JOIN native_spacetimehotspotsclassi_1_autocovariance AS c
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
    CAST(COALESCE(k.s, 0) AS DOUBLE PRECISION) / NULLIF(CAST((
      m.n * (
        m.n - 1
      )
    ) AS DOUBLE PRECISION) / 2, 0) AS tau,
    (
      CAST((
        m.n * (
          m.n - 1
        ) * (
          2 * m.n + 5
        ) - m.tie_term
      ) AS DOUBLE PRECISION) / 18
    ) * (
      1 + CAST(2.0 AS DOUBLE PRECISION) / NULLIF(m.n * (
        m.n - 1
      ) * (
        m.n - 2
      ), 0) * v.sni
    ) AS var_s
  FROM native_spacetimehotspotsclassi_1_summary AS m
  LEFT JOIN native_spacetimehotspotsclassi_1_scores AS k
    ON k.cell = m.cell
  LEFT JOIN native_spacetimehotspotsclassi_1_variance AS v
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
      CAST(1.0 AS DOUBLE PRECISION) / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        0.254829592 + CAST(1.0 AS DOUBLE PRECISION) / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          -0.284496736 + CAST(1.0 AS DOUBLE PRECISION) / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            1.421413741 + CAST(1.0 AS DOUBLE PRECISION) / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              -1.453152027 + CAST(1.0 AS DOUBLE PRECISION) / (
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
          THEN CAST((
            s - 1
          ) AS DOUBLE PRECISION) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN COALESCE(s, 0) < 0
          THEN CAST((
            s + 1
          ) AS DOUBLE PRECISION) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN NOT var_s IS NULL
          THEN 0
        END AS z
      FROM native_spacetimehotspotsclassi_1_trend
    ) AS _wf_tested
  ) AS _wf_trend
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
    CAST(zone_id AS DOUBLE PRECISION) AS _wf_v0,
    zone AS _wf_v1,
    ST_AREA(CAST(geom AS GEOGRAPHY)) AS _wf_area,
    ST_LENGTH(CAST(geom AS GEOGRAPHY)) AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_h3enrich_1_shapes AS (
  SELECT
    h3 AS _wf_key,
    H3_BOUNDARY(h3) AS _wf_geo
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
      THEN ST_AREA(CAST(ST_INTERSECTION(s._wf_geo, f._wf_geo) AS GEOGRAPHY))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(CAST(ST_INTERSECTION(s._wf_geo, f._wf_geo) AS GEOGRAPHY))
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_h3enrich_1_shapes AS s
  INNER JOIN native_h3enrich_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_h3enrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      CAST(_wf_part AS DOUBLE PRECISION) / _wf_whole
    )) AS zone_id_sum,
    CAST(SUM(_wf_v0 * _wf_part) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN NOT _wf_v0 IS NULL THEN _wf_part END), 0) AS zone_id_avg,
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
  FROM analytics.cells AS t
  LEFT JOIN native_h3enrich_1_enriched AS e
    ON t.h3 = e._wf_key
)
SELECT
  *
FROM native_h3enrich_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case h3enrich_kring: unsupported (the Amazon Redshift dialect cannot express this component (no h3_kring, h3_distance))

-- case quadbinenrich
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_quadbinenrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS DOUBLE PRECISION) AS _wf_v0,
    zone AS _wf_v1,
    ST_AREA(CAST(geom AS GEOGRAPHY)) AS _wf_area,
    ST_LENGTH(CAST(geom AS GEOGRAPHY)) AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinenrich_1_tiles AS (
  SELECT
    quadbin AS _wf_key,
    (
      quadbin >> 52
    ) & 31 AS _wf_z,
    (
      (
        quadbin & 4503599627370495
      ) & 1 | (
        (
          (
            quadbin & 4503599627370495
          ) >> 1
        ) & 2
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 2
        ) & 4
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 3
        ) & 8
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 4
        ) & 16
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 5
        ) & 32
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 6
        ) & 64
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 7
        ) & 128
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 8
        ) & 256
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 9
        ) & 512
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 10
        ) & 1024
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 11
        ) & 2048
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 12
        ) & 4096
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 13
        ) & 8192
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 14
        ) & 16384
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 15
        ) & 32768
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 16
        ) & 65536
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 17
        ) & 131072
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 18
        ) & 262144
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 19
        ) & 524288
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 20
        ) & 1048576
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 21
        ) & 2097152
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 22
        ) & 4194304
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 23
        ) & 8388608
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 24
        ) & 16777216
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 25
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        quadbin >> 52
      ) & 31
    ) AS INTEGER) AS _wf_x,
    (
      (
        (
          quadbin & 4503599627370495
        ) >> 1
      ) & 1 | (
        (
          (
            quadbin & 4503599627370495
          ) >> 2
        ) & 2
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 3
        ) & 4
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 4
        ) & 8
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 5
        ) & 16
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 6
        ) & 32
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 7
        ) & 64
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 8
        ) & 128
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 9
        ) & 256
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 10
        ) & 512
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 11
        ) & 1024
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 12
        ) & 2048
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 13
        ) & 4096
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 14
        ) & 8192
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 15
        ) & 16384
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 16
        ) & 32768
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 17
        ) & 65536
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 18
        ) & 131072
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 19
        ) & 262144
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 20
        ) & 524288
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 21
        ) & 1048576
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 22
        ) & 2097152
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 23
        ) & 4194304
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 24
        ) & 8388608
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 25
        ) & 16777216
      ) | (
        (
          (
            quadbin & 4503599627370495
          ) >> 26
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        quadbin >> 52
      ) & 31
    ) AS INTEGER) AS _wf_y
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL
  GROUP BY
    quadbin
), native_quadbinenrich_1_shapes AS (
  SELECT
    _wf_key,
    ST_MAKEENVELOPE(
      CAST(360.0 * CAST(_wf_x AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
      114.59155902616465 * ATAN(
        EXP(
          3.141592653589793 * (
            1 - CAST(2.0 * CAST(_wf_y + 1 AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
          )
        )
      ) - 90.0,
      CAST(360.0 * CAST(_wf_x + 1 AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z) - 180.0,
      114.59155902616465 * ATAN(
        EXP(
          3.141592653589793 * (
            1 - CAST(2.0 * CAST(_wf_y AS DOUBLE PRECISION) AS DOUBLE PRECISION) / POWER(2.0, _wf_z)
          )
        )
      ) - 90.0,
      4326
    ) AS _wf_geo
  FROM native_quadbinenrich_1_tiles
), native_quadbinenrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(CAST(ST_INTERSECTION(s._wf_geo, f._wf_geo) AS GEOGRAPHY))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(CAST(ST_INTERSECTION(s._wf_geo, f._wf_geo) AS GEOGRAPHY))
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_quadbinenrich_1_shapes AS s
  INNER JOIN native_quadbinenrich_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_quadbinenrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      CAST(_wf_part AS DOUBLE PRECISION) / _wf_whole
    )) AS zone_id_sum,
    CAST(SUM(_wf_v0 * _wf_part) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN NOT _wf_v0 IS NULL THEN _wf_part END), 0) AS zone_id_avg,
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
  FROM analytics.cells AS t
  LEFT JOIN native_quadbinenrich_1_enriched AS e
    ON t.quadbin = e._wf_key
)
SELECT
  *
FROM native_quadbinenrich_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case quadbinenrich_kring: unsupported (the Amazon Redshift dialect cannot express this component (no int_range))

-- case enrichpoints
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_enrichpoints_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS DOUBLE PRECISION) AS _wf_v0,
    zone AS _wf_v1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_enrichpoints_1_shapes AS (
  SELECT
    geom AS _wf_key,
    geom AS _wf_geo
  FROM analytics.people
  WHERE
    NOT geom IS NULL
  GROUP BY
    geom
), native_enrichpoints_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1
  FROM native_enrichpoints_1_shapes AS s
  INNER JOIN native_enrichpoints_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_enrichpoints_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0) AS zone_id_sum,
    AVG(_wf_v0) AS zone_id_avg,
    MAX(_wf_v1) AS zone_max,
    COUNT(_wf_v0) AS zone_id_count
  FROM native_enrichpoints_1_pairs
  GROUP BY
    _wf_key
), native_enrichpoints_1 AS (
  SELECT
    t.*,
    e.zone_id_sum,
    e.zone_id_avg,
    e.zone_max,
    e.zone_id_count
  FROM analytics.people AS t
  LEFT JOIN native_enrichpoints_1_enriched AS e
    ON t.geom = e._wf_key
)
SELECT
  *
FROM native_enrichpoints_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case enrichpolygons
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
WITH native_enrichpolygons_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(score AS DOUBLE PRECISION) AS _wf_v0,
    CAST(age AS DOUBLE PRECISION) AS _wf_v1,
    name AS _wf_v2,
    id AS _wf_v3,
    ST_AREA(CAST(geom AS GEOGRAPHY)) AS _wf_area,
    ST_LENGTH(CAST(geom AS GEOGRAPHY)) AS _wf_length
  FROM analytics.people
  WHERE
    NOT geom IS NULL
), native_enrichpolygons_1_shapes AS (
  SELECT
    geom AS _wf_key,
    geom AS _wf_geo
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
  GROUP BY
    geom
), native_enrichpolygons_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1,
    f._wf_v2,
    f._wf_v3,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(CAST(ST_INTERSECTION(s._wf_geo, f._wf_geo) AS GEOGRAPHY))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(CAST(ST_INTERSECTION(s._wf_geo, f._wf_geo) AS GEOGRAPHY))
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_enrichpolygons_1_shapes AS s
  INNER JOIN native_enrichpolygons_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_enrichpolygons_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      CAST(_wf_part AS DOUBLE PRECISION) / _wf_whole
    )) AS score_sum,
    CAST(SUM(_wf_v1 * _wf_part) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN NOT _wf_v1 IS NULL THEN _wf_part END), 0) AS age_avg,
    MIN(_wf_v2) AS name_min,
    COUNT(_wf_v3) AS id_count
  FROM native_enrichpolygons_1_pairs
  GROUP BY
    _wf_key
), native_enrichpolygons_1 AS (
  SELECT
    t.*,
    e.score_sum,
    e.age_avg,
    e.name_min,
    e.id_count
  FROM analytics.zones AS t
  LEFT JOIN native_enrichpolygons_1_enriched AS e
    ON t.geom = e._wf_key
)
SELECT
  *
FROM native_enrichpolygons_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;
