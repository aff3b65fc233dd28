-- case save_replace
-- stage native_saveastable_9a267324
DROP TABLE IF EXISTS analytics.copy__wareflow_36bde66f;
CREATE TABLE analytics.copy__wareflow_36bde66f AS
SELECT
  *
FROM analytics.people;
DROP TABLE IF EXISTS analytics."COPY";
ALTER TABLE analytics.copy__wareflow_36bde66f
RENAME TO "COPY";

-- case save_append
-- stage native_saveastable_14ce6da1
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
      run_key = 'manual:native_saveastable_14ce6da1'
  );
INSERT INTO analytics._wareflow_appends
SELECT
  'manual:native_saveastable_14ce6da1',
  CURRENT_TIMESTAMP
FROM DUAL
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
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
SELECT
  *
FROM analytics.cities;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case tablefromgeojson
-- stage native_saveastable_8f7c4477
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
-- stage native_saveastable_569c4d1d
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
-- stage native_saveastable_e934548f
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
-- stage native_saveastable_26c1c137
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
-- stage native_saveastable_770b7c45
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
-- stage native_saveastable_4fd8b7d9
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
-- stage native_customsql_73feb9c1
DROP TABLE IF EXISTS wareflow_native_customsql_d437e20672d1__wareflow_36bde66f;
CREATE TABLE wareflow_native_customsql_d437e20672d1__wareflow_36bde66f AS
SELECT
  p.city,
  COUNT(*) AS n
FROM analytics.people p
JOIN analytics.cities c
  ON p.city = c.city
GROUP BY
  p.city;
DROP TABLE IF EXISTS wareflow_native_customsql_d437e20672d1;
ALTER TABLE wareflow_native_customsql_d437e20672d1__wareflow_36bde66f
RENAME TO wareflow_native_customsql_d437e20672d1;
-- stage native_saveastable_7a675faa
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
CREATE TABLE analytics.o__wareflow_36bde66f AS
SELECT
  *
FROM wareflow_native_customsql_d437e20672d1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_36bde66f
RENAME TO o;

-- case casewhen
-- stage native_saveastable_ba32372a
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
-- stage native_saveastable_64e88e70
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
-- stage native_saveastable_bd74b889
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
-- stage native_saveastable_dd97911c
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
-- stage native_saveastable_ef0a068b
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
-- stage native_saveastable_7feb2f4f
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
-- stage native_saveastable_8361e5b1
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
-- stage native_saveastable_ac7840ed
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
-- stage native_saveastable_6f571d8e
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
-- stage native_saveastable_150b99be
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
-- stage native_saveastable_9ef91876
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
-- stage native_saveastable_a257bf86
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
-- stage native_saveastable_8e3dbca7
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
