-- case save_replace
-- stage save_copy
CREATE OR REPLACE TABLE analytics.`copy` AS
SELECT
  *
FROM analytics.people;

-- case save_append
-- stage save_log
CREATE TABLE IF NOT EXISTS analytics._wareflow_appends (
  run_key STRING,
  appended_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS analytics.log AS
SELECT
  *
FROM (
  SELECT
    *
  FROM analytics.people
) AS q
WHERE
  1 = 0;
BEGIN TRANSACTION;
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
  CURRENT_TIMESTAMP()
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM analytics._wareflow_appends
    WHERE
      run_key = 'manual:save_log'
  );
COMMIT TRANSACTION;

-- case gettablebyname
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
SELECT
  *
FROM analytics.cities;

-- case tablefromgeojson
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_tablefromgeojson_1 AS (
  SELECT
    features.name,
    features.pop,
    ST_GEOGFROMGEOJSON(features.geojson) AS `geometry`
  FROM UNNEST([
    STRUCT(
      CAST('A' AS STRING) AS name,
      CAST(10 AS FLOAT64) AS pop,
      '{"type":"Point","coordinates":[1,2]}' AS geojson
    ),
    STRUCT(
      CAST('B' AS STRING) AS name,
      CAST(NULL AS FLOAT64) AS pop,
      '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}' AS geojson
    )
  ]) AS features
)
SELECT
  *
FROM native_tablefromgeojson_1;

-- case where
-- stage save_m
CREATE OR REPLACE TABLE analytics.m AS
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
-- stage save_u
CREATE OR REPLACE TABLE analytics.u AS
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

-- case wheresimplified
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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

-- case select
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_select_1 AS (
  SELECT
    id,
    UPPER(name) AS up,
    IFNULL(city, 'none') AS town
  FROM analytics.people
)
SELECT
  *
FROM native_select_1;

-- case selectexpression
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_selectexpression_1 AS (
  SELECT
    people.*,
    COALESCE(score, 0) + 1.5 AS total
  FROM analytics.people
)
SELECT
  *
FROM native_selectexpression_1;

-- case customsql
-- stage native_customsql
CREATE OR REPLACE TABLE wareflow_native_customsql_8d3f291262bf
OPTIONS (
  expiration_timestamp=TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL (INTERVAL 7 DAY) DAY)
) AS
SELECT
  p.city,
  COUNT(*) AS n
FROM analytics.people AS p
JOIN analytics.cities AS c
  ON p.city = c.city
GROUP BY
  p.city;
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
SELECT
  *
FROM wareflow_native_customsql_8d3f291262bf;

-- case casewhen
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_casewhen_1 AS (
  SELECT
    people.*,
    CASE WHEN age >= 50 THEN 'senior' WHEN age IS NULL THEN 'unknown' ELSE 'adult' END AS band
  FROM analytics.people
)
SELECT
  *
FROM native_casewhen_1;

-- case dropcolumn
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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

-- case renamecolumn
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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

-- case orderby_limit
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_orderby_1 AS (
  SELECT
    *
  FROM analytics.people
), native_limit_1 AS (
  SELECT
    *
  FROM native_orderby_1
  ORDER BY
    score DESC,
    id ASC NULLS LAST
  LIMIT 2
)
SELECT
  *
FROM native_limit_1
ORDER BY
  score DESC,
  id ASC NULLS LAST;

-- case normalize
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_normalize_1 AS (
  SELECT
    people.*,
    (
      CAST(score AS FLOAT64) - MIN(CAST(score AS FLOAT64)) OVER ()
    ) / NULLIF(MAX(CAST(score AS FLOAT64)) OVER () - MIN(CAST(score AS FLOAT64)) OVER (), 0) AS score_norm
  FROM analytics.people
)
SELECT
  *
FROM native_normalize_1;

-- case groupby
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_groupby_1 AS (
  SELECT
    city,
    SUM(score) AS score_sum,
    COUNT(id) AS id_count,
    STRING_AGG(CAST(name AS STRING), ',') AS name_concat
  FROM analytics.people
  GROUP BY
    city
)
SELECT
  *
FROM native_groupby_1;

-- case groupby_geometry
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_groupby_1 AS (
  SELECT
    ST_UNION_AGG(geom) AS geom_union,
    ST_CENTROID_AGG(geom) AS geom_centroid,
    COUNT(zone_id) AS zone_id_count
  FROM analytics.zones
)
SELECT
  *
FROM native_groupby_1;

-- case join
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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

-- case crossjoin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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

-- case spatialjoin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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
    ON ST_Intersects(_main.geom, _joined.geom)
)
SELECT
  *
FROM native_spatialjoin_1;

-- case spatialfilter
-- stage save_m
CREATE OR REPLACE TABLE analytics.m AS
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
        ST_Within(_filter.geom, _source.geom)
    )
)
SELECT
  *
FROM native_spatialfilter_1;
-- stage save_u
CREATE OR REPLACE TABLE analytics.u AS
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
        ST_Within(_filter.geom, _source.geom)
    )
)
SELECT
  *
FROM native_spatialfilter_1;

-- case buffer
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_buffer_1 AS (
  SELECT
    ST_BUFFER(geom, (
      500
    ) * 1609.344) AS geom_buffer,
    people.*
  FROM analytics.people
)
SELECT
  *
FROM native_buffer_1;

-- case h3frompoint
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3frompoint_1 AS (
  SELECT
    `carto-un`.`carto`.H3_FROMGEOGPOINT(geom, 9) AS h3,
    people.*
  FROM analytics.people
)
SELECT
  *
FROM native_h3frompoint_1;

-- case h3polyfill_nomode
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT DISTINCT
    CAST(_wf_h3 AS STRING) AS h3
  FROM analytics.zones
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_POLYFILL_MODE(geom, 7, 'center')) AS _wf_h3
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_nomode_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT
    zones.*,
    CAST(_wf_h3 AS STRING) AS h3
  FROM analytics.zones
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_POLYFILL_MODE(geom, 7, 'center')) AS _wf_h3
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_center
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT DISTINCT
    CAST(_wf_h3 AS STRING) AS h3
  FROM analytics.zones
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_POLYFILL_MODE(geom, 7, 'center')) AS _wf_h3
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_center_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT
    zones.*,
    CAST(_wf_h3 AS STRING) AS h3
  FROM analytics.zones
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_POLYFILL_MODE(geom, 7, 'center')) AS _wf_h3
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_intersects
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT DISTINCT
    CAST(_wf_h3 AS STRING) AS h3
  FROM analytics.zones
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_POLYFILL_MODE(geom, 7, 'intersects')) AS _wf_h3
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_intersects_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT
    zones.*,
    CAST(_wf_h3 AS STRING) AS h3
  FROM analytics.zones
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_POLYFILL_MODE(geom, 7, 'intersects')) AS _wf_h3
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_contains
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT DISTINCT
    CAST(_wf_h3 AS STRING) AS h3
  FROM analytics.zones
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_POLYFILL_MODE(geom, 7, 'contains')) AS _wf_h3
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_contains_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT
    zones.*,
    CAST(_wf_h3 AS STRING) AS h3
  FROM analytics.zones
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_POLYFILL_MODE(geom, 7, 'contains')) AS _wf_h3
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3boundary
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3boundary_1 AS (
  SELECT
    `carto-un`.`carto`.H3_BOUNDARY(h3) AS h3_geo,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3boundary_1;

-- case h3center
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3center_1 AS (
  SELECT
    `carto-un`.`carto`.H3_CENTER(h3) AS h3_center,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3center_1;

-- case h3kring
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3kring_1 AS (
  SELECT
    cells.*,
    CAST(_wf_kring_index AS STRING) AS kring_index,
    `carto-un`.`carto`.H3_DISTANCE(h3, CAST(_wf_kring_index AS STRING)) AS distance
  FROM analytics.cells
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_KRING(h3, 2)) AS _wf_kring_index
)
SELECT
  *
FROM native_h3kring_1;

-- case h3distance
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3distance_1 AS (
  SELECT
    `carto-un`.`carto`.H3_DISTANCE(h3, h3_other) AS h3_distance,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3distance_1;

-- case h3toparent
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3toparent_1 AS (
  SELECT
    `carto-un`.`carto`.H3_TOPARENT(h3, 5) AS h3_parent,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3toparent_1;

-- case h3tochildren
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3tochildren_1 AS (
  SELECT
    cells.*,
    CAST(_wf_h3_child AS STRING) AS h3_child
  FROM analytics.cells
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_TOCHILDREN(h3, 10)) AS _wf_h3_child
)
SELECT
  *
FROM native_h3tochildren_1;

-- case quadbinfromgeopoint
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinfromgeopoint_1_tile AS (
  SELECT
    people.*,
    MOD(CAST(FLOOR(4096 * (
      ST_X(geom) / 360.0 + 0.5
    )) AS INT64), 4096) AS _wf_x,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          4096 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      4095
    ) AS INT64) AS _wf_y
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

-- case quadbinfrompoint
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinfrompoint_1_tile AS (
  SELECT
    people.*,
    MOD(CAST(FLOOR(16 * (
      ST_X(geom) / 360.0 + 0.5
    )) AS INT64), 16) AS _wf_x,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          16 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      15
    ) AS INT64) AS _wf_y
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

