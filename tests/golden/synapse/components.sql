-- case save_replace
-- stage save_copy
DROP TABLE IF EXISTS analytics.copy__wareflow_36bde66f;
SELECT
  *
INTO analytics.copy__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM analytics.people
) AS temp;
DROP TABLE IF EXISTS analytics.[copy];
RENAME OBJECT analytics.copy__wareflow_36bde66f TO [copy];

-- case save_append
-- stage save_log
IF OBJECT_ID(N'analytics._wareflow_appends') IS NULL CREATE TABLE analytics._wareflow_appends (run_key NVARCHAR(255), appended_at DATETIME2);
IF OBJECT_ID(N'analytics.log') IS NULL SELECT * INTO analytics.log FROM (SELECT * FROM (SELECT * FROM analytics.people) AS q WHERE 1 = 0) AS temp;
BEGIN TRANSACTION;
INSERT INTO analytics.log
SELECT
  *
FROM (
  SELECT
    *
  FROM analytics.people
) AS q
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM analytics._wareflow_appends
    WHERE
      run_key = 'manual:save_log'
  );
INSERT INTO analytics._wareflow_appends
SELECT
  'manual:save_log',
  GETDATE()
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM analytics._wareflow_appends
    WHERE
      run_key = 'manual:save_log'
  );
COMMIT TRANSACTION;

-- case gettablebyname
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM analytics.cities
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case tablefromgeojson: unsupported (the Azure Synapse dialect cannot express this component (Synapse dedicated SQL pools have no geometry or geography types))

-- case where
-- stage save_m
DROP TABLE IF EXISTS analytics.m__wareflow_36bde66f;
WITH native_where_1 AS (
  SELECT
    *
  FROM analytics.people
  WHERE
    age >= 18 OR city = 'Paris'
)
SELECT
  *
INTO analytics.m__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_where_1
) AS temp;
DROP TABLE IF EXISTS analytics.m;
RENAME OBJECT analytics.m__wareflow_36bde66f TO m;
-- stage save_u
DROP TABLE IF EXISTS analytics.u__wareflow_36bde66f;
WITH native_where_1 AS (
  SELECT
    *
  FROM analytics.people
  WHERE
    CASE WHEN age >= 18 OR city = 'Paris' THEN 1 ELSE 0 END = 0
)
SELECT
  *
INTO analytics.u__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_where_1
) AS temp;
DROP TABLE IF EXISTS analytics.u;
RENAME OBJECT analytics.u__wareflow_36bde66f TO u;

