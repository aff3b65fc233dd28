-- stage st_buffer
CREATE OR REPLACE TABLE wareflow_st_buffer_6870c53976b0 AS
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
      )
    ),
    1 / (
      111412.84 * COS(RADIANS(ST_Y(ST_CENTROID(geom)))) - 93.5 * COS(3 * RADIANS(ST_Y(ST_CENTROID(geom))))
    ),
    1 / (
      111132.954 - 559.822 * COS(2 * RADIANS(ST_Y(ST_CENTROID(geom)))) + 1.175 * COS(4 * RADIANS(ST_Y(ST_CENTROID(geom))))
    )
  ) AS geom_buffer,
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
        ST_INTERSECTS(_filter.geom_buffer, _source.geom)
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
        ST_INTERSECTS(_filter.geom_buffer, _source.geom)
    )
)
SELECT
  *
FROM spatial_filter_1;