-- case quadbinpolyfill_center
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    geom,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmin / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmax / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    geom,
    CAST(_wf__wf_x AS INT64) AS _wf_x,
    CAST(_wf__wf_y AS INT64) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_x0, _wf_x1)) AS _wf__wf_x
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_y0, _wf_y1)) AS _wf__wf_y
), native_quadbinpolyfill_1 AS (
  SELECT DISTINCT
    5233182771299483647 | (
      (
        _wf_x & 1
      ) << 32
    ) | (
      (
        _wf_y & 1
      ) << 33
    ) | (
      (
        _wf_x & 2
      ) << 33
    ) | (
      (
        _wf_y & 2
      ) << 34
    ) | (
      (
        _wf_x & 4
      ) << 34
    ) | (
      (
        _wf_y & 4
      ) << 35
    ) | (
      (
        _wf_x & 8
      ) << 35
    ) | (
      (
        _wf_y & 8
      ) << 36
    ) | (
      (
        _wf_x & 16
      ) << 36
    ) | (
      (
        _wf_y & 16
      ) << 37
    ) | (
      (
        _wf_x & 32
      ) << 37
    ) | (
      (
        _wf_y & 32
      ) << 38
    ) | (
      (
        _wf_x & 64
      ) << 38
    ) | (
      (
        _wf_y & 64
      ) << 39
    ) | (
      (
        _wf_x & 128
      ) << 39
    ) | (
      (
        _wf_y & 128
      ) << 40
    ) | (
      (
        _wf_x & 256
      ) << 40
    ) | (
      (
        _wf_y & 256
      ) << 41
    ) | (
      (
        _wf_x & 512
      ) << 41
    ) | (
      (
        _wf_y & 512
      ) << 42
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_Intersects(
      geom,
      ST_GEOGPOINT(
        360.0 * CAST(_wf_x + 0.5 AS FLOAT64) / POWER(2.0, 10) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - 2.0 * CAST(_wf_y + 0.5 AS FLOAT64) / POWER(2.0, 10)
            )
          )
        ) - 90.0
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_center_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    zones.*,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmin / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmax / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    zone_id,
    zone,
    geom,
    CAST(_wf__wf_x AS INT64) AS _wf_x,
    CAST(_wf__wf_y AS INT64) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_x0, _wf_x1)) AS _wf__wf_x
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_y0, _wf_y1)) AS _wf__wf_y
), native_quadbinpolyfill_1 AS (
  SELECT
    zone_id,
    zone,
    geom,
    5233182771299483647 | (
      (
        _wf_x & 1
      ) << 32
    ) | (
      (
        _wf_y & 1
      ) << 33
    ) | (
      (
        _wf_x & 2
      ) << 33
    ) | (
      (
        _wf_y & 2
      ) << 34
    ) | (
      (
        _wf_x & 4
      ) << 34
    ) | (
      (
        _wf_y & 4
      ) << 35
    ) | (
      (
        _wf_x & 8
      ) << 35
    ) | (
      (
        _wf_y & 8
      ) << 36
    ) | (
      (
        _wf_x & 16
      ) << 36
    ) | (
      (
        _wf_y & 16
      ) << 37
    ) | (
      (
        _wf_x & 32
      ) << 37
    ) | (
      (
        _wf_y & 32
      ) << 38
    ) | (
      (
        _wf_x & 64
      ) << 38
    ) | (
      (
        _wf_y & 64
      ) << 39
    ) | (
      (
        _wf_x & 128
      ) << 39
    ) | (
      (
        _wf_y & 128
      ) << 40
    ) | (
      (
        _wf_x & 256
      ) << 40
    ) | (
      (
        _wf_y & 256
      ) << 41
    ) | (
      (
        _wf_x & 512
      ) << 41
    ) | (
      (
        _wf_y & 512
      ) << 42
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_Intersects(
      geom,
      ST_GEOGPOINT(
        360.0 * CAST(_wf_x + 0.5 AS FLOAT64) / POWER(2.0, 10) - 180.0,
        114.59155902616465 * ATAN(
          EXP(
            3.141592653589793 * (
              1 - 2.0 * CAST(_wf_y + 0.5 AS FLOAT64) / POWER(2.0, 10)
            )
          )
        ) - 90.0
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_intersects
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    geom,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmin / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmax / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    geom,
    CAST(_wf__wf_x AS INT64) AS _wf_x,
    CAST(_wf__wf_y AS INT64) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_x0, _wf_x1)) AS _wf__wf_x
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_y0, _wf_y1)) AS _wf__wf_y
), native_quadbinpolyfill_1 AS (
  SELECT DISTINCT
    5233182771299483647 | (
      (
        _wf_x & 1
      ) << 32
    ) | (
      (
        _wf_y & 1
      ) << 33
    ) | (
      (
        _wf_x & 2
      ) << 33
    ) | (
      (
        _wf_y & 2
      ) << 34
    ) | (
      (
        _wf_x & 4
      ) << 34
    ) | (
      (
        _wf_y & 4
      ) << 35
    ) | (
      (
        _wf_x & 8
      ) << 35
    ) | (
      (
        _wf_y & 8
      ) << 36
    ) | (
      (
        _wf_x & 16
      ) << 36
    ) | (
      (
        _wf_y & 16
      ) << 37
    ) | (
      (
        _wf_x & 32
      ) << 37
    ) | (
      (
        _wf_y & 32
      ) << 38
    ) | (
      (
        _wf_x & 64
      ) << 38
    ) | (
      (
        _wf_y & 64
      ) << 39
    ) | (
      (
        _wf_x & 128
      ) << 39
    ) | (
      (
        _wf_y & 128
      ) << 40
    ) | (
      (
        _wf_x & 256
      ) << 40
    ) | (
      (
        _wf_y & 256
      ) << 41
    ) | (
      (
        _wf_x & 512
      ) << 41
    ) | (
      (
        _wf_y & 512
      ) << 42
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_Intersects(
      geom,
      ST_MAKEPOLYGON(
        ST_MAKELINE(
          [
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, 10)
                ))
              ) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, 10)
                ))
              ) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, 10)
              ))) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, 10)
              ))) - 90.0
            )
          ]
        )
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_intersects_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    zones.*,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmin / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmax / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    zone_id,
    zone,
    geom,
    CAST(_wf__wf_x AS INT64) AS _wf_x,
    CAST(_wf__wf_y AS INT64) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_x0, _wf_x1)) AS _wf__wf_x
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_y0, _wf_y1)) AS _wf__wf_y
), native_quadbinpolyfill_1 AS (
  SELECT
    zone_id,
    zone,
    geom,
    5233182771299483647 | (
      (
        _wf_x & 1
      ) << 32
    ) | (
      (
        _wf_y & 1
      ) << 33
    ) | (
      (
        _wf_x & 2
      ) << 33
    ) | (
      (
        _wf_y & 2
      ) << 34
    ) | (
      (
        _wf_x & 4
      ) << 34
    ) | (
      (
        _wf_y & 4
      ) << 35
    ) | (
      (
        _wf_x & 8
      ) << 35
    ) | (
      (
        _wf_y & 8
      ) << 36
    ) | (
      (
        _wf_x & 16
      ) << 36
    ) | (
      (
        _wf_y & 16
      ) << 37
    ) | (
      (
        _wf_x & 32
      ) << 37
    ) | (
      (
        _wf_y & 32
      ) << 38
    ) | (
      (
        _wf_x & 64
      ) << 38
    ) | (
      (
        _wf_y & 64
      ) << 39
    ) | (
      (
        _wf_x & 128
      ) << 39
    ) | (
      (
        _wf_y & 128
      ) << 40
    ) | (
      (
        _wf_x & 256
      ) << 40
    ) | (
      (
        _wf_y & 256
      ) << 41
    ) | (
      (
        _wf_x & 512
      ) << 41
    ) | (
      (
        _wf_y & 512
      ) << 42
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_Intersects(
      geom,
      ST_MAKEPOLYGON(
        ST_MAKELINE(
          [
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, 10)
                ))
              ) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, 10)
                ))
              ) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, 10)
              ))) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, 10)
              ))) - 90.0
            )
          ]
        )
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_contains
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    geom,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmin / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmax / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    geom,
    CAST(_wf__wf_x AS INT64) AS _wf_x,
    CAST(_wf__wf_y AS INT64) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_x0, _wf_x1)) AS _wf__wf_x
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_y0, _wf_y1)) AS _wf__wf_y
), native_quadbinpolyfill_1 AS (
  SELECT DISTINCT
    5233182771299483647 | (
      (
        _wf_x & 1
      ) << 32
    ) | (
      (
        _wf_y & 1
      ) << 33
    ) | (
      (
        _wf_x & 2
      ) << 33
    ) | (
      (
        _wf_y & 2
      ) << 34
    ) | (
      (
        _wf_x & 4
      ) << 34
    ) | (
      (
        _wf_y & 4
      ) << 35
    ) | (
      (
        _wf_x & 8
      ) << 35
    ) | (
      (
        _wf_y & 8
      ) << 36
    ) | (
      (
        _wf_x & 16
      ) << 36
    ) | (
      (
        _wf_y & 16
      ) << 37
    ) | (
      (
        _wf_x & 32
      ) << 37
    ) | (
      (
        _wf_y & 32
      ) << 38
    ) | (
      (
        _wf_x & 64
      ) << 38
    ) | (
      (
        _wf_y & 64
      ) << 39
    ) | (
      (
        _wf_x & 128
      ) << 39
    ) | (
      (
        _wf_y & 128
      ) << 40
    ) | (
      (
        _wf_x & 256
      ) << 40
    ) | (
      (
        _wf_y & 256
      ) << 41
    ) | (
      (
        _wf_x & 512
      ) << 41
    ) | (
      (
        _wf_y & 512
      ) << 42
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_Contains(
      geom,
      ST_MAKEPOLYGON(
        ST_MAKELINE(
          [
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, 10)
                ))
              ) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, 10)
                ))
              ) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, 10)
              ))) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, 10)
              ))) - 90.0
            )
          ]
        )
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_contains_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    zones.*,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmin / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_BOUNDINGBOX(geom).xmax / 360.0 + 0.5
    )) AS INT64), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymax, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_BOUNDINGBOX(geom).ymin, -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS INT64) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    zone_id,
    zone,
    geom,
    CAST(_wf__wf_x AS INT64) AS _wf_x,
    CAST(_wf__wf_y AS INT64) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_x0, _wf_x1)) AS _wf__wf_x
  CROSS JOIN UNNEST(GENERATE_ARRAY(_wf_y0, _wf_y1)) AS _wf__wf_y
), native_quadbinpolyfill_1 AS (
  SELECT
    zone_id,
    zone,
    geom,
    5233182771299483647 | (
      (
        _wf_x & 1
      ) << 32
    ) | (
      (
        _wf_y & 1
      ) << 33
    ) | (
      (
        _wf_x & 2
      ) << 33
    ) | (
      (
        _wf_y & 2
      ) << 34
    ) | (
      (
        _wf_x & 4
      ) << 34
    ) | (
      (
        _wf_y & 4
      ) << 35
    ) | (
      (
        _wf_x & 8
      ) << 35
    ) | (
      (
        _wf_y & 8
      ) << 36
    ) | (
      (
        _wf_x & 16
      ) << 36
    ) | (
      (
        _wf_y & 16
      ) << 37
    ) | (
      (
        _wf_x & 32
      ) << 37
    ) | (
      (
        _wf_y & 32
      ) << 38
    ) | (
      (
        _wf_x & 64
      ) << 38
    ) | (
      (
        _wf_y & 64
      ) << 39
    ) | (
      (
        _wf_x & 128
      ) << 39
    ) | (
      (
        _wf_y & 128
      ) << 40
    ) | (
      (
        _wf_x & 256
      ) << 40
    ) | (
      (
        _wf_y & 256
      ) << 41
    ) | (
      (
        _wf_x & 512
      ) << 41
    ) | (
      (
        _wf_y & 512
      ) << 42
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_Contains(
      geom,
      ST_MAKEPOLYGON(
        ST_MAKELINE(
          [
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, 10)
                ))
              ) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, 10)
                ))
              ) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, 10)
              ))) - 90.0
            ),
            ST_GEOGPOINT(
              360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, 10)
              ))) - 90.0
            )
          ]
        )
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinboundary
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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
    ) AS INT64) AS _wf_x,
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
    ) AS INT64) AS _wf_y
  FROM analytics.cells
), native_quadbinboundary_1 AS (
  SELECT
    ST_MAKEPOLYGON(
      ST_MAKELINE(
        [
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(
                3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, _wf_z)
                )
              )
            ) - 90.0
          ),
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(
                3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, _wf_z)
                )
              )
            ) - 90.0
          ),
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, _wf_z)
              ))
            ) - 90.0
          ),
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, _wf_z)
              ))
            ) - 90.0
          )
        ]
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

