-- stage st_buffer
DROP TABLE IF EXISTS wareflow_st_buffer_6870c53976b0__wareflow_36bde66f;
CREATE TABLE wareflow_st_buffer_6870c53976b0__wareflow_36bde66f AS
SELECT
  ST_TRANSFORM(
    ST_BUFFER(ST_TRANSFORM(geom, 3857), (
      500
    ) / COS(RADIANS(ST_Y(ST_CENTROID(geom))))),
    4326
  ) AS geom_buffer,
  stations.*
FROM main.stations;
DROP TABLE IF EXISTS wareflow_st_buffer_6870c53976b0;
ALTER TABLE wareflow_st_buffer_6870c53976b0__wareflow_36bde66f
RENAME TO wareflow_st_buffer_6870c53976b0;

-- stage save_customers_near_stations
DROP TABLE IF EXISTS main.customers_near_stations__wareflow_36bde66f;
CREATE TABLE main.customers_near_stations__wareflow_36bde66f AS
WITH spatial_filter_1 AS (
  SELECT
    *
  FROM main.customers AS _source
  WHERE
    EXISTS(
      SELECT
        1
      FROM wareflow_st_buffer_6870c53976b0 AS _filter
      WHERE
        ST_INTERSECTS(_filter.geom_buffer, _source.geom)
    )
)
SELECT
  *
FROM spatial_filter_1;
DROP TABLE IF EXISTS main.customers_near_stations;
ALTER TABLE main.customers_near_stations__wareflow_36bde66f
RENAME TO customers_near_stations;

-- stage save_customers_far_from_stations
DROP TABLE IF EXISTS main.customers_far_from_stations__wareflow_36bde66f;
CREATE TABLE main.customers_far_from_stations__wareflow_36bde66f AS
WITH spatial_filter_1 AS (
  SELECT
    *
  FROM main.customers AS _source
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM wareflow_st_buffer_6870c53976b0 AS _filter
      WHERE
        ST_INTERSECTS(_filter.geom_buffer, _source.geom)
    )
)
SELECT
  *
FROM spatial_filter_1;
DROP TABLE IF EXISTS main.customers_far_from_stations;
ALTER TABLE main.customers_far_from_stations__wareflow_36bde66f
RENAME TO customers_far_from_stations;

