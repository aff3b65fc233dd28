-- stage st_buffer
CREATE OR REPLACE TRANSIENT TABLE wareflow_st_buffer_6870c53976b0 AS
SELECT
  TO_GEOGRAPHY(
    ST_TRANSFORM(
      ST_BUFFER(
        ST_TRANSFORM(TO_GEOMETRY(ST_ASWKT(geom), 4326), 3857),
        (
          500
        ) / COS(RADIANS(ST_Y(ST_CENTROID(geom))))
      ),
      4326
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

