-- stage st_buffer
DROP TABLE IF EXISTS wareflow_st_buffer_6870c53976b0__wareflow_36bde66f;
CREATE TABLE wareflow_st_buffer_6870c53976b0__wareflow_36bde66f AS
SELECT
  SDO_GEOM.SDO_BUFFER(geom, (
    500
  ), 0.05, 'unit=M') AS geom_buffer,
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
  FROM main.customers _source
  WHERE
    EXISTS(
      SELECT
        1
      FROM wareflow_st_buffer_6870c53976b0 _filter
      WHERE
        SDO_GEOM.RELATE(_filter.geom_buffer, 'ANYINTERACT', _source.geom, 0.05) <> 'FALSE'
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
  FROM main.customers _source
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM wareflow_st_buffer_6870c53976b0 _filter
      WHERE
        SDO_GEOM.RELATE(_filter.geom_buffer, 'ANYINTERACT', _source.geom, 0.05) <> 'FALSE'
    )
)
SELECT
  *
FROM spatial_filter_1;
DROP TABLE IF EXISTS main.customers_far_from_stations;
ALTER TABLE main.customers_far_from_stations__wareflow_36bde66f
RENAME TO customers_far_from_stations;

