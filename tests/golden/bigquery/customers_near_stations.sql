-- stage st_buffer
CREATE OR REPLACE TABLE wareflow_st_buffer_6870c53976b0
OPTIONS (
  expiration_timestamp=TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL (INTERVAL 7 DAY) DAY)
) AS
SELECT
  ST_BUFFER(geom, (
    500
  )) AS geom_buffer,
  stations.*
FROM main.stations;

-- stage save_customers_near_stations
CREATE OR REPLACE TABLE main.customers_near_stations AS
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
        ST_Intersects(_filter.geom_buffer, _source.geom)
    )
)
SELECT
  *
FROM spatial_filter_1;

-- stage save_customers_far_from_stations
CREATE OR REPLACE TABLE main.customers_far_from_stations AS
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
        ST_Intersects(_filter.geom_buffer, _source.geom)
    )
)
SELECT
  *
FROM spatial_filter_1;

