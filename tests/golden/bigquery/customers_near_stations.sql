-- stage st_buffer_307b953e
CREATE OR REPLACE TABLE wareflow_st_buffer_a51db0663993
OPTIONS (
  expiration_timestamp=TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL (INTERVAL 7 DAY) DAY)
) AS
SELECT
  ST_BUFFER(geom, (
    500
  )) AS geom_buffer,
  stations.*
FROM main.stations;

-- stage save_as_table_5b8e9838
CREATE OR REPLACE TABLE main.customers_near_stations AS
WITH spatial_filter_1 AS (
  SELECT
    *
  FROM main.customers AS _source
  WHERE
    EXISTS(
      SELECT
        1
      FROM wareflow_st_buffer_a51db0663993 AS _filter
      WHERE
        ST_Intersects(_filter.geom_buffer, _source.geom)
    )
)
SELECT
  *
FROM spatial_filter_1;

-- stage save_as_table_062a1482
CREATE OR REPLACE TABLE main.customers_far_from_stations AS
WITH spatial_filter_1 AS (
  SELECT
    *
  FROM main.customers AS _source
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM wareflow_st_buffer_a51db0663993 AS _filter
      WHERE
        ST_Intersects(_filter.geom_buffer, _source.geom)
    )
)
SELECT
  *
FROM spatial_filter_1;

