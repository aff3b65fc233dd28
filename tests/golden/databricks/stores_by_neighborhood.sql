-- stage save_stores_by_neighborhood
CREATE OR REPLACE TABLE main.stores_by_neighborhood AS
WITH spatial_join_1 AS (
  SELECT
    _main.*,
    _joined.store_id AS store_id_joined,
    _joined.name AS name_joined,
    _joined.category AS category_joined,
    _joined.revenue AS revenue_joined,
    _joined.opened AS opened_joined,
    _joined.geom AS geom_joined
  FROM main.neighborhoods AS _main
  INNER JOIN main.stores AS _joined
    ON ST_INTERSECTS(_main.geom, _joined.geom)
), group_by_1 AS (
  SELECT
    nbhd_id,
    name,
    COUNT(store_id_joined) AS store_id_joined_count,
    SUM(revenue_joined) AS revenue_joined_sum
  FROM spatial_join_1
  GROUP BY
    nbhd_id,
    name
), order_by_1 AS (
  SELECT
    *
  FROM group_by_1
)
SELECT
  *
FROM order_by_1
ORDER BY
  revenue_joined_sum DESC;