-- case quadbincenter
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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
    ) AS INT64) AS _wf_x,
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
    ) AS INT64) AS _wf_y
  FROM analytics.cells
), native_quadbincenter_1 AS (
  SELECT
    ST_GEOGPOINT(
      360.0 * CAST(_wf_x + 0.5 AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
      114.59155902616465 * ATAN(
        EXP(
          3.141592653589793 * (
            1 - 2.0 * CAST(_wf_y + 0.5 AS FLOAT64) / POWER(2.0, _wf_z)
          )
        )
      ) - 90.0
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

-- case quadbinkring
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinkring_1_tile AS (
  SELECT
    quadbin,
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
    ) AS INT64) AS _wf_x,
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
    ) AS INT64) AS _wf_y
  FROM analytics.cells
), native_quadbinkring_1_ring AS (
  SELECT
    native_quadbinkring_1_tile.*,
    CAST(_wf__wf_dx AS INT64) AS _wf_dx,
    CAST(_wf__wf_dy AS INT64) AS _wf_dy,
    MOD(
      _wf_x + CAST(_wf__wf_dx AS INT64) + (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ),
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy AS INT64) AS _wf_ky
  FROM native_quadbinkring_1_tile
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    -LEAST(1, DIV((
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ), 2)),
    LEAST(1, DIV((
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ), 2))
  )) AS _wf__wf_dx
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    GREATEST(-1, -_wf_y),
    LEAST(1, (
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ) - _wf_y)
  )) AS _wf__wf_dy
), native_quadbinkring_1 AS (
  SELECT
    quadbin,
    5188146770730811392 | (
      _wf_z << 52
    ) | (
      (
        _wf_kx << CAST(26 - _wf_z AS INT64)
      ) & 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1
      ) << 1
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 2
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 2
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 3
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 3
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 4
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 4
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 5
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 5
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 6
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 6
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 7
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 7
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 8
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 8
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 9
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 9
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 10
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 10
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 11
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 11
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 12
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 12
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 13
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 13
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 14
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 14
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 15
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 15
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 16
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 16
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 17
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 17
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 18
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 18
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 19
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 19
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 20
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 20
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 21
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 21
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 22
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 22
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 23
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 23
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 24
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 24
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 25
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 25
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 26
    ) | (
      (
        CAST(1 AS INT64) << CAST(52 - 2 * _wf_z AS INT64)
      ) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_quadbinkring_1_ring
)
SELECT
  *
FROM native_quadbinkring_1;

-- case quadbintoparent
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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

-- case quadbintochildren
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbintochildren_1_resolution AS (
  SELECT
    cells.*,
    (
      quadbin >> 52
    ) & 31 AS _wf_z
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
        (
          quadbin & 9083760448406290431
        ) - (
          (
            (
              CAST(1 AS INT64) << CAST(2 * (
                8 - _wf_z
              ) AS INT64)
            ) - 1
          ) << 36
        )
      ) | 36028797018963968
    ) | (
      CAST(_wf_quadbin_child AS INT64) << 36
    ) AS quadbin_child
  FROM native_quadbintochildren_1_resolution
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    0,
    CASE
      WHEN _wf_z <= 8
      THEN (
        (
          CAST(1 AS INT64) << CAST(2 * (
            8 - _wf_z
          ) AS INT64)
        )
      ) - 1
      ELSE -1
    END
  )) AS _wf_quadbin_child
)
SELECT
  *
FROM native_quadbintochildren_1;

