-- stage save_top_customers
DROP TABLE IF EXISTS main.top_customers__wareflow_36bde66f;
CREATE TABLE main.top_customers__wareflow_36bde66f AS
WITH simple_filter_1 AS (
  SELECT
    *
  FROM main.customers
  WHERE
    age >= 18
), where_1 AS (
  SELECT
    *
  FROM simple_filter_1
  WHERE
    spend > 10
), create_column_1 AS (
  SELECT
    where_1.*,
    CAST(spend AS DOUBLE PRECISION) / GREATEST(
      CAST(EXTRACT(year FROM AGE(DATE_TRUNC('YEAR', CAST(CURRENT_DATE AS TIMESTAMP)), DATE_TRUNC('YEAR', CAST(signup AS TIMESTAMP)))) AS BIGINT),
      1
    ) AS spend_per_year
  FROM where_1
), case_when_1 AS (
  SELECT
    create_column_1.*,
    CASE WHEN segment = 'gold' THEN 3 WHEN segment = 'silver' THEN 2 ELSE 1 END AS tier
  FROM create_column_1
), rename_column_1 AS (
  SELECT
    customer_id,
    age,
    segment,
    spend,
    signup,
    geom,
    spend_per_year,
    tier,
    name AS customer_name
  FROM case_when_1
), drop_columns_1 AS (
  SELECT
    customer_id,
    age,
    segment,
    spend,
    signup,
    spend_per_year,
    tier,
    customer_name
  FROM rename_column_1
), normalize_1 AS (
  SELECT
    drop_columns_1.*,
    CAST((
      CAST(spend AS DOUBLE PRECISION) - MIN(CAST(spend AS DOUBLE PRECISION)) OVER ()
    ) AS DOUBLE PRECISION) / NULLIF(
      MAX(CAST(spend AS DOUBLE PRECISION)) OVER () - MIN(CAST(spend AS DOUBLE PRECISION)) OVER (),
      0
    ) AS spend_norm
  FROM drop_columns_1
), order_by_1 AS (
  SELECT
    *
  FROM normalize_1
), limit_1 AS (
  SELECT
    *
  FROM order_by_1
  ORDER BY
    spend_norm DESC NULLS LAST
  LIMIT 100
)
SELECT
  *
FROM limit_1
ORDER BY
  spend_norm DESC NULLS LAST;
DROP TABLE IF EXISTS main.top_customers;
ALTER TABLE main.top_customers__wareflow_36bde66f
RENAME TO top_customers;

