-- stage save_top_customers
DROP TABLE IF EXISTS main.top_customers__wareflow_36bde66f;
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
    CAST(spend AS FLOAT) / GREATEST(DATEDIFF(YEAR, signup, GETDATE()), 1) AS spend_per_year
  FROM where_1
), case_when_1 AS (
  SELECT
    create_column_1.*,
    CASE WHEN segment = 'gold' THEN 3 WHEN segment = 'silver' THEN 2 ELSE 1 END AS tier
  FROM create_column_1
), rename_column_1 AS (
  SELECT
    customer_id AS customer_id,
    age AS age,
    segment AS segment,
    spend AS spend,
    signup AS signup,
    geom AS geom,
    spend_per_year AS spend_per_year,
    tier AS tier,
    name AS customer_name
  FROM case_when_1
), drop_columns_1 AS (
  SELECT
    customer_id AS customer_id,
    age AS age,
    segment AS segment,
    spend AS spend,
    signup AS signup,
    spend_per_year AS spend_per_year,
    tier AS tier,
    customer_name AS customer_name
  FROM rename_column_1
), normalize_1 AS (
  SELECT
    drop_columns_1.*,
    CAST((
      CAST(spend AS FLOAT) - MIN(CAST(spend AS FLOAT)) OVER ()
    ) AS FLOAT) / NULLIF(MAX(CAST(spend AS FLOAT)) OVER () - MIN(CAST(spend AS FLOAT)) OVER (), 0) AS spend_norm
  FROM drop_columns_1
), order_by_1 AS (
  SELECT
    *
  FROM normalize_1
), limit_1 AS (
  SELECT
  TOP 100
    *
  FROM order_by_1
  ORDER BY
    spend_norm DESC
)
SELECT
  *
INTO main.top_customers__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM limit_1
) AS temp;
DROP TABLE IF EXISTS main.top_customers;
RENAME OBJECT main.top_customers__wareflow_36bde66f TO top_customers;

