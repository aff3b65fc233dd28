-- case save_replace
-- stage native_saveastable_c7911561
DROP TABLE IF EXISTS analytics.copy__wareflow_staging;
CREATE TABLE analytics.copy__wareflow_staging AS
SELECT
  *
FROM analytics.people;
DROP TABLE IF EXISTS analytics."COPY";
ALTER TABLE analytics.copy__wareflow_staging
RENAME TO "COPY";

-- case save_append
-- stage native_saveastable_1a1f71df
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
      run_key = 'manual:native_saveastable_1a1f71df'
  );
INSERT INTO analytics._wareflow_appends
SELECT
  'manual:native_saveastable_1a1f71df',
  CURRENT_TIMESTAMP
FROM DUAL
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM analytics._wareflow_appends
    WHERE
      run_key = 'manual:native_saveastable_1a1f71df'
  );

-- case gettablebyname
-- stage native_saveastable_28e2d781
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
SELECT
  *
FROM analytics.cities;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case tablefromgeojson
-- stage native_saveastable_105a945e
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
WITH native_tablefromgeojson_1 AS (
  SELECT
    CAST('A' AS VARCHAR2(4000)) AS name,
    CAST(10 AS NUMBER) AS pop,
    SDO_UTIL.FROM_GEOJSON('{"type":"Point","coordinates":[1,2]}') AS "GEOMETRY"
  UNION ALL
  SELECT
    CAST('B' AS VARCHAR2(4000)) AS name,
    CAST(NULL AS NUMBER) AS pop,
    SDO_UTIL.FROM_GEOJSON('{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}') AS "GEOMETRY"
)
SELECT
  *
FROM native_tablefromgeojson_1;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case where
-- stage native_saveastable_7478d522
DROP TABLE IF EXISTS analytics.m__wareflow_staging;
CREATE TABLE analytics.m__wareflow_staging AS
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
ALTER TABLE analytics.m__wareflow_staging
RENAME TO m;
-- stage native_saveastable_6287b016
DROP TABLE IF EXISTS analytics.u__wareflow_staging;
CREATE TABLE analytics.u__wareflow_staging AS
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
ALTER TABLE analytics.u__wareflow_staging
RENAME TO u;

-- case wheresimplified
-- stage native_saveastable_cf67fee3
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case select
-- stage native_saveastable_93093f41
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case selectexpression
-- stage native_saveastable_b3b8edfb
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case customsql
-- stage native_customsql_314bbfda
DROP TABLE IF EXISTS wareflow_native_customsql_bee28ed64b05__wareflow_staging;
CREATE TABLE wareflow_native_customsql_bee28ed64b05__wareflow_staging AS
SELECT
  p.city,
  COUNT(*) AS n
FROM analytics.people p
JOIN analytics.cities c
  ON p.city = c.city
GROUP BY
  p.city;
DROP TABLE IF EXISTS wareflow_native_customsql_bee28ed64b05;
ALTER TABLE wareflow_native_customsql_bee28ed64b05__wareflow_staging
RENAME TO wareflow_native_customsql_bee28ed64b05;
-- stage native_saveastable_b13379ca
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
SELECT
  *
FROM wareflow_native_customsql_bee28ed64b05;
DROP TABLE IF EXISTS analytics.o;
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case casewhen
-- stage native_saveastable_3476acca
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case dropcolumn
-- stage native_saveastable_ca0f048b
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case renamecolumn
-- stage native_saveastable_908e6ee0
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case orderby_limit
-- stage native_saveastable_8696b13e
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case normalize
-- stage native_saveastable_47753808
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case groupby
-- stage native_saveastable_c322641b
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case groupby_geometry
-- stage native_saveastable_160c023d
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case join
-- stage native_saveastable_819c304e
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case crossjoin
-- stage native_saveastable_6a9bcb66
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case spatialjoin
-- stage native_saveastable_7fd832e8
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;

-- case spatialfilter
-- stage native_saveastable_451977d7
DROP TABLE IF EXISTS analytics.m__wareflow_staging;
CREATE TABLE analytics.m__wareflow_staging AS
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
ALTER TABLE analytics.m__wareflow_staging
RENAME TO m;
-- stage native_saveastable_22a4b7e7
DROP TABLE IF EXISTS analytics.u__wareflow_staging;
CREATE TABLE analytics.u__wareflow_staging AS
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
ALTER TABLE analytics.u__wareflow_staging
RENAME TO u;

-- case buffer
-- stage native_saveastable_cce089ee
DROP TABLE IF EXISTS analytics.o__wareflow_staging;
CREATE TABLE analytics.o__wareflow_staging AS
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
ALTER TABLE analytics.o__wareflow_staging
RENAME TO o;