-- case getisord_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_getisord_1_cells AS (
  SELECT
    h3 AS `index`,
    CAST(value AS FLOAT64) AS value
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL AND NOT value IS NULL
), native_getisord_1_stats AS (
  SELECT
    COUNT(*) AS n,
    AVG(value) AS mean,
    STDDEV_POP(value) AS sd
  FROM native_getisord_1_cells
), native_getisord_1_neighbours AS (
  SELECT
    `index`,
    CAST(_wf_kring_index AS STRING) AS kring_index,
    `carto-un`.`carto`.H3_DISTANCE(`index`, CAST(_wf_kring_index AS STRING)) AS distance
  FROM native_getisord_1_cells
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_KRING(`index`, 2)) AS _wf_kring_index
), native_getisord_1_weighted AS (
  SELECT
    r.index AS `index`,
    SUM(
      (
        EXP(
          -(
            CAST(r.distance AS FLOAT64) / 3.0
          ) * (
            CAST(r.distance AS FLOAT64) / 3.0
          ) / 2.0
        )
      ) * c.value
    ) AS swx,
    SUM(
      EXP(
        -(
          CAST(r.distance AS FLOAT64) / 3.0
        ) * (
          CAST(r.distance AS FLOAT64) / 3.0
        ) / 2.0
      )
    ) AS sw,
    SUM(
      (
        EXP(
          -(
            CAST(r.distance AS FLOAT64) / 3.0
          ) * (
            CAST(r.distance AS FLOAT64) / 3.0
          ) / 2.0
        )
      ) * (
        EXP(
          -(
            CAST(r.distance AS FLOAT64) / 3.0
          ) * (
            CAST(r.distance AS FLOAT64) / 3.0
          ) / 2.0
        )
      )
    ) AS sww
  FROM native_getisord_1_neighbours AS r
  INNER JOIN native_getisord_1_cells AS c
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
  FROM native_getisord_1_weighted AS w
  CROSS JOIN native_getisord_1_stats AS s
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

-- case getisord_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_getisord_1_cells AS (
  SELECT
    quadbin AS `index`,
    CAST(value AS FLOAT64) AS value
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
    `index`,
    (
      `index` >> 52
    ) & 31 AS _wf_z,
    (
      (
        `index` & 4503599627370495
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 1
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_x,
    (
      (
        (
          `index` & 4503599627370495
        ) >> 1
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 26
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_y
  FROM native_getisord_1_cells
), native_getisord_1_ring AS (
  SELECT
    native_getisord_1_tile.*,
    CAST(_wf__wf_dx AS INT64) AS _wf_dx,
    CAST(_wf__wf_dy AS INT64) AS _wf_dy,
    MOD(
      _wf_x + CAST(_wf__wf_dx AS INT64) + (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ),
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy AS INT64) AS _wf_ky
  FROM native_getisord_1_tile
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    -LEAST(3, DIV((
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ), 2)),
    LEAST(3, DIV((
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ), 2))
  )) AS _wf__wf_dx
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    GREATEST(-3, -_wf_y),
    LEAST(3, (
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ) - _wf_y)
  )) AS _wf__wf_dy
), native_getisord_1_neighbours AS (
  SELECT
    `index`,
    5188146770730811392 | (
      _wf_z << 52
    ) | (
      (
        _wf_kx << CAST(26 - _wf_z AS INT64)
      ) & 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1
      ) << 1
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 2
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 2
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 3
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 3
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 4
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 4
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 5
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 5
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 6
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 6
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 7
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 7
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 8
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 8
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 9
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 9
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 10
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 10
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 11
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 11
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 12
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 12
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 13
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 13
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 14
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 14
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 15
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 15
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 16
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 16
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 17
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 17
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 18
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 18
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 19
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 19
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 20
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 20
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 21
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 21
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 22
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 22
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 23
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 23
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 24
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 24
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 25
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 25
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 26
    ) | (
      (
        CAST(1 AS INT64) << CAST(52 - 2 * _wf_z AS INT64)
      ) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_getisord_1_ring
), native_getisord_1_weighted AS (
  SELECT
    r.index AS `index`,
    SUM((
      1.0
    ) * c.value) AS swx,
    SUM(1.0) AS sw,
    SUM((
      1.0
    ) * (
      1.0
    )) AS sww
  FROM native_getisord_1_neighbours AS r
  INNER JOIN native_getisord_1_cells AS c
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
  FROM native_getisord_1_weighted AS w
  CROSS JOIN native_getisord_1_stats AS s
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

-- case moransi_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_moransi_1_cells AS (
  SELECT
    h3 AS `index`,
    CAST(value AS FLOAT64) AS value
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL AND NOT value IS NULL
), native_moransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS FLOAT64) AS n,
    AVG(value) AS mean
  FROM native_moransi_1_cells
), native_moransi_1_neighbours AS (
  SELECT
    `index`,
    CAST(_wf_kring_index AS STRING) AS kring_index,
    `carto-un`.`carto`.H3_DISTANCE(`index`, CAST(_wf_kring_index AS STRING)) AS distance
  FROM native_moransi_1_cells
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_KRING(`index`, 2)) AS _wf_kring_index
), native_moransi_1_weighted AS (
  SELECT
    r.index AS `index`,
    SUM(EXP(-CAST(r.distance AS FLOAT64))) AS sw,
    SUM(EXP(-CAST(r.distance AS FLOAT64)) * EXP(-CAST(r.distance AS FLOAT64))) AS sww,
    SUM(EXP(-CAST(r.distance AS FLOAT64)) * (
      c.value - s.mean
    )) AS swd
  FROM native_moransi_1_neighbours AS r
  INNER JOIN native_moransi_1_cells AS c
    ON r.kring_index = c.index
  CROSS JOIN native_moransi_1_stats AS s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_moransi_1_lagged AS (
  SELECT
    c.value - s.mean AS dev,
    w.swd / NULLIF(w.sw, 0) AS lag,
    s.n AS n
  FROM native_moransi_1_cells AS c
  LEFT JOIN native_moransi_1_weighted AS w
    ON c.index = w.index
  CROSS JOIN native_moransi_1_stats AS s
), native_moransi_1 AS (
  SELECT
    (
      (
        MAX(n) / NULLIF(CAST(COUNT(lag) AS FLOAT64), 0)
      ) * SUM(dev * lag)
    ) / NULLIF(SUM(dev * dev), 0) AS morans_i
  FROM native_moransi_1_lagged
)
SELECT
  *
FROM native_moransi_1;

-- case moransi_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_moransi_1_cells AS (
  SELECT
    quadbin AS `index`,
    CAST(value AS FLOAT64) AS value
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL
), native_moransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS FLOAT64) AS n,
    AVG(value) AS mean
  FROM native_moransi_1_cells
), native_moransi_1_tile AS (
  SELECT
    `index`,
    (
      `index` >> 52
    ) & 31 AS _wf_z,
    (
      (
        `index` & 4503599627370495
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 1
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_x,
    (
      (
        (
          `index` & 4503599627370495
        ) >> 1
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 26
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_y
  FROM native_moransi_1_cells
), native_moransi_1_ring AS (
  SELECT
    native_moransi_1_tile.*,
    CAST(_wf__wf_dx AS INT64) AS _wf_dx,
    CAST(_wf__wf_dy AS INT64) AS _wf_dy,
    MOD(
      _wf_x + CAST(_wf__wf_dx AS INT64) + (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ),
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy AS INT64) AS _wf_ky
  FROM native_moransi_1_tile
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    -LEAST(3, DIV((
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ), 2)),
    LEAST(3, DIV((
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ), 2))
  )) AS _wf__wf_dx
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    GREATEST(-3, -_wf_y),
    LEAST(3, (
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ) - _wf_y)
  )) AS _wf__wf_dy
), native_moransi_1_neighbours AS (
  SELECT
    `index`,
    5188146770730811392 | (
      _wf_z << 52
    ) | (
      (
        _wf_kx << CAST(26 - _wf_z AS INT64)
      ) & 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1
      ) << 1
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 2
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 2
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 3
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 3
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 4
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 4
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 5
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 5
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 6
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 6
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 7
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 7
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 8
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 8
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 9
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 9
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 10
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 10
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 11
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 11
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 12
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 12
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 13
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 13
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 14
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 14
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 15
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 15
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 16
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 16
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 17
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 17
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 18
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 18
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 19
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 19
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 20
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 20
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 21
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 21
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 22
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 22
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 23
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 23
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 24
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 24
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 25
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 25
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 26
    ) | (
      (
        CAST(1 AS INT64) << CAST(52 - 2 * _wf_z AS INT64)
      ) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_moransi_1_ring
), native_moransi_1_weighted AS (
  SELECT
    r.index AS `index`,
    SUM(1.0 / CAST(r.distance AS FLOAT64)) AS sw,
    SUM(
      (
        1.0 / CAST(r.distance AS FLOAT64)
      ) * (
        1.0 / CAST(r.distance AS FLOAT64)
      )
    ) AS sww,
    SUM((
      1.0 / CAST(r.distance AS FLOAT64)
    ) * (
      c.value - s.mean
    )) AS swd
  FROM native_moransi_1_neighbours AS r
  INNER JOIN native_moransi_1_cells AS c
    ON r.kring_index = c.index
  CROSS JOIN native_moransi_1_stats AS s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_moransi_1_lagged AS (
  SELECT
    c.value - s.mean AS dev,
    w.swd / NULLIF(w.sw, 0) AS lag,
    s.n AS n
  FROM native_moransi_1_cells AS c
  LEFT JOIN native_moransi_1_weighted AS w
    ON c.index = w.index
  CROSS JOIN native_moransi_1_stats AS s
), native_moransi_1 AS (
  SELECT
    (
      (
        MAX(n) / NULLIF(CAST(COUNT(lag) AS FLOAT64), 0)
      ) * SUM(dev * lag)
    ) / NULLIF(SUM(dev * dev), 0) AS morans_i
  FROM native_moransi_1_lagged
)
SELECT
  *
FROM native_moransi_1;

-- case localmoransi_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_localmoransi_1_cells AS (
  SELECT
    h3 AS `index`,
    CAST(value AS FLOAT64) AS value
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL AND NOT value IS NULL
), native_localmoransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS FLOAT64) AS n,
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
  FROM native_localmoransi_1_cells AS c
  CROSS JOIN native_localmoransi_1_stats AS s
), native_localmoransi_1_neighbours AS (
  SELECT
    `index`,
    CAST(_wf_kring_index AS STRING) AS kring_index,
    `carto-un`.`carto`.H3_DISTANCE(`index`, CAST(_wf_kring_index AS STRING)) AS distance
  FROM native_localmoransi_1_cells
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_KRING(`index`, 1)) AS _wf_kring_index
), native_localmoransi_1_weighted AS (
  SELECT
    r.index AS `index`,
    SUM(1.0) AS sw,
    SUM(1.0 * 1.0) AS sww,
    SUM(1.0 * (
      c.value - s.mean
    )) AS swd
  FROM native_localmoransi_1_neighbours AS r
  INNER JOIN native_localmoransi_1_cells AS c
    ON r.kring_index = c.index
  CROSS JOIN native_localmoransi_1_stats AS s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_localmoransi_1_local AS (
  SELECT
    c.index AS `index`,
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
  FROM native_localmoransi_1_cells AS c
  LEFT JOIN native_localmoransi_1_weighted AS w
    ON c.index = w.index
  CROSS JOIN native_localmoransi_1_stats AS s
  CROSS JOIN native_localmoransi_1_moments AS m
), native_localmoransi_1_scored AS (
  SELECT
    `index`,
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
    `index`,
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
    CAST(quad AS INT64) AS quad
  FROM native_localmoransi_1_scored
)
SELECT
  *
FROM native_localmoransi_1;

-- case localmoransi_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_localmoransi_1_cells AS (
  SELECT
    quadbin AS `index`,
    CAST(value AS FLOAT64) AS value
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL
), native_localmoransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS FLOAT64) AS n,
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
  FROM native_localmoransi_1_cells AS c
  CROSS JOIN native_localmoransi_1_stats AS s
), native_localmoransi_1_tile AS (
  SELECT
    `index`,
    (
      `index` >> 52
    ) & 31 AS _wf_z,
    (
      (
        `index` & 4503599627370495
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 1
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_x,
    (
      (
        (
          `index` & 4503599627370495
        ) >> 1
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 26
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_y
  FROM native_localmoransi_1_cells
), native_localmoransi_1_ring AS (
  SELECT
    native_localmoransi_1_tile.*,
    CAST(_wf__wf_dx AS INT64) AS _wf_dx,
    CAST(_wf__wf_dy AS INT64) AS _wf_dy,
    MOD(
      _wf_x + CAST(_wf__wf_dx AS INT64) + (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ),
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy AS INT64) AS _wf_ky
  FROM native_localmoransi_1_tile
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    -LEAST(2, DIV((
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ), 2)),
    LEAST(2, DIV((
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ), 2))
  )) AS _wf__wf_dx
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    GREATEST(-2, -_wf_y),
    LEAST(2, (
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ) - _wf_y)
  )) AS _wf__wf_dy
), native_localmoransi_1_neighbours AS (
  SELECT
    `index`,
    5188146770730811392 | (
      _wf_z << 52
    ) | (
      (
        _wf_kx << CAST(26 - _wf_z AS INT64)
      ) & 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1
      ) << 1
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 2
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 2
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 3
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 3
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 4
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 4
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 5
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 5
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 6
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 6
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 7
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 7
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 8
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 8
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 9
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 9
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 10
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 10
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 11
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 11
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 12
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 12
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 13
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 13
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 14
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 14
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 15
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 15
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 16
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 16
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 17
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 17
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 18
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 18
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 19
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 19
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 20
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 20
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 21
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 21
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 22
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 22
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 23
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 23
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 24
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 24
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 25
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 25
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 26
    ) | (
      (
        CAST(1 AS INT64) << CAST(52 - 2 * _wf_z AS INT64)
      ) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_localmoransi_1_ring
), native_localmoransi_1_weighted AS (
  SELECT
    r.index AS `index`,
    SUM(1.0 / (
      CAST(r.distance AS FLOAT64) * CAST(r.distance AS FLOAT64)
    )) AS sw,
    SUM(
      (
        1.0 / (
          CAST(r.distance AS FLOAT64) * CAST(r.distance AS FLOAT64)
        )
      ) * (
        1.0 / (
          CAST(r.distance AS FLOAT64) * CAST(r.distance AS FLOAT64)
        )
      )
    ) AS sww,
    SUM(
      (
        1.0 / (
          CAST(r.distance AS FLOAT64) * CAST(r.distance AS FLOAT64)
        )
      ) * (
        c.value - s.mean
      )
    ) AS swd
  FROM native_localmoransi_1_neighbours AS r
  INNER JOIN native_localmoransi_1_cells AS c
    ON r.kring_index = c.index
  CROSS JOIN native_localmoransi_1_stats AS s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_localmoransi_1_local AS (
  SELECT
    c.index AS `index`,
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
  FROM native_localmoransi_1_cells AS c
  LEFT JOIN native_localmoransi_1_weighted AS w
    ON c.index = w.index
  CROSS JOIN native_localmoransi_1_stats AS s
  CROSS JOIN native_localmoransi_1_moments AS m
), native_localmoransi_1_scored AS (
  SELECT
    `index`,
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
    `index`,
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
    CAST(quad AS INT64) AS quad
  FROM native_localmoransi_1_scored
)
SELECT
  *
FROM native_localmoransi_1;

-- case commercialhotspots_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_commercialhotspots_1_cells AS (
  SELECT
    h3 AS `index`,
    CAST(value AS FLOAT64) AS v0,
    CAST(id AS FLOAT64) AS v1
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL AND NOT value IS NULL AND NOT id IS NULL
), native_commercialhotspots_1_stats AS (
  SELECT
    CAST(COUNT(*) AS FLOAT64) AS n,
    AVG(v0) AS mean_v0,
    AVG(v1) AS mean_v1,
    STDDEV_POP(v0) AS sd_v0,
    STDDEV_POP(v1) AS sd_v1
  FROM native_commercialhotspots_1_cells
), native_commercialhotspots_1_neighbours AS (
  SELECT
    `index`,
    CAST(_wf_kring_index AS STRING) AS kring_index,
    `carto-un`.`carto`.H3_DISTANCE(`index`, CAST(_wf_kring_index AS STRING)) AS distance
  FROM native_commercialhotspots_1_cells
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_KRING(`index`, 2)) AS _wf_kring_index
), native_commercialhotspots_1_weighted AS (
  SELECT
    r.index AS `index`,
    SUM(1.0) AS sw,
    SUM(1.0 * 1.0) AS sww,
    SUM(1.0 * c.v0) AS swx_v0,
    SUM(1.0 * c.v1) AS swx_v1
  FROM native_commercialhotspots_1_neighbours AS r
  INNER JOIN native_commercialhotspots_1_cells AS c
    ON r.kring_index = c.index
  GROUP BY
    r.index
), native_commercialhotspots_1_scored AS (
  SELECT
    w.index,
    (
      0.3 * (
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
      0.7 * (
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
  FROM native_commercialhotspots_1_weighted AS w
  CROSS JOIN native_commercialhotspots_1_stats AS s
), native_commercialhotspots_1_tested AS (
  SELECT
    `index`,
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
    `index`,
    combined_gi,
    p_value
  FROM native_commercialhotspots_1_tested
  WHERE
    p_value <= 0.01
)
SELECT
  *
FROM native_commercialhotspots_1;

-- case commercialhotspots_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_commercialhotspots_1_cells AS (
  SELECT
    quadbin AS `index`,
    CAST(value AS FLOAT64) AS v0,
    CAST(id AS FLOAT64) AS v1
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL AND NOT id IS NULL
), native_commercialhotspots_1_stats AS (
  SELECT
    CAST(COUNT(*) AS FLOAT64) AS n,
    AVG(v0) AS mean_v0,
    AVG(v1) AS mean_v1,
    STDDEV_POP(v0) AS sd_v0,
    STDDEV_POP(v1) AS sd_v1
  FROM native_commercialhotspots_1_cells
), native_commercialhotspots_1_tile AS (
  SELECT
    `index`,
    (
      `index` >> 52
    ) & 31 AS _wf_z,
    (
      (
        `index` & 4503599627370495
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 1
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_x,
    (
      (
        (
          `index` & 4503599627370495
        ) >> 1
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 26
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_y
  FROM native_commercialhotspots_1_cells
), native_commercialhotspots_1_ring AS (
  SELECT
    native_commercialhotspots_1_tile.*,
    CAST(_wf__wf_dx AS INT64) AS _wf_dx,
    CAST(_wf__wf_dy AS INT64) AS _wf_dy,
    MOD(
      _wf_x + CAST(_wf__wf_dx AS INT64) + (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ),
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy AS INT64) AS _wf_ky
  FROM native_commercialhotspots_1_tile
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    -LEAST(3, DIV((
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ), 2)),
    LEAST(3, DIV((
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ), 2))
  )) AS _wf__wf_dx
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    GREATEST(-3, -_wf_y),
    LEAST(3, (
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ) - _wf_y)
  )) AS _wf__wf_dy
), native_commercialhotspots_1_neighbours AS (
  SELECT
    `index`,
    5188146770730811392 | (
      _wf_z << 52
    ) | (
      (
        _wf_kx << CAST(26 - _wf_z AS INT64)
      ) & 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1
      ) << 1
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 2
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 2
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 3
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 3
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 4
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 4
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 5
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 5
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 6
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 6
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 7
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 7
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 8
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 8
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 9
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 9
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 10
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 10
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 11
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 11
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 12
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 12
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 13
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 13
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 14
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 14
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 15
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 15
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 16
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 16
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 17
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 17
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 18
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 18
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 19
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 19
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 20
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 20
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 21
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 21
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 22
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 22
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 23
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 23
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 24
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 24
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 25
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 25
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 26
    ) | (
      (
        CAST(1 AS INT64) << CAST(52 - 2 * _wf_z AS INT64)
      ) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_commercialhotspots_1_ring
), native_commercialhotspots_1_weighted AS (
  SELECT
    r.index AS `index`,
    SUM(1.0) AS sw,
    SUM(1.0 * 1.0) AS sww,
    SUM(1.0 * c.v0) AS swx_v0,
    SUM(1.0 * c.v1) AS swx_v1
  FROM native_commercialhotspots_1_neighbours AS r
  INNER JOIN native_commercialhotspots_1_cells AS c
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
  FROM native_commercialhotspots_1_weighted AS w
  CROSS JOIN native_commercialhotspots_1_stats AS s
), native_commercialhotspots_1_tested AS (
  SELECT
    `index`,
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
    `index`,
    combined_gi,
    p_value
  FROM native_commercialhotspots_1_tested
  WHERE
    p_value <= 0.05
)
SELECT
  *
FROM native_commercialhotspots_1;

-- case composite_unsupervised_custom
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT64) AS v1,
    CAST(id AS FLOAT64) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id,
    PERCENT_RANK() OVER (ORDER BY r.v1 ASC NULLS LAST) AS s1,
    PERCENT_RANK() OVER (ORDER BY r.v2 DESC) AS s2
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
    0 + 1 * COALESCE((
      c.score - g.lo
    ) / (
      NULLIF(g.hi - g.lo, 0)
    ), 0.0) AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
  CROSS JOIN native_spatialcompositeunsuper_1_score_range AS g
)
SELECT
  *
FROM native_spatialcompositeunsuper_1;

-- case composite_unsupervised_entropy
-- stage save_o
-- read while compiling: native_spatialcompositeunsuper_1_entropy
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT64) AS v1,
    CAST(id AS FLOAT64) AS v2
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
    CAST(value AS FLOAT64) AS v1,
    CAST(id AS FLOAT64) AS v2
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
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    (
      @native_spatialcompositeunsuper_1_weight1 * c.s1
    ) / (
      @native_spatialcompositeunsuper_1_total1
    ) + (
      @native_spatialcompositeunsuper_1_weight2 * c.s2
    ) / (
      @native_spatialcompositeunsuper_1_total2
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
      ELSE FLOOR(CAST(rn - 1 AS FLOAT64) * 1000 / cnt)
    END AS g
  FROM (
    SELECT
      score,
      DENSE_RANK() OVER (ORDER BY score ASC NULLS LAST) AS dr,
      ROW_NUMBER() OVER (ORDER BY score ASC NULLS LAST) AS rn,
      COUNT(*) OVER () AS cnt
    FROM native_spatialcompositeunsuper_1_scored
  ) AS d
) AS j
GROUP BY
  g;
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT64) AS v1,
    CAST(id AS FLOAT64) AS v2
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
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    (
      @native_spatialcompositeunsuper_1_weight1 * c.s1
    ) / (
      @native_spatialcompositeunsuper_1_total1
    ) + (
      @native_spatialcompositeunsuper_1_weight2 * c.s2
    ) / (
      @native_spatialcompositeunsuper_1_total2
    ) AS score
  FROM native_spatialcompositeunsuper_1_scaled AS c
), native_spatialcompositeunsuper_1 AS (
  SELECT
    c.cell_id AS quadbin,
    CASE
      WHEN c.score <= @native_spatialcompositeunsuper_1_break1
      THEN 1
      WHEN c.score <= @native_spatialcompositeunsuper_1_break2
      THEN 2
      WHEN c.score <= @native_spatialcompositeunsuper_1_break3
      THEN 3
      ELSE 4
    END AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
)
SELECT
  *
