-- Getis-Ord Gi* (uniform kernel, size 3), written by hand for DuckDB + h3: each cell's 3-ring joined
-- back to the cells present (a self-join), summed per cell, against n, mean and S of the whole grid;
-- p-value two-tailed with erfc from Abramowitz & Stegun 7.1.26 (the same approximation as Wareflow).
CREATE OR REPLACE TABLE bench.hand_getisord AS
WITH cells AS (
  SELECT h3, CAST(value AS DOUBLE) AS value FROM bench.getisord_cells WHERE h3 IS NOT NULL AND value IS NOT NULL
), stats AS (
  SELECT count(*) AS n, avg(value) AS mean, stddev_pop(value) AS sd FROM cells
), ring AS (
  SELECT h3, nb, h3_grid_distance(h3, nb) AS d
  FROM (SELECT h3, unnest(h3_grid_disk(h3, 3)) AS nb FROM cells) AS k
), sums AS (  -- w = K(d), and uniform K(d) = 1 within the 3-ring, so sum(w) = sum(w^2) = the neighbours present
  SELECT r.h3, sum(c.value) AS swx, CAST(count(*) AS DOUBLE) AS sw
  FROM ring AS r JOIN cells AS c ON c.h3 = r.nb
  GROUP BY r.h3
), scored AS (
  SELECT w.h3, (w.swx - s.mean * w.sw)
               / NULLIF(s.sd * sqrt(GREATEST((s.n * w.sw - w.sw * w.sw) / NULLIF(s.n - 1, 0), 0.0)), 0) AS gi
  FROM sums AS w CROSS JOIN stats AS s
), erfc AS (
  SELECT h3, gi, abs(gi) * 0.7071067811865475 AS x, 1.0 / (1.0 + 0.3275911 * abs(gi) * 0.7071067811865475) AS t
  FROM scored
)
SELECT h3 AS "index", gi,
       t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
         * exp(-(x * x)) AS p_value
FROM erfc;
