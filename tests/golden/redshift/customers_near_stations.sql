-- stage st_buffer_a403fda6
DROP TABLE IF EXISTS wareflow_st_buffer_ba0d856f1e62__wareflow_staging;
CREATE TABLE wareflow_st_buffer_ba0d856f1e62__wareflow_staging AS
SELECT
  ST_TRANSFORM(
    ST_BUFFER(ST_TRANSFORM(geom, 3857), (
      500
    ) / COS(RADIANS(ST_Y(ST_CENTROID(geom))))),
    4326
  ) AS geom_buffer,
  stations.*
FROM main.stations;
DROP TABLE IF EXISTS wareflow_st_buffer_ba0d856f1e62;
ALTER TABLE wareflow_st_buffer_ba0d856f1e62__wareflow_staging
RENAME TO wareflow_st_buffer_ba0d856f1e62;

-- stage save_as_table_527985bb
DROP TABLE IF EXISTS main.customers_near_stations__wareflow_staging;
CREATE TABLE main.customers_near_stations__wareflow_staging AS
WITH spatial_filter_1 AS (
  SELECT
    *
  FROM main.customers AS _source
  WHERE
    EXISTS(
      SELECT
        1
      FROM wareflow_st_buffer_ba0d856f1e62 AS _filter
      WHERE
        ST_INTERSECTS(_filter.geom_buffer, _source.geom)
    )
)
SELECT
  *
FROM spatial_filter_1;
DROP TABLE IF EXISTS main.customers_near_stations;
ALTER TABLE main.customers_near_stations__wareflow_staging
RENAME TO customers_near_stations;

-- stage save_as_table_830cc026
DROP TABLE IF EXISTS main.customers_far_from_stations__wareflow_staging;
CREATE TABLE main.customers_far_from_stations__wareflow_staging AS
WITH spatial_filter_1 AS (
  SELECT
    *
  FROM main.customers AS _source
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM wareflow_st_buffer_ba0d856f1e62 AS _filter
      WHERE
        ST_INTERSECTS(_filter.geom_buffer, _source.geom)
    )
)
SELECT
  *
FROM spatial_filter_1;
DROP TABLE IF EXISTS main.customers_far_from_stations;
ALTER TABLE main.customers_far_from_stations__wareflow_staging
RENAME TO customers_far_from_stations;