FROM native_spatialcompositeunsuper_1;

-- case composite_unsupervised_first_pc
-- stage save_o
-- read while compiling: native_spatialcompositeunsuper_1_moments
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT64) AS v1,
    CAST(id AS FLOAT64) AS v2
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
    CAST(value AS FLOAT64) AS v1,
    CAST(id AS FLOAT64) AS v2
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
    @native_spatialcompositeunsuper_1_loading1 * (
      r.v1 - t.mean1
    ) / (
      NULLIF(t.sd1, 0)
    ) + @native_spatialcompositeunsuper_1_loading2 * (
      r.v2 - t.mean2
    ) / (
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
    ROW_NUMBER() OVER (ORDER BY score ASC NULLS LAST) AS rn,
    COUNT(*) OVER () AS cnt
  FROM native_spatialcompositeunsuper_1_scored
) AS o;
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT64) AS v1,
    CAST(id AS FLOAT64) AS v2
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
    @native_spatialcompositeunsuper_1_loading1 * (
      r.v1 - t.mean1
    ) / (
      NULLIF(t.sd1, 0)
    ) + @native_spatialcompositeunsuper_1_loading2 * (
      r.v2 - t.mean2
    ) / (
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
        @native_spatialcompositeunsuper_1_nbuckets,
        GREATEST(
          1,
          1 + FLOOR(
            (
              @native_spatialcompositeunsuper_1_nbuckets * (
                c.score - g.lo
              )
            ) / (
              NULLIF(g.hi - g.lo, 0)
            )
          )
        )
      ),
      1
    ) AS INT64) AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
  CROSS JOIN native_spatialcompositeunsuper_1_score_range AS g
)
SELECT
  *
