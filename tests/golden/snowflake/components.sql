-- case save_replace
-- stage native_saveastable_4b91d0d3
CREATE OR REPLACE TABLE analytics."COPY" AS
SELECT
  *
FROM analytics.people;

-- case save_append
-- stage native_saveastable_2e3b8889
CREATE TABLE IF NOT EXISTS analytics._wareflow_appends (
  run_key VARCHAR(255) PRIMARY KEY,
  appended_at TIMESTAMPNTZ
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
BEGIN;
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
      run_key = 'manual:native_saveastable_2e3b8889'
  );
INSERT INTO analytics._wareflow_appends
SELECT
  'manual:native_saveastable_2e3b8889',
  CURRENT_TIMESTAMP()
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM analytics._wareflow_appends
    WHERE
      run_key = 'manual:native_saveastable_2e3b8889'
  );
COMMIT;

-- case gettablebyname
-- stage native_saveastable_399aa116
CREATE OR REPLACE TABLE analytics.o AS
SELECT
  *
FROM analytics.cities;

-- case tablefromgeojson
-- stage native_saveastable_43199159
CREATE OR REPLACE TABLE analytics.o AS
WITH native_tablefromgeojson_1 AS (
  SELECT
    CAST('A' AS VARCHAR) AS name,
    CAST(10 AS DOUBLE) AS pop,
    TO_GEOGRAPHY('{"type":"Point","coordinates":[1,2]}') AS "GEOMETRY"
  UNION ALL
  SELECT
    CAST('B' AS VARCHAR) AS name,
    CAST(NULL AS DOUBLE) AS pop,
    TO_GEOGRAPHY('{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}') AS "GEOMETRY"
)
SELECT
  *
FROM native_tablefromgeojson_1;

-- case where
-- stage native_saveastable_259e0e5d
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
-- stage native_saveastable_dcd005d5
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
-- stage native_saveastable_24a631c9
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
-- stage native_saveastable_c9bda960
CREATE OR REPLACE TABLE analytics.o AS
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

-- case selectexpression
-- stage native_saveastable_31fad260
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
-- stage native_customsql_160f89db
CREATE OR REPLACE TRANSIENT TABLE wareflow_native_customsql_765ee7a2690a AS
SELECT
  p.city,
  COUNT(*) AS n
FROM analytics.people AS p
JOIN analytics.cities AS c
  ON p.city = c.city
GROUP BY
  p.city;
-- stage native_saveastable_a603f884
CREATE OR REPLACE TABLE analytics.o AS
SELECT
  *
FROM wareflow_native_customsql_765ee7a2690a;

-- case casewhen
-- stage native_saveastable_cf54b9f3
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
-- stage native_saveastable_9cec6f5f
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
-- stage native_saveastable_64bf934c
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
-- stage native_saveastable_565734ec
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

-- case normalize
-- stage native_saveastable_18a86fe3
CREATE OR REPLACE TABLE analytics.o AS
WITH native_normalize_1 AS (
  SELECT
    people.*,
    (
      CAST(score AS DOUBLE) - MIN(CAST(score AS DOUBLE)) OVER ()
    ) / NULLIF(MAX(CAST(score AS DOUBLE)) OVER () - MIN(CAST(score AS DOUBLE)) OVER (), 0) AS score_norm
  FROM analytics.people
)
SELECT
  *
FROM native_normalize_1;

-- case groupby
-- stage native_saveastable_c32c3d32
CREATE OR REPLACE TABLE analytics.o AS
WITH native_groupby_1 AS (
  SELECT
    city,
    SUM(score) AS score_sum,
    COUNT(id) AS id_count,
    LISTAGG(CAST(name AS VARCHAR), ',') AS name_concat
  FROM analytics.people
  GROUP BY
    city
)
SELECT
  *
FROM native_groupby_1;

-- case groupby_geometry
-- stage native_saveastable_36488488
CREATE OR REPLACE TABLE analytics.o AS
WITH native_groupby_1 AS (
  SELECT
    ST_UNION_AGG(geom) AS geom_union,
    ST_CENTROID(ST_COLLECT(geom)) AS geom_centroid,
    COUNT(zone_id) AS zone_id_count
  FROM analytics.zones
)
SELECT
  *
FROM native_groupby_1;

-- case join
-- stage native_saveastable_d8439fcc
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
-- stage native_saveastable_c4e06a06
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
-- stage native_saveastable_d415fc6a
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
    ON ST_INTERSECTS(_main.geom, _joined.geom)
)
SELECT
  *
FROM native_spatialjoin_1;

-- case spatialfilter
-- stage native_saveastable_35db0f7d
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
        ST_WITHIN(_filter.geom, _source.geom)
    )
)
SELECT
  *
FROM native_spatialfilter_1;
-- stage native_saveastable_1357d2fd
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
        ST_WITHIN(_filter.geom, _source.geom)
    )
)
SELECT
  *
FROM native_spatialfilter_1;

-- case buffer
-- stage native_saveastable_02e83cd8
CREATE OR REPLACE TABLE analytics.o AS
WITH native_buffer_1 AS (
  SELECT
    TO_GEOGRAPHY(
      ST_TRANSFORM(
        ST_BUFFER(
          ST_TRANSFORM(TO_GEOMETRY(ST_ASWKT(geom), 4326), 3857),
          (
            500
          ) * 1609.344 / COS(RADIANS(ST_Y(ST_CENTROID(geom))))
        ),
        4326
      )
    ) AS geom_buffer,
    people.*
  FROM analytics.people
)
SELECT
  *
FROM native_buffer_1;
