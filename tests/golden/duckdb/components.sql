-- case save_replace
-- stage native_saveastable_9a267324
CREATE OR REPLACE TABLE analytics."copy" AS
SELECT
  *
FROM analytics.people;

-- case save_append
-- stage native_saveastable_14ce6da1
CREATE TABLE IF NOT EXISTS analytics._wareflow_appends (
  run_key TEXT PRIMARY KEY,
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
      run_key = 'manual:native_saveastable_14ce6da1'
  );
INSERT INTO analytics._wareflow_appends
SELECT
  'manual:native_saveastable_14ce6da1',
  CURRENT_TIMESTAMP
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM analytics._wareflow_appends
    WHERE
      run_key = 'manual:native_saveastable_14ce6da1'
  );

-- case gettablebyname
-- stage native_saveastable_1eaf18f2
CREATE OR REPLACE TABLE analytics.o AS
SELECT
  *
FROM analytics.cities;

-- case tablefromgeojson
-- stage native_saveastable_8f7c4477
CREATE OR REPLACE TABLE analytics.o AS
WITH native_tablefromgeojson_1 AS (
  SELECT
    features.name,
    features.pop,
    ST_GEOMFROMGEOJSON(features.geojson) AS "geometry"
  FROM (VALUES
    (CAST('A' AS TEXT), CAST(10 AS DOUBLE), '{"type":"Point","coordinates":[1,2]}'),
    (
      CAST('B' AS TEXT),
      CAST(NULL AS DOUBLE),
      '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}'
    )) AS features(name, pop, geojson)
)
SELECT
  *
FROM native_tablefromgeojson_1;

-- case where
-- stage native_saveastable_569c4d1d
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
-- stage native_saveastable_e934548f
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
-- stage native_saveastable_26c1c137
CREATE OR REPLACE TABLE analytics.o AS
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

-- case select
-- stage native_saveastable_770b7c45
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
-- stage native_saveastable_4fd8b7d9
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
-- stage native_customsql_73feb9c1
CREATE OR REPLACE TABLE wareflow_native_customsql_d437e20672d1 AS
SELECT
  p.city,
  COUNT(*) AS n
FROM analytics.people AS p
JOIN analytics.cities AS c
  ON p.city = c.city
GROUP BY
  p.city;
-- stage native_saveastable_7a675faa
CREATE OR REPLACE TABLE analytics.o AS
SELECT
  *
FROM wareflow_native_customsql_d437e20672d1;

-- case casewhen
-- stage native_saveastable_ba32372a
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
-- stage native_saveastable_64e88e70
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
-- stage native_saveastable_bd74b889
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
-- stage native_saveastable_dd97911c
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
    id ASC
  LIMIT 2
)
SELECT
  *
FROM native_limit_1
ORDER BY
  score DESC,
  id ASC;

-- case normalize
-- stage native_saveastable_ef0a068b
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
-- stage native_saveastable_7feb2f4f
CREATE OR REPLACE TABLE analytics.o AS
WITH native_groupby_1 AS (
  SELECT
    city,
    SUM(score) AS score_sum,
    COUNT(id) AS id_count,
    LISTAGG(CAST(name AS TEXT), ',') AS name_concat
  FROM analytics.people
  GROUP BY
    city
)
SELECT
  *
FROM native_groupby_1;

-- case groupby_geometry
-- stage native_saveastable_8361e5b1
CREATE OR REPLACE TABLE analytics.o AS
WITH native_groupby_1 AS (
  SELECT
    ST_UNION_AGG(geom) AS geom_union,
    ST_CENTROID(ST_COLLECT(ARRAY_AGG(geom))) AS geom_centroid,
    COUNT(zone_id) AS zone_id_count
  FROM analytics.zones
)
SELECT
  *
FROM native_groupby_1;

-- case join
-- stage native_saveastable_ac7840ed
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
-- stage native_saveastable_6f571d8e
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
-- stage native_saveastable_150b99be
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
-- stage native_saveastable_9ef91876
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
-- stage native_saveastable_a257bf86
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
-- stage native_saveastable_8e3dbca7
CREATE OR REPLACE TABLE analytics.o AS
WITH native_buffer_1 AS (
  SELECT
    ST_SCALE(
      ST_BUFFER(
        ST_SCALE(
          geom,
          (
            111412.84 * COS(RADIANS(ST_Y(ST_CENTROID(geom)))) - 93.5 * COS(3 * RADIANS(ST_Y(ST_CENTROID(geom))))
          ),
          (
            111132.954 - 559.822 * COS(2 * RADIANS(ST_Y(ST_CENTROID(geom)))) + 1.175 * COS(4 * RADIANS(ST_Y(ST_CENTROID(geom))))
          )
        ),
        (
          500
        ) * 1609.344
      ),
      1 / (
        111412.84 * COS(RADIANS(ST_Y(ST_CENTROID(geom)))) - 93.5 * COS(3 * RADIANS(ST_Y(ST_CENTROID(geom))))
      ),
      1 / (
        111132.954 - 559.822 * COS(2 * RADIANS(ST_Y(ST_CENTROID(geom)))) + 1.175 * COS(4 * RADIANS(ST_Y(ST_CENTROID(geom))))
      )
    ) AS geom_buffer,
    people.*
  FROM analytics.people
)
SELECT
  *
FROM native_buffer_1;