FROM native_spatialcompositeunsuper_1;

-- case composite_supervised
-- stage save_o
-- read while compiling: native_spatialcompositesupervi_1_moments
WITH native_spatialcompositesupervi_1_rows AS (
  SELECT
    h3 AS cell_id,
    CAST(value AS FLOAT64) AS v1,
    CAST(id AS FLOAT64) AS v2,
    CAST(quadbin AS FLOAT64) AS v3
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
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spatialcompositesupervi_1_rows AS (
  SELECT
    h3 AS cell_id,
    CAST(value AS FLOAT64) AS v1,
    CAST(id AS FLOAT64) AS v2,
    CAST(quadbin AS FLOAT64) AS v3
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
    ) - @native_spatialcompositesupervi_1_b1 * (
      r.v2 - m.mean2
    ) - @native_spatialcompositesupervi_1_b2 * (
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
        ROW_NUMBER() OVER (ORDER BY score ASC NULLS LAST) AS rn,
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
    ) AS INT64) AS spatial_score
  FROM native_spatialcompositesupervi_1_scored AS c
  CROSS JOIN native_spatialcompositesupervi_1_spread AS s
)
SELECT
  *
FROM native_spatialcompositesupervi_1;

-- case getisordspacetime_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_getisordspacetime_1_series AS (
  SELECT
    `index`,
    step,
    SUM(value) AS value
  FROM (
    SELECT
      `index`,
      value,
      CAST(FLOOR(
        (
          365 * (
            _wf_year - CASE WHEN _wf_month <= 2 THEN 1 ELSE 0 END
          ) + FLOOR((
            _wf_year - CASE WHEN _wf_month <= 2 THEN 1 ELSE 0 END
          ) / 4) - FLOOR((
            _wf_year - CASE WHEN _wf_month <= 2 THEN 1 ELSE 0 END
          ) / 100) + FLOOR((
            _wf_year - CASE WHEN _wf_month <= 2 THEN 1 ELSE 0 END
          ) / 400) + FLOOR(
            (
              153 * (
                CASE WHEN _wf_month <= 2 THEN _wf_month + 9 ELSE _wf_month - 3 END
              ) + 2
            ) / 5
          ) + _wf_day - 1 + 3
        ) / 7
      ) AS INT64) AS step
    FROM (
      SELECT
        h3 AS `index`,
        CAST(value AS FLOAT64) AS value,
        CAST(EXTRACT(YEAR FROM CAST(week AS TIMESTAMP)) AS INT64) AS _wf_year,
        CAST(EXTRACT(MONTH FROM CAST(week AS TIMESTAMP)) AS INT64) AS _wf_month,
        CAST(EXTRACT(DAY FROM CAST(week AS TIMESTAMP)) AS INT64) AS _wf_day
      FROM analytics.series
      WHERE
        NOT h3 IS NULL AND NOT week IS NULL AND NOT value IS NULL
    ) AS _wf_fields
  ) AS _wf_steps
  GROUP BY
    `index`,
    step
), native_getisordspacetime_1_stats AS (
  SELECT
    COUNT(*) AS n,
    AVG(value) AS mean,
    STDDEV_POP(value) AS sd
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_cells AS (
  SELECT DISTINCT
    `index`
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_neighbours AS (
  SELECT
    `index`,
    CAST(_wf_kring_index AS STRING) AS kring_index,
    `carto-un`.`carto`.H3_DISTANCE(`index`, CAST(_wf_kring_index AS STRING)) AS distance
  FROM native_getisordspacetime_1_cells
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_KRING(`index`, 2)) AS _wf_kring_index
), native_getisordspacetime_1_reach AS (
  SELECT
    a.index,
    a.step,
    r.kring_index,
    EXP(
      -(
        CAST(r.distance AS FLOAT64) / 3.0
      ) * (
        CAST(r.distance AS FLOAT64) / 3.0
      ) / 2.0
    ) AS space_weight
  FROM native_getisordspacetime_1_series AS a
  INNER JOIN native_getisordspacetime_1_neighbours AS r
    ON r.index = a.index
), native_getisordspacetime_1_weighted AS (
  SELECT
    a.index AS `index`,
    a.step AS step,
    SUM(
      (
        a.space_weight * (
          1.0 - CAST(ABS(b.step - a.step) AS FLOAT64) / 3.0
        )
      ) * b.value
    ) AS swx,
    SUM(a.space_weight * (
      1.0 - CAST(ABS(b.step - a.step) AS FLOAT64) / 3.0
    )) AS sw,
    SUM(
      (
        a.space_weight * (
          1.0 - CAST(ABS(b.step - a.step) AS FLOAT64) / 3.0
        )
      ) * (
        a.space_weight * (
          1.0 - CAST(ABS(b.step - a.step) AS FLOAT64) / 3.0
        )
      )
    ) AS sww
  FROM native_getisordspacetime_1_reach AS a
  INNER JOIN native_getisordspacetime_1_series AS b
    ON b.index = a.kring_index AND ABS(b.step - a.step) <= 2
  GROUP BY
    a.index,
    a.step
), native_getisordspacetime_1_dates AS (
  SELECT
    step,
    CAST(PARSE_TIMESTAMP(
      '%F %T',
      LPAD(
        CAST(CAST(_wf_yoe + 400 * (
          _wf_era
        ) + CASE WHEN _wf_mp >= 10 THEN 1 ELSE 0 END AS INT64) AS STRING),
        4,
        '0'
      ) || '-' || LPAD(
        CAST(CAST(CASE WHEN _wf_mp < 10 THEN _wf_mp + 3 ELSE _wf_mp - 9 END AS INT64) AS STRING),
        2,
        '0'
      ) || '-' || LPAD(
        CAST(CAST(_wf_doy - FLOOR((
          153 * (
            _wf_mp
          ) + 2
        ) / 5) + 1 AS INT64) AS STRING),
        2,
        '0'
      ) || ' ' || LPAD(CAST(CAST(0 AS INT64) AS STRING), 2, '0') || ':' || LPAD(CAST(CAST(0 AS INT64) AS STRING), 2, '0') || ':' || LPAD(CAST(CAST(0 AS INT64) AS STRING), 2, '0')
    ) AS TIMESTAMP) AS `date`
  FROM (
    SELECT
      step,
      _wf_z,
      _wf_rem,
      _wf_era,
      _wf_doe,
      _wf_yoe,
      _wf_doy,
      FLOOR((
        5 * (
          _wf_doy
        ) + 2
      ) / 153) AS _wf_mp
    FROM (
      SELECT
        step,
        _wf_z,
        _wf_rem,
        _wf_era,
        _wf_doe,
        _wf_yoe,
        _wf_doe - (
          365 * (
            _wf_yoe
          ) + FLOOR((
            _wf_yoe
          ) / 4) - FLOOR((
            _wf_yoe
          ) / 100)
        ) AS _wf_doy
      FROM (
        SELECT
          step,
          _wf_z,
          _wf_rem,
          _wf_era,
          _wf_doe,
          FLOOR(
            (
              _wf_doe - FLOOR((
                _wf_doe
              ) / 1460) + FLOOR((
                _wf_doe
              ) / 36524) - FLOOR((
                _wf_doe
              ) / 146096)
            ) / 365
          ) AS _wf_yoe
        FROM (
          SELECT
            step,
            _wf_z,
            _wf_rem,
            _wf_era,
            _wf_z - 146097 * (
              _wf_era
            ) AS _wf_doe
          FROM (
            SELECT
              step,
              _wf_z,
              _wf_rem,
              FLOOR((
                _wf_z
              ) / 146097) AS _wf_era
            FROM (
              SELECT
                step,
                7 * (
                  step
                ) - 3 AS _wf_z,
                0 AS _wf_rem
              FROM (
                SELECT DISTINCT
                  step
                FROM native_getisordspacetime_1_series
              ) AS _wf_steps
            ) AS _wf_l0
          ) AS _wf_l1
        ) AS _wf_l2
      ) AS _wf_l3
    ) AS _wf_l4
  ) AS _wf_days
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
  FROM native_getisordspacetime_1_weighted AS w
  INNER JOIN native_getisordspacetime_1_dates AS d
    ON d.step = w.step
  CROSS JOIN native_getisordspacetime_1_stats AS s
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

-- case getisordspacetime_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_getisordspacetime_1_series AS (
  SELECT
    `index`,
    step,
    SUM(value) AS value
  FROM (
    SELECT
      `index`,
      value,
      CAST(12 * (
        _wf_year
      ) + _wf_month - 1 AS INT64) AS step
    FROM (
      SELECT
        quadbin AS `index`,
        CAST(value AS FLOAT64) AS value,
        CAST(EXTRACT(YEAR FROM CAST(week AS TIMESTAMP)) AS INT64) AS _wf_year,
        CAST(EXTRACT(MONTH FROM CAST(week AS TIMESTAMP)) AS INT64) AS _wf_month
      FROM analytics.series
      WHERE
        NOT quadbin IS NULL AND NOT week IS NULL AND NOT value IS NULL
    ) AS _wf_fields
  ) AS _wf_steps
  GROUP BY
    `index`,
    step
), native_getisordspacetime_1_stats AS (
  SELECT
    COUNT(*) AS n,
    AVG(value) AS mean,
    STDDEV_POP(value) AS sd
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_cells AS (
  SELECT DISTINCT
    `index`
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_tile AS (
  SELECT
    `index`,
    (
      `index` >> 52
    ) & 31 AS _wf_z,
    (
      (
        `index` & 4503599627370495
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 1
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_x,
    (
      (
        (
          `index` & 4503599627370495
        ) >> 1
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 26
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_y
  FROM native_getisordspacetime_1_cells
), native_getisordspacetime_1_ring AS (
  SELECT
    native_getisordspacetime_1_tile.*,
    CAST(_wf__wf_dx AS INT64) AS _wf_dx,
    CAST(_wf__wf_dy AS INT64) AS _wf_dy,
    MOD(
      _wf_x + CAST(_wf__wf_dx AS INT64) + (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ),
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy AS INT64) AS _wf_ky
  FROM native_getisordspacetime_1_tile
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    -LEAST(3, DIV((
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ), 2)),
    LEAST(3, DIV((
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ), 2))
  )) AS _wf__wf_dx
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    GREATEST(-3, -_wf_y),
    LEAST(3, (
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ) - _wf_y)
  )) AS _wf__wf_dy
), native_getisordspacetime_1_neighbours AS (
  SELECT
    `index`,
    5188146770730811392 | (
      _wf_z << 52
    ) | (
      (
        _wf_kx << CAST(26 - _wf_z AS INT64)
      ) & 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1
      ) << 1
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 2
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 2
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 3
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 3
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 4
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 4
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 5
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 5
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 6
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 6
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 7
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 7
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 8
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 8
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 9
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 9
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 10
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 10
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 11
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 11
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 12
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 12
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 13
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 13
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 14
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 14
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 15
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 15
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 16
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 16
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 17
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 17
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 18
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 18
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 19
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 19
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 20
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 20
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 21
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 21
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 22
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 22
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 23
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 23
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 24
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 24
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 25
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 25
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 26
    ) | (
      (
        CAST(1 AS INT64) << CAST(52 - 2 * _wf_z AS INT64)
      ) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_getisordspacetime_1_ring
), native_getisordspacetime_1_reach AS (
  SELECT
    a.index,
    a.step,
    r.kring_index,
    1.0 AS space_weight
  FROM native_getisordspacetime_1_series AS a
  INNER JOIN native_getisordspacetime_1_neighbours AS r
    ON r.index = a.index
), native_getisordspacetime_1_weighted AS (
  SELECT
    a.index AS `index`,
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
  FROM native_getisordspacetime_1_reach AS a
  INNER JOIN native_getisordspacetime_1_series AS b
    ON b.index = a.kring_index AND ABS(b.step - a.step) <= 3
  GROUP BY
    a.index,
    a.step
), native_getisordspacetime_1_dates AS (
  SELECT
    step,
    CAST(PARSE_TIMESTAMP(
      '%F %T',
      LPAD(CAST(CAST(FLOOR((
        step
      ) / 12) AS INT64) AS STRING), 4, '0') || '-' || LPAD(
        CAST(CAST(step - 12 * (
          FLOOR((
            step
          ) / 12)
        ) + 1 AS INT64) AS STRING),
        2,
        '0'
      ) || '-' || LPAD(CAST(CAST(1 AS INT64) AS STRING), 2, '0') || ' ' || LPAD(CAST(CAST(0 AS INT64) AS STRING), 2, '0') || ':' || LPAD(CAST(CAST(0 AS INT64) AS STRING), 2, '0') || ':' || LPAD(CAST(CAST(0 AS INT64) AS STRING), 2, '0')
    ) AS TIMESTAMP) AS `date`
  FROM (
    SELECT DISTINCT
      step
    FROM native_getisordspacetime_1_series
  ) AS _wf_steps
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
  FROM native_getisordspacetime_1_weighted AS w
  INNER JOIN native_getisordspacetime_1_dates AS d
    ON d.step = w.step
  CROSS JOIN native_getisordspacetime_1_stats AS s
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

-- case spacetimehotspots_mk
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spacetimehotspotsclassi_1_series AS (
  SELECT
    h3 AS cell,
    CAST(gi AS FLOAT64) AS x,
    CAST(p_value AS FLOAT64) AS p,
    ROW_NUMBER() OVER (PARTITION BY h3 ORDER BY week NULLS LAST, CAST(gi AS FLOAT64) NULLS LAST) AS t,
    RANK() OVER (PARTITION BY h3 ORDER BY CAST(gi AS FLOAT64) NULLS LAST) AS rank_up,
    RANK() OVER (PARTITION BY h3 ORDER BY CAST(gi AS FLOAT64) DESC) AS rank_down,
    COUNT(*) OVER (PARTITION BY h3) AS steps
  FROM analytics.series
  WHERE
    NOT h3 IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell,
    CAST(COUNT(*) AS FLOAT64) AS n,
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
    ) AS _wf_tested
  ) AS _wf_trend
)
SELECT
  *
FROM native_spacetimehotspotsclassi_1;

-- case spacetimehotspots_mmk
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spacetimehotspotsclassi_1_series AS (
  SELECT
    quadbin AS cell,
    CAST(gi AS FLOAT64) AS x,
    CAST(p_value AS FLOAT64) AS p,
    ROW_NUMBER() OVER (PARTITION BY quadbin ORDER BY week NULLS LAST, CAST(gi AS FLOAT64) NULLS LAST) AS t,
    RANK() OVER (PARTITION BY quadbin ORDER BY CAST(gi AS FLOAT64) NULLS LAST) AS rank_up,
    RANK() OVER (PARTITION BY quadbin ORDER BY CAST(gi AS FLOAT64) DESC) AS rank_down,
    COUNT(*) OVER (PARTITION BY quadbin) AS steps
  FROM analytics.series
  WHERE
    NOT quadbin IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell,
    CAST(COUNT(*) AS FLOAT64) AS n,
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
    (
      b.x - a.x
    ) / (
      b.t - a.t
    ) AS slope,
    ROW_NUMBER() OVER (PARTITION BY a.cell ORDER BY (
      b.x - a.x
    ) / (
      b.t - a.t
    ) NULLS LAST) AS k,
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
      RANK() OVER (PARTITION BY r.cell ORDER BY r.x - r.t * e.slope NULLS LAST) + r.steps + 1 - RANK() OVER (PARTITION BY r.cell ORDER BY r.x - r.t * e.slope DESC)
    ) / 2.0 - (
      r.steps + 1
    ) / 2.0 AS y
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
    ) AS _wf_tested
  ) AS _wf_trend
)
SELECT
  *