-- case wheresimplified
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_wheresimplified_1 AS (
  SELECT
    *
  FROM analytics.people
  WHERE
    name <> 'O''Neil'
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_wheresimplified_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case select
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_select_1 AS (
  SELECT
    id AS id,
    UPPER(name) AS up,
    COALESCE(city, 'none') AS town
  FROM analytics.people
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_select_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case selectexpression
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_selectexpression_1 AS (
  SELECT
    people.*,
    COALESCE(score, 0) + 1.5 AS total
  FROM analytics.people
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_selectexpression_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case customsql
-- stage native_customsql
DROP TABLE IF EXISTS wareflow_native_customsql_8d3f291262bf__wareflow_36bde66f;
SELECT
  *
INTO wareflow_native_customsql_8d3f291262bf__wareflow_36bde66f
FROM (
  SELECT
    p.city AS city,
    COUNT_BIG(*) AS n
  FROM analytics.people AS p
  JOIN analytics.cities AS c
    ON p.city = c.city
  GROUP BY
    p.city
) AS temp;
DROP TABLE IF EXISTS wareflow_native_customsql_8d3f291262bf;
RENAME OBJECT wareflow_native_customsql_8d3f291262bf__wareflow_36bde66f TO wareflow_native_customsql_8d3f291262bf;
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM wareflow_native_customsql_8d3f291262bf
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case casewhen
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_casewhen_1 AS (
  SELECT
    people.*,
    CASE WHEN age >= 50 THEN 'senior' WHEN age IS NULL THEN 'unknown' ELSE 'adult' END AS band
  FROM analytics.people
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_casewhen_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case dropcolumn
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_dropcolumn_1 AS (
  SELECT
    id AS id,
    name AS name,
    age AS age,
    city AS city
  FROM analytics.people
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_dropcolumn_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case renamecolumn
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_renamecolumn_1 AS (
  SELECT
    id AS id,
    age AS age,
    city AS city,
    score AS score,
    geom AS geom,
    name AS person
  FROM analytics.people
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_renamecolumn_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case orderby_limit
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_orderby_1 AS (
  SELECT
    *
  FROM analytics.people
), native_limit_1 AS (
  SELECT
  TOP 2
    *
  FROM native_orderby_1
  ORDER BY
    score DESC,
    CASE WHEN id IS NULL THEN 1 ELSE 0 END, id ASC
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_limit_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case normalize
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_normalize_1 AS (
  SELECT
    people.*,
    CAST((
      CAST(score AS FLOAT) - MIN(CAST(score AS FLOAT)) OVER ()
    ) AS FLOAT) / NULLIF(MAX(CAST(score AS FLOAT)) OVER () - MIN(CAST(score AS FLOAT)) OVER (), 0) AS score_norm
  FROM analytics.people
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_normalize_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case groupby
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_groupby_1 AS (
  SELECT
    city AS city,
    SUM(score) AS score_sum,
    COUNT(id) AS id_count,
    STRING_AGG(CAST(name AS NVARCHAR(4000)), ',') AS name_concat
  FROM analytics.people
  GROUP BY
    city
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_groupby_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case groupby_geometry: unsupported (the Azure Synapse dialect cannot express this component (no union_agg, centroid_agg))

-- case join
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_join_1 AS (
  SELECT
    _main.*,
    _joined.city AS city_joined,
    _joined.country AS country_joined
  FROM analytics.people AS _main
  LEFT JOIN analytics.cities AS _joined
    ON _main.city = _joined.city
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_join_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case crossjoin
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_crossjoin_1 AS (
  SELECT
    _main.*,
    _joined.city AS city_joined,
    _joined.country AS country_joined
  FROM analytics.people AS _main
  CROSS JOIN analytics.cities AS _joined
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_crossjoin_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case spatialjoin: unsupported (the Azure Synapse dialect cannot express this component (Synapse dedicated SQL pools have no geometry or geography types))

-- case spatialfilter: unsupported (the Azure Synapse dialect cannot express this component (Synapse dedicated SQL pools have no geometry or geography types))

-- case buffer: unsupported (the Azure Synapse dialect cannot express this component (Synapse dedicated SQL pools have no geometry or geography types))

-- case h3frompoint: unsupported (the Azure Synapse dialect cannot express this component (no h3_from_point))

-- case h3polyfill_nomode: unsupported (the Azure Synapse dialect cannot express this component (no h3_polyfill))

-- case h3polyfill_nomode_cols: unsupported (the Azure Synapse dialect cannot express this component (no h3_polyfill))

-- case h3polyfill_center: unsupported (the Azure Synapse dialect cannot express this component (no h3_polyfill))

-- case h3polyfill_center_cols: unsupported (the Azure Synapse dialect cannot express this component (no h3_polyfill))

-- case h3polyfill_intersects: unsupported (the Azure Synapse dialect cannot express this component (no h3_polyfill_intersects))

-- case h3polyfill_intersects_cols: unsupported (the Azure Synapse dialect cannot express this component (no h3_polyfill_intersects))

-- case h3polyfill_contains: unsupported (the Azure Synapse dialect cannot express this component (no h3_polyfill_contains))

-- case h3polyfill_contains_cols: unsupported (the Azure Synapse dialect cannot express this component (no h3_polyfill_contains))

-- case h3boundary: unsupported (the Azure Synapse dialect cannot express this component (no h3_boundary))

-- case h3center: unsupported (the Azure Synapse dialect cannot express this component (no h3_center))

-- case h3kring: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance))

-- case h3distance: unsupported (the Azure Synapse dialect cannot express this component (no h3_distance))

-- case h3toparent: unsupported (the Azure Synapse dialect cannot express this component (no h3_toparent))

-- case h3tochildren: unsupported (the Azure Synapse dialect cannot express this component (no h3_tochildren))

-- case quadbinfromgeopoint: unsupported (the Azure Synapse dialect cannot express this component (no x, y))

-- case quadbinfrompoint: unsupported (the Azure Synapse dialect cannot express this component (no x, y))

-- case quadbinpolyfill_center: unsupported (the Azure Synapse dialect cannot express this component (no xmin, ymin, xmax, ymax, int_range, point, envelope, intersects))

-- case quadbinpolyfill_center_cols: unsupported (the Azure Synapse dialect cannot express this component (no xmin, ymin, xmax, ymax, int_range, point, envelope, intersects))

-- case quadbinpolyfill_intersects: unsupported (the Azure Synapse dialect cannot express this component (no xmin, ymin, xmax, ymax, int_range, point, envelope, intersects))

-- case quadbinpolyfill_intersects_cols: unsupported (the Azure Synapse dialect cannot express this component (no xmin, ymin, xmax, ymax, int_range, point, envelope, intersects))

-- case quadbinpolyfill_contains: unsupported (the Azure Synapse dialect cannot express this component (no xmin, ymin, xmax, ymax, int_range, point, envelope, contains))

-- case quadbinpolyfill_contains_cols: unsupported (the Azure Synapse dialect cannot express this component (no xmin, ymin, xmax, ymax, int_range, point, envelope, contains))

-- case quadbinboundary: unsupported (the Azure Synapse dialect cannot express this component (no envelope))

-- case quadbincenter: unsupported (the Azure Synapse dialect cannot express this component (no point))

-- case quadbinkring: unsupported (the Azure Synapse dialect cannot express this component (no int_range))

-- case quadbintoparent
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_quadbintoparent_1 AS (
  SELECT
    CASE
      WHEN (
        quadbin / 4503599627370496
      ) & 31 >= 4
      THEN quadbin & 9083760448406290431 | 18031990695526399
    END AS quadbin_parent,
    cells.*
  FROM analytics.cells
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_quadbintoparent_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case quadbintochildren: unsupported (the Azure Synapse dialect cannot express this component (no int_range))

-- case getisord_h3: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case getisord_quadbin: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case moransi_h3: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case moransi_quadbin: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case localmoransi_h3: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case localmoransi_quadbin: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case commercialhotspots_h3: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case commercialhotspots_quadbin: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case composite_unsupervised_custom
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT) AS v1,
    CAST(id AS FLOAT) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id AS cell_id,
    PERCENT_RANK() OVER (ORDER BY CASE WHEN r.v1 IS NULL THEN 1 ELSE 0 END, r.v1 ASC) AS s1,
    PERCENT_RANK() OVER (ORDER BY r.v2 DESC) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id AS cell_id,
    CASE
      WHEN c.s1 < 0 OR c.s2 < 0
      THEN NULL
      WHEN c.s1 = 0 OR c.s2 = 0
      THEN 0.0
      ELSE EXP(
        0.8333333333333334 * LOG(CASE WHEN c.s1 > 0 THEN c.s1 END) + 0.16666666666666666 * LOG(CASE WHEN c.s2 > 0 THEN c.s2 END)
      )
    END AS score
  FROM native_spatialcompositeunsuper_1_scaled AS c
), native_spatialcompositeunsuper_1_score_range AS (
  SELECT
    MIN(score) AS lo,
    MAX(score) AS hi
  FROM native_spatialcompositeunsuper_1_scored
), native_spatialcompositeunsuper_1 AS (
  SELECT
    c.cell_id AS quadbin,
    0 + 1 * COALESCE(CAST((
      c.score - g.lo
    ) AS FLOAT) / (
      NULLIF(g.hi - g.lo, 0)
    ), 0.0) AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
  CROSS JOIN native_spatialcompositeunsuper_1_score_range AS g
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_spatialcompositeunsuper_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case composite_unsupervised_entropy
-- stage save_o
-- read while compiling: native_spatialcompositeunsuper_1_entropy
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT) AS v1,
    CAST(id AS FLOAT) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled_stats AS (
  SELECT
    MIN(v1) AS min1,
    MAX(v1) AS max1,
    MIN(v2) AS min2,
    MAX(v2) AS max2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id AS cell_id,
    CAST((
      r.v1 - t.min1
    ) AS FLOAT) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    CAST((
      t.max2 - r.v2
    ) AS FLOAT) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
)
SELECT
  COUNT(*) AS n,
  SUM(s1) AS total1,
  SUM(COALESCE(s1 * LOG(CASE WHEN s1 > 0 THEN s1 END), 0.0)) AS slog1,
  SUM(s2) AS total2,
  SUM(COALESCE(s2 * LOG(CASE WHEN s2 > 0 THEN s2 END), 0.0)) AS slog2
FROM native_spatialcompositeunsuper_1_scaled;
-- read while compiling: native_spatialcompositeunsuper_1_jenks
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT) AS v1,
    CAST(id AS FLOAT) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled_stats AS (
  SELECT
    MIN(v1) AS min1,
    MAX(v1) AS max1,
    MIN(v2) AS min2,
    MAX(v2) AS max2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id AS cell_id,
    CAST((
      r.v1 - t.min1
    ) AS FLOAT) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    CAST((
      t.max2 - r.v2
    ) AS FLOAT) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id AS cell_id,
    CAST((
      :native_spatialcompositeunsuper_1_weight1 * c.s1
    ) AS FLOAT) / (
      :native_spatialcompositeunsuper_1_total1
    ) + CAST((
      :native_spatialcompositeunsuper_1_weight2 * c.s2
    ) AS FLOAT) / (
      :native_spatialcompositeunsuper_1_total2
    ) AS score
  FROM native_spatialcompositeunsuper_1_scaled AS c
)
SELECT
  g AS g,
  COUNT(*) AS n,
  SUM(score) AS total,
  MAX(score) AS hi
FROM (
  SELECT
    score AS score,
    CASE
      WHEN MAX(dr) OVER () <= 1000
      THEN dr - 1
      ELSE FLOOR(CAST(CAST(rn - 1 AS FLOAT) * 1000 AS FLOAT) / cnt)
    END AS g
  FROM (
    SELECT
      score AS score,
      DENSE_RANK() OVER (ORDER BY CASE WHEN score IS NULL THEN 1 ELSE 0 END, score ASC) AS dr,
      ROW_NUMBER() OVER (ORDER BY CASE WHEN score IS NULL THEN 1 ELSE 0 END, score ASC) AS rn,
      COUNT(*) OVER () AS cnt
    FROM native_spatialcompositeunsuper_1_scored
  ) AS d
) AS j
GROUP BY
  g;
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT) AS v1,
    CAST(id AS FLOAT) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled_stats AS (
  SELECT
    MIN(v1) AS min1,
    MAX(v1) AS max1,
    MIN(v2) AS min2,
    MAX(v2) AS max2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id AS cell_id,
    CAST((
      r.v1 - t.min1
    ) AS FLOAT) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    CAST((
      t.max2 - r.v2
    ) AS FLOAT) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id AS cell_id,
    CAST((
      :native_spatialcompositeunsuper_1_weight1 * c.s1
    ) AS FLOAT) / (
      :native_spatialcompositeunsuper_1_total1
    ) + CAST((
      :native_spatialcompositeunsuper_1_weight2 * c.s2
    ) AS FLOAT) / (
      :native_spatialcompositeunsuper_1_total2
    ) AS score
  FROM native_spatialcompositeunsuper_1_scaled AS c
), native_spatialcompositeunsuper_1 AS (
  SELECT
    c.cell_id AS quadbin,
    CASE
      WHEN c.score <= :native_spatialcompositeunsuper_1_break1
      THEN 1
      WHEN c.score <= :native_spatialcompositeunsuper_1_break2
      THEN 2
      WHEN c.score <= :native_spatialcompositeunsuper_1_break3
      THEN 3
      ELSE 4
    END AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_spatialcompositeunsuper_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case composite_unsupervised_first_pc
-- stage save_o
-- read while compiling: native_spatialcompositeunsuper_1_moments
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT) AS v1,
    CAST(id AS FLOAT) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_pc_stats AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    STDDEV_POP(v1) AS sd1,
    STDDEV_POP(v2) AS sd2
  FROM native_spatialcompositeunsuper_1_rows
)
SELECT
  COUNT(*) AS n,
  SUM((
    r.v1 - t.mean1
  ) * (
    r.v1 - t.mean1
  )) AS c1_1,
  SUM((
    r.v1 - t.mean1
  ) * (
    r.v2 - t.mean2
  )) AS c1_2,
  SUM((
    r.v2 - t.mean2
  ) * (
    r.v2 - t.mean2
  )) AS c2_2
FROM native_spatialcompositeunsuper_1_rows AS r
CROSS JOIN native_spatialcompositeunsuper_1_pc_stats AS t;
-- read while compiling: native_spatialcompositeunsuper_1_score_stats
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT) AS v1,
    CAST(id AS FLOAT) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_pc_stats AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    STDDEV_POP(v1) AS sd1,
    STDDEV_POP(v2) AS sd2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    r.cell_id AS cell_id,
    :native_spatialcompositeunsuper_1_loading1 * CAST((
      r.v1 - t.mean1
    ) AS FLOAT) / (
      NULLIF(t.sd1, 0)
    ) + :native_spatialcompositeunsuper_1_loading2 * CAST((
      r.v2 - t.mean2
    ) AS FLOAT) / (
      NULLIF(t.sd2, 0)
    ) AS score
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_pc_stats AS t
)
SELECT
  MAX(cnt) AS n,
  MIN(score) AS lo,
  MAX(score) AS hi,
  MAX(CASE WHEN rn - 1 = FLOOR(0.25 * (
    cnt - 1
  )) THEN score END) AS q1,
  MAX(CASE WHEN rn - 1 = FLOOR(0.75 * (
    cnt - 1
  )) THEN score END) AS q3
FROM (
  SELECT
    score AS score,
    ROW_NUMBER() OVER (ORDER BY CASE WHEN score IS NULL THEN 1 ELSE 0 END, score ASC) AS rn,
    COUNT(*) OVER () AS cnt
  FROM native_spatialcompositeunsuper_1_scored
) AS o;
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS FLOAT) AS v1,
    CAST(id AS FLOAT) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_pc_stats AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    STDDEV_POP(v1) AS sd1,
    STDDEV_POP(v2) AS sd2
  FROM native_spatialcompositeunsuper_1_rows
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    r.cell_id AS cell_id,
    :native_spatialcompositeunsuper_1_loading1 * CAST((
      r.v1 - t.mean1
    ) AS FLOAT) / (
      NULLIF(t.sd1, 0)
    ) + :native_spatialcompositeunsuper_1_loading2 * CAST((
      r.v2 - t.mean2
    ) AS FLOAT) / (
      NULLIF(t.sd2, 0)
    ) AS score
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_pc_stats AS t
), native_spatialcompositeunsuper_1_score_range AS (
  SELECT
    MIN(score) AS lo,
    MAX(score) AS hi
  FROM native_spatialcompositeunsuper_1_scored
), native_spatialcompositeunsuper_1 AS (
  SELECT
    c.cell_id AS quadbin,
    CAST(COALESCE(
      LEAST(
        :native_spatialcompositeunsuper_1_nbuckets,
        GREATEST(
          1,
          1 + FLOOR(
            CAST((
              :native_spatialcompositeunsuper_1_nbuckets * (
                c.score - g.lo
              )
            ) AS FLOAT) / (
              NULLIF(g.hi - g.lo, 0)
            )
          )
        )
      ),
      1
    ) AS BIGINT) AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
  CROSS JOIN native_spatialcompositeunsuper_1_score_range AS g
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_spatialcompositeunsuper_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case composite_supervised
-- stage save_o
-- read while compiling: native_spatialcompositesupervi_1_moments
WITH native_spatialcompositesupervi_1_rows AS (
  SELECT
    h3 AS cell_id,
    CAST(value AS FLOAT) AS v1,
    CAST(id AS FLOAT) AS v2,
    CAST(quadbin AS FLOAT) AS v3
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL AND NOT quadbin IS NULL
), native_spatialcompositesupervi_1_means AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    AVG(v3) AS mean3
  FROM native_spatialcompositesupervi_1_rows
)
SELECT
  COUNT(*) AS n,
  SUM((
    r.v1 - m.mean1
  ) * (
    r.v1 - m.mean1
  )) AS c1_1,
  SUM((
    r.v1 - m.mean1
  ) * (
    r.v2 - m.mean2
  )) AS c1_2,
  SUM((
    r.v1 - m.mean1
  ) * (
    r.v3 - m.mean3
  )) AS c1_3,
  SUM((
    r.v2 - m.mean2
  ) * (
    r.v2 - m.mean2
  )) AS c2_2,
  SUM((
    r.v2 - m.mean2
  ) * (
    r.v3 - m.mean3
  )) AS c2_3,
  SUM((
    r.v3 - m.mean3
  ) * (
    r.v3 - m.mean3
  )) AS c3_3
FROM native_spatialcompositesupervi_1_rows AS r
CROSS JOIN native_spatialcompositesupervi_1_means AS m;
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_spatialcompositesupervi_1_rows AS (
  SELECT
    h3 AS cell_id,
    CAST(value AS FLOAT) AS v1,
    CAST(id AS FLOAT) AS v2,
    CAST(quadbin AS FLOAT) AS v3
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL AND NOT quadbin IS NULL
), native_spatialcompositesupervi_1_means AS (
  SELECT
    AVG(v1) AS mean1,
    AVG(v2) AS mean2,
    AVG(v3) AS mean3
  FROM native_spatialcompositesupervi_1_rows
), native_spatialcompositesupervi_1_scored AS (
  SELECT
    r.cell_id AS cell_id,
    (
      r.v1 - m.mean1
    ) - :native_spatialcompositesupervi_1_b1 * (
      r.v2 - m.mean2
    ) - :native_spatialcompositesupervi_1_b2 * (
      r.v3 - m.mean3
    ) AS score
  FROM native_spatialcompositesupervi_1_rows AS r
  CROSS JOIN native_spatialcompositesupervi_1_means AS m
), native_spatialcompositesupervi_1_spread AS (
  SELECT
    MAX(ABS(c.score)) AS m
  FROM native_spatialcompositesupervi_1_scored AS c
  CROSS JOIN (
    SELECT
      MAX(cnt) AS n,
      MIN(score) AS lo,
      MAX(score) AS hi,
      MAX(CASE WHEN rn - 1 = FLOOR(0.25 * (
        cnt - 1
      )) THEN score END) AS q1,
      MAX(CASE WHEN rn - 1 = FLOOR(0.75 * (
        cnt - 1
      )) THEN score END) AS q3
    FROM (
      SELECT
        score AS score,
        ROW_NUMBER() OVER (ORDER BY CASE WHEN score IS NULL THEN 1 ELSE 0 END, score ASC) AS rn,
        COUNT(*) OVER () AS cnt
      FROM native_spatialcompositesupervi_1_scored
    ) AS o
  ) AS q
  WHERE
    c.score BETWEEN q.q1 - 1.5 * (
      q.q3 - q.q1
    ) AND q.q3 + 1.5 * (
      q.q3 - q.q1
    )
), native_spatialcompositesupervi_1 AS (
  SELECT
    c.cell_id AS h3,
    CAST(COALESCE(
      LEAST(
        6,
        GREATEST(
          1,
          1 + FLOOR(
            CAST((
              6 * (
                c.score - (
                  -s.m
                )
              )
            ) AS FLOAT) / (
              NULLIF(2 * s.m, 0)
            )
          )
        )
      ),
      1
    ) AS BIGINT) AS spatial_score
  FROM native_spatialcompositesupervi_1_scored AS c
  CROSS JOIN native_spatialcompositesupervi_1_spread AS s
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_spatialcompositesupervi_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case getisordspacetime_h3: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case getisordspacetime_quadbin: unsupported (the Azure Synapse dialect cannot express this component (no h3_kring, h3_distance, int_range))

-- case spacetimehotspots_mk
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_spacetimehotspotsclassi_1_series AS (
  SELECT
    h3 AS cell,
    CAST(gi AS FLOAT) AS x,
    CAST(p_value AS FLOAT) AS p,
    ROW_NUMBER() OVER (
      PARTITION BY h3
      ORDER BY CASE WHEN week IS NULL THEN 1 ELSE 0 END, week, CASE WHEN CAST(gi AS FLOAT) IS NULL THEN 1 ELSE 0 END, CAST(gi AS FLOAT)
    ) AS t,
    RANK() OVER (
      PARTITION BY h3
      ORDER BY CASE WHEN CAST(gi AS FLOAT) IS NULL THEN 1 ELSE 0 END, CAST(gi AS FLOAT)
    ) AS rank_up,
    RANK() OVER (PARTITION BY h3 ORDER BY CAST(gi AS FLOAT) DESC) AS rank_down,
    COUNT(*) OVER (PARTITION BY h3) AS steps
  FROM analytics.series
  WHERE
    NOT h3 IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell AS cell,
    CAST(COUNT(*) AS FLOAT) AS n,
    SUM(CASE WHEN p < 0.05 AND x > 0 THEN 1 ELSE 0 END) AS hot,
    MAX(CASE WHEN p < 0.05 AND x > 0 THEN t END) AS last_hot,
    MAX(CASE WHEN NOT (
      p < 0.05 AND x > 0
    ) THEN t END) AS last_not_hot,
    SUM(CASE WHEN p < 0.05 AND x < 0 THEN 1 ELSE 0 END) AS cold,
    MAX(CASE WHEN p < 0.05 AND x < 0 THEN t END) AS last_cold,
    MAX(CASE WHEN NOT (
      p < 0.05 AND x < 0
    ) THEN t END) AS last_not_cold,
    SUM(
      (
        (
          steps + 2 - (
            rank_up + rank_down
          )
        ) - 1
      ) * (
        2 * (
          steps + 2 - (
            rank_up + rank_down
          )
        ) + 5
      )
    ) AS tie_term
  FROM native_spacetimehotspotsclassi_1_series
  GROUP BY
    cell
), native_spacetimehotspotsclassi_1_scores AS (
  SELECT
    a.cell AS cell,
    SUM(CASE WHEN b.x > a.x THEN 1 WHEN b.x < a.x THEN -1 ELSE 0 END) AS s
  FROM native_spacetimehotspotsclassi_1_series AS a
  INNER JOIN native_spacetimehotspotsclassi_1_series AS b
    ON b.cell = a.cell AND a.t < b.t
  GROUP BY
    a.cell
), native_spacetimehotspotsclassi_1_trend AS (
  SELECT
    m.cell AS cell,
    m.n AS n,
    m.hot AS hot,
    m.last_hot AS last_hot,
    m.last_not_hot AS last_not_hot,
    m.cold AS cold,
    m.last_cold AS last_cold,
    m.last_not_cold AS last_not_cold,
    k.s AS s,
    CAST(COALESCE(k.s, 0) AS FLOAT) / NULLIF(CAST((
      m.n * (
        m.n - 1
      )
    ) AS FLOAT) / 2, 0) AS tau,
    CAST((
      m.n * (
        m.n - 1
      ) * (
        2 * m.n + 5
      ) - m.tie_term
    ) AS FLOAT) / 18 AS var_s
  FROM native_spacetimehotspotsclassi_1_summary AS m
  LEFT JOIN native_spacetimehotspotsclassi_1_scores AS k
    ON k.cell = m.cell
), native_spacetimehotspotsclassi_1 AS (
  SELECT
    cell AS h3,
    CASE
      WHEN NOT (
        COALESCE(last_hot, 0) = n
      ) AND n >= 2 AND 10 * hot >= 9 * (
        n - 1
      )
      THEN 'historical hotspot'
      WHEN COALESCE(last_hot, 0) = n AND hot = 1
      THEN 'new hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot < 9 * n
      AND hot = n - COALESCE(last_not_hot, 0)
      THEN 'consecutive hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      AND tau > 0
      THEN 'intensifying hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND NOT (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      THEN 'persistent hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      AND tau < 0
      THEN 'diminishing hotspot'
      WHEN COALESCE(last_hot, 0) = n AND 10 * hot < 9 * n AND cold > 0
      THEN 'oscillating hotspot'
      WHEN COALESCE(last_hot, 0) = n AND 10 * hot < 9 * n AND cold = 0
      THEN 'sporadic hotspot'
      WHEN NOT (
        COALESCE(last_cold, 0) = n
      ) AND n >= 2 AND 10 * cold >= 9 * (
        n - 1
      )
      THEN 'historical coldspot'
      WHEN COALESCE(last_cold, 0) = n AND cold = 1
      THEN 'new coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold < 9 * n
      AND cold = n - COALESCE(last_not_cold, 0)
      THEN 'consecutive coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      AND tau < 0
      THEN 'intensifying coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND NOT (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      THEN 'persistent coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.05
      )
      AND tau > 0
      THEN 'diminishing coldspot'
      WHEN COALESCE(last_cold, 0) = n AND 10 * cold < 9 * n AND hot > 0
      THEN 'oscillating coldspot'
      WHEN COALESCE(last_cold, 0) = n AND 10 * cold < 9 * n AND hot = 0
      THEN 'sporadic coldspot'
      ELSE 'undetected pattern'
    END AS classification,
    tau AS tau,
    tau_p AS tau_p
  FROM (
    SELECT
      _wf_tested.*,
      CAST(1.0 AS FLOAT) / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        0.254829592 + CAST(1.0 AS FLOAT) / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          -0.284496736 + CAST(1.0 AS FLOAT) / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            1.421413741 + CAST(1.0 AS FLOAT) / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              -1.453152027 + CAST(1.0 AS FLOAT) / (
                1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
              ) * (
                1.061405429
              )
            )
          )
        )
      ) * EXP(-ABS(z) * 0.7071067811865475 * ABS(z) * 0.7071067811865475) AS tau_p
    FROM (
      SELECT
        native_spacetimehotspotsclassi_1_trend.*,
        CASE
          WHEN n < 2
          THEN NULL
          WHEN COALESCE(s, 0) > 0
          THEN CAST((
            s - 1
          ) AS FLOAT) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN COALESCE(s, 0) < 0
          THEN CAST((
            s + 1
          ) AS FLOAT) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN NOT var_s IS NULL
          THEN 0
        END AS z
      FROM native_spacetimehotspotsclassi_1_trend
    ) AS _wf_tested
  ) AS _wf_trend
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_spacetimehotspotsclassi_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case spacetimehotspots_mmk
-- stage save_o
DROP TABLE IF EXISTS analytics.o__wareflow_36bde66f;
WITH native_spacetimehotspotsclassi_1_series AS (
  SELECT
    quadbin AS cell,
    CAST(gi AS FLOAT) AS x,
    CAST(p_value AS FLOAT) AS p,
    ROW_NUMBER() OVER (
      PARTITION BY quadbin
      ORDER BY CASE WHEN week IS NULL THEN 1 ELSE 0 END, week, CASE WHEN CAST(gi AS FLOAT) IS NULL THEN 1 ELSE 0 END, CAST(gi AS FLOAT)
    ) AS t,
    RANK() OVER (
      PARTITION BY quadbin
      ORDER BY CASE WHEN CAST(gi AS FLOAT) IS NULL THEN 1 ELSE 0 END, CAST(gi AS FLOAT)
    ) AS rank_up,
    RANK() OVER (PARTITION BY quadbin ORDER BY CAST(gi AS FLOAT) DESC) AS rank_down,
    COUNT(*) OVER (PARTITION BY quadbin) AS steps
  FROM analytics.series
  WHERE
    NOT quadbin IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell AS cell,
    CAST(COUNT(*) AS FLOAT) AS n,
    SUM(CASE WHEN p < 0.1 AND x > 0 THEN 1 ELSE 0 END) AS hot,
    MAX(CASE WHEN p < 0.1 AND x > 0 THEN t END) AS last_hot,
    MAX(CASE WHEN NOT (
      p < 0.1 AND x > 0
    ) THEN t END) AS last_not_hot,
    SUM(CASE WHEN p < 0.1 AND x < 0 THEN 1 ELSE 0 END) AS cold,
    MAX(CASE WHEN p < 0.1 AND x < 0 THEN t END) AS last_cold,
    MAX(CASE WHEN NOT (
      p < 0.1 AND x < 0
    ) THEN t END) AS last_not_cold,
    SUM(
      (
        (
          steps + 2 - (
            rank_up + rank_down
          )
        ) - 1
      ) * (
        2 * (
          steps + 2 - (
            rank_up + rank_down
          )
        ) + 5
      )
    ) AS tie_term
  FROM native_spacetimehotspotsclassi_1_series
  GROUP BY
    cell
), native_spacetimehotspotsclassi_1_scores AS (
  SELECT
    a.cell AS cell,
    SUM(CASE WHEN b.x > a.x THEN 1 WHEN b.x < a.x THEN -1 ELSE 0 END) AS s
  FROM native_spacetimehotspotsclassi_1_series AS a
  INNER JOIN native_spacetimehotspotsclassi_1_series AS b
    ON b.cell = a.cell AND a.t < b.t
  GROUP BY
    a.cell
), native_spacetimehotspotsclassi_1_slopes AS (
  SELECT
    a.cell AS cell,
    CAST((
      b.x - a.x
    ) AS FLOAT) / (
      b.t - a.t
    ) AS slope,
    ROW_NUMBER() OVER (
      PARTITION BY a.cell
      ORDER BY CASE WHEN CAST((
        b.x - a.x
      ) AS FLOAT) / (
        b.t - a.t
      ) IS NULL THEN 1 ELSE 0 END, CAST((
        b.x - a.x
      ) AS FLOAT) / (
        b.t - a.t
      )
    ) AS k,
    COUNT(*) OVER (PARTITION BY a.cell) AS pairs
  FROM native_spacetimehotspotsclassi_1_series AS a
  INNER JOIN native_spacetimehotspotsclassi_1_series AS b
    ON b.cell = a.cell AND a.t < b.t
), native_spacetimehotspotsclassi_1_sen AS (
  SELECT
    cell AS cell,
    AVG(slope) AS slope
  FROM native_spacetimehotspotsclassi_1_slopes
  WHERE
    k = FLOOR(CAST((
      pairs + 1
    ) AS FLOAT) / 2)
    OR k = FLOOR(CAST((
      pairs
    ) AS FLOAT) / 2) + 1
  GROUP BY
    cell
), native_spacetimehotspotsclassi_1_ranks AS (
  SELECT
    r.cell AS cell,
    r.t AS t,
    CAST((
      RANK() OVER (
        PARTITION BY r.cell
        ORDER BY CASE WHEN r.x - r.t * e.slope IS NULL THEN 1 ELSE 0 END, r.x - r.t * e.slope
      ) + r.steps + 1 - RANK() OVER (PARTITION BY r.cell ORDER BY r.x - r.t * e.slope DESC)
    ) AS FLOAT) / 2.0 - CAST((
      r.steps + 1
    ) AS FLOAT) / 2.0 AS y
  FROM native_spacetimehotspotsclassi_1_series AS r
  INNER JOIN native_spacetimehotspotsclassi_1_sen AS e
    ON e.cell = r.cell
), native_spacetimehotspotsclassi_1_autocovariance AS (
  SELECT
    a.cell AS cell,
    b.t - a.t AS gap,
    SUM(a.y * b.y) AS acov
  FROM native_spacetimehotspotsclassi_1_ranks AS a
  INNER JOIN native_spacetimehotspotsclassi_1_ranks AS b
    ON b.cell = a.cell AND a.t <= b.t
  GROUP BY
    a.cell,
    b.t - a.t
), native_spacetimehotspotsclassi_1_variance AS (
  SELECT
    m.cell AS cell,
    SUM(
      CASE
        WHEN c.gap >= 1
        AND ABS(CAST(c.acov AS FLOAT) / NULLIF(z.acov, 0)) > CAST(1.6448536269514715 AS FLOAT) / SQRT(m.n)
        THEN (
          m.n - c.gap
        ) * (
          m.n - c.gap - 1
        ) * (
          m.n - c.gap - 2
        ) * CAST(c.acov AS FLOAT) / NULLIF(z.acov, 0)
        ELSE 0
      END
    ) AS sni
  FROM native_spacetimehotspotsclassi_1_summary AS m
  INNER JOIN native_spacetimehotspotsclassi_1_autocovariance AS z
    ON z.cell = m.cell AND z.gap = 0
  INNER JOIN native_spacetimehotspotsclassi_1_autocovariance AS c
    ON c.cell = m.cell
  GROUP BY
    m.cell
), native_spacetimehotspotsclassi_1_trend AS (
  SELECT
    m.cell AS cell,
    m.n AS n,
    m.hot AS hot,
    m.last_hot AS last_hot,
    m.last_not_hot AS last_not_hot,
    m.cold AS cold,
    m.last_cold AS last_cold,
    m.last_not_cold AS last_not_cold,
    k.s AS s,
    CAST(COALESCE(k.s, 0) AS FLOAT) / NULLIF(CAST((
      m.n * (
        m.n - 1
      )
    ) AS FLOAT) / 2, 0) AS tau,
    (
      CAST((
        m.n * (
          m.n - 1
        ) * (
          2 * m.n + 5
        ) - m.tie_term
      ) AS FLOAT) / 18
    ) * (
      1 + CAST(2.0 AS FLOAT) / NULLIF(m.n * (
        m.n - 1
      ) * (
        m.n - 2
      ), 0) * v.sni
    ) AS var_s
  FROM native_spacetimehotspotsclassi_1_summary AS m
  LEFT JOIN native_spacetimehotspotsclassi_1_scores AS k
    ON k.cell = m.cell
  LEFT JOIN native_spacetimehotspotsclassi_1_variance AS v
    ON v.cell = m.cell
), native_spacetimehotspotsclassi_1 AS (
  SELECT
    cell AS quadbin,
    CASE
      WHEN NOT (
        COALESCE(last_hot, 0) = n
      ) AND n >= 2 AND 10 * hot >= 9 * (
        n - 1
      )
      THEN 'historical hotspot'
      WHEN COALESCE(last_hot, 0) = n AND hot = 1
      THEN 'new hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot < 9 * n
      AND hot = n - COALESCE(last_not_hot, 0)
      THEN 'consecutive hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      AND tau > 0
      THEN 'intensifying hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND NOT (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      THEN 'persistent hotspot'
      WHEN COALESCE(last_hot, 0) = n
      AND 10 * hot >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      AND tau < 0
      THEN 'diminishing hotspot'
      WHEN COALESCE(last_hot, 0) = n AND 10 * hot < 9 * n AND cold > 0
      THEN 'oscillating hotspot'
      WHEN COALESCE(last_hot, 0) = n AND 10 * hot < 9 * n AND cold = 0
      THEN 'sporadic hotspot'
      WHEN NOT (
        COALESCE(last_cold, 0) = n
      ) AND n >= 2 AND 10 * cold >= 9 * (
        n - 1
      )
      THEN 'historical coldspot'
      WHEN COALESCE(last_cold, 0) = n AND cold = 1
      THEN 'new coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold < 9 * n
      AND cold = n - COALESCE(last_not_cold, 0)
      THEN 'consecutive coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      AND tau < 0
      THEN 'intensifying coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND NOT (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      THEN 'persistent coldspot'
      WHEN COALESCE(last_cold, 0) = n
      AND 10 * cold >= 9 * n
      AND (
        NOT tau_p IS NULL AND tau_p < 0.1
      )
      AND tau > 0
      THEN 'diminishing coldspot'
      WHEN COALESCE(last_cold, 0) = n AND 10 * cold < 9 * n AND hot > 0
      THEN 'oscillating coldspot'
      WHEN COALESCE(last_cold, 0) = n AND 10 * cold < 9 * n AND hot = 0
      THEN 'sporadic coldspot'
      ELSE 'undetected pattern'
    END AS classification,
    tau AS tau,
    tau_p AS tau_p
  FROM (
    SELECT
      _wf_tested.*,
      CAST(1.0 AS FLOAT) / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        0.254829592 + CAST(1.0 AS FLOAT) / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          -0.284496736 + CAST(1.0 AS FLOAT) / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            1.421413741 + CAST(1.0 AS FLOAT) / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              -1.453152027 + CAST(1.0 AS FLOAT) / (
                1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
              ) * (
                1.061405429
              )
            )
          )
        )
      ) * EXP(-ABS(z) * 0.7071067811865475 * ABS(z) * 0.7071067811865475) AS tau_p
    FROM (
      SELECT
        native_spacetimehotspotsclassi_1_trend.*,
        CASE
          WHEN n < 2
          THEN NULL
          WHEN COALESCE(s, 0) > 0
          THEN CAST((
            s - 1
          ) AS FLOAT) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN COALESCE(s, 0) < 0
          THEN CAST((
            s + 1
          ) AS FLOAT) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN NOT var_s IS NULL
          THEN 0
        END AS z
      FROM native_spacetimehotspotsclassi_1_trend
    ) AS _wf_tested
  ) AS _wf_trend
)
SELECT
  *
INTO analytics.o__wareflow_36bde66f
FROM (
  SELECT
    *
  FROM native_spacetimehotspotsclassi_1
) AS temp;
DROP TABLE IF EXISTS analytics.o;
RENAME OBJECT analytics.o__wareflow_36bde66f TO o;

-- case h3enrich: unsupported (the Azure Synapse dialect cannot express this component (no h3_boundary, intersects, area, length, intersection))

-- case h3enrich_kring: unsupported (the Azure Synapse dialect cannot express this component (no h3_boundary, intersects, area, length, intersection, h3_kring, h3_distance))

-- case quadbinenrich: unsupported (the Azure Synapse dialect cannot express this component (no envelope, intersects, area, length, intersection))

-- case quadbinenrich_kring: unsupported (the Azure Synapse dialect cannot express this component (no envelope, intersects, area, length, intersection, int_range))

-- case enrichpoints: unsupported (the Azure Synapse dialect cannot express this component (no intersects, as_binary))

-- case enrichpolygons: unsupported (the Azure Synapse dialect cannot express this component (no intersects, area, length, intersection, as_binary))