FROM native_spacetimehotspotsclassi_1;

-- case h3enrich
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3enrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS FLOAT64) AS _wf_v0,
    zone AS _wf_v1,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_h3enrich_1_shapes AS (
  SELECT
    h3 AS _wf_key,
    `carto-un`.`carto`.H3_BOUNDARY(h3) AS _wf_geo
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
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
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
    ON ST_Intersects(s._wf_geo, f._wf_geo)
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
  FROM analytics.cells AS t
  LEFT JOIN native_h3enrich_1_enriched AS e
    ON t.h3 = e._wf_key
)
SELECT
  *
FROM native_h3enrich_1;

-- case h3enrich_kring
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3enrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS FLOAT64) AS _wf_v0,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_h3enrich_1_shapes AS (
  SELECT
    h3 AS _wf_key,
    `carto-un`.`carto`.H3_BOUNDARY(h3) AS _wf_geo
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL
  GROUP BY
    h3
), native_h3enrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
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
    ON ST_Intersects(s._wf_geo, f._wf_geo)
), native_h3enrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      _wf_part / _wf_whole
    )) AS zone_id_sum,
    MIN(_wf_v0) AS zone_id_min
  FROM native_h3enrich_1_pairs
  GROUP BY
    _wf_key
), native_h3enrich_1_ring_cells AS (
  SELECT
    _wf_key AS `index`
  FROM native_h3enrich_1_shapes
), native_h3enrich_1_neighbours AS (
  SELECT
    `index`,
    CAST(_wf_kring_index AS STRING) AS kring_index,
    `carto-un`.`carto`.H3_DISTANCE(`index`, CAST(_wf_kring_index AS STRING)) AS distance
  FROM native_h3enrich_1_ring_cells
  CROSS JOIN UNNEST(`carto-un`.`carto`.H3_KRING(`index`, 2)) AS _wf_kring_index
), native_h3enrich_1_weights AS (
  SELECT
    `index`,
    kring_index,
    EXP(-CAST(distance AS FLOAT64)) AS _wf_w
  FROM native_h3enrich_1_neighbours
), native_h3enrich_1_smoothed AS (
  SELECT
    r.index AS _wf_key,
    SUM(r._wf_w * e.zone_id_sum) / NULLIF(SUM(CASE WHEN NOT e.zone_id_sum IS NULL THEN r._wf_w END), 0) AS zone_id_sum,
    SUM(r._wf_w * e.zone_id_min) / NULLIF(SUM(CASE WHEN NOT e.zone_id_min IS NULL THEN r._wf_w END), 0) AS zone_id_min
  FROM native_h3enrich_1_weights AS r
  INNER JOIN native_h3enrich_1_enriched AS e
    ON r.kring_index = e._wf_key
  GROUP BY
    r.index
), native_h3enrich_1 AS (
  SELECT
    t.*,
    e.zone_id_sum,
    e.zone_id_min
  FROM analytics.cells AS t
  LEFT JOIN native_h3enrich_1_smoothed AS e
    ON t.h3 = e._wf_key
)
SELECT
  *
FROM native_h3enrich_1;

-- case quadbinenrich
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinenrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS FLOAT64) AS _wf_v0,
    zone AS _wf_v1,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
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
    ) AS INT64) AS _wf_x,
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
    ) AS INT64) AS _wf_y
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL
  GROUP BY
    quadbin
), native_quadbinenrich_1_shapes AS (
  SELECT
    _wf_key,
    ST_MAKEPOLYGON(
      ST_MAKELINE(
        [
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(
                3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, _wf_z)
                )
              )
            ) - 90.0
          ),
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(
                3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, _wf_z)
                )
              )
            ) - 90.0
          ),
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, _wf_z)
              ))
            ) - 90.0
          ),
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, _wf_z)
              ))
            ) - 90.0
          )
        ]
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
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
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
    ON ST_Intersects(s._wf_geo, f._wf_geo)
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
  FROM analytics.cells AS t
  LEFT JOIN native_quadbinenrich_1_enriched AS e
    ON t.quadbin = e._wf_key
)
SELECT
  *
FROM native_quadbinenrich_1;

-- case quadbinenrich_kring
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinenrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS FLOAT64) AS _wf_v0,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
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
    ) AS INT64) AS _wf_x,
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
    ) AS INT64) AS _wf_y
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL
  GROUP BY
    quadbin
), native_quadbinenrich_1_shapes AS (
  SELECT
    _wf_key,
    ST_MAKEPOLYGON(
      ST_MAKELINE(
        [
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(
                3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, _wf_z)
                )
              )
            ) - 90.0
          ),
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(
                3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y + 1 AS FLOAT64) / POWER(2.0, _wf_z)
                )
              )
            ) - 90.0
          ),
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x + 1 AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, _wf_z)
              ))
            ) - 90.0
          ),
          ST_GEOGPOINT(
            360.0 * CAST(_wf_x AS FLOAT64) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS FLOAT64) / POWER(2.0, _wf_z)
              ))
            ) - 90.0
          )
        ]
      )
    ) AS _wf_geo
  FROM native_quadbinenrich_1_tiles
), native_quadbinenrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
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
    ON ST_Intersects(s._wf_geo, f._wf_geo)
), native_quadbinenrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * _wf_part) / NULLIF(SUM(CASE WHEN NOT _wf_v0 IS NULL THEN _wf_part END), 0) AS zone_id_avg
  FROM native_quadbinenrich_1_pairs
  GROUP BY
    _wf_key
), native_quadbinenrich_1_ring_cells AS (
  SELECT
    _wf_key AS `index`
  FROM native_quadbinenrich_1_tiles
), native_quadbinenrich_1_tile AS (
  SELECT
    `index`,
    (
      `index` >> 52
    ) & 31 AS _wf_z,
    (
      (
        `index` & 4503599627370495
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 1
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_x,
    (
      (
        (
          `index` & 4503599627370495
        ) >> 1
      ) & 1 | (
        (
          (
            `index` & 4503599627370495
          ) >> 2
        ) & 2
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 3
        ) & 4
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 4
        ) & 8
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 5
        ) & 16
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 6
        ) & 32
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 7
        ) & 64
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 8
        ) & 128
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 9
        ) & 256
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 10
        ) & 512
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 11
        ) & 1024
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 12
        ) & 2048
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 13
        ) & 4096
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 14
        ) & 8192
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 15
        ) & 16384
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 16
        ) & 32768
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 17
        ) & 65536
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 18
        ) & 131072
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 19
        ) & 262144
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 20
        ) & 524288
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 21
        ) & 1048576
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 22
        ) & 2097152
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 23
        ) & 4194304
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 24
        ) & 8388608
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 25
        ) & 16777216
      ) | (
        (
          (
            `index` & 4503599627370495
          ) >> 26
        ) & 33554432
      )
    ) >> CAST(26 - (
      (
        `index` >> 52
      ) & 31
    ) AS INT64) AS _wf_y
  FROM native_quadbinenrich_1_ring_cells
), native_quadbinenrich_1_ring AS (
  SELECT
    native_quadbinenrich_1_tile.*,
    CAST(_wf__wf_dx AS INT64) AS _wf_dx,
    CAST(_wf__wf_dy AS INT64) AS _wf_dy,
    MOD(
      _wf_x + CAST(_wf__wf_dx AS INT64) + (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ),
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy AS INT64) AS _wf_ky
  FROM native_quadbinenrich_1_tile
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    -LEAST(1, DIV((
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ), 2)),
    LEAST(1, DIV((
      CAST(1 AS INT64) << CAST(_wf_z AS INT64)
    ), 2))
  )) AS _wf__wf_dx
  CROSS JOIN UNNEST(GENERATE_ARRAY(
    GREATEST(-1, -_wf_y),
    LEAST(1, (
      (
        CAST(1 AS INT64) << CAST(_wf_z AS INT64)
      ) - 1
    ) - _wf_y)
  )) AS _wf__wf_dy
), native_quadbinenrich_1_neighbours AS (
  SELECT
    `index`,
    5188146770730811392 | (
      _wf_z << 52
    ) | (
      (
        _wf_kx << CAST(26 - _wf_z AS INT64)
      ) & 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1
      ) << 1
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 1
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2
      ) << 2
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 2
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4
      ) << 3
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 3
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8
      ) << 4
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 4
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16
      ) << 5
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 5
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32
      ) << 6
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 6
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 64
      ) << 7
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 7
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 128
      ) << 8
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 8
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 256
      ) << 9
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 9
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 512
      ) << 10
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 10
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1024
      ) << 11
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 11
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2048
      ) << 12
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 12
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4096
      ) << 13
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 13
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8192
      ) << 14
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 14
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16384
      ) << 15
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 15
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 32768
      ) << 16
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 16
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 65536
      ) << 17
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 17
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 131072
      ) << 18
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 18
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 262144
      ) << 19
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 19
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 524288
      ) << 20
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 20
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 1048576
      ) << 21
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 21
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 2097152
      ) << 22
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 22
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 4194304
      ) << 23
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 23
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 8388608
      ) << 24
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 24
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 16777216
      ) << 25
    ) | (
      (
        (
          _wf_kx << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 25
    ) | (
      (
        (
          _wf_ky << CAST(26 - _wf_z AS INT64)
        ) & 33554432
      ) << 26
    ) | (
      (
        CAST(1 AS INT64) << CAST(52 - 2 * _wf_z AS INT64)
      ) - 1
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_quadbinenrich_1_ring
), native_quadbinenrich_1_weights AS (
  SELECT
    `index`,
    kring_index,
    1.0 / (
      1.0 + CAST(distance AS FLOAT64)
    ) AS _wf_w
  FROM native_quadbinenrich_1_neighbours
), native_quadbinenrich_1_smoothed AS (
  SELECT
    r.index AS _wf_key,
    SUM(r._wf_w * e.zone_id_avg) / NULLIF(SUM(CASE WHEN NOT e.zone_id_avg IS NULL THEN r._wf_w END), 0) AS zone_id_avg
  FROM native_quadbinenrich_1_weights AS r
  INNER JOIN native_quadbinenrich_1_enriched AS e
    ON r.kring_index = e._wf_key
  GROUP BY
    r.index
), native_quadbinenrich_1 AS (
  SELECT
    t.*,
    e.zone_id_avg
  FROM analytics.cells AS t
  LEFT JOIN native_quadbinenrich_1_smoothed AS e
    ON t.quadbin = e._wf_key
)
SELECT
  *
FROM native_quadbinenrich_1;

-- case enrichpoints
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_enrichpoints_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS FLOAT64) AS _wf_v0,
    zone AS _wf_v1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_enrichpoints_1_shapes AS (
  SELECT
    ST_ASBINARY(geom) AS _wf_key,
    ANY_VALUE(geom) AS _wf_geo
  FROM analytics.people
  WHERE
    NOT geom IS NULL
  GROUP BY
    ST_ASBINARY(geom)
), native_enrichpoints_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1
  FROM native_enrichpoints_1_shapes AS s
  INNER JOIN native_enrichpoints_1_features AS f
    ON ST_Intersects(s._wf_geo, f._wf_geo)
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
    ON ST_ASBINARY(t.geom) = e._wf_key
)
SELECT
  *
FROM native_enrichpoints_1;

-- case enrichpolygons
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_enrichpolygons_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(score AS FLOAT64) AS _wf_v0,
    CAST(age AS FLOAT64) AS _wf_v1,
    name AS _wf_v2,
    id AS _wf_v3,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
  FROM analytics.people
  WHERE
    NOT geom IS NULL
), native_enrichpolygons_1_shapes AS (
  SELECT
    ST_ASBINARY(geom) AS _wf_key,
    ANY_VALUE(geom) AS _wf_geo
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
  GROUP BY
    ST_ASBINARY(geom)
), native_enrichpolygons_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1,
    f._wf_v2,
    f._wf_v3,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
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
    ON ST_Intersects(s._wf_geo, f._wf_geo)
), native_enrichpolygons_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      _wf_part / _wf_whole
    )) AS score_sum,
    SUM(_wf_v1 * _wf_part) / NULLIF(SUM(CASE WHEN NOT _wf_v1 IS NULL THEN _wf_part END), 0) AS age_avg,
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
    ON ST_ASBINARY(t.geom) = e._wf_key
)
SELECT
  *
FROM native_enrichpolygons_1;
