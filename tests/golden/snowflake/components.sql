-- case save_replace
-- stage save_copy
CREATE OR REPLACE TABLE analytics."COPY" AS
SELECT
  *
FROM analytics.people;

-- case save_append
-- stage save_log
CREATE TABLE IF NOT EXISTS analytics._wareflow_appends (
  run_key VARCHAR(255) PRIMARY KEY,
  appended_at TIMESTAMPNTZ
);
CREATE TABLE IF NOT EXISTS analytics.log AS
SELECT
  *
FROM (
  SELECT
    *
  FROM analytics.people
) AS q
WHERE
  1 = 0;
BEGIN;
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
  CURRENT_TIMESTAMP()
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM analytics._wareflow_appends
    WHERE
      run_key = 'manual:save_log'
  );
COMMIT;

-- case gettablebyname
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
SELECT
  *
FROM analytics.cities;

-- case tablefromgeojson
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_tablefromgeojson_1 AS (
  SELECT
    features.name,
    features.pop,
    TO_GEOGRAPHY(features.geojson) AS "GEOMETRY"
  FROM (VALUES
    (CAST('A' AS VARCHAR), CAST(10 AS DOUBLE), '{"type":"Point","coordinates":[1,2]}'),
    (
      CAST('B' AS VARCHAR),
      CAST(NULL AS DOUBLE),
      '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}'
    )) AS features(name, pop, geojson)
)
SELECT
  *
FROM native_tablefromgeojson_1;

-- case where
-- stage save_m
CREATE OR REPLACE TABLE analytics.m AS
WITH native_where_1 AS (
  SELECT
    *
  FROM analytics.people
  WHERE
    age >= 18 OR city = 'Paris'
)
SELECT
  *
FROM native_where_1;
-- stage save_u
CREATE OR REPLACE TABLE analytics.u AS
WITH native_where_1 AS (
  SELECT
    *
  FROM analytics.people
  WHERE
    NOT COALESCE(age >= 18 OR city = 'Paris', FALSE)
)
SELECT
  *
FROM native_where_1;

-- case wheresimplified
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_wheresimplified_1 AS (
  SELECT
    *
  FROM analytics.people
  WHERE
    name <> 'O\'Neil'
)
SELECT
  *
FROM native_wheresimplified_1;

-- case select
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_select_1 AS (
  SELECT
    id,
    UPPER(name) AS up,
    COALESCE(city, 'none') AS town
  FROM analytics.people
)
SELECT
  *
FROM native_select_1;

-- case selectexpression
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_selectexpression_1 AS (
  SELECT
    people.*,
    COALESCE(score, 0) + 1.5 AS total
  FROM analytics.people
)
SELECT
  *
FROM native_selectexpression_1;

-- case customsql
-- stage native_customsql
CREATE OR REPLACE TRANSIENT TABLE wareflow_native_customsql_8d3f291262bf AS
SELECT
  p.city,
  COUNT(*) AS n
FROM analytics.people AS p
JOIN analytics.cities AS c
  ON p.city = c.city
GROUP BY
  p.city;
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
SELECT
  *
FROM wareflow_native_customsql_8d3f291262bf;

-- case casewhen
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_casewhen_1 AS (
  SELECT
    people.*,
    CASE WHEN age >= 50 THEN 'senior' WHEN age IS NULL THEN 'unknown' ELSE 'adult' END AS band
  FROM analytics.people
)
SELECT
  *
FROM native_casewhen_1;

-- case dropcolumn
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_dropcolumn_1 AS (
  SELECT
    id,
    name,
    age,
    city
  FROM analytics.people
)
SELECT
  *
FROM native_dropcolumn_1;

-- case renamecolumn
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_renamecolumn_1 AS (
  SELECT
    id,
    age,
    city,
    score,
    geom,
    name AS person
  FROM analytics.people
)
SELECT
  *
FROM native_renamecolumn_1;

-- case orderby_limit
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_orderby_1 AS (
  SELECT
    *
  FROM analytics.people
), native_limit_1 AS (
  SELECT
    *
  FROM native_orderby_1
  ORDER BY
    score DESC NULLS LAST,
    id ASC
  LIMIT 2
)
SELECT
  *
FROM native_limit_1
ORDER BY
  score DESC NULLS LAST,
  id ASC;

-- case normalize
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_normalize_1 AS (
  SELECT
    people.*,
    (
      CAST(score AS DOUBLE) - MIN(CAST(score AS DOUBLE)) OVER ()
    ) / NULLIF(MAX(CAST(score AS DOUBLE)) OVER () - MIN(CAST(score AS DOUBLE)) OVER (), 0) AS score_norm
  FROM analytics.people
)
SELECT
  *
FROM native_normalize_1;

-- case groupby
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_groupby_1 AS (
  SELECT
    city,
    SUM(score) AS score_sum,
    COUNT(id) AS id_count,
    LISTAGG(CAST(name AS VARCHAR), ',') AS name_concat
  FROM analytics.people
  GROUP BY
    city
)
SELECT
  *
FROM native_groupby_1;

-- case groupby_geometry
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_groupby_1 AS (
  SELECT
    ST_UNION_AGG(geom) AS geom_union,
    ST_CENTROID(ST_COLLECT(geom)) AS geom_centroid,
    COUNT(zone_id) AS zone_id_count
  FROM analytics.zones
)
SELECT
  *
FROM native_groupby_1;

-- case join
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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
FROM native_join_1;

-- case crossjoin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
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
FROM native_crossjoin_1;

-- case spatialjoin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spatialjoin_1 AS (
  SELECT
    _main.*,
    _joined.id AS id_joined,
    _joined.name AS name_joined,
    _joined.age AS age_joined,
    _joined.city AS city_joined,
    _joined.score AS score_joined,
    _joined.geom AS geom_joined
  FROM analytics.zones AS _main
  INNER JOIN analytics.people AS _joined
    ON ST_INTERSECTS(_main.geom, _joined.geom)
)
SELECT
  *
FROM native_spatialjoin_1;

-- case spatialfilter
-- stage save_m
CREATE OR REPLACE TABLE analytics.m AS
WITH native_spatialfilter_1 AS (
  SELECT
    *
  FROM analytics.people AS _source
  WHERE
    EXISTS(
      SELECT
        1
      FROM analytics.zones AS _filter
      WHERE
        ST_WITHIN(_filter.geom, _source.geom)
    )
)
SELECT
  *
FROM native_spatialfilter_1;
-- stage save_u
CREATE OR REPLACE TABLE analytics.u AS
WITH native_spatialfilter_1 AS (
  SELECT
    *
  FROM analytics.people AS _source
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM analytics.zones AS _filter
      WHERE
        ST_WITHIN(_filter.geom, _source.geom)
    )
)
SELECT
  *
FROM native_spatialfilter_1;

-- case buffer
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_buffer_1 AS (
  SELECT
    TO_GEOGRAPHY(
      ST_TRANSFORM(
        ST_BUFFER(
          ST_TRANSFORM(TO_GEOMETRY(ST_ASWKT(geom), 4326), 3857),
          (
            500
          ) * 1609.344 / COS(RADIANS(ST_Y(ST_CENTROID(geom))))
        ),
        4326
      )
    ) AS geom_buffer,
    people.*
  FROM analytics.people
)
SELECT
  *
FROM native_buffer_1;

-- case h3frompoint
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3frompoint_1 AS (
  SELECT
    H3_POINT_TO_CELL_STRING(geom, 9) AS h3,
    people.*
  FROM analytics.people
)
SELECT
  *
FROM native_h3frompoint_1;

-- case h3polyfill_nomode
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT DISTINCT
    CAST(_wf_h3_rows.value AS VARCHAR) AS h3
  FROM analytics.zones, LATERAL FLATTEN(INPUT => H3_POLYGON_TO_CELLS_STRINGS(geom, 7)) AS _wf_h3_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_nomode_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT
    zones.*,
    CAST(_wf_h3_rows.value AS VARCHAR) AS h3
  FROM analytics.zones, LATERAL FLATTEN(INPUT => H3_POLYGON_TO_CELLS_STRINGS(geom, 7)) AS _wf_h3_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_center
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT DISTINCT
    CAST(_wf_h3_rows.value AS VARCHAR) AS h3
  FROM analytics.zones, LATERAL FLATTEN(INPUT => H3_POLYGON_TO_CELLS_STRINGS(geom, 7)) AS _wf_h3_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_center_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT
    zones.*,
    CAST(_wf_h3_rows.value AS VARCHAR) AS h3
  FROM analytics.zones, LATERAL FLATTEN(INPUT => H3_POLYGON_TO_CELLS_STRINGS(geom, 7)) AS _wf_h3_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_intersects
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT DISTINCT
    CAST(_wf_h3_rows.value AS VARCHAR) AS h3
  FROM analytics.zones, LATERAL FLATTEN(INPUT => H3_COVERAGE_STRINGS(geom, 7)) AS _wf_h3_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_intersects_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT
    zones.*,
    CAST(_wf_h3_rows.value AS VARCHAR) AS h3
  FROM analytics.zones, LATERAL FLATTEN(INPUT => H3_COVERAGE_STRINGS(geom, 7)) AS _wf_h3_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
  WHERE
    NOT geom IS NULL
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_contains
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT DISTINCT
    CAST(_wf_h3_rows.value AS VARCHAR) AS h3
  FROM analytics.zones, LATERAL FLATTEN(INPUT => H3_POLYGON_TO_CELLS_STRINGS(geom, 7)) AS _wf_h3_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
  WHERE
    NOT geom IS NULL
    AND ST_COVERS(geom, H3_CELL_TO_BOUNDARY(CAST(_wf_h3_rows.value AS VARCHAR)))
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3polyfill_contains_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3polyfill_1 AS (
  SELECT
    zones.*,
    CAST(_wf_h3_rows.value AS VARCHAR) AS h3
  FROM analytics.zones, LATERAL FLATTEN(INPUT => H3_POLYGON_TO_CELLS_STRINGS(geom, 7)) AS _wf_h3_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
  WHERE
    NOT geom IS NULL
    AND ST_COVERS(geom, H3_CELL_TO_BOUNDARY(CAST(_wf_h3_rows.value AS VARCHAR)))
)
SELECT
  *
FROM native_h3polyfill_1;

-- case h3boundary
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3boundary_1 AS (
  SELECT
    H3_CELL_TO_BOUNDARY(h3) AS h3_geo,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3boundary_1;

-- case h3center
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3center_1 AS (
  SELECT
    H3_CELL_TO_POINT(h3) AS h3_center,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3center_1;

-- case h3kring
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3kring_1 AS (
  SELECT
    cells.*,
    CAST(_wf_kring_index_rows.value AS VARCHAR) AS kring_index,
    H3_GRID_DISTANCE(h3, CAST(_wf_kring_index_rows.value AS VARCHAR)) AS distance
  FROM analytics.cells, LATERAL FLATTEN(INPUT => H3_GRID_DISK(h3, 2)) AS _wf_kring_index_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
)
SELECT
  *
FROM native_h3kring_1;

-- case h3distance
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3distance_1 AS (
  SELECT
    H3_GRID_DISTANCE(h3, h3_other) AS h3_distance,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3distance_1;

-- case h3toparent
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3toparent_1 AS (
  SELECT
    H3_CELL_TO_PARENT(h3, 5) AS h3_parent,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_h3toparent_1;

-- case h3tochildren
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3tochildren_1 AS (
  SELECT
    cells.*,
    CAST(_wf_h3_child_rows.value AS VARCHAR) AS h3_child
  FROM analytics.cells, LATERAL FLATTEN(INPUT => H3_CELL_TO_CHILDREN_STRING(h3, 10)) AS _wf_h3_child_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
)
SELECT
  *
FROM native_h3tochildren_1;

-- case quadbinfromgeopoint
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinfromgeopoint_1_tile AS (
  SELECT
    people.*,
    CAST(FLOOR(4096 * (
      ST_X(geom) / 360.0 + 0.5
    )) AS BIGINT) % 4096 AS _wf_x,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          4096 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      4095
    ) AS BIGINT) AS _wf_y
  FROM analytics.people
), native_quadbinfromgeopoint_1 AS (
  SELECT
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(5242189966527692799, (
                                                    BITSHIFTLEFT((
                                                      BITAND(_wf_x, 1)
                                                    ), 28)
                                                  )),
                                                  (
                                                    BITSHIFTLEFT((
                                                      BITAND(_wf_y, 1)
                                                    ), 29)
                                                  )
                                                ),
                                                (
                                                  BITSHIFTLEFT((
                                                    BITAND(_wf_x, 2)
                                                  ), 29)
                                                )
                                              ),
                                              (
                                                BITSHIFTLEFT((
                                                  BITAND(_wf_y, 2)
                                                ), 30)
                                              )
                                            ),
                                            (
                                              BITSHIFTLEFT((
                                                BITAND(_wf_x, 4)
                                              ), 30)
                                            )
                                          ),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_y, 4)
                                            ), 31)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND(_wf_x, 8)
                                          ), 31)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND(_wf_y, 8)
                                        ), 32)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND(_wf_x, 16)
                                      ), 32)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND(_wf_y, 16)
                                    ), 33)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND(_wf_x, 32)
                                  ), 33)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND(_wf_y, 32)
                                ), 34)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND(_wf_x, 64)
                              ), 34)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND(_wf_y, 64)
                            ), 35)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND(_wf_x, 128)
                          ), 35)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND(_wf_y, 128)
                        ), 36)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND(_wf_x, 256)
                      ), 36)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND(_wf_y, 256)
                    ), 37)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND(_wf_x, 512)
                  ), 37)
                )
              ),
              (
                BITSHIFTLEFT((
                  BITAND(_wf_y, 512)
                ), 38)
              )
            ),
            (
              BITSHIFTLEFT((
                BITAND(_wf_x, 1024)
              ), 38)
            )
          ),
          (
            BITSHIFTLEFT((
              BITAND(_wf_y, 1024)
            ), 39)
          )
        ),
        (
          BITSHIFTLEFT((
            BITAND(_wf_x, 2048)
          ), 39)
        )
      ),
      (
        BITSHIFTLEFT((
          BITAND(_wf_y, 2048)
        ), 40)
      )
    ) AS quadbin,
    id,
    name,
    age,
    city,
    score,
    geom
  FROM native_quadbinfromgeopoint_1_tile
)
SELECT
  *
FROM native_quadbinfromgeopoint_1;

-- case quadbinfrompoint
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinfrompoint_1_tile AS (
  SELECT
    people.*,
    CAST(FLOOR(16 * (
      ST_X(geom) / 360.0 + 0.5
    )) AS BIGINT) % 16 AS _wf_x,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          16 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_Y(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      15
    ) AS BIGINT) AS _wf_y
  FROM analytics.people
), native_quadbinfrompoint_1 AS (
  SELECT
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(5206178761426337791, (
                    BITSHIFTLEFT((
                      BITAND(_wf_x, 1)
                    ), 44)
                  )),
                  (
                    BITSHIFTLEFT((
                      BITAND(_wf_y, 1)
                    ), 45)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND(_wf_x, 2)
                  ), 45)
                )
              ),
              (
                BITSHIFTLEFT((
                  BITAND(_wf_y, 2)
                ), 46)
              )
            ),
            (
              BITSHIFTLEFT((
                BITAND(_wf_x, 4)
              ), 46)
            )
          ),
          (
            BITSHIFTLEFT((
              BITAND(_wf_y, 4)
            ), 47)
          )
        ),
        (
          BITSHIFTLEFT((
            BITAND(_wf_x, 8)
          ), 47)
        )
      ),
      (
        BITSHIFTLEFT((
          BITAND(_wf_y, 8)
        ), 48)
      )
    ) AS quadbin,
    id,
    name,
    age,
    city,
    score,
    geom
  FROM native_quadbinfrompoint_1_tile
)
SELECT
  *
FROM native_quadbinfrompoint_1;

-- case quadbinpolyfill_center
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    geom,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMIN(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMAX(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    geom,
    CAST(_wf__wf_x_rows.value AS BIGINT) AS _wf_x,
    CAST(_wf__wf_y_rows.value AS BIGINT) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox, LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_x0, _wf_x1 + 1)) AS _wf__wf_x_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_y0, _wf_y1 + 1)) AS _wf__wf_y_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_quadbinpolyfill_1 AS (
  SELECT DISTINCT
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(5233182771299483647, (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_x, 1)
                                            ), 32)
                                          )),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_y, 1)
                                            ), 33)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND(_wf_x, 2)
                                          ), 33)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND(_wf_y, 2)
                                        ), 34)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND(_wf_x, 4)
                                      ), 34)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND(_wf_y, 4)
                                    ), 35)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND(_wf_x, 8)
                                  ), 35)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND(_wf_y, 8)
                                ), 36)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND(_wf_x, 16)
                              ), 36)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND(_wf_y, 16)
                            ), 37)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND(_wf_x, 32)
                          ), 37)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND(_wf_y, 32)
                        ), 38)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND(_wf_x, 64)
                      ), 38)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND(_wf_y, 64)
                    ), 39)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND(_wf_x, 128)
                  ), 39)
                )
              ),
              (
                BITSHIFTLEFT((
                  BITAND(_wf_y, 128)
                ), 40)
              )
            ),
            (
              BITSHIFTLEFT((
                BITAND(_wf_x, 256)
              ), 40)
            )
          ),
          (
            BITSHIFTLEFT((
              BITAND(_wf_y, 256)
            ), 41)
          )
        ),
        (
          BITSHIFTLEFT((
            BITAND(_wf_x, 512)
          ), 41)
        )
      ),
      (
        BITSHIFTLEFT((
          BITAND(_wf_y, 512)
        ), 42)
      )
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_INTERSECTS(
      geom,
      ST_MAKEPOINT(
        360.0 * CAST(_wf_x + 0.5 AS DOUBLE) / POWER(2.0, 10) - 180.0,
        114.59155902616465 * ATAN(
          EXP(3.141592653589793 * (
            1 - 2.0 * CAST(_wf_y + 0.5 AS DOUBLE) / POWER(2.0, 10)
          ))
        ) - 90.0
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_center_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    zones.*,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMIN(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMAX(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    zone_id,
    zone,
    geom,
    CAST(_wf__wf_x_rows.value AS BIGINT) AS _wf_x,
    CAST(_wf__wf_y_rows.value AS BIGINT) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox, LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_x0, _wf_x1 + 1)) AS _wf__wf_x_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_y0, _wf_y1 + 1)) AS _wf__wf_y_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_quadbinpolyfill_1 AS (
  SELECT
    zone_id,
    zone,
    geom,
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(5233182771299483647, (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_x, 1)
                                            ), 32)
                                          )),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_y, 1)
                                            ), 33)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND(_wf_x, 2)
                                          ), 33)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND(_wf_y, 2)
                                        ), 34)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND(_wf_x, 4)
                                      ), 34)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND(_wf_y, 4)
                                    ), 35)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND(_wf_x, 8)
                                  ), 35)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND(_wf_y, 8)
                                ), 36)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND(_wf_x, 16)
                              ), 36)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND(_wf_y, 16)
                            ), 37)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND(_wf_x, 32)
                          ), 37)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND(_wf_y, 32)
                        ), 38)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND(_wf_x, 64)
                      ), 38)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND(_wf_y, 64)
                    ), 39)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND(_wf_x, 128)
                  ), 39)
                )
              ),
              (
                BITSHIFTLEFT((
                  BITAND(_wf_y, 128)
                ), 40)
              )
            ),
            (
              BITSHIFTLEFT((
                BITAND(_wf_x, 256)
              ), 40)
            )
          ),
          (
            BITSHIFTLEFT((
              BITAND(_wf_y, 256)
            ), 41)
          )
        ),
        (
          BITSHIFTLEFT((
            BITAND(_wf_x, 512)
          ), 41)
        )
      ),
      (
        BITSHIFTLEFT((
          BITAND(_wf_y, 512)
        ), 42)
      )
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_INTERSECTS(
      geom,
      ST_MAKEPOINT(
        360.0 * CAST(_wf_x + 0.5 AS DOUBLE) / POWER(2.0, 10) - 180.0,
        114.59155902616465 * ATAN(
          EXP(3.141592653589793 * (
            1 - 2.0 * CAST(_wf_y + 0.5 AS DOUBLE) / POWER(2.0, 10)
          ))
        ) - 90.0
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_intersects
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    geom,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMIN(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMAX(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    geom,
    CAST(_wf__wf_x_rows.value AS BIGINT) AS _wf_x,
    CAST(_wf__wf_y_rows.value AS BIGINT) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox, LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_x0, _wf_x1 + 1)) AS _wf__wf_x_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_y0, _wf_y1 + 1)) AS _wf__wf_y_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_quadbinpolyfill_1 AS (
  SELECT DISTINCT
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(5233182771299483647, (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_x, 1)
                                            ), 32)
                                          )),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_y, 1)
                                            ), 33)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND(_wf_x, 2)
                                          ), 33)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND(_wf_y, 2)
                                        ), 34)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND(_wf_x, 4)
                                      ), 34)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND(_wf_y, 4)
                                    ), 35)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND(_wf_x, 8)
                                  ), 35)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND(_wf_y, 8)
                                ), 36)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND(_wf_x, 16)
                              ), 36)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND(_wf_y, 16)
                            ), 37)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND(_wf_x, 32)
                          ), 37)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND(_wf_y, 32)
                        ), 38)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND(_wf_x, 64)
                      ), 38)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND(_wf_y, 64)
                    ), 39)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND(_wf_x, 128)
                  ), 39)
                )
              ),
              (
                BITSHIFTLEFT((
                  BITAND(_wf_y, 128)
                ), 40)
              )
            ),
            (
              BITSHIFTLEFT((
                BITAND(_wf_x, 256)
              ), 40)
            )
          ),
          (
            BITSHIFTLEFT((
              BITAND(_wf_y, 256)
            ), 41)
          )
        ),
        (
          BITSHIFTLEFT((
            BITAND(_wf_x, 512)
          ), 41)
        )
      ),
      (
        BITSHIFTLEFT((
          BITAND(_wf_y, 512)
        ), 42)
      )
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_INTERSECTS(
      geom,
      ST_MAKEPOLYGON(
        ST_MAKELINE(
          ST_MAKELINE(
            ST_MAKELINE(
              ST_MAKELINE(
                ST_MAKEPOINT(
                  360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
                  114.59155902616465 * ATAN(
                    EXP(3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
                    ))
                  ) - 90.0
                ),
                ST_MAKEPOINT(
                  360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, 10) - 180.0,
                  114.59155902616465 * ATAN(
                    EXP(3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
                    ))
                  ) - 90.0
                )
              ),
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, 10) - 180.0,
                114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, 10)
                ))) - 90.0
              )
            ),
            ST_MAKEPOINT(
              360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, 10)
              ))) - 90.0
            )
          ),
          ST_MAKEPOINT(
            360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
              ))
            ) - 90.0
          )
        )
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_intersects_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    zones.*,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMIN(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMAX(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    zone_id,
    zone,
    geom,
    CAST(_wf__wf_x_rows.value AS BIGINT) AS _wf_x,
    CAST(_wf__wf_y_rows.value AS BIGINT) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox, LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_x0, _wf_x1 + 1)) AS _wf__wf_x_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_y0, _wf_y1 + 1)) AS _wf__wf_y_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_quadbinpolyfill_1 AS (
  SELECT
    zone_id,
    zone,
    geom,
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(5233182771299483647, (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_x, 1)
                                            ), 32)
                                          )),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_y, 1)
                                            ), 33)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND(_wf_x, 2)
                                          ), 33)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND(_wf_y, 2)
                                        ), 34)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND(_wf_x, 4)
                                      ), 34)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND(_wf_y, 4)
                                    ), 35)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND(_wf_x, 8)
                                  ), 35)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND(_wf_y, 8)
                                ), 36)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND(_wf_x, 16)
                              ), 36)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND(_wf_y, 16)
                            ), 37)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND(_wf_x, 32)
                          ), 37)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND(_wf_y, 32)
                        ), 38)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND(_wf_x, 64)
                      ), 38)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND(_wf_y, 64)
                    ), 39)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND(_wf_x, 128)
                  ), 39)
                )
              ),
              (
                BITSHIFTLEFT((
                  BITAND(_wf_y, 128)
                ), 40)
              )
            ),
            (
              BITSHIFTLEFT((
                BITAND(_wf_x, 256)
              ), 40)
            )
          ),
          (
            BITSHIFTLEFT((
              BITAND(_wf_y, 256)
            ), 41)
          )
        ),
        (
          BITSHIFTLEFT((
            BITAND(_wf_x, 512)
          ), 41)
        )
      ),
      (
        BITSHIFTLEFT((
          BITAND(_wf_y, 512)
        ), 42)
      )
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_INTERSECTS(
      geom,
      ST_MAKEPOLYGON(
        ST_MAKELINE(
          ST_MAKELINE(
            ST_MAKELINE(
              ST_MAKELINE(
                ST_MAKEPOINT(
                  360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
                  114.59155902616465 * ATAN(
                    EXP(3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
                    ))
                  ) - 90.0
                ),
                ST_MAKEPOINT(
                  360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, 10) - 180.0,
                  114.59155902616465 * ATAN(
                    EXP(3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
                    ))
                  ) - 90.0
                )
              ),
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, 10) - 180.0,
                114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, 10)
                ))) - 90.0
              )
            ),
            ST_MAKEPOINT(
              360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, 10)
              ))) - 90.0
            )
          ),
          ST_MAKEPOINT(
            360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
              ))
            ) - 90.0
          )
        )
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_contains
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    geom,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMIN(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMAX(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    geom,
    CAST(_wf__wf_x_rows.value AS BIGINT) AS _wf_x,
    CAST(_wf__wf_y_rows.value AS BIGINT) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox, LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_x0, _wf_x1 + 1)) AS _wf__wf_x_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_y0, _wf_y1 + 1)) AS _wf__wf_y_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_quadbinpolyfill_1 AS (
  SELECT DISTINCT
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(5233182771299483647, (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_x, 1)
                                            ), 32)
                                          )),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_y, 1)
                                            ), 33)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND(_wf_x, 2)
                                          ), 33)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND(_wf_y, 2)
                                        ), 34)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND(_wf_x, 4)
                                      ), 34)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND(_wf_y, 4)
                                    ), 35)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND(_wf_x, 8)
                                  ), 35)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND(_wf_y, 8)
                                ), 36)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND(_wf_x, 16)
                              ), 36)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND(_wf_y, 16)
                            ), 37)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND(_wf_x, 32)
                          ), 37)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND(_wf_y, 32)
                        ), 38)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND(_wf_x, 64)
                      ), 38)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND(_wf_y, 64)
                    ), 39)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND(_wf_x, 128)
                  ), 39)
                )
              ),
              (
                BITSHIFTLEFT((
                  BITAND(_wf_y, 128)
                ), 40)
              )
            ),
            (
              BITSHIFTLEFT((
                BITAND(_wf_x, 256)
              ), 40)
            )
          ),
          (
            BITSHIFTLEFT((
              BITAND(_wf_y, 256)
            ), 41)
          )
        ),
        (
          BITSHIFTLEFT((
            BITAND(_wf_x, 512)
          ), 41)
        )
      ),
      (
        BITSHIFTLEFT((
          BITAND(_wf_y, 512)
        ), 42)
      )
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_CONTAINS(
      geom,
      ST_MAKEPOLYGON(
        ST_MAKELINE(
          ST_MAKELINE(
            ST_MAKELINE(
              ST_MAKELINE(
                ST_MAKEPOINT(
                  360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
                  114.59155902616465 * ATAN(
                    EXP(3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
                    ))
                  ) - 90.0
                ),
                ST_MAKEPOINT(
                  360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, 10) - 180.0,
                  114.59155902616465 * ATAN(
                    EXP(3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
                    ))
                  ) - 90.0
                )
              ),
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, 10) - 180.0,
                114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, 10)
                ))) - 90.0
              )
            ),
            ST_MAKEPOINT(
              360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, 10)
              ))) - 90.0
            )
          ),
          ST_MAKEPOINT(
            360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
              ))
            ) - 90.0
          )
        )
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinpolyfill_contains_cols
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinpolyfill_1_bbox AS (
  SELECT
    zones.*,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMIN(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x0,
    LEAST(CAST(FLOOR(1024 * (
      ST_XMAX(geom) / 360.0 + 0.5
    )) AS BIGINT), 1023) AS _wf_x1,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMAX(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y0,
    CAST(LEAST(
      GREATEST(
        FLOOR(
          1024 * (
            0.5 - 0.07957747154594767 * LN(
              (
                1 + SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              ) / (
                1 - SIN(LEAST(GREATEST(ST_YMIN(geom), -89.0), 89.0) * 0.017453292519943295)
              )
            )
          )
        ),
        0
      ),
      1023
    ) AS BIGINT) AS _wf_y1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinpolyfill_1_tiles AS (
  SELECT
    zone_id,
    zone,
    geom,
    CAST(_wf__wf_x_rows.value AS BIGINT) AS _wf_x,
    CAST(_wf__wf_y_rows.value AS BIGINT) AS _wf_y
  FROM native_quadbinpolyfill_1_bbox, LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_x0, _wf_x1 + 1)) AS _wf__wf_x_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(_wf_y0, _wf_y1 + 1)) AS _wf__wf_y_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_quadbinpolyfill_1 AS (
  SELECT
    zone_id,
    zone,
    geom,
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(5233182771299483647, (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_x, 1)
                                            ), 32)
                                          )),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND(_wf_y, 1)
                                            ), 33)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND(_wf_x, 2)
                                          ), 33)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND(_wf_y, 2)
                                        ), 34)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND(_wf_x, 4)
                                      ), 34)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND(_wf_y, 4)
                                    ), 35)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND(_wf_x, 8)
                                  ), 35)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND(_wf_y, 8)
                                ), 36)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND(_wf_x, 16)
                              ), 36)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND(_wf_y, 16)
                            ), 37)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND(_wf_x, 32)
                          ), 37)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND(_wf_y, 32)
                        ), 38)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND(_wf_x, 64)
                      ), 38)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND(_wf_y, 64)
                    ), 39)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND(_wf_x, 128)
                  ), 39)
                )
              ),
              (
                BITSHIFTLEFT((
                  BITAND(_wf_y, 128)
                ), 40)
              )
            ),
            (
              BITSHIFTLEFT((
                BITAND(_wf_x, 256)
              ), 40)
            )
          ),
          (
            BITSHIFTLEFT((
              BITAND(_wf_y, 256)
            ), 41)
          )
        ),
        (
          BITSHIFTLEFT((
            BITAND(_wf_x, 512)
          ), 41)
        )
      ),
      (
        BITSHIFTLEFT((
          BITAND(_wf_y, 512)
        ), 42)
      )
    ) AS quadbin
  FROM native_quadbinpolyfill_1_tiles
  WHERE
    ST_CONTAINS(
      geom,
      ST_MAKEPOLYGON(
        ST_MAKELINE(
          ST_MAKELINE(
            ST_MAKELINE(
              ST_MAKELINE(
                ST_MAKEPOINT(
                  360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
                  114.59155902616465 * ATAN(
                    EXP(3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
                    ))
                  ) - 90.0
                ),
                ST_MAKEPOINT(
                  360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, 10) - 180.0,
                  114.59155902616465 * ATAN(
                    EXP(3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
                    ))
                  ) - 90.0
                )
              ),
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, 10) - 180.0,
                114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, 10)
                ))) - 90.0
              )
            ),
            ST_MAKEPOINT(
              360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
              114.59155902616465 * ATAN(EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, 10)
              ))) - 90.0
            )
          ),
          ST_MAKEPOINT(
            360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, 10) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, 10)
              ))
            ) - 90.0
          )
        )
      )
    )
)
SELECT
  *
FROM native_quadbinpolyfill_1;

-- case quadbinboundary
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinboundary_1_tile AS (
  SELECT
    cells.*,
    BITAND((
      BITSHIFTRIGHT(quadbin, 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM analytics.cells
), native_quadbinboundary_1 AS (
  SELECT
    ST_MAKEPOLYGON(
      ST_MAKELINE(
        ST_MAKELINE(
          ST_MAKELINE(
            ST_MAKELINE(
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
                114.59155902616465 * ATAN(
                  EXP(
                    3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, _wf_z)
                    )
                  )
                ) - 90.0
              ),
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
                114.59155902616465 * ATAN(
                  EXP(
                    3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, _wf_z)
                    )
                  )
                ) - 90.0
              )
            ),
            ST_MAKEPOINT(
              360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, _wf_z)
                ))
              ) - 90.0
            )
          ),
          ST_MAKEPOINT(
            360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, _wf_z)
              ))
            ) - 90.0
          )
        ),
        ST_MAKEPOINT(
          360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, _wf_z)
              )
            )
          ) - 90.0
        )
      )
    ) AS quadbin_geo,
    id,
    h3,
    h3_other,
    quadbin,
    value
  FROM native_quadbinboundary_1_tile
)
SELECT
  *
FROM native_quadbinboundary_1;

-- case quadbincenter
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbincenter_1_tile AS (
  SELECT
    cells.*,
    BITAND((
      BITSHIFTRIGHT(quadbin, 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM analytics.cells
), native_quadbincenter_1 AS (
  SELECT
    ST_MAKEPOINT(
      360.0 * CAST(_wf_x + 0.5 AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
      114.59155902616465 * ATAN(
        EXP(
          3.141592653589793 * (
            1 - 2.0 * CAST(_wf_y + 0.5 AS DOUBLE) / POWER(2.0, _wf_z)
          )
        )
      ) - 90.0
    ) AS quadbin_center,
    id,
    h3,
    h3_other,
    quadbin,
    value
  FROM native_quadbincenter_1_tile
)
SELECT
  *
FROM native_quadbincenter_1;

-- case quadbinkring
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinkring_1_tile AS (
  SELECT
    quadbin,
    BITAND((
      BITSHIFTRIGHT(quadbin, 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM analytics.cells
), native_quadbinkring_1_ring AS (
  SELECT
    native_quadbinkring_1_tile.*,
    CAST(_wf__wf_dx_rows.value AS BIGINT) AS _wf_dx,
    CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_dy,
    (
      _wf_x + CAST(_wf__wf_dx_rows.value AS BIGINT) + (
        BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
      )
    ) % (
      BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_ky
  FROM native_quadbinkring_1_tile, LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      -LEAST(
        1,
        CAST(TRUNC((
          (
            BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
          ) - 1
        ) / 2) AS BIGINT)
      ),
      LEAST(
        1,
        CAST(TRUNC((
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) / 2) AS BIGINT)
      ) + 1
    )
  ) AS _wf__wf_dx_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      GREATEST(-1, -_wf_y),
      LEAST(1, (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) - 1
      ) - _wf_y) + 1
    )
  ) AS _wf__wf_dy_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_quadbinkring_1 AS (
  SELECT
    quadbin,
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITOR(
                                                            BITOR(
                                                              BITOR(
                                                                BITOR(
                                                                  BITOR(
                                                                    BITOR(
                                                                      BITOR(
                                                                        BITOR(
                                                                          BITOR(
                                                                            BITOR(
                                                                              BITOR(
                                                                                BITOR(
                                                                                  BITOR(
                                                                                    BITOR(
                                                                                      BITOR(
                                                                                        BITOR(
                                                                                          BITOR(
                                                                                            BITOR(
                                                                                              BITOR(
                                                                                                BITOR(
                                                                                                  BITOR(
                                                                                                    BITOR(
                                                                                                      BITOR(
                                                                                                        BITOR(
                                                                                                          BITOR(
                                                                                                            BITOR(
                                                                                                              BITOR(5188146770730811392, (
                                                                                                                BITSHIFTLEFT(_wf_z, 52)
                                                                                                              )),
                                                                                                              (
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              )
                                                                                                            ),
                                                                                                            (
                                                                                                              BITSHIFTLEFT((
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              ), 1)
                                                                                                            )
                                                                                                          ),
                                                                                                          (
                                                                                                            BITSHIFTLEFT((
                                                                                                              BITAND((
                                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                              ), 2)
                                                                                                            ), 1)
                                                                                                          )
                                                                                                        ),
                                                                                                        (
                                                                                                          BITSHIFTLEFT((
                                                                                                            BITAND((
                                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                            ), 2)
                                                                                                          ), 2)
                                                                                                        )
                                                                                                      ),
                                                                                                      (
                                                                                                        BITSHIFTLEFT((
                                                                                                          BITAND((
                                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                          ), 4)
                                                                                                        ), 2)
                                                                                                      )
                                                                                                    ),
                                                                                                    (
                                                                                                      BITSHIFTLEFT((
                                                                                                        BITAND((
                                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                        ), 4)
                                                                                                      ), 3)
                                                                                                    )
                                                                                                  ),
                                                                                                  (
                                                                                                    BITSHIFTLEFT((
                                                                                                      BITAND((
                                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                      ), 8)
                                                                                                    ), 3)
                                                                                                  )
                                                                                                ),
                                                                                                (
                                                                                                  BITSHIFTLEFT((
                                                                                                    BITAND((
                                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                    ), 8)
                                                                                                  ), 4)
                                                                                                )
                                                                                              ),
                                                                                              (
                                                                                                BITSHIFTLEFT((
                                                                                                  BITAND((
                                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                  ), 16)
                                                                                                ), 4)
                                                                                              )
                                                                                            ),
                                                                                            (
                                                                                              BITSHIFTLEFT((
                                                                                                BITAND((
                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                ), 16)
                                                                                              ), 5)
                                                                                            )
                                                                                          ),
                                                                                          (
                                                                                            BITSHIFTLEFT((
                                                                                              BITAND((
                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                              ), 32)
                                                                                            ), 5)
                                                                                          )
                                                                                        ),
                                                                                        (
                                                                                          BITSHIFTLEFT((
                                                                                            BITAND((
                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                            ), 32)
                                                                                          ), 6)
                                                                                        )
                                                                                      ),
                                                                                      (
                                                                                        BITSHIFTLEFT((
                                                                                          BITAND((
                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                          ), 64)
                                                                                        ), 6)
                                                                                      )
                                                                                    ),
                                                                                    (
                                                                                      BITSHIFTLEFT((
                                                                                        BITAND((
                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                        ), 64)
                                                                                      ), 7)
                                                                                    )
                                                                                  ),
                                                                                  (
                                                                                    BITSHIFTLEFT((
                                                                                      BITAND((
                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                      ), 128)
                                                                                    ), 7)
                                                                                  )
                                                                                ),
                                                                                (
                                                                                  BITSHIFTLEFT((
                                                                                    BITAND((
                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                    ), 128)
                                                                                  ), 8)
                                                                                )
                                                                              ),
                                                                              (
                                                                                BITSHIFTLEFT((
                                                                                  BITAND((
                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                  ), 256)
                                                                                ), 8)
                                                                              )
                                                                            ),
                                                                            (
                                                                              BITSHIFTLEFT((
                                                                                BITAND((
                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                ), 256)
                                                                              ), 9)
                                                                            )
                                                                          ),
                                                                          (
                                                                            BITSHIFTLEFT((
                                                                              BITAND((
                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                              ), 512)
                                                                            ), 9)
                                                                          )
                                                                        ),
                                                                        (
                                                                          BITSHIFTLEFT((
                                                                            BITAND((
                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                            ), 512)
                                                                          ), 10)
                                                                        )
                                                                      ),
                                                                      (
                                                                        BITSHIFTLEFT((
                                                                          BITAND((
                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                          ), 1024)
                                                                        ), 10)
                                                                      )
                                                                    ),
                                                                    (
                                                                      BITSHIFTLEFT((
                                                                        BITAND((
                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                        ), 1024)
                                                                      ), 11)
                                                                    )
                                                                  ),
                                                                  (
                                                                    BITSHIFTLEFT((
                                                                      BITAND((
                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                      ), 2048)
                                                                    ), 11)
                                                                  )
                                                                ),
                                                                (
                                                                  BITSHIFTLEFT((
                                                                    BITAND((
                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                    ), 2048)
                                                                  ), 12)
                                                                )
                                                              ),
                                                              (
                                                                BITSHIFTLEFT((
                                                                  BITAND((
                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                  ), 4096)
                                                                ), 12)
                                                              )
                                                            ),
                                                            (
                                                              BITSHIFTLEFT((
                                                                BITAND((
                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                ), 4096)
                                                              ), 13)
                                                            )
                                                          ),
                                                          (
                                                            BITSHIFTLEFT((
                                                              BITAND((
                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                              ), 8192)
                                                            ), 13)
                                                          )
                                                        ),
                                                        (
                                                          BITSHIFTLEFT((
                                                            BITAND((
                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                            ), 8192)
                                                          ), 14)
                                                        )
                                                      ),
                                                      (
                                                        BITSHIFTLEFT((
                                                          BITAND((
                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                          ), 16384)
                                                        ), 14)
                                                      )
                                                    ),
                                                    (
                                                      BITSHIFTLEFT((
                                                        BITAND((
                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                        ), 16384)
                                                      ), 15)
                                                    )
                                                  ),
                                                  (
                                                    BITSHIFTLEFT((
                                                      BITAND((
                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                      ), 32768)
                                                    ), 15)
                                                  )
                                                ),
                                                (
                                                  BITSHIFTLEFT((
                                                    BITAND((
                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                    ), 32768)
                                                  ), 16)
                                                )
                                              ),
                                              (
                                                BITSHIFTLEFT((
                                                  BITAND((
                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                  ), 65536)
                                                ), 16)
                                              )
                                            ),
                                            (
                                              BITSHIFTLEFT((
                                                BITAND((
                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                ), 65536)
                                              ), 17)
                                            )
                                          ),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND((
                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                              ), 131072)
                                            ), 17)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND((
                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                            ), 131072)
                                          ), 18)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND((
                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                          ), 262144)
                                        ), 18)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND((
                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                        ), 262144)
                                      ), 19)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND((
                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                      ), 524288)
                                    ), 19)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND((
                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                    ), 524288)
                                  ), 20)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND((
                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                  ), 1048576)
                                ), 20)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND((
                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                ), 1048576)
                              ), 21)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND((
                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                              ), 2097152)
                            ), 21)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND((
                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                            ), 2097152)
                          ), 22)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND((
                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                          ), 4194304)
                        ), 22)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND((
                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                        ), 4194304)
                      ), 23)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND((
                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                      ), 8388608)
                    ), 23)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND((
                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                    ), 8388608)
                  ), 24)
                )
              ),
              (
                BITSHIFTLEFT(
                  (
                    BITAND((
                      BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                    ), 16777216)
                  ),
                  24
                )
              )
            ),
            (
              BITSHIFTLEFT(
                (
                  BITAND((
                    BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                  ), 16777216)
                ),
                25
              )
            )
          ),
          (
            BITSHIFTLEFT(
              (
                BITAND((
                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                ), 33554432)
              ),
              25
            )
          )
        ),
        (
          BITSHIFTLEFT(
            (
              BITAND((
                BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
              ), 33554432)
            ),
            26
          )
        )
      ),
      (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(52 - 2 * _wf_z AS INT))
        ) - 1
      )
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_quadbinkring_1_ring
)
SELECT
  *
FROM native_quadbinkring_1;

-- case quadbintoparent
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbintoparent_1 AS (
  SELECT
    CASE
      WHEN BITAND((
        BITSHIFTRIGHT(quadbin, 52)
      ), 31) >= 4
      THEN BITOR(BITAND(quadbin, 9083760448406290431), 18031990695526399)
    END AS quadbin_parent,
    cells.*
  FROM analytics.cells
)
SELECT
  *
FROM native_quadbintoparent_1;

-- case quadbintochildren
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbintochildren_1_resolution AS (
  SELECT
    cells.*,
    BITAND((
      BITSHIFTRIGHT(quadbin, 52)
    ), 31) AS _wf_z
  FROM analytics.cells
), native_quadbintochildren_1 AS (
  SELECT
    id,
    h3,
    h3_other,
    quadbin,
    value,
    BITOR(
      (
        BITOR(
          (
            (
              BITAND(quadbin, 9083760448406290431)
            ) - (
              BITSHIFTLEFT(
                (
                  (
                    BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(2 * (
                      8 - _wf_z
                    ) AS INT))
                  ) - 1
                ),
                36
              )
            )
          ),
          36028797018963968
        )
      ),
      (
        BITSHIFTLEFT(CAST(_wf_quadbin_child_rows.value AS BIGINT), 36)
      )
    ) AS quadbin_child
  FROM native_quadbintochildren_1_resolution, LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      0,
      CASE
        WHEN _wf_z <= 8
        THEN (
          (
            BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(2 * (
              8 - _wf_z
            ) AS INT))
          )
        ) - 1
        ELSE -1
      END + 1
    )
  ) AS _wf_quadbin_child_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
)
SELECT
  *
FROM native_quadbintochildren_1;

-- case getisord_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_getisord_1_cells AS (
  SELECT
    h3 AS "INDEX",
    CAST(value AS DOUBLE) AS value
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL AND NOT value IS NULL
), native_getisord_1_stats AS (
  SELECT
    COUNT(*) AS n,
    AVG(value) AS mean,
    STDDEV_POP(value) AS sd
  FROM native_getisord_1_cells
), native_getisord_1_neighbours AS (
  SELECT
    "INDEX",
    CAST(_wf_kring_index_rows.value AS VARCHAR) AS kring_index,
    H3_GRID_DISTANCE("INDEX", CAST(_wf_kring_index_rows.value AS VARCHAR)) AS distance
  FROM native_getisord_1_cells, LATERAL FLATTEN(INPUT => H3_GRID_DISK("INDEX", 2)) AS _wf_kring_index_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_getisord_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(
      (
        EXP(
          -(
            CAST(r.distance AS DOUBLE) / 3.0
          ) * (
            CAST(r.distance AS DOUBLE) / 3.0
          ) / 2.0
        )
      ) * c.value
    ) AS swx,
    SUM(
      EXP(
        -(
          CAST(r.distance AS DOUBLE) / 3.0
        ) * (
          CAST(r.distance AS DOUBLE) / 3.0
        ) / 2.0
      )
    ) AS sw,
    SUM(
      (
        EXP(
          -(
            CAST(r.distance AS DOUBLE) / 3.0
          ) * (
            CAST(r.distance AS DOUBLE) / 3.0
          ) / 2.0
        )
      ) * (
        EXP(
          -(
            CAST(r.distance AS DOUBLE) / 3.0
          ) * (
            CAST(r.distance AS DOUBLE) / 3.0
          ) / 2.0
        )
      )
    ) AS sww
  FROM native_getisord_1_neighbours AS r
  INNER JOIN native_getisord_1_cells AS c
    ON r.kring_index = c.index
  GROUP BY
    r.index
), native_getisord_1_scored AS (
  SELECT
    w.index,
    (
      w.swx - s.mean * w.sw
    ) / NULLIF(
      s.sd * SQRT(GREATEST((
        s.n * w.sww - w.sw * w.sw
      ) / NULLIF(s.n - 1, 0), 0.0)),
      0
    ) AS gi
  FROM native_getisord_1_weighted AS w
  CROSS JOIN native_getisord_1_stats AS s
), native_getisord_1 AS (
  SELECT
    native_getisord_1_scored.*,
    1.0 / (
      1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(gi) * 0.7071067811865475 * ABS(gi) * 0.7071067811865475) AS p_value
  FROM native_getisord_1_scored
)
SELECT
  *
FROM native_getisord_1;

-- case getisord_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_getisord_1_cells AS (
  SELECT
    quadbin AS "INDEX",
    CAST(value AS DOUBLE) AS value
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL
), native_getisord_1_stats AS (
  SELECT
    COUNT(*) AS n,
    AVG(value) AS mean,
    STDDEV_POP(value) AS sd
  FROM native_getisord_1_cells
), native_getisord_1_tile AS (
  SELECT
    "INDEX",
    BITAND((
      BITSHIFTRIGHT("INDEX", 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM native_getisord_1_cells
), native_getisord_1_ring AS (
  SELECT
    native_getisord_1_tile.*,
    CAST(_wf__wf_dx_rows.value AS BIGINT) AS _wf_dx,
    CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_dy,
    (
      _wf_x + CAST(_wf__wf_dx_rows.value AS BIGINT) + (
        BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
      )
    ) % (
      BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_ky
  FROM native_getisord_1_tile, LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      -LEAST(
        3,
        CAST(TRUNC((
          (
            BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
          ) - 1
        ) / 2) AS BIGINT)
      ),
      LEAST(
        3,
        CAST(TRUNC((
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) / 2) AS BIGINT)
      ) + 1
    )
  ) AS _wf__wf_dx_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      GREATEST(-3, -_wf_y),
      LEAST(3, (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) - 1
      ) - _wf_y) + 1
    )
  ) AS _wf__wf_dy_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_getisord_1_neighbours AS (
  SELECT
    "INDEX",
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITOR(
                                                            BITOR(
                                                              BITOR(
                                                                BITOR(
                                                                  BITOR(
                                                                    BITOR(
                                                                      BITOR(
                                                                        BITOR(
                                                                          BITOR(
                                                                            BITOR(
                                                                              BITOR(
                                                                                BITOR(
                                                                                  BITOR(
                                                                                    BITOR(
                                                                                      BITOR(
                                                                                        BITOR(
                                                                                          BITOR(
                                                                                            BITOR(
                                                                                              BITOR(
                                                                                                BITOR(
                                                                                                  BITOR(
                                                                                                    BITOR(
                                                                                                      BITOR(
                                                                                                        BITOR(
                                                                                                          BITOR(
                                                                                                            BITOR(
                                                                                                              BITOR(5188146770730811392, (
                                                                                                                BITSHIFTLEFT(_wf_z, 52)
                                                                                                              )),
                                                                                                              (
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              )
                                                                                                            ),
                                                                                                            (
                                                                                                              BITSHIFTLEFT((
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              ), 1)
                                                                                                            )
                                                                                                          ),
                                                                                                          (
                                                                                                            BITSHIFTLEFT((
                                                                                                              BITAND((
                                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                              ), 2)
                                                                                                            ), 1)
                                                                                                          )
                                                                                                        ),
                                                                                                        (
                                                                                                          BITSHIFTLEFT((
                                                                                                            BITAND((
                                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                            ), 2)
                                                                                                          ), 2)
                                                                                                        )
                                                                                                      ),
                                                                                                      (
                                                                                                        BITSHIFTLEFT((
                                                                                                          BITAND((
                                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                          ), 4)
                                                                                                        ), 2)
                                                                                                      )
                                                                                                    ),
                                                                                                    (
                                                                                                      BITSHIFTLEFT((
                                                                                                        BITAND((
                                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                        ), 4)
                                                                                                      ), 3)
                                                                                                    )
                                                                                                  ),
                                                                                                  (
                                                                                                    BITSHIFTLEFT((
                                                                                                      BITAND((
                                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                      ), 8)
                                                                                                    ), 3)
                                                                                                  )
                                                                                                ),
                                                                                                (
                                                                                                  BITSHIFTLEFT((
                                                                                                    BITAND((
                                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                    ), 8)
                                                                                                  ), 4)
                                                                                                )
                                                                                              ),
                                                                                              (
                                                                                                BITSHIFTLEFT((
                                                                                                  BITAND((
                                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                  ), 16)
                                                                                                ), 4)
                                                                                              )
                                                                                            ),
                                                                                            (
                                                                                              BITSHIFTLEFT((
                                                                                                BITAND((
                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                ), 16)
                                                                                              ), 5)
                                                                                            )
                                                                                          ),
                                                                                          (
                                                                                            BITSHIFTLEFT((
                                                                                              BITAND((
                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                              ), 32)
                                                                                            ), 5)
                                                                                          )
                                                                                        ),
                                                                                        (
                                                                                          BITSHIFTLEFT((
                                                                                            BITAND((
                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                            ), 32)
                                                                                          ), 6)
                                                                                        )
                                                                                      ),
                                                                                      (
                                                                                        BITSHIFTLEFT((
                                                                                          BITAND((
                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                          ), 64)
                                                                                        ), 6)
                                                                                      )
                                                                                    ),
                                                                                    (
                                                                                      BITSHIFTLEFT((
                                                                                        BITAND((
                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                        ), 64)
                                                                                      ), 7)
                                                                                    )
                                                                                  ),
                                                                                  (
                                                                                    BITSHIFTLEFT((
                                                                                      BITAND((
                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                      ), 128)
                                                                                    ), 7)
                                                                                  )
                                                                                ),
                                                                                (
                                                                                  BITSHIFTLEFT((
                                                                                    BITAND((
                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                    ), 128)
                                                                                  ), 8)
                                                                                )
                                                                              ),
                                                                              (
                                                                                BITSHIFTLEFT((
                                                                                  BITAND((
                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                  ), 256)
                                                                                ), 8)
                                                                              )
                                                                            ),
                                                                            (
                                                                              BITSHIFTLEFT((
                                                                                BITAND((
                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                ), 256)
                                                                              ), 9)
                                                                            )
                                                                          ),
                                                                          (
                                                                            BITSHIFTLEFT((
                                                                              BITAND((
                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                              ), 512)
                                                                            ), 9)
                                                                          )
                                                                        ),
                                                                        (
                                                                          BITSHIFTLEFT((
                                                                            BITAND((
                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                            ), 512)
                                                                          ), 10)
                                                                        )
                                                                      ),
                                                                      (
                                                                        BITSHIFTLEFT((
                                                                          BITAND((
                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                          ), 1024)
                                                                        ), 10)
                                                                      )
                                                                    ),
                                                                    (
                                                                      BITSHIFTLEFT((
                                                                        BITAND((
                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                        ), 1024)
                                                                      ), 11)
                                                                    )
                                                                  ),
                                                                  (
                                                                    BITSHIFTLEFT((
                                                                      BITAND((
                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                      ), 2048)
                                                                    ), 11)
                                                                  )
                                                                ),
                                                                (
                                                                  BITSHIFTLEFT((
                                                                    BITAND((
                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                    ), 2048)
                                                                  ), 12)
                                                                )
                                                              ),
                                                              (
                                                                BITSHIFTLEFT((
                                                                  BITAND((
                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                  ), 4096)
                                                                ), 12)
                                                              )
                                                            ),
                                                            (
                                                              BITSHIFTLEFT((
                                                                BITAND((
                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                ), 4096)
                                                              ), 13)
                                                            )
                                                          ),
                                                          (
                                                            BITSHIFTLEFT((
                                                              BITAND((
                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                              ), 8192)
                                                            ), 13)
                                                          )
                                                        ),
                                                        (
                                                          BITSHIFTLEFT((
                                                            BITAND((
                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                            ), 8192)
                                                          ), 14)
                                                        )
                                                      ),
                                                      (
                                                        BITSHIFTLEFT((
                                                          BITAND((
                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                          ), 16384)
                                                        ), 14)
                                                      )
                                                    ),
                                                    (
                                                      BITSHIFTLEFT((
                                                        BITAND((
                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                        ), 16384)
                                                      ), 15)
                                                    )
                                                  ),
                                                  (
                                                    BITSHIFTLEFT((
                                                      BITAND((
                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                      ), 32768)
                                                    ), 15)
                                                  )
                                                ),
                                                (
                                                  BITSHIFTLEFT((
                                                    BITAND((
                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                    ), 32768)
                                                  ), 16)
                                                )
                                              ),
                                              (
                                                BITSHIFTLEFT((
                                                  BITAND((
                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                  ), 65536)
                                                ), 16)
                                              )
                                            ),
                                            (
                                              BITSHIFTLEFT((
                                                BITAND((
                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                ), 65536)
                                              ), 17)
                                            )
                                          ),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND((
                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                              ), 131072)
                                            ), 17)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND((
                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                            ), 131072)
                                          ), 18)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND((
                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                          ), 262144)
                                        ), 18)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND((
                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                        ), 262144)
                                      ), 19)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND((
                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                      ), 524288)
                                    ), 19)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND((
                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                    ), 524288)
                                  ), 20)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND((
                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                  ), 1048576)
                                ), 20)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND((
                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                ), 1048576)
                              ), 21)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND((
                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                              ), 2097152)
                            ), 21)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND((
                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                            ), 2097152)
                          ), 22)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND((
                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                          ), 4194304)
                        ), 22)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND((
                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                        ), 4194304)
                      ), 23)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND((
                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                      ), 8388608)
                    ), 23)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND((
                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                    ), 8388608)
                  ), 24)
                )
              ),
              (
                BITSHIFTLEFT(
                  (
                    BITAND((
                      BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                    ), 16777216)
                  ),
                  24
                )
              )
            ),
            (
              BITSHIFTLEFT(
                (
                  BITAND((
                    BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                  ), 16777216)
                ),
                25
              )
            )
          ),
          (
            BITSHIFTLEFT(
              (
                BITAND((
                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                ), 33554432)
              ),
              25
            )
          )
        ),
        (
          BITSHIFTLEFT(
            (
              BITAND((
                BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
              ), 33554432)
            ),
            26
          )
        )
      ),
      (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(52 - 2 * _wf_z AS INT))
        ) - 1
      )
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_getisord_1_ring
), native_getisord_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM((
      1.0
    ) * c.value) AS swx,
    SUM(1.0) AS sw,
    SUM((
      1.0
    ) * (
      1.0
    )) AS sww
  FROM native_getisord_1_neighbours AS r
  INNER JOIN native_getisord_1_cells AS c
    ON r.kring_index = c.index
  GROUP BY
    r.index
), native_getisord_1_scored AS (
  SELECT
    w.index,
    (
      w.swx - s.mean * w.sw
    ) / NULLIF(
      s.sd * SQRT(GREATEST((
        s.n * w.sww - w.sw * w.sw
      ) / NULLIF(s.n - 1, 0), 0.0)),
      0
    ) AS gi
  FROM native_getisord_1_weighted AS w
  CROSS JOIN native_getisord_1_stats AS s
), native_getisord_1 AS (
  SELECT
    native_getisord_1_scored.*,
    1.0 / (
      1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(gi) * 0.7071067811865475 * ABS(gi) * 0.7071067811865475) AS p_value
  FROM native_getisord_1_scored
)
SELECT
  *
FROM native_getisord_1;

-- case moransi_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_moransi_1_cells AS (
  SELECT
    h3 AS "INDEX",
    CAST(value AS DOUBLE) AS value
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL AND NOT value IS NULL
), native_moransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS DOUBLE) AS n,
    AVG(value) AS mean
  FROM native_moransi_1_cells
), native_moransi_1_neighbours AS (
  SELECT
    "INDEX",
    CAST(_wf_kring_index_rows.value AS VARCHAR) AS kring_index,
    H3_GRID_DISTANCE("INDEX", CAST(_wf_kring_index_rows.value AS VARCHAR)) AS distance
  FROM native_moransi_1_cells, LATERAL FLATTEN(INPUT => H3_GRID_DISK("INDEX", 2)) AS _wf_kring_index_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_moransi_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(EXP(-CAST(r.distance AS DOUBLE))) AS sw,
    SUM(EXP(-CAST(r.distance AS DOUBLE)) * EXP(-CAST(r.distance AS DOUBLE))) AS sww,
    SUM(EXP(-CAST(r.distance AS DOUBLE)) * (
      c.value - s.mean
    )) AS swd
  FROM native_moransi_1_neighbours AS r
  INNER JOIN native_moransi_1_cells AS c
    ON r.kring_index = c.index
  CROSS JOIN native_moransi_1_stats AS s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_moransi_1_lagged AS (
  SELECT
    c.value - s.mean AS dev,
    w.swd / NULLIF(w.sw, 0) AS lag,
    s.n AS n
  FROM native_moransi_1_cells AS c
  LEFT JOIN native_moransi_1_weighted AS w
    ON c.index = w.index
  CROSS JOIN native_moransi_1_stats AS s
), native_moransi_1 AS (
  SELECT
    (
      (
        MAX(n) / NULLIF(CAST(COUNT(lag) AS DOUBLE), 0)
      ) * SUM(dev * lag)
    ) / NULLIF(SUM(dev * dev), 0) AS morans_i
  FROM native_moransi_1_lagged
)
SELECT
  *
FROM native_moransi_1;

-- case moransi_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_moransi_1_cells AS (
  SELECT
    quadbin AS "INDEX",
    CAST(value AS DOUBLE) AS value
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL
), native_moransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS DOUBLE) AS n,
    AVG(value) AS mean
  FROM native_moransi_1_cells
), native_moransi_1_tile AS (
  SELECT
    "INDEX",
    BITAND((
      BITSHIFTRIGHT("INDEX", 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM native_moransi_1_cells
), native_moransi_1_ring AS (
  SELECT
    native_moransi_1_tile.*,
    CAST(_wf__wf_dx_rows.value AS BIGINT) AS _wf_dx,
    CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_dy,
    (
      _wf_x + CAST(_wf__wf_dx_rows.value AS BIGINT) + (
        BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
      )
    ) % (
      BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_ky
  FROM native_moransi_1_tile, LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      -LEAST(
        3,
        CAST(TRUNC((
          (
            BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
          ) - 1
        ) / 2) AS BIGINT)
      ),
      LEAST(
        3,
        CAST(TRUNC((
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) / 2) AS BIGINT)
      ) + 1
    )
  ) AS _wf__wf_dx_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      GREATEST(-3, -_wf_y),
      LEAST(3, (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) - 1
      ) - _wf_y) + 1
    )
  ) AS _wf__wf_dy_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_moransi_1_neighbours AS (
  SELECT
    "INDEX",
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITOR(
                                                            BITOR(
                                                              BITOR(
                                                                BITOR(
                                                                  BITOR(
                                                                    BITOR(
                                                                      BITOR(
                                                                        BITOR(
                                                                          BITOR(
                                                                            BITOR(
                                                                              BITOR(
                                                                                BITOR(
                                                                                  BITOR(
                                                                                    BITOR(
                                                                                      BITOR(
                                                                                        BITOR(
                                                                                          BITOR(
                                                                                            BITOR(
                                                                                              BITOR(
                                                                                                BITOR(
                                                                                                  BITOR(
                                                                                                    BITOR(
                                                                                                      BITOR(
                                                                                                        BITOR(
                                                                                                          BITOR(
                                                                                                            BITOR(
                                                                                                              BITOR(5188146770730811392, (
                                                                                                                BITSHIFTLEFT(_wf_z, 52)
                                                                                                              )),
                                                                                                              (
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              )
                                                                                                            ),
                                                                                                            (
                                                                                                              BITSHIFTLEFT((
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              ), 1)
                                                                                                            )
                                                                                                          ),
                                                                                                          (
                                                                                                            BITSHIFTLEFT((
                                                                                                              BITAND((
                                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                              ), 2)
                                                                                                            ), 1)
                                                                                                          )
                                                                                                        ),
                                                                                                        (
                                                                                                          BITSHIFTLEFT((
                                                                                                            BITAND((
                                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                            ), 2)
                                                                                                          ), 2)
                                                                                                        )
                                                                                                      ),
                                                                                                      (
                                                                                                        BITSHIFTLEFT((
                                                                                                          BITAND((
                                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                          ), 4)
                                                                                                        ), 2)
                                                                                                      )
                                                                                                    ),
                                                                                                    (
                                                                                                      BITSHIFTLEFT((
                                                                                                        BITAND((
                                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                        ), 4)
                                                                                                      ), 3)
                                                                                                    )
                                                                                                  ),
                                                                                                  (
                                                                                                    BITSHIFTLEFT((
                                                                                                      BITAND((
                                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                      ), 8)
                                                                                                    ), 3)
                                                                                                  )
                                                                                                ),
                                                                                                (
                                                                                                  BITSHIFTLEFT((
                                                                                                    BITAND((
                                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                    ), 8)
                                                                                                  ), 4)
                                                                                                )
                                                                                              ),
                                                                                              (
                                                                                                BITSHIFTLEFT((
                                                                                                  BITAND((
                                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                  ), 16)
                                                                                                ), 4)
                                                                                              )
                                                                                            ),
                                                                                            (
                                                                                              BITSHIFTLEFT((
                                                                                                BITAND((
                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                ), 16)
                                                                                              ), 5)
                                                                                            )
                                                                                          ),
                                                                                          (
                                                                                            BITSHIFTLEFT((
                                                                                              BITAND((
                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                              ), 32)
                                                                                            ), 5)
                                                                                          )
                                                                                        ),
                                                                                        (
                                                                                          BITSHIFTLEFT((
                                                                                            BITAND((
                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                            ), 32)
                                                                                          ), 6)
                                                                                        )
                                                                                      ),
                                                                                      (
                                                                                        BITSHIFTLEFT((
                                                                                          BITAND((
                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                          ), 64)
                                                                                        ), 6)
                                                                                      )
                                                                                    ),
                                                                                    (
                                                                                      BITSHIFTLEFT((
                                                                                        BITAND((
                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                        ), 64)
                                                                                      ), 7)
                                                                                    )
                                                                                  ),
                                                                                  (
                                                                                    BITSHIFTLEFT((
                                                                                      BITAND((
                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                      ), 128)
                                                                                    ), 7)
                                                                                  )
                                                                                ),
                                                                                (
                                                                                  BITSHIFTLEFT((
                                                                                    BITAND((
                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                    ), 128)
                                                                                  ), 8)
                                                                                )
                                                                              ),
                                                                              (
                                                                                BITSHIFTLEFT((
                                                                                  BITAND((
                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                  ), 256)
                                                                                ), 8)
                                                                              )
                                                                            ),
                                                                            (
                                                                              BITSHIFTLEFT((
                                                                                BITAND((
                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                ), 256)
                                                                              ), 9)
                                                                            )
                                                                          ),
                                                                          (
                                                                            BITSHIFTLEFT((
                                                                              BITAND((
                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                              ), 512)
                                                                            ), 9)
                                                                          )
                                                                        ),
                                                                        (
                                                                          BITSHIFTLEFT((
                                                                            BITAND((
                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                            ), 512)
                                                                          ), 10)
                                                                        )
                                                                      ),
                                                                      (
                                                                        BITSHIFTLEFT((
                                                                          BITAND((
                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                          ), 1024)
                                                                        ), 10)
                                                                      )
                                                                    ),
                                                                    (
                                                                      BITSHIFTLEFT((
                                                                        BITAND((
                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                        ), 1024)
                                                                      ), 11)
                                                                    )
                                                                  ),
                                                                  (
                                                                    BITSHIFTLEFT((
                                                                      BITAND((
                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                      ), 2048)
                                                                    ), 11)
                                                                  )
                                                                ),
                                                                (
                                                                  BITSHIFTLEFT((
                                                                    BITAND((
                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                    ), 2048)
                                                                  ), 12)
                                                                )
                                                              ),
                                                              (
                                                                BITSHIFTLEFT((
                                                                  BITAND((
                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                  ), 4096)
                                                                ), 12)
                                                              )
                                                            ),
                                                            (
                                                              BITSHIFTLEFT((
                                                                BITAND((
                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                ), 4096)
                                                              ), 13)
                                                            )
                                                          ),
                                                          (
                                                            BITSHIFTLEFT((
                                                              BITAND((
                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                              ), 8192)
                                                            ), 13)
                                                          )
                                                        ),
                                                        (
                                                          BITSHIFTLEFT((
                                                            BITAND((
                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                            ), 8192)
                                                          ), 14)
                                                        )
                                                      ),
                                                      (
                                                        BITSHIFTLEFT((
                                                          BITAND((
                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                          ), 16384)
                                                        ), 14)
                                                      )
                                                    ),
                                                    (
                                                      BITSHIFTLEFT((
                                                        BITAND((
                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                        ), 16384)
                                                      ), 15)
                                                    )
                                                  ),
                                                  (
                                                    BITSHIFTLEFT((
                                                      BITAND((
                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                      ), 32768)
                                                    ), 15)
                                                  )
                                                ),
                                                (
                                                  BITSHIFTLEFT((
                                                    BITAND((
                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                    ), 32768)
                                                  ), 16)
                                                )
                                              ),
                                              (
                                                BITSHIFTLEFT((
                                                  BITAND((
                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                  ), 65536)
                                                ), 16)
                                              )
                                            ),
                                            (
                                              BITSHIFTLEFT((
                                                BITAND((
                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                ), 65536)
                                              ), 17)
                                            )
                                          ),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND((
                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                              ), 131072)
                                            ), 17)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND((
                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                            ), 131072)
                                          ), 18)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND((
                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                          ), 262144)
                                        ), 18)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND((
                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                        ), 262144)
                                      ), 19)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND((
                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                      ), 524288)
                                    ), 19)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND((
                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                    ), 524288)
                                  ), 20)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND((
                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                  ), 1048576)
                                ), 20)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND((
                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                ), 1048576)
                              ), 21)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND((
                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                              ), 2097152)
                            ), 21)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND((
                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                            ), 2097152)
                          ), 22)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND((
                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                          ), 4194304)
                        ), 22)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND((
                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                        ), 4194304)
                      ), 23)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND((
                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                      ), 8388608)
                    ), 23)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND((
                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                    ), 8388608)
                  ), 24)
                )
              ),
              (
                BITSHIFTLEFT(
                  (
                    BITAND((
                      BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                    ), 16777216)
                  ),
                  24
                )
              )
            ),
            (
              BITSHIFTLEFT(
                (
                  BITAND((
                    BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                  ), 16777216)
                ),
                25
              )
            )
          ),
          (
            BITSHIFTLEFT(
              (
                BITAND((
                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                ), 33554432)
              ),
              25
            )
          )
        ),
        (
          BITSHIFTLEFT(
            (
              BITAND((
                BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
              ), 33554432)
            ),
            26
          )
        )
      ),
      (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(52 - 2 * _wf_z AS INT))
        ) - 1
      )
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_moransi_1_ring
), native_moransi_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(1.0 / CAST(r.distance AS DOUBLE)) AS sw,
    SUM((
      1.0 / CAST(r.distance AS DOUBLE)
    ) * (
      1.0 / CAST(r.distance AS DOUBLE)
    )) AS sww,
    SUM((
      1.0 / CAST(r.distance AS DOUBLE)
    ) * (
      c.value - s.mean
    )) AS swd
  FROM native_moransi_1_neighbours AS r
  INNER JOIN native_moransi_1_cells AS c
    ON r.kring_index = c.index
  CROSS JOIN native_moransi_1_stats AS s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_moransi_1_lagged AS (
  SELECT
    c.value - s.mean AS dev,
    w.swd / NULLIF(w.sw, 0) AS lag,
    s.n AS n
  FROM native_moransi_1_cells AS c
  LEFT JOIN native_moransi_1_weighted AS w
    ON c.index = w.index
  CROSS JOIN native_moransi_1_stats AS s
), native_moransi_1 AS (
  SELECT
    (
      (
        MAX(n) / NULLIF(CAST(COUNT(lag) AS DOUBLE), 0)
      ) * SUM(dev * lag)
    ) / NULLIF(SUM(dev * dev), 0) AS morans_i
  FROM native_moransi_1_lagged
)
SELECT
  *
FROM native_moransi_1;

-- case localmoransi_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_localmoransi_1_cells AS (
  SELECT
    h3 AS "INDEX",
    CAST(value AS DOUBLE) AS value
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL AND NOT value IS NULL
), native_localmoransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS DOUBLE) AS n,
    AVG(value) AS mean
  FROM native_localmoransi_1_cells
), native_localmoransi_1_moments AS (
  SELECT
    AVG((
      c.value - s.mean
    ) * (
      c.value - s.mean
    )) AS m2,
    AVG(
      (
        c.value - s.mean
      ) * (
        c.value - s.mean
      ) * (
        c.value - s.mean
      ) * (
        c.value - s.mean
      )
    ) AS m4
  FROM native_localmoransi_1_cells AS c
  CROSS JOIN native_localmoransi_1_stats AS s
), native_localmoransi_1_neighbours AS (
  SELECT
    "INDEX",
    CAST(_wf_kring_index_rows.value AS VARCHAR) AS kring_index,
    H3_GRID_DISTANCE("INDEX", CAST(_wf_kring_index_rows.value AS VARCHAR)) AS distance
  FROM native_localmoransi_1_cells, LATERAL FLATTEN(INPUT => H3_GRID_DISK("INDEX", 1)) AS _wf_kring_index_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_localmoransi_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(1.0) AS sw,
    SUM(1.0 * 1.0) AS sww,
    SUM(1.0 * (
      c.value - s.mean
    )) AS swd
  FROM native_localmoransi_1_neighbours AS r
  INNER JOIN native_localmoransi_1_cells AS c
    ON r.kring_index = c.index
  CROSS JOIN native_localmoransi_1_stats AS s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_localmoransi_1_local AS (
  SELECT
    c.index AS "INDEX",
    (
      (
        c.value - s.mean
      ) * COALESCE(w.swd / NULLIF(w.sw, 0), 0.0) * (
        s.n - 1.0
      )
    ) / NULLIF(s.n * m.m2, 0) AS value,
    c.value - s.mean AS dev,
    COALESCE(w.swd / NULLIF(w.sw, 0), 0.0) AS lag,
    CASE WHEN NOT w.sw IS NULL THEN 1.0 ELSE 0.0 END AS wi,
    COALESCE(w.sww / NULLIF(w.sw * w.sw, 0), 0.0) AS wi2,
    (
      (
        c.value - s.mean
      ) * (
        c.value - s.mean
      )
    ) / NULLIF(m.m2, 0) AS zz,
    s.n AS n,
    m.m4 / NULLIF(m.m2 * m.m2, 0) AS b2
  FROM native_localmoransi_1_cells AS c
  LEFT JOIN native_localmoransi_1_weighted AS w
    ON c.index = w.index
  CROSS JOIN native_localmoransi_1_stats AS s
  CROSS JOIN native_localmoransi_1_moments AS m
), native_localmoransi_1_scored AS (
  SELECT
    "INDEX",
    value,
    -(
      zz * wi
    ) / NULLIF(n - 1.0, 0) AS eic,
    (
      (
        zz * n
      ) / NULLIF(n - 2.0, 0)
    ) * (
      wi2 - (
        (
          wi * wi
        ) / NULLIF(n - 1.0, 0)
      )
    ) * (
      1.0 - (
        zz / NULLIF(n - 1.0, 0)
      )
    ) AS vic,
    -wi / NULLIF(n - 1.0, 0) AS ei,
    (
      (
        (
          wi2 * (
            n - b2
          )
        ) / NULLIF(n - 1.0, 0)
      ) + (
        (
          (
            (
              wi * wi
            ) - wi2
          ) * (
            (
              2.0 * b2
            ) - n
          )
        ) / NULLIF((
          n - 1.0
        ) * (
          n - 2.0
        ), 0)
      )
    ) - (
      (
        wi * wi
      ) / NULLIF((
        n - 1.0
      ) * (
        n - 1.0
      ), 0)
    ) AS vi,
    (
      (
        (
          value * n
        ) / NULLIF(n - 1.0, 0)
      ) - (
        -wi / NULLIF(n - 1.0, 0)
      )
    ) / NULLIF(
      SQRT(
        GREATEST(
          (
            (
              (
                wi2 * (
                  n - b2
                )
              ) / NULLIF(n - 1.0, 0)
            ) + (
              (
                (
                  (
                    wi * wi
                  ) - wi2
                ) * (
                  (
                    2.0 * b2
                  ) - n
                )
              ) / NULLIF((
                n - 1.0
              ) * (
                n - 2.0
              ), 0)
            )
          ) - (
            (
              wi * wi
            ) / NULLIF((
              n - 1.0
            ) * (
              n - 1.0
            ), 0)
          ),
          0.0
        )
      ),
      0
    ) AS z,
    CASE
      WHEN dev > 0.0 AND lag > 0.0
      THEN 1
      WHEN NOT dev > 0.0 AND NOT lag > 0.0
      THEN 2
      WHEN lag > 0.0
      THEN 3
      ELSE 4
    END AS quad
  FROM native_localmoransi_1_local
), native_localmoransi_1 AS (
  SELECT
    "INDEX",
    value,
    0.5 * 1.0 / (
      1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(z) * 0.7071067811865475 * ABS(z) * 0.7071067811865475) AS psim,
    eic,
    vic,
    ei,
    vi,
    CAST(quad AS BIGINT) AS quad
  FROM native_localmoransi_1_scored
)
SELECT
  *
FROM native_localmoransi_1;

-- case localmoransi_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_localmoransi_1_cells AS (
  SELECT
    quadbin AS "INDEX",
    CAST(value AS DOUBLE) AS value
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL
), native_localmoransi_1_stats AS (
  SELECT
    CAST(COUNT(*) AS DOUBLE) AS n,
    AVG(value) AS mean
  FROM native_localmoransi_1_cells
), native_localmoransi_1_moments AS (
  SELECT
    AVG((
      c.value - s.mean
    ) * (
      c.value - s.mean
    )) AS m2,
    AVG(
      (
        c.value - s.mean
      ) * (
        c.value - s.mean
      ) * (
        c.value - s.mean
      ) * (
        c.value - s.mean
      )
    ) AS m4
  FROM native_localmoransi_1_cells AS c
  CROSS JOIN native_localmoransi_1_stats AS s
), native_localmoransi_1_tile AS (
  SELECT
    "INDEX",
    BITAND((
      BITSHIFTRIGHT("INDEX", 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM native_localmoransi_1_cells
), native_localmoransi_1_ring AS (
  SELECT
    native_localmoransi_1_tile.*,
    CAST(_wf__wf_dx_rows.value AS BIGINT) AS _wf_dx,
    CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_dy,
    (
      _wf_x + CAST(_wf__wf_dx_rows.value AS BIGINT) + (
        BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
      )
    ) % (
      BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_ky
  FROM native_localmoransi_1_tile, LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      -LEAST(
        2,
        CAST(TRUNC((
          (
            BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
          ) - 1
        ) / 2) AS BIGINT)
      ),
      LEAST(
        2,
        CAST(TRUNC((
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) / 2) AS BIGINT)
      ) + 1
    )
  ) AS _wf__wf_dx_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      GREATEST(-2, -_wf_y),
      LEAST(2, (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) - 1
      ) - _wf_y) + 1
    )
  ) AS _wf__wf_dy_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_localmoransi_1_neighbours AS (
  SELECT
    "INDEX",
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITOR(
                                                            BITOR(
                                                              BITOR(
                                                                BITOR(
                                                                  BITOR(
                                                                    BITOR(
                                                                      BITOR(
                                                                        BITOR(
                                                                          BITOR(
                                                                            BITOR(
                                                                              BITOR(
                                                                                BITOR(
                                                                                  BITOR(
                                                                                    BITOR(
                                                                                      BITOR(
                                                                                        BITOR(
                                                                                          BITOR(
                                                                                            BITOR(
                                                                                              BITOR(
                                                                                                BITOR(
                                                                                                  BITOR(
                                                                                                    BITOR(
                                                                                                      BITOR(
                                                                                                        BITOR(
                                                                                                          BITOR(
                                                                                                            BITOR(
                                                                                                              BITOR(5188146770730811392, (
                                                                                                                BITSHIFTLEFT(_wf_z, 52)
                                                                                                              )),
                                                                                                              (
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              )
                                                                                                            ),
                                                                                                            (
                                                                                                              BITSHIFTLEFT((
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              ), 1)
                                                                                                            )
                                                                                                          ),
                                                                                                          (
                                                                                                            BITSHIFTLEFT((
                                                                                                              BITAND((
                                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                              ), 2)
                                                                                                            ), 1)
                                                                                                          )
                                                                                                        ),
                                                                                                        (
                                                                                                          BITSHIFTLEFT((
                                                                                                            BITAND((
                                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                            ), 2)
                                                                                                          ), 2)
                                                                                                        )
                                                                                                      ),
                                                                                                      (
                                                                                                        BITSHIFTLEFT((
                                                                                                          BITAND((
                                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                          ), 4)
                                                                                                        ), 2)
                                                                                                      )
                                                                                                    ),
                                                                                                    (
                                                                                                      BITSHIFTLEFT((
                                                                                                        BITAND((
                                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                        ), 4)
                                                                                                      ), 3)
                                                                                                    )
                                                                                                  ),
                                                                                                  (
                                                                                                    BITSHIFTLEFT((
                                                                                                      BITAND((
                                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                      ), 8)
                                                                                                    ), 3)
                                                                                                  )
                                                                                                ),
                                                                                                (
                                                                                                  BITSHIFTLEFT((
                                                                                                    BITAND((
                                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                    ), 8)
                                                                                                  ), 4)
                                                                                                )
                                                                                              ),
                                                                                              (
                                                                                                BITSHIFTLEFT((
                                                                                                  BITAND((
                                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                  ), 16)
                                                                                                ), 4)
                                                                                              )
                                                                                            ),
                                                                                            (
                                                                                              BITSHIFTLEFT((
                                                                                                BITAND((
                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                ), 16)
                                                                                              ), 5)
                                                                                            )
                                                                                          ),
                                                                                          (
                                                                                            BITSHIFTLEFT((
                                                                                              BITAND((
                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                              ), 32)
                                                                                            ), 5)
                                                                                          )
                                                                                        ),
                                                                                        (
                                                                                          BITSHIFTLEFT((
                                                                                            BITAND((
                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                            ), 32)
                                                                                          ), 6)
                                                                                        )
                                                                                      ),
                                                                                      (
                                                                                        BITSHIFTLEFT((
                                                                                          BITAND((
                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                          ), 64)
                                                                                        ), 6)
                                                                                      )
                                                                                    ),
                                                                                    (
                                                                                      BITSHIFTLEFT((
                                                                                        BITAND((
                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                        ), 64)
                                                                                      ), 7)
                                                                                    )
                                                                                  ),
                                                                                  (
                                                                                    BITSHIFTLEFT((
                                                                                      BITAND((
                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                      ), 128)
                                                                                    ), 7)
                                                                                  )
                                                                                ),
                                                                                (
                                                                                  BITSHIFTLEFT((
                                                                                    BITAND((
                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                    ), 128)
                                                                                  ), 8)
                                                                                )
                                                                              ),
                                                                              (
                                                                                BITSHIFTLEFT((
                                                                                  BITAND((
                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                  ), 256)
                                                                                ), 8)
                                                                              )
                                                                            ),
                                                                            (
                                                                              BITSHIFTLEFT((
                                                                                BITAND((
                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                ), 256)
                                                                              ), 9)
                                                                            )
                                                                          ),
                                                                          (
                                                                            BITSHIFTLEFT((
                                                                              BITAND((
                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                              ), 512)
                                                                            ), 9)
                                                                          )
                                                                        ),
                                                                        (
                                                                          BITSHIFTLEFT((
                                                                            BITAND((
                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                            ), 512)
                                                                          ), 10)
                                                                        )
                                                                      ),
                                                                      (
                                                                        BITSHIFTLEFT((
                                                                          BITAND((
                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                          ), 1024)
                                                                        ), 10)
                                                                      )
                                                                    ),
                                                                    (
                                                                      BITSHIFTLEFT((
                                                                        BITAND((
                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                        ), 1024)
                                                                      ), 11)
                                                                    )
                                                                  ),
                                                                  (
                                                                    BITSHIFTLEFT((
                                                                      BITAND((
                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                      ), 2048)
                                                                    ), 11)
                                                                  )
                                                                ),
                                                                (
                                                                  BITSHIFTLEFT((
                                                                    BITAND((
                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                    ), 2048)
                                                                  ), 12)
                                                                )
                                                              ),
                                                              (
                                                                BITSHIFTLEFT((
                                                                  BITAND((
                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                  ), 4096)
                                                                ), 12)
                                                              )
                                                            ),
                                                            (
                                                              BITSHIFTLEFT((
                                                                BITAND((
                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                ), 4096)
                                                              ), 13)
                                                            )
                                                          ),
                                                          (
                                                            BITSHIFTLEFT((
                                                              BITAND((
                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                              ), 8192)
                                                            ), 13)
                                                          )
                                                        ),
                                                        (
                                                          BITSHIFTLEFT((
                                                            BITAND((
                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                            ), 8192)
                                                          ), 14)
                                                        )
                                                      ),
                                                      (
                                                        BITSHIFTLEFT((
                                                          BITAND((
                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                          ), 16384)
                                                        ), 14)
                                                      )
                                                    ),
                                                    (
                                                      BITSHIFTLEFT((
                                                        BITAND((
                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                        ), 16384)
                                                      ), 15)
                                                    )
                                                  ),
                                                  (
                                                    BITSHIFTLEFT((
                                                      BITAND((
                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                      ), 32768)
                                                    ), 15)
                                                  )
                                                ),
                                                (
                                                  BITSHIFTLEFT((
                                                    BITAND((
                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                    ), 32768)
                                                  ), 16)
                                                )
                                              ),
                                              (
                                                BITSHIFTLEFT((
                                                  BITAND((
                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                  ), 65536)
                                                ), 16)
                                              )
                                            ),
                                            (
                                              BITSHIFTLEFT((
                                                BITAND((
                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                ), 65536)
                                              ), 17)
                                            )
                                          ),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND((
                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                              ), 131072)
                                            ), 17)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND((
                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                            ), 131072)
                                          ), 18)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND((
                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                          ), 262144)
                                        ), 18)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND((
                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                        ), 262144)
                                      ), 19)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND((
                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                      ), 524288)
                                    ), 19)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND((
                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                    ), 524288)
                                  ), 20)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND((
                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                  ), 1048576)
                                ), 20)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND((
                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                ), 1048576)
                              ), 21)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND((
                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                              ), 2097152)
                            ), 21)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND((
                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                            ), 2097152)
                          ), 22)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND((
                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                          ), 4194304)
                        ), 22)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND((
                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                        ), 4194304)
                      ), 23)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND((
                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                      ), 8388608)
                    ), 23)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND((
                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                    ), 8388608)
                  ), 24)
                )
              ),
              (
                BITSHIFTLEFT(
                  (
                    BITAND((
                      BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                    ), 16777216)
                  ),
                  24
                )
              )
            ),
            (
              BITSHIFTLEFT(
                (
                  BITAND((
                    BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                  ), 16777216)
                ),
                25
              )
            )
          ),
          (
            BITSHIFTLEFT(
              (
                BITAND((
                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                ), 33554432)
              ),
              25
            )
          )
        ),
        (
          BITSHIFTLEFT(
            (
              BITAND((
                BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
              ), 33554432)
            ),
            26
          )
        )
      ),
      (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(52 - 2 * _wf_z AS INT))
        ) - 1
      )
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_localmoransi_1_ring
), native_localmoransi_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(1.0 / (
      CAST(r.distance AS DOUBLE) * CAST(r.distance AS DOUBLE)
    )) AS sw,
    SUM(
      (
        1.0 / (
          CAST(r.distance AS DOUBLE) * CAST(r.distance AS DOUBLE)
        )
      ) * (
        1.0 / (
          CAST(r.distance AS DOUBLE) * CAST(r.distance AS DOUBLE)
        )
      )
    ) AS sww,
    SUM(
      (
        1.0 / (
          CAST(r.distance AS DOUBLE) * CAST(r.distance AS DOUBLE)
        )
      ) * (
        c.value - s.mean
      )
    ) AS swd
  FROM native_localmoransi_1_neighbours AS r
  INNER JOIN native_localmoransi_1_cells AS c
    ON r.kring_index = c.index
  CROSS JOIN native_localmoransi_1_stats AS s
  WHERE
    r.distance > 0
  GROUP BY
    r.index
), native_localmoransi_1_local AS (
  SELECT
    c.index AS "INDEX",
    (
      (
        c.value - s.mean
      ) * COALESCE(w.swd / NULLIF(w.sw, 0), 0.0) * (
        s.n - 1.0
      )
    ) / NULLIF(s.n * m.m2, 0) AS value,
    c.value - s.mean AS dev,
    COALESCE(w.swd / NULLIF(w.sw, 0), 0.0) AS lag,
    CASE WHEN NOT w.sw IS NULL THEN 1.0 ELSE 0.0 END AS wi,
    COALESCE(w.sww / NULLIF(w.sw * w.sw, 0), 0.0) AS wi2,
    (
      (
        c.value - s.mean
      ) * (
        c.value - s.mean
      )
    ) / NULLIF(m.m2, 0) AS zz,
    s.n AS n,
    m.m4 / NULLIF(m.m2 * m.m2, 0) AS b2
  FROM native_localmoransi_1_cells AS c
  LEFT JOIN native_localmoransi_1_weighted AS w
    ON c.index = w.index
  CROSS JOIN native_localmoransi_1_stats AS s
  CROSS JOIN native_localmoransi_1_moments AS m
), native_localmoransi_1_scored AS (
  SELECT
    "INDEX",
    value,
    -(
      zz * wi
    ) / NULLIF(n - 1.0, 0) AS eic,
    (
      (
        zz * n
      ) / NULLIF(n - 2.0, 0)
    ) * (
      wi2 - (
        (
          wi * wi
        ) / NULLIF(n - 1.0, 0)
      )
    ) * (
      1.0 - (
        zz / NULLIF(n - 1.0, 0)
      )
    ) AS vic,
    -wi / NULLIF(n - 1.0, 0) AS ei,
    (
      (
        (
          wi2 * (
            n - b2
          )
        ) / NULLIF(n - 1.0, 0)
      ) + (
        (
          (
            (
              wi * wi
            ) - wi2
          ) * (
            (
              2.0 * b2
            ) - n
          )
        ) / NULLIF((
          n - 1.0
        ) * (
          n - 2.0
        ), 0)
      )
    ) - (
      (
        wi * wi
      ) / NULLIF((
        n - 1.0
      ) * (
        n - 1.0
      ), 0)
    ) AS vi,
    (
      (
        (
          value * n
        ) / NULLIF(n - 1.0, 0)
      ) - (
        -wi / NULLIF(n - 1.0, 0)
      )
    ) / NULLIF(
      SQRT(
        GREATEST(
          (
            (
              (
                wi2 * (
                  n - b2
                )
              ) / NULLIF(n - 1.0, 0)
            ) + (
              (
                (
                  (
                    wi * wi
                  ) - wi2
                ) * (
                  (
                    2.0 * b2
                  ) - n
                )
              ) / NULLIF((
                n - 1.0
              ) * (
                n - 2.0
              ), 0)
            )
          ) - (
            (
              wi * wi
            ) / NULLIF((
              n - 1.0
            ) * (
              n - 1.0
            ), 0)
          ),
          0.0
        )
      ),
      0
    ) AS z,
    CASE
      WHEN dev > 0.0 AND lag > 0.0
      THEN 1
      WHEN NOT dev > 0.0 AND NOT lag > 0.0
      THEN 2
      WHEN lag > 0.0
      THEN 3
      ELSE 4
    END AS quad
  FROM native_localmoransi_1_local
), native_localmoransi_1 AS (
  SELECT
    "INDEX",
    value,
    0.5 * 1.0 / (
      1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(z) * 0.7071067811865475 * ABS(z) * 0.7071067811865475) AS psim,
    eic,
    vic,
    ei,
    vi,
    CAST(quad AS BIGINT) AS quad
  FROM native_localmoransi_1_scored
)
SELECT
  *
FROM native_localmoransi_1;

-- case commercialhotspots_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_commercialhotspots_1_cells AS (
  SELECT
    h3 AS "INDEX",
    CAST(value AS DOUBLE) AS v0,
    CAST(id AS DOUBLE) AS v1
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL AND NOT value IS NULL AND NOT id IS NULL
), native_commercialhotspots_1_stats AS (
  SELECT
    CAST(COUNT(*) AS DOUBLE) AS n,
    AVG(v0) AS mean_v0,
    AVG(v1) AS mean_v1,
    STDDEV_POP(v0) AS sd_v0,
    STDDEV_POP(v1) AS sd_v1
  FROM native_commercialhotspots_1_cells
), native_commercialhotspots_1_neighbours AS (
  SELECT
    "INDEX",
    CAST(_wf_kring_index_rows.value AS VARCHAR) AS kring_index,
    H3_GRID_DISTANCE("INDEX", CAST(_wf_kring_index_rows.value AS VARCHAR)) AS distance
  FROM native_commercialhotspots_1_cells, LATERAL FLATTEN(INPUT => H3_GRID_DISK("INDEX", 2)) AS _wf_kring_index_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_commercialhotspots_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(1.0) AS sw,
    SUM(1.0 * 1.0) AS sww,
    SUM(1.0 * c.v0) AS swx_v0,
    SUM(1.0 * c.v1) AS swx_v1
  FROM native_commercialhotspots_1_neighbours AS r
  INNER JOIN native_commercialhotspots_1_cells AS c
    ON r.kring_index = c.index
  GROUP BY
    r.index
), native_commercialhotspots_1_scored AS (
  SELECT
    w.index,
    (
      0.3 * (
        (
          w.swx_v0 - s.mean_v0 * w.sw
        ) / NULLIF(
          s.sd_v0 * SQRT(GREATEST((
            s.n * w.sww - w.sw * w.sw
          ) / NULLIF(s.n - 1, 0), 0.0)),
          0
        )
      )
    ) + (
      0.7 * (
        (
          w.swx_v1 - s.mean_v1 * w.sw
        ) / NULLIF(
          s.sd_v1 * SQRT(GREATEST((
            s.n * w.sww - w.sw * w.sw
          ) / NULLIF(s.n - 1, 0), 0.0)),
          0
        )
      )
    ) AS combined_gi
  FROM native_commercialhotspots_1_weighted AS w
  CROSS JOIN native_commercialhotspots_1_stats AS s
), native_commercialhotspots_1_tested AS (
  SELECT
    "INDEX",
    combined_gi,
    1.0 / (
      1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(combined_gi) * 0.7071067811865475 * ABS(combined_gi) * 0.7071067811865475) AS p_value
  FROM native_commercialhotspots_1_scored
), native_commercialhotspots_1 AS (
  SELECT
    "INDEX",
    combined_gi,
    p_value
  FROM native_commercialhotspots_1_tested
  WHERE
    p_value <= 0.01
)
SELECT
  *
FROM native_commercialhotspots_1;

-- case commercialhotspots_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_commercialhotspots_1_cells AS (
  SELECT
    quadbin AS "INDEX",
    CAST(value AS DOUBLE) AS v0,
    CAST(id AS DOUBLE) AS v1
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL AND NOT value IS NULL AND NOT id IS NULL
), native_commercialhotspots_1_stats AS (
  SELECT
    CAST(COUNT(*) AS DOUBLE) AS n,
    AVG(v0) AS mean_v0,
    AVG(v1) AS mean_v1,
    STDDEV_POP(v0) AS sd_v0,
    STDDEV_POP(v1) AS sd_v1
  FROM native_commercialhotspots_1_cells
), native_commercialhotspots_1_tile AS (
  SELECT
    "INDEX",
    BITAND((
      BITSHIFTRIGHT("INDEX", 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM native_commercialhotspots_1_cells
), native_commercialhotspots_1_ring AS (
  SELECT
    native_commercialhotspots_1_tile.*,
    CAST(_wf__wf_dx_rows.value AS BIGINT) AS _wf_dx,
    CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_dy,
    (
      _wf_x + CAST(_wf__wf_dx_rows.value AS BIGINT) + (
        BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
      )
    ) % (
      BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_ky
  FROM native_commercialhotspots_1_tile, LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      -LEAST(
        3,
        CAST(TRUNC((
          (
            BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
          ) - 1
        ) / 2) AS BIGINT)
      ),
      LEAST(
        3,
        CAST(TRUNC((
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) / 2) AS BIGINT)
      ) + 1
    )
  ) AS _wf__wf_dx_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      GREATEST(-3, -_wf_y),
      LEAST(3, (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) - 1
      ) - _wf_y) + 1
    )
  ) AS _wf__wf_dy_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_commercialhotspots_1_neighbours AS (
  SELECT
    "INDEX",
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITOR(
                                                            BITOR(
                                                              BITOR(
                                                                BITOR(
                                                                  BITOR(
                                                                    BITOR(
                                                                      BITOR(
                                                                        BITOR(
                                                                          BITOR(
                                                                            BITOR(
                                                                              BITOR(
                                                                                BITOR(
                                                                                  BITOR(
                                                                                    BITOR(
                                                                                      BITOR(
                                                                                        BITOR(
                                                                                          BITOR(
                                                                                            BITOR(
                                                                                              BITOR(
                                                                                                BITOR(
                                                                                                  BITOR(
                                                                                                    BITOR(
                                                                                                      BITOR(
                                                                                                        BITOR(
                                                                                                          BITOR(
                                                                                                            BITOR(
                                                                                                              BITOR(5188146770730811392, (
                                                                                                                BITSHIFTLEFT(_wf_z, 52)
                                                                                                              )),
                                                                                                              (
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              )
                                                                                                            ),
                                                                                                            (
                                                                                                              BITSHIFTLEFT((
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              ), 1)
                                                                                                            )
                                                                                                          ),
                                                                                                          (
                                                                                                            BITSHIFTLEFT((
                                                                                                              BITAND((
                                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                              ), 2)
                                                                                                            ), 1)
                                                                                                          )
                                                                                                        ),
                                                                                                        (
                                                                                                          BITSHIFTLEFT((
                                                                                                            BITAND((
                                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                            ), 2)
                                                                                                          ), 2)
                                                                                                        )
                                                                                                      ),
                                                                                                      (
                                                                                                        BITSHIFTLEFT((
                                                                                                          BITAND((
                                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                          ), 4)
                                                                                                        ), 2)
                                                                                                      )
                                                                                                    ),
                                                                                                    (
                                                                                                      BITSHIFTLEFT((
                                                                                                        BITAND((
                                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                        ), 4)
                                                                                                      ), 3)
                                                                                                    )
                                                                                                  ),
                                                                                                  (
                                                                                                    BITSHIFTLEFT((
                                                                                                      BITAND((
                                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                      ), 8)
                                                                                                    ), 3)
                                                                                                  )
                                                                                                ),
                                                                                                (
                                                                                                  BITSHIFTLEFT((
                                                                                                    BITAND((
                                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                    ), 8)
                                                                                                  ), 4)
                                                                                                )
                                                                                              ),
                                                                                              (
                                                                                                BITSHIFTLEFT((
                                                                                                  BITAND((
                                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                  ), 16)
                                                                                                ), 4)
                                                                                              )
                                                                                            ),
                                                                                            (
                                                                                              BITSHIFTLEFT((
                                                                                                BITAND((
                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                ), 16)
                                                                                              ), 5)
                                                                                            )
                                                                                          ),
                                                                                          (
                                                                                            BITSHIFTLEFT((
                                                                                              BITAND((
                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                              ), 32)
                                                                                            ), 5)
                                                                                          )
                                                                                        ),
                                                                                        (
                                                                                          BITSHIFTLEFT((
                                                                                            BITAND((
                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                            ), 32)
                                                                                          ), 6)
                                                                                        )
                                                                                      ),
                                                                                      (
                                                                                        BITSHIFTLEFT((
                                                                                          BITAND((
                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                          ), 64)
                                                                                        ), 6)
                                                                                      )
                                                                                    ),
                                                                                    (
                                                                                      BITSHIFTLEFT((
                                                                                        BITAND((
                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                        ), 64)
                                                                                      ), 7)
                                                                                    )
                                                                                  ),
                                                                                  (
                                                                                    BITSHIFTLEFT((
                                                                                      BITAND((
                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                      ), 128)
                                                                                    ), 7)
                                                                                  )
                                                                                ),
                                                                                (
                                                                                  BITSHIFTLEFT((
                                                                                    BITAND((
                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                    ), 128)
                                                                                  ), 8)
                                                                                )
                                                                              ),
                                                                              (
                                                                                BITSHIFTLEFT((
                                                                                  BITAND((
                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                  ), 256)
                                                                                ), 8)
                                                                              )
                                                                            ),
                                                                            (
                                                                              BITSHIFTLEFT((
                                                                                BITAND((
                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                ), 256)
                                                                              ), 9)
                                                                            )
                                                                          ),
                                                                          (
                                                                            BITSHIFTLEFT((
                                                                              BITAND((
                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                              ), 512)
                                                                            ), 9)
                                                                          )
                                                                        ),
                                                                        (
                                                                          BITSHIFTLEFT((
                                                                            BITAND((
                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                            ), 512)
                                                                          ), 10)
                                                                        )
                                                                      ),
                                                                      (
                                                                        BITSHIFTLEFT((
                                                                          BITAND((
                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                          ), 1024)
                                                                        ), 10)
                                                                      )
                                                                    ),
                                                                    (
                                                                      BITSHIFTLEFT((
                                                                        BITAND((
                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                        ), 1024)
                                                                      ), 11)
                                                                    )
                                                                  ),
                                                                  (
                                                                    BITSHIFTLEFT((
                                                                      BITAND((
                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                      ), 2048)
                                                                    ), 11)
                                                                  )
                                                                ),
                                                                (
                                                                  BITSHIFTLEFT((
                                                                    BITAND((
                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                    ), 2048)
                                                                  ), 12)
                                                                )
                                                              ),
                                                              (
                                                                BITSHIFTLEFT((
                                                                  BITAND((
                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                  ), 4096)
                                                                ), 12)
                                                              )
                                                            ),
                                                            (
                                                              BITSHIFTLEFT((
                                                                BITAND((
                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                ), 4096)
                                                              ), 13)
                                                            )
                                                          ),
                                                          (
                                                            BITSHIFTLEFT((
                                                              BITAND((
                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                              ), 8192)
                                                            ), 13)
                                                          )
                                                        ),
                                                        (
                                                          BITSHIFTLEFT((
                                                            BITAND((
                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                            ), 8192)
                                                          ), 14)
                                                        )
                                                      ),
                                                      (
                                                        BITSHIFTLEFT((
                                                          BITAND((
                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                          ), 16384)
                                                        ), 14)
                                                      )
                                                    ),
                                                    (
                                                      BITSHIFTLEFT((
                                                        BITAND((
                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                        ), 16384)
                                                      ), 15)
                                                    )
                                                  ),
                                                  (
                                                    BITSHIFTLEFT((
                                                      BITAND((
                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                      ), 32768)
                                                    ), 15)
                                                  )
                                                ),
                                                (
                                                  BITSHIFTLEFT((
                                                    BITAND((
                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                    ), 32768)
                                                  ), 16)
                                                )
                                              ),
                                              (
                                                BITSHIFTLEFT((
                                                  BITAND((
                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                  ), 65536)
                                                ), 16)
                                              )
                                            ),
                                            (
                                              BITSHIFTLEFT((
                                                BITAND((
                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                ), 65536)
                                              ), 17)
                                            )
                                          ),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND((
                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                              ), 131072)
                                            ), 17)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND((
                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                            ), 131072)
                                          ), 18)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND((
                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                          ), 262144)
                                        ), 18)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND((
                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                        ), 262144)
                                      ), 19)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND((
                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                      ), 524288)
                                    ), 19)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND((
                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                    ), 524288)
                                  ), 20)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND((
                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                  ), 1048576)
                                ), 20)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND((
                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                ), 1048576)
                              ), 21)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND((
                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                              ), 2097152)
                            ), 21)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND((
                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                            ), 2097152)
                          ), 22)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND((
                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                          ), 4194304)
                        ), 22)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND((
                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                        ), 4194304)
                      ), 23)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND((
                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                      ), 8388608)
                    ), 23)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND((
                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                    ), 8388608)
                  ), 24)
                )
              ),
              (
                BITSHIFTLEFT(
                  (
                    BITAND((
                      BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                    ), 16777216)
                  ),
                  24
                )
              )
            ),
            (
              BITSHIFTLEFT(
                (
                  BITAND((
                    BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                  ), 16777216)
                ),
                25
              )
            )
          ),
          (
            BITSHIFTLEFT(
              (
                BITAND((
                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                ), 33554432)
              ),
              25
            )
          )
        ),
        (
          BITSHIFTLEFT(
            (
              BITAND((
                BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
              ), 33554432)
            ),
            26
          )
        )
      ),
      (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(52 - 2 * _wf_z AS INT))
        ) - 1
      )
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_commercialhotspots_1_ring
), native_commercialhotspots_1_weighted AS (
  SELECT
    r.index AS "INDEX",
    SUM(1.0) AS sw,
    SUM(1.0 * 1.0) AS sww,
    SUM(1.0 * c.v0) AS swx_v0,
    SUM(1.0 * c.v1) AS swx_v1
  FROM native_commercialhotspots_1_neighbours AS r
  INNER JOIN native_commercialhotspots_1_cells AS c
    ON r.kring_index = c.index
  GROUP BY
    r.index
), native_commercialhotspots_1_scored AS (
  SELECT
    w.index,
    (
      0.5 * (
        (
          w.swx_v0 - s.mean_v0 * w.sw
        ) / NULLIF(
          s.sd_v0 * SQRT(GREATEST((
            s.n * w.sww - w.sw * w.sw
          ) / NULLIF(s.n - 1, 0), 0.0)),
          0
        )
      )
    ) + (
      0.5 * (
        (
          w.swx_v1 - s.mean_v1 * w.sw
        ) / NULLIF(
          s.sd_v1 * SQRT(GREATEST((
            s.n * w.sww - w.sw * w.sw
          ) / NULLIF(s.n - 1, 0), 0.0)),
          0
        )
      )
    ) AS combined_gi
  FROM native_commercialhotspots_1_weighted AS w
  CROSS JOIN native_commercialhotspots_1_stats AS s
), native_commercialhotspots_1_tested AS (
  SELECT
    "INDEX",
    combined_gi,
    1.0 / (
      1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(combined_gi) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(combined_gi) * 0.7071067811865475 * ABS(combined_gi) * 0.7071067811865475) AS p_value
  FROM native_commercialhotspots_1_scored
), native_commercialhotspots_1 AS (
  SELECT
    "INDEX",
    combined_gi,
    p_value
  FROM native_commercialhotspots_1_tested
  WHERE
    p_value <= 0.05
)
SELECT
  *
FROM native_commercialhotspots_1;

-- case composite_unsupervised_custom
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE) AS v1,
    CAST(id AS DOUBLE) AS v2
  FROM analytics.cells
  WHERE
    NOT value IS NULL AND NOT id IS NULL
), native_spatialcompositeunsuper_1_scaled AS (
  SELECT
    r.cell_id,
    PERCENT_RANK() OVER (ORDER BY r.v1 ASC) AS s1,
    PERCENT_RANK() OVER (ORDER BY r.v2 DESC NULLS LAST) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    CASE
      WHEN c.s1 < 0 OR c.s2 < 0
      THEN NULL
      WHEN c.s1 = 0 OR c.s2 = 0
      THEN 0.0
      ELSE EXP(
        0.8333333333333334 * LN(CASE WHEN c.s1 > 0 THEN c.s1 END) + 0.16666666666666666 * LN(CASE WHEN c.s2 > 0 THEN c.s2 END)
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
    0 + 1 * COALESCE((
      c.score - g.lo
    ) / (
      NULLIF(g.hi - g.lo, 0)
    ), 0.0) AS spatial_score
  FROM native_spatialcompositeunsuper_1_scored AS c
  CROSS JOIN native_spatialcompositeunsuper_1_score_range AS g
)
SELECT
  *
FROM native_spatialcompositeunsuper_1;

-- case composite_unsupervised_entropy
-- stage save_o
-- read while compiling: native_spatialcompositeunsuper_1_entropy
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE) AS v1,
    CAST(id AS DOUBLE) AS v2
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
    r.cell_id,
    (
      r.v1 - t.min1
    ) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    (
      t.max2 - r.v2
    ) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
)
SELECT
  COUNT(*) AS n,
  SUM(s1) AS total1,
  SUM(COALESCE(s1 * LN(CASE WHEN s1 > 0 THEN s1 END))) AS slog1,
  SUM(s2) AS total2,
  SUM(COALESCE(s2 * LN(CASE WHEN s2 > 0 THEN s2 END))) AS slog2
FROM native_spatialcompositeunsuper_1_scaled;
-- read while compiling: native_spatialcompositeunsuper_1_jenks
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE) AS v1,
    CAST(id AS DOUBLE) AS v2
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
    r.cell_id,
    (
      r.v1 - t.min1
    ) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    (
      t.max2 - r.v2
    ) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    (
      :native_spatialcompositeunsuper_1_weight1 * c.s1
    ) / (
      :native_spatialcompositeunsuper_1_total1
    ) + (
      :native_spatialcompositeunsuper_1_weight2 * c.s2
    ) / (
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
    score,
    CASE
      WHEN MAX(dr) OVER () <= 1000
      THEN dr - 1
      ELSE FLOOR(CAST(rn - 1 AS DOUBLE) * 1000 / cnt)
    END AS g
  FROM (
    SELECT
      score,
      DENSE_RANK() OVER (ORDER BY score ASC) AS dr,
      ROW_NUMBER() OVER (ORDER BY score ASC) AS rn,
      COUNT(*) OVER () AS cnt
    FROM native_spatialcompositeunsuper_1_scored
  ) AS d
) AS j
GROUP BY
  g;
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE) AS v1,
    CAST(id AS DOUBLE) AS v2
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
    r.cell_id,
    (
      r.v1 - t.min1
    ) / (
      NULLIF(t.max1 - t.min1, 0)
    ) AS s1,
    (
      t.max2 - r.v2
    ) / (
      NULLIF(t.max2 - t.min2, 0)
    ) AS s2
  FROM native_spatialcompositeunsuper_1_rows AS r
  CROSS JOIN native_spatialcompositeunsuper_1_scaled_stats AS t
), native_spatialcompositeunsuper_1_scored AS (
  SELECT
    c.cell_id,
    (
      :native_spatialcompositeunsuper_1_weight1 * c.s1
    ) / (
      :native_spatialcompositeunsuper_1_total1
    ) + (
      :native_spatialcompositeunsuper_1_weight2 * c.s2
    ) / (
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
FROM native_spatialcompositeunsuper_1;

-- case composite_unsupervised_first_pc
-- stage save_o
-- read while compiling: native_spatialcompositeunsuper_1_moments
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE) AS v1,
    CAST(id AS DOUBLE) AS v2
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
    CAST(value AS DOUBLE) AS v1,
    CAST(id AS DOUBLE) AS v2
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
    r.cell_id,
    :native_spatialcompositeunsuper_1_loading1 * (
      r.v1 - t.mean1
    ) / (
      NULLIF(t.sd1, 0)
    ) + :native_spatialcompositeunsuper_1_loading2 * (
      r.v2 - t.mean2
    ) / (
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
    score,
    ROW_NUMBER() OVER (ORDER BY score ASC) AS rn,
    COUNT(*) OVER () AS cnt
  FROM native_spatialcompositeunsuper_1_scored
) AS o;
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spatialcompositeunsuper_1_rows AS (
  SELECT
    quadbin AS cell_id,
    CAST(value AS DOUBLE) AS v1,
    CAST(id AS DOUBLE) AS v2
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
    r.cell_id,
    :native_spatialcompositeunsuper_1_loading1 * (
      r.v1 - t.mean1
    ) / (
      NULLIF(t.sd1, 0)
    ) + :native_spatialcompositeunsuper_1_loading2 * (
      r.v2 - t.mean2
    ) / (
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
            (
              :native_spatialcompositeunsuper_1_nbuckets * (
                c.score - g.lo
              )
            ) / (
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
FROM native_spatialcompositeunsuper_1;

-- case composite_supervised
-- stage save_o
-- read while compiling: native_spatialcompositesupervi_1_moments
WITH native_spatialcompositesupervi_1_rows AS (
  SELECT
    h3 AS cell_id,
    CAST(value AS DOUBLE) AS v1,
    CAST(id AS DOUBLE) AS v2,
    CAST(quadbin AS DOUBLE) AS v3
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
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spatialcompositesupervi_1_rows AS (
  SELECT
    h3 AS cell_id,
    CAST(value AS DOUBLE) AS v1,
    CAST(id AS DOUBLE) AS v2,
    CAST(quadbin AS DOUBLE) AS v3
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
    r.cell_id,
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
        score,
        ROW_NUMBER() OVER (ORDER BY score ASC) AS rn,
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
          1 + FLOOR((
            6 * (
              c.score - (
                -s.m
              )
            )
          ) / (
            NULLIF(2 * s.m, 0)
          ))
        )
      ),
      1
    ) AS BIGINT) AS spatial_score
  FROM native_spatialcompositesupervi_1_scored AS c
  CROSS JOIN native_spatialcompositesupervi_1_spread AS s
)
SELECT
  *
FROM native_spatialcompositesupervi_1;

-- case getisordspacetime_h3
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_getisordspacetime_1_series AS (
  SELECT
    "INDEX",
    step,
    SUM(value) AS value
  FROM (
    SELECT
      "INDEX",
      value,
      CAST(FLOOR(
        (
          365 * (
            _wf_year - CASE WHEN _wf_month <= 2 THEN 1 ELSE 0 END
          ) + FLOOR((
            _wf_year - CASE WHEN _wf_month <= 2 THEN 1 ELSE 0 END
          ) / 4) - FLOOR((
            _wf_year - CASE WHEN _wf_month <= 2 THEN 1 ELSE 0 END
          ) / 100) + FLOOR((
            _wf_year - CASE WHEN _wf_month <= 2 THEN 1 ELSE 0 END
          ) / 400) + FLOOR(
            (
              153 * (
                CASE WHEN _wf_month <= 2 THEN _wf_month + 9 ELSE _wf_month - 3 END
              ) + 2
            ) / 5
          ) + _wf_day - 1 + 3
        ) / 7
      ) AS BIGINT) AS step
    FROM (
      SELECT
        h3 AS "INDEX",
        CAST(value AS DOUBLE) AS value,
        CAST(DATE_PART(YEAR, CAST(week AS TIMESTAMPNTZ)) AS BIGINT) AS _wf_year,
        CAST(DATE_PART(MONTH, CAST(week AS TIMESTAMPNTZ)) AS BIGINT) AS _wf_month,
        CAST(DATE_PART(DAY, CAST(week AS TIMESTAMPNTZ)) AS BIGINT) AS _wf_day
      FROM analytics.series
      WHERE
        NOT h3 IS NULL AND NOT week IS NULL AND NOT value IS NULL
    ) AS _wf_fields
  ) AS _wf_steps
  GROUP BY
    "INDEX",
    step
), native_getisordspacetime_1_stats AS (
  SELECT
    COUNT(*) AS n,
    AVG(value) AS mean,
    STDDEV_POP(value) AS sd
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_cells AS (
  SELECT DISTINCT
    "INDEX"
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_neighbours AS (
  SELECT
    "INDEX",
    CAST(_wf_kring_index_rows.value AS VARCHAR) AS kring_index,
    H3_GRID_DISTANCE("INDEX", CAST(_wf_kring_index_rows.value AS VARCHAR)) AS distance
  FROM native_getisordspacetime_1_cells, LATERAL FLATTEN(INPUT => H3_GRID_DISK("INDEX", 2)) AS _wf_kring_index_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_getisordspacetime_1_reach AS (
  SELECT
    a.index,
    a.step,
    r.kring_index,
    EXP(
      -(
        CAST(r.distance AS DOUBLE) / 3.0
      ) * (
        CAST(r.distance AS DOUBLE) / 3.0
      ) / 2.0
    ) AS space_weight
  FROM native_getisordspacetime_1_series AS a
  INNER JOIN native_getisordspacetime_1_neighbours AS r
    ON r.index = a.index
), native_getisordspacetime_1_weighted AS (
  SELECT
    a.index AS "INDEX",
    a.step AS step,
    SUM(
      (
        a.space_weight * (
          1.0 - CAST(ABS(b.step - a.step) AS DOUBLE) / 3.0
        )
      ) * b.value
    ) AS swx,
    SUM(a.space_weight * (
      1.0 - CAST(ABS(b.step - a.step) AS DOUBLE) / 3.0
    )) AS sw,
    SUM(
      (
        a.space_weight * (
          1.0 - CAST(ABS(b.step - a.step) AS DOUBLE) / 3.0
        )
      ) * (
        a.space_weight * (
          1.0 - CAST(ABS(b.step - a.step) AS DOUBLE) / 3.0
        )
      )
    ) AS sww
  FROM native_getisordspacetime_1_reach AS a
  INNER JOIN native_getisordspacetime_1_series AS b
    ON b.index = a.kring_index AND ABS(b.step - a.step) <= 2
  GROUP BY
    a.index,
    a.step
), native_getisordspacetime_1_dates AS (
  SELECT
    step,
    CAST(TO_TIMESTAMP(
      LPAD(
        CAST(CAST(_wf_yoe + 400 * (
          _wf_era
        ) + CASE WHEN _wf_mp >= 10 THEN 1 ELSE 0 END AS BIGINT) AS VARCHAR),
        4,
        '0'
      ) || '-' || LPAD(
        CAST(CAST(CASE WHEN _wf_mp < 10 THEN _wf_mp + 3 ELSE _wf_mp - 9 END AS BIGINT) AS VARCHAR),
        2,
        '0'
      ) || '-' || LPAD(
        CAST(CAST(_wf_doy - FLOOR((
          153 * (
            _wf_mp
          ) + 2
        ) / 5) + 1 AS BIGINT) AS VARCHAR),
        2,
        '0'
      ) || ' ' || LPAD(CAST(CAST(0 AS BIGINT) AS VARCHAR), 2, '0') || ':' || LPAD(CAST(CAST(0 AS BIGINT) AS VARCHAR), 2, '0') || ':' || LPAD(CAST(CAST(0 AS BIGINT) AS VARCHAR), 2, '0'),
      'yyyy-mm-DD hh24:mi:ss'
    ) AS TIMESTAMPNTZ) AS "DATE"
  FROM (
    SELECT
      step,
      _wf_z,
      _wf_rem,
      _wf_era,
      _wf_doe,
      _wf_yoe,
      _wf_doy,
      FLOOR((
        5 * (
          _wf_doy
        ) + 2
      ) / 153) AS _wf_mp
    FROM (
      SELECT
        step,
        _wf_z,
        _wf_rem,
        _wf_era,
        _wf_doe,
        _wf_yoe,
        _wf_doe - (
          365 * (
            _wf_yoe
          ) + FLOOR((
            _wf_yoe
          ) / 4) - FLOOR((
            _wf_yoe
          ) / 100)
        ) AS _wf_doy
      FROM (
        SELECT
          step,
          _wf_z,
          _wf_rem,
          _wf_era,
          _wf_doe,
          FLOOR(
            (
              _wf_doe - FLOOR((
                _wf_doe
              ) / 1460) + FLOOR((
                _wf_doe
              ) / 36524) - FLOOR((
                _wf_doe
              ) / 146096)
            ) / 365
          ) AS _wf_yoe
        FROM (
          SELECT
            step,
            _wf_z,
            _wf_rem,
            _wf_era,
            _wf_z - 146097 * (
              _wf_era
            ) AS _wf_doe
          FROM (
            SELECT
              step,
              _wf_z,
              _wf_rem,
              FLOOR((
                _wf_z
              ) / 146097) AS _wf_era
            FROM (
              SELECT
                step,
                7 * (
                  step
                ) - 3 AS _wf_z,
                0 AS _wf_rem
              FROM (
                SELECT DISTINCT
                  step
                FROM native_getisordspacetime_1_series
              ) AS _wf_steps
            ) AS _wf_l0
          ) AS _wf_l1
        ) AS _wf_l2
      ) AS _wf_l3
    ) AS _wf_l4
  ) AS _wf_days
), native_getisordspacetime_1_scored AS (
  SELECT
    w.index,
    d.date,
    (
      w.swx - s.mean * w.sw
    ) / NULLIF(
      s.sd * SQRT(GREATEST((
        s.n * w.sww - w.sw * w.sw
      ) / NULLIF(s.n - 1, 0), 0.0)),
      0
    ) AS gi
  FROM native_getisordspacetime_1_weighted AS w
  INNER JOIN native_getisordspacetime_1_dates AS d
    ON d.step = w.step
  CROSS JOIN native_getisordspacetime_1_stats AS s
), native_getisordspacetime_1 AS (
  SELECT
    native_getisordspacetime_1_scored.*,
    1.0 / (
      1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(gi) * 0.7071067811865475 * ABS(gi) * 0.7071067811865475) AS p_value
  FROM native_getisordspacetime_1_scored
)
SELECT
  *
FROM native_getisordspacetime_1;

-- case getisordspacetime_quadbin
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_getisordspacetime_1_series AS (
  SELECT
    "INDEX",
    step,
    SUM(value) AS value
  FROM (
    SELECT
      "INDEX",
      value,
      CAST(12 * (
        _wf_year
      ) + _wf_month - 1 AS BIGINT) AS step
    FROM (
      SELECT
        quadbin AS "INDEX",
        CAST(value AS DOUBLE) AS value,
        CAST(DATE_PART(YEAR, CAST(week AS TIMESTAMPNTZ)) AS BIGINT) AS _wf_year,
        CAST(DATE_PART(MONTH, CAST(week AS TIMESTAMPNTZ)) AS BIGINT) AS _wf_month
      FROM analytics.series
      WHERE
        NOT quadbin IS NULL AND NOT week IS NULL AND NOT value IS NULL
    ) AS _wf_fields
  ) AS _wf_steps
  GROUP BY
    "INDEX",
    step
), native_getisordspacetime_1_stats AS (
  SELECT
    COUNT(*) AS n,
    AVG(value) AS mean,
    STDDEV_POP(value) AS sd
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_cells AS (
  SELECT DISTINCT
    "INDEX"
  FROM native_getisordspacetime_1_series
), native_getisordspacetime_1_tile AS (
  SELECT
    "INDEX",
    BITAND((
      BITSHIFTRIGHT("INDEX", 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM native_getisordspacetime_1_cells
), native_getisordspacetime_1_ring AS (
  SELECT
    native_getisordspacetime_1_tile.*,
    CAST(_wf__wf_dx_rows.value AS BIGINT) AS _wf_dx,
    CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_dy,
    (
      _wf_x + CAST(_wf__wf_dx_rows.value AS BIGINT) + (
        BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
      )
    ) % (
      BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_ky
  FROM native_getisordspacetime_1_tile, LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      -LEAST(
        3,
        CAST(TRUNC((
          (
            BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
          ) - 1
        ) / 2) AS BIGINT)
      ),
      LEAST(
        3,
        CAST(TRUNC((
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) / 2) AS BIGINT)
      ) + 1
    )
  ) AS _wf__wf_dx_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      GREATEST(-3, -_wf_y),
      LEAST(3, (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) - 1
      ) - _wf_y) + 1
    )
  ) AS _wf__wf_dy_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_getisordspacetime_1_neighbours AS (
  SELECT
    "INDEX",
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITOR(
                                                            BITOR(
                                                              BITOR(
                                                                BITOR(
                                                                  BITOR(
                                                                    BITOR(
                                                                      BITOR(
                                                                        BITOR(
                                                                          BITOR(
                                                                            BITOR(
                                                                              BITOR(
                                                                                BITOR(
                                                                                  BITOR(
                                                                                    BITOR(
                                                                                      BITOR(
                                                                                        BITOR(
                                                                                          BITOR(
                                                                                            BITOR(
                                                                                              BITOR(
                                                                                                BITOR(
                                                                                                  BITOR(
                                                                                                    BITOR(
                                                                                                      BITOR(
                                                                                                        BITOR(
                                                                                                          BITOR(
                                                                                                            BITOR(
                                                                                                              BITOR(5188146770730811392, (
                                                                                                                BITSHIFTLEFT(_wf_z, 52)
                                                                                                              )),
                                                                                                              (
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              )
                                                                                                            ),
                                                                                                            (
                                                                                                              BITSHIFTLEFT((
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              ), 1)
                                                                                                            )
                                                                                                          ),
                                                                                                          (
                                                                                                            BITSHIFTLEFT((
                                                                                                              BITAND((
                                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                              ), 2)
                                                                                                            ), 1)
                                                                                                          )
                                                                                                        ),
                                                                                                        (
                                                                                                          BITSHIFTLEFT((
                                                                                                            BITAND((
                                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                            ), 2)
                                                                                                          ), 2)
                                                                                                        )
                                                                                                      ),
                                                                                                      (
                                                                                                        BITSHIFTLEFT((
                                                                                                          BITAND((
                                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                          ), 4)
                                                                                                        ), 2)
                                                                                                      )
                                                                                                    ),
                                                                                                    (
                                                                                                      BITSHIFTLEFT((
                                                                                                        BITAND((
                                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                        ), 4)
                                                                                                      ), 3)
                                                                                                    )
                                                                                                  ),
                                                                                                  (
                                                                                                    BITSHIFTLEFT((
                                                                                                      BITAND((
                                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                      ), 8)
                                                                                                    ), 3)
                                                                                                  )
                                                                                                ),
                                                                                                (
                                                                                                  BITSHIFTLEFT((
                                                                                                    BITAND((
                                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                    ), 8)
                                                                                                  ), 4)
                                                                                                )
                                                                                              ),
                                                                                              (
                                                                                                BITSHIFTLEFT((
                                                                                                  BITAND((
                                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                  ), 16)
                                                                                                ), 4)
                                                                                              )
                                                                                            ),
                                                                                            (
                                                                                              BITSHIFTLEFT((
                                                                                                BITAND((
                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                ), 16)
                                                                                              ), 5)
                                                                                            )
                                                                                          ),
                                                                                          (
                                                                                            BITSHIFTLEFT((
                                                                                              BITAND((
                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                              ), 32)
                                                                                            ), 5)
                                                                                          )
                                                                                        ),
                                                                                        (
                                                                                          BITSHIFTLEFT((
                                                                                            BITAND((
                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                            ), 32)
                                                                                          ), 6)
                                                                                        )
                                                                                      ),
                                                                                      (
                                                                                        BITSHIFTLEFT((
                                                                                          BITAND((
                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                          ), 64)
                                                                                        ), 6)
                                                                                      )
                                                                                    ),
                                                                                    (
                                                                                      BITSHIFTLEFT((
                                                                                        BITAND((
                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                        ), 64)
                                                                                      ), 7)
                                                                                    )
                                                                                  ),
                                                                                  (
                                                                                    BITSHIFTLEFT((
                                                                                      BITAND((
                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                      ), 128)
                                                                                    ), 7)
                                                                                  )
                                                                                ),
                                                                                (
                                                                                  BITSHIFTLEFT((
                                                                                    BITAND((
                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                    ), 128)
                                                                                  ), 8)
                                                                                )
                                                                              ),
                                                                              (
                                                                                BITSHIFTLEFT((
                                                                                  BITAND((
                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                  ), 256)
                                                                                ), 8)
                                                                              )
                                                                            ),
                                                                            (
                                                                              BITSHIFTLEFT((
                                                                                BITAND((
                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                ), 256)
                                                                              ), 9)
                                                                            )
                                                                          ),
                                                                          (
                                                                            BITSHIFTLEFT((
                                                                              BITAND((
                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                              ), 512)
                                                                            ), 9)
                                                                          )
                                                                        ),
                                                                        (
                                                                          BITSHIFTLEFT((
                                                                            BITAND((
                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                            ), 512)
                                                                          ), 10)
                                                                        )
                                                                      ),
                                                                      (
                                                                        BITSHIFTLEFT((
                                                                          BITAND((
                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                          ), 1024)
                                                                        ), 10)
                                                                      )
                                                                    ),
                                                                    (
                                                                      BITSHIFTLEFT((
                                                                        BITAND((
                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                        ), 1024)
                                                                      ), 11)
                                                                    )
                                                                  ),
                                                                  (
                                                                    BITSHIFTLEFT((
                                                                      BITAND((
                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                      ), 2048)
                                                                    ), 11)
                                                                  )
                                                                ),
                                                                (
                                                                  BITSHIFTLEFT((
                                                                    BITAND((
                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                    ), 2048)
                                                                  ), 12)
                                                                )
                                                              ),
                                                              (
                                                                BITSHIFTLEFT((
                                                                  BITAND((
                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                  ), 4096)
                                                                ), 12)
                                                              )
                                                            ),
                                                            (
                                                              BITSHIFTLEFT((
                                                                BITAND((
                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                ), 4096)
                                                              ), 13)
                                                            )
                                                          ),
                                                          (
                                                            BITSHIFTLEFT((
                                                              BITAND((
                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                              ), 8192)
                                                            ), 13)
                                                          )
                                                        ),
                                                        (
                                                          BITSHIFTLEFT((
                                                            BITAND((
                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                            ), 8192)
                                                          ), 14)
                                                        )
                                                      ),
                                                      (
                                                        BITSHIFTLEFT((
                                                          BITAND((
                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                          ), 16384)
                                                        ), 14)
                                                      )
                                                    ),
                                                    (
                                                      BITSHIFTLEFT((
                                                        BITAND((
                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                        ), 16384)
                                                      ), 15)
                                                    )
                                                  ),
                                                  (
                                                    BITSHIFTLEFT((
                                                      BITAND((
                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                      ), 32768)
                                                    ), 15)
                                                  )
                                                ),
                                                (
                                                  BITSHIFTLEFT((
                                                    BITAND((
                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                    ), 32768)
                                                  ), 16)
                                                )
                                              ),
                                              (
                                                BITSHIFTLEFT((
                                                  BITAND((
                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                  ), 65536)
                                                ), 16)
                                              )
                                            ),
                                            (
                                              BITSHIFTLEFT((
                                                BITAND((
                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                ), 65536)
                                              ), 17)
                                            )
                                          ),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND((
                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                              ), 131072)
                                            ), 17)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND((
                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                            ), 131072)
                                          ), 18)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND((
                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                          ), 262144)
                                        ), 18)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND((
                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                        ), 262144)
                                      ), 19)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND((
                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                      ), 524288)
                                    ), 19)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND((
                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                    ), 524288)
                                  ), 20)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND((
                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                  ), 1048576)
                                ), 20)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND((
                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                ), 1048576)
                              ), 21)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND((
                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                              ), 2097152)
                            ), 21)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND((
                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                            ), 2097152)
                          ), 22)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND((
                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                          ), 4194304)
                        ), 22)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND((
                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                        ), 4194304)
                      ), 23)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND((
                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                      ), 8388608)
                    ), 23)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND((
                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                    ), 8388608)
                  ), 24)
                )
              ),
              (
                BITSHIFTLEFT(
                  (
                    BITAND((
                      BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                    ), 16777216)
                  ),
                  24
                )
              )
            ),
            (
              BITSHIFTLEFT(
                (
                  BITAND((
                    BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                  ), 16777216)
                ),
                25
              )
            )
          ),
          (
            BITSHIFTLEFT(
              (
                BITAND((
                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                ), 33554432)
              ),
              25
            )
          )
        ),
        (
          BITSHIFTLEFT(
            (
              BITAND((
                BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
              ), 33554432)
            ),
            26
          )
        )
      ),
      (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(52 - 2 * _wf_z AS INT))
        ) - 1
      )
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_getisordspacetime_1_ring
), native_getisordspacetime_1_reach AS (
  SELECT
    a.index,
    a.step,
    r.kring_index,
    1.0 AS space_weight
  FROM native_getisordspacetime_1_series AS a
  INNER JOIN native_getisordspacetime_1_neighbours AS r
    ON r.index = a.index
), native_getisordspacetime_1_weighted AS (
  SELECT
    a.index AS "INDEX",
    a.step AS step,
    SUM((
      a.space_weight * (
        1.0
      )
    ) * b.value) AS swx,
    SUM(a.space_weight * (
      1.0
    )) AS sw,
    SUM((
      a.space_weight * (
        1.0
      )
    ) * (
      a.space_weight * (
        1.0
      )
    )) AS sww
  FROM native_getisordspacetime_1_reach AS a
  INNER JOIN native_getisordspacetime_1_series AS b
    ON b.index = a.kring_index AND ABS(b.step - a.step) <= 3
  GROUP BY
    a.index,
    a.step
), native_getisordspacetime_1_dates AS (
  SELECT
    step,
    CAST(TO_TIMESTAMP(
      LPAD(CAST(CAST(FLOOR((
        step
      ) / 12) AS BIGINT) AS VARCHAR), 4, '0') || '-' || LPAD(
        CAST(CAST(step - 12 * (
          FLOOR((
            step
          ) / 12)
        ) + 1 AS BIGINT) AS VARCHAR),
        2,
        '0'
      ) || '-' || LPAD(CAST(CAST(1 AS BIGINT) AS VARCHAR), 2, '0') || ' ' || LPAD(CAST(CAST(0 AS BIGINT) AS VARCHAR), 2, '0') || ':' || LPAD(CAST(CAST(0 AS BIGINT) AS VARCHAR), 2, '0') || ':' || LPAD(CAST(CAST(0 AS BIGINT) AS VARCHAR), 2, '0'),
      'yyyy-mm-DD hh24:mi:ss'
    ) AS TIMESTAMPNTZ) AS "DATE"
  FROM (
    SELECT DISTINCT
      step
    FROM native_getisordspacetime_1_series
  ) AS _wf_steps
), native_getisordspacetime_1_scored AS (
  SELECT
    w.index,
    d.date,
    (
      w.swx - s.mean * w.sw
    ) / NULLIF(
      s.sd * SQRT(GREATEST((
        s.n * w.sww - w.sw * w.sw
      ) / NULLIF(s.n - 1, 0), 0.0)),
      0
    ) AS gi
  FROM native_getisordspacetime_1_weighted AS w
  INNER JOIN native_getisordspacetime_1_dates AS d
    ON d.step = w.step
  CROSS JOIN native_getisordspacetime_1_stats AS s
), native_getisordspacetime_1 AS (
  SELECT
    native_getisordspacetime_1_scored.*,
    1.0 / (
      1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
    ) * (
      0.254829592 + 1.0 / (
        1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
      ) * (
        -0.284496736 + 1.0 / (
          1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
        ) * (
          1.421413741 + 1.0 / (
            1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
          ) * (
            -1.453152027 + 1.0 / (
              1.0 + 0.3275911 * ABS(gi) * 0.7071067811865475
            ) * (
              1.061405429
            )
          )
        )
      )
    ) * EXP(-ABS(gi) * 0.7071067811865475 * ABS(gi) * 0.7071067811865475) AS p_value
  FROM native_getisordspacetime_1_scored
)
SELECT
  *
FROM native_getisordspacetime_1;

-- case spacetimehotspots_mk
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spacetimehotspotsclassi_1_series AS (
  SELECT
    h3 AS cell,
    CAST(gi AS DOUBLE) AS x,
    CAST(p_value AS DOUBLE) AS p,
    ROW_NUMBER() OVER (PARTITION BY h3 ORDER BY week, CAST(gi AS DOUBLE)) AS t,
    RANK() OVER (PARTITION BY h3 ORDER BY CAST(gi AS DOUBLE)) AS rank_up,
    RANK() OVER (PARTITION BY h3 ORDER BY CAST(gi AS DOUBLE) DESC NULLS LAST) AS rank_down,
    COUNT(*) OVER (PARTITION BY h3) AS steps
  FROM analytics.series
  WHERE
    NOT h3 IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell,
    CAST(COUNT(*) AS DOUBLE) AS n,
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
    m.cell,
    m.n,
    m.hot,
    m.last_hot,
    m.last_not_hot,
    m.cold,
    m.last_cold,
    m.last_not_cold,
    k.s AS s,
    COALESCE(k.s, 0) / NULLIF((
      m.n * (
        m.n - 1
      )
    ) / 2, 0) AS tau,
    (
      m.n * (
        m.n - 1
      ) * (
        2 * m.n + 5
      ) - m.tie_term
    ) / 18 AS var_s
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
    tau,
    tau_p
  FROM (
    SELECT
      _wf_tested.*,
      1.0 / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        0.254829592 + 1.0 / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          -0.284496736 + 1.0 / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            1.421413741 + 1.0 / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              -1.453152027 + 1.0 / (
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
          THEN (
            s - 1
          ) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN COALESCE(s, 0) < 0
          THEN (
            s + 1
          ) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN NOT var_s IS NULL
          THEN 0
        END AS z
      FROM native_spacetimehotspotsclassi_1_trend
    ) AS _wf_tested
  ) AS _wf_trend
)
SELECT
  *
FROM native_spacetimehotspotsclassi_1;

-- case spacetimehotspots_mmk
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_spacetimehotspotsclassi_1_series AS (
  SELECT
    quadbin AS cell,
    CAST(gi AS DOUBLE) AS x,
    CAST(p_value AS DOUBLE) AS p,
    ROW_NUMBER() OVER (PARTITION BY quadbin ORDER BY week, CAST(gi AS DOUBLE)) AS t,
    RANK() OVER (PARTITION BY quadbin ORDER BY CAST(gi AS DOUBLE)) AS rank_up,
    RANK() OVER (PARTITION BY quadbin ORDER BY CAST(gi AS DOUBLE) DESC NULLS LAST) AS rank_down,
    COUNT(*) OVER (PARTITION BY quadbin) AS steps
  FROM analytics.series
  WHERE
    NOT quadbin IS NULL AND NOT week IS NULL AND NOT gi IS NULL AND NOT p_value IS NULL
), native_spacetimehotspotsclassi_1_summary AS (
  SELECT
    cell,
    CAST(COUNT(*) AS DOUBLE) AS n,
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
    (
      b.x - a.x
    ) / (
      b.t - a.t
    ) AS slope,
    ROW_NUMBER() OVER (PARTITION BY a.cell ORDER BY (
      b.x - a.x
    ) / (
      b.t - a.t
    )) AS k,
    COUNT(*) OVER (PARTITION BY a.cell) AS pairs
  FROM native_spacetimehotspotsclassi_1_series AS a
  INNER JOIN native_spacetimehotspotsclassi_1_series AS b
    ON b.cell = a.cell AND a.t < b.t
), native_spacetimehotspotsclassi_1_sen AS (
  SELECT
    cell,
    AVG(slope) AS slope
  FROM native_spacetimehotspotsclassi_1_slopes
  WHERE
    k = FLOOR((
      pairs + 1
    ) / 2) OR k = FLOOR((
      pairs
    ) / 2) + 1
  GROUP BY
    cell
), native_spacetimehotspotsclassi_1_ranks AS (
  SELECT
    r.cell AS cell,
    r.t AS t,
    (
      RANK() OVER (PARTITION BY r.cell ORDER BY r.x - r.t * e.slope) + r.steps + 1 - RANK() OVER (PARTITION BY r.cell ORDER BY r.x - r.t * e.slope DESC NULLS LAST)
    ) / 2.0 - (
      r.steps + 1
    ) / 2.0 AS y
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
        WHEN c.gap >= 1 AND ABS(c.acov / NULLIF(z.acov, 0)) > 1.6448536269514715 / SQRT(m.n)
        THEN (
          m.n - c.gap
        ) * (
          m.n - c.gap - 1
        ) * (
          m.n - c.gap - 2
        ) * c.acov / NULLIF(z.acov, 0)
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
    m.cell,
    m.n,
    m.hot,
    m.last_hot,
    m.last_not_hot,
    m.cold,
    m.last_cold,
    m.last_not_cold,
    k.s AS s,
    COALESCE(k.s, 0) / NULLIF((
      m.n * (
        m.n - 1
      )
    ) / 2, 0) AS tau,
    (
      (
        m.n * (
          m.n - 1
        ) * (
          2 * m.n + 5
        ) - m.tie_term
      ) / 18
    ) * (
      1 + 2.0 / NULLIF(m.n * (
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
    tau,
    tau_p
  FROM (
    SELECT
      _wf_tested.*,
      1.0 / (
        1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
      ) * (
        0.254829592 + 1.0 / (
          1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
        ) * (
          -0.284496736 + 1.0 / (
            1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
          ) * (
            1.421413741 + 1.0 / (
              1.0 + 0.3275911 * ABS(z) * 0.7071067811865475
            ) * (
              -1.453152027 + 1.0 / (
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
          THEN (
            s - 1
          ) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN COALESCE(s, 0) < 0
          THEN (
            s + 1
          ) / SQRT(CASE WHEN var_s > 0 THEN var_s END)
          WHEN NOT var_s IS NULL
          THEN 0
        END AS z
      FROM native_spacetimehotspotsclassi_1_trend
    ) AS _wf_tested
  ) AS _wf_trend
)
SELECT
  *
FROM native_spacetimehotspotsclassi_1;

-- case h3enrich
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3enrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS DOUBLE) AS _wf_v0,
    zone AS _wf_v1,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_h3enrich_1_shapes AS (
  SELECT
    h3 AS _wf_key,
    H3_CELL_TO_BOUNDARY(h3) AS _wf_geo
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL
  GROUP BY
    h3
), native_h3enrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_h3enrich_1_shapes AS s
  INNER JOIN native_h3enrich_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_h3enrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      _wf_part / _wf_whole
    )) AS zone_id_sum,
    SUM(_wf_v0 * _wf_part) / NULLIF(SUM(CASE WHEN NOT _wf_v0 IS NULL THEN _wf_part END), 0) AS zone_id_avg,
    MAX(_wf_v1) AS zone_max,
    COUNT(_wf_v0) AS zone_id_count
  FROM native_h3enrich_1_pairs
  GROUP BY
    _wf_key
), native_h3enrich_1 AS (
  SELECT
    t.*,
    e.zone_id_sum,
    e.zone_id_avg,
    e.zone_max,
    e.zone_id_count
  FROM analytics.cells AS t
  LEFT JOIN native_h3enrich_1_enriched AS e
    ON t.h3 = e._wf_key
)
SELECT
  *
FROM native_h3enrich_1;

-- case h3enrich_kring
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_h3enrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS DOUBLE) AS _wf_v0,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_h3enrich_1_shapes AS (
  SELECT
    h3 AS _wf_key,
    H3_CELL_TO_BOUNDARY(h3) AS _wf_geo
  FROM analytics.cells
  WHERE
    NOT h3 IS NULL
  GROUP BY
    h3
), native_h3enrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_h3enrich_1_shapes AS s
  INNER JOIN native_h3enrich_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_h3enrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      _wf_part / _wf_whole
    )) AS zone_id_sum,
    MIN(_wf_v0) AS zone_id_min
  FROM native_h3enrich_1_pairs
  GROUP BY
    _wf_key
), native_h3enrich_1_ring_cells AS (
  SELECT
    _wf_key AS "INDEX"
  FROM native_h3enrich_1_shapes
), native_h3enrich_1_neighbours AS (
  SELECT
    "INDEX",
    CAST(_wf_kring_index_rows.value AS VARCHAR) AS kring_index,
    H3_GRID_DISTANCE("INDEX", CAST(_wf_kring_index_rows.value AS VARCHAR)) AS distance
  FROM native_h3enrich_1_ring_cells, LATERAL FLATTEN(INPUT => H3_GRID_DISK("INDEX", 2)) AS _wf_kring_index_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_h3enrich_1_weights AS (
  SELECT
    "INDEX",
    kring_index,
    EXP(-CAST(distance AS DOUBLE)) AS _wf_w
  FROM native_h3enrich_1_neighbours
), native_h3enrich_1_smoothed AS (
  SELECT
    r.index AS _wf_key,
    SUM(r._wf_w * e.zone_id_sum) / NULLIF(SUM(CASE WHEN NOT e.zone_id_sum IS NULL THEN r._wf_w END), 0) AS zone_id_sum,
    SUM(r._wf_w * e.zone_id_min) / NULLIF(SUM(CASE WHEN NOT e.zone_id_min IS NULL THEN r._wf_w END), 0) AS zone_id_min
  FROM native_h3enrich_1_weights AS r
  INNER JOIN native_h3enrich_1_enriched AS e
    ON r.kring_index = e._wf_key
  GROUP BY
    r.index
), native_h3enrich_1 AS (
  SELECT
    t.*,
    e.zone_id_sum,
    e.zone_id_min
  FROM analytics.cells AS t
  LEFT JOIN native_h3enrich_1_smoothed AS e
    ON t.h3 = e._wf_key
)
SELECT
  *
FROM native_h3enrich_1;

-- case quadbinenrich
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinenrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS DOUBLE) AS _wf_v0,
    zone AS _wf_v1,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinenrich_1_tiles AS (
  SELECT
    quadbin AS _wf_key,
    BITAND((
      BITSHIFTRIGHT(quadbin, 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL
  GROUP BY
    quadbin
), native_quadbinenrich_1_shapes AS (
  SELECT
    _wf_key,
    ST_MAKEPOLYGON(
      ST_MAKELINE(
        ST_MAKELINE(
          ST_MAKELINE(
            ST_MAKELINE(
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
                114.59155902616465 * ATAN(
                  EXP(
                    3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, _wf_z)
                    )
                  )
                ) - 90.0
              ),
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
                114.59155902616465 * ATAN(
                  EXP(
                    3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, _wf_z)
                    )
                  )
                ) - 90.0
              )
            ),
            ST_MAKEPOINT(
              360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, _wf_z)
                ))
              ) - 90.0
            )
          ),
          ST_MAKEPOINT(
            360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, _wf_z)
              ))
            ) - 90.0
          )
        ),
        ST_MAKEPOINT(
          360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, _wf_z)
              )
            )
          ) - 90.0
        )
      )
    ) AS _wf_geo
  FROM native_quadbinenrich_1_tiles
), native_quadbinenrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_quadbinenrich_1_shapes AS s
  INNER JOIN native_quadbinenrich_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_quadbinenrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      _wf_part / _wf_whole
    )) AS zone_id_sum,
    SUM(_wf_v0 * _wf_part) / NULLIF(SUM(CASE WHEN NOT _wf_v0 IS NULL THEN _wf_part END), 0) AS zone_id_avg,
    MIN(_wf_v1) AS zone_min,
    COUNT(_wf_v0) AS zone_id_count
  FROM native_quadbinenrich_1_pairs
  GROUP BY
    _wf_key
), native_quadbinenrich_1 AS (
  SELECT
    t.*,
    e.zone_id_sum,
    e.zone_id_avg,
    e.zone_min,
    e.zone_id_count
  FROM analytics.cells AS t
  LEFT JOIN native_quadbinenrich_1_enriched AS e
    ON t.quadbin = e._wf_key
)
SELECT
  *
FROM native_quadbinenrich_1;

-- case quadbinenrich_kring
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_quadbinenrich_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS DOUBLE) AS _wf_v0,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_quadbinenrich_1_tiles AS (
  SELECT
    quadbin AS _wf_key,
    BITAND((
      BITSHIFTRIGHT(quadbin, 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND(quadbin, 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND(quadbin, 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND(quadbin, 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND(quadbin, 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND(quadbin, 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND(quadbin, 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND(quadbin, 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND(quadbin, 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND(quadbin, 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND(quadbin, 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND(quadbin, 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND(quadbin, 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND(quadbin, 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND(quadbin, 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND(quadbin, 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND(quadbin, 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND(quadbin, 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND(quadbin, 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND(quadbin, 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND(quadbin, 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND(quadbin, 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND(quadbin, 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND(quadbin, 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND(quadbin, 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND(quadbin, 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT(quadbin, 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM analytics.cells
  WHERE
    NOT quadbin IS NULL
  GROUP BY
    quadbin
), native_quadbinenrich_1_shapes AS (
  SELECT
    _wf_key,
    ST_MAKEPOLYGON(
      ST_MAKELINE(
        ST_MAKELINE(
          ST_MAKELINE(
            ST_MAKELINE(
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
                114.59155902616465 * ATAN(
                  EXP(
                    3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, _wf_z)
                    )
                  )
                ) - 90.0
              ),
              ST_MAKEPOINT(
                360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
                114.59155902616465 * ATAN(
                  EXP(
                    3.141592653589793 * (
                      1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, _wf_z)
                    )
                  )
                ) - 90.0
              )
            ),
            ST_MAKEPOINT(
              360.0 * CAST(_wf_x + 1 AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
              114.59155902616465 * ATAN(
                EXP(3.141592653589793 * (
                  1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, _wf_z)
                ))
              ) - 90.0
            )
          ),
          ST_MAKEPOINT(
            360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
            114.59155902616465 * ATAN(
              EXP(3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y AS DOUBLE) / POWER(2.0, _wf_z)
              ))
            ) - 90.0
          )
        ),
        ST_MAKEPOINT(
          360.0 * CAST(_wf_x AS DOUBLE) / POWER(2.0, _wf_z) - 180.0,
          114.59155902616465 * ATAN(
            EXP(
              3.141592653589793 * (
                1 - 2.0 * CAST(_wf_y + 1 AS DOUBLE) / POWER(2.0, _wf_z)
              )
            )
          ) - 90.0
        )
      )
    ) AS _wf_geo
  FROM native_quadbinenrich_1_tiles
), native_quadbinenrich_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_quadbinenrich_1_shapes AS s
  INNER JOIN native_quadbinenrich_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_quadbinenrich_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * _wf_part) / NULLIF(SUM(CASE WHEN NOT _wf_v0 IS NULL THEN _wf_part END), 0) AS zone_id_avg
  FROM native_quadbinenrich_1_pairs
  GROUP BY
    _wf_key
), native_quadbinenrich_1_ring_cells AS (
  SELECT
    _wf_key AS "INDEX"
  FROM native_quadbinenrich_1_tiles
), native_quadbinenrich_1_tile AS (
  SELECT
    "INDEX",
    BITAND((
      BITSHIFTRIGHT("INDEX", 52)
    ), 31) AS _wf_z,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 1)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 2)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 3)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 4)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 5)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 6)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 7)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 8)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 9)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 10)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 11)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 12)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 13)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 14)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 15)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 16)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 17)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 18)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 19)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 20)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 21)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 22)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 23)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 24)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 25)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_x,
    BITSHIFTRIGHT(
      (
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 1)
                                                          ), 1),
                                                          (
                                                            BITAND((
                                                              BITSHIFTRIGHT((
                                                                BITAND("INDEX", 4503599627370495)
                                                              ), 2)
                                                            ), 2)
                                                          )
                                                        ),
                                                        (
                                                          BITAND((
                                                            BITSHIFTRIGHT((
                                                              BITAND("INDEX", 4503599627370495)
                                                            ), 3)
                                                          ), 4)
                                                        )
                                                      ),
                                                      (
                                                        BITAND((
                                                          BITSHIFTRIGHT((
                                                            BITAND("INDEX", 4503599627370495)
                                                          ), 4)
                                                        ), 8)
                                                      )
                                                    ),
                                                    (
                                                      BITAND((
                                                        BITSHIFTRIGHT((
                                                          BITAND("INDEX", 4503599627370495)
                                                        ), 5)
                                                      ), 16)
                                                    )
                                                  ),
                                                  (
                                                    BITAND((
                                                      BITSHIFTRIGHT((
                                                        BITAND("INDEX", 4503599627370495)
                                                      ), 6)
                                                    ), 32)
                                                  )
                                                ),
                                                (
                                                  BITAND((
                                                    BITSHIFTRIGHT((
                                                      BITAND("INDEX", 4503599627370495)
                                                    ), 7)
                                                  ), 64)
                                                )
                                              ),
                                              (
                                                BITAND((
                                                  BITSHIFTRIGHT((
                                                    BITAND("INDEX", 4503599627370495)
                                                  ), 8)
                                                ), 128)
                                              )
                                            ),
                                            (
                                              BITAND((
                                                BITSHIFTRIGHT((
                                                  BITAND("INDEX", 4503599627370495)
                                                ), 9)
                                              ), 256)
                                            )
                                          ),
                                          (
                                            BITAND((
                                              BITSHIFTRIGHT((
                                                BITAND("INDEX", 4503599627370495)
                                              ), 10)
                                            ), 512)
                                          )
                                        ),
                                        (
                                          BITAND((
                                            BITSHIFTRIGHT((
                                              BITAND("INDEX", 4503599627370495)
                                            ), 11)
                                          ), 1024)
                                        )
                                      ),
                                      (
                                        BITAND((
                                          BITSHIFTRIGHT((
                                            BITAND("INDEX", 4503599627370495)
                                          ), 12)
                                        ), 2048)
                                      )
                                    ),
                                    (
                                      BITAND((
                                        BITSHIFTRIGHT((
                                          BITAND("INDEX", 4503599627370495)
                                        ), 13)
                                      ), 4096)
                                    )
                                  ),
                                  (
                                    BITAND((
                                      BITSHIFTRIGHT((
                                        BITAND("INDEX", 4503599627370495)
                                      ), 14)
                                    ), 8192)
                                  )
                                ),
                                (
                                  BITAND((
                                    BITSHIFTRIGHT((
                                      BITAND("INDEX", 4503599627370495)
                                    ), 15)
                                  ), 16384)
                                )
                              ),
                              (
                                BITAND((
                                  BITSHIFTRIGHT((
                                    BITAND("INDEX", 4503599627370495)
                                  ), 16)
                                ), 32768)
                              )
                            ),
                            (
                              BITAND((
                                BITSHIFTRIGHT((
                                  BITAND("INDEX", 4503599627370495)
                                ), 17)
                              ), 65536)
                            )
                          ),
                          (
                            BITAND((
                              BITSHIFTRIGHT((
                                BITAND("INDEX", 4503599627370495)
                              ), 18)
                            ), 131072)
                          )
                        ),
                        (
                          BITAND((
                            BITSHIFTRIGHT((
                              BITAND("INDEX", 4503599627370495)
                            ), 19)
                          ), 262144)
                        )
                      ),
                      (
                        BITAND((
                          BITSHIFTRIGHT((
                            BITAND("INDEX", 4503599627370495)
                          ), 20)
                        ), 524288)
                      )
                    ),
                    (
                      BITAND((
                        BITSHIFTRIGHT((
                          BITAND("INDEX", 4503599627370495)
                        ), 21)
                      ), 1048576)
                    )
                  ),
                  (
                    BITAND((
                      BITSHIFTRIGHT((
                        BITAND("INDEX", 4503599627370495)
                      ), 22)
                    ), 2097152)
                  )
                ),
                (
                  BITAND((
                    BITSHIFTRIGHT((
                      BITAND("INDEX", 4503599627370495)
                    ), 23)
                  ), 4194304)
                )
              ),
              (
                BITAND((
                  BITSHIFTRIGHT((
                    BITAND("INDEX", 4503599627370495)
                  ), 24)
                ), 8388608)
              )
            ),
            (
              BITAND((
                BITSHIFTRIGHT((
                  BITAND("INDEX", 4503599627370495)
                ), 25)
              ), 16777216)
            )
          ),
          (
            BITAND((
              BITSHIFTRIGHT((
                BITAND("INDEX", 4503599627370495)
              ), 26)
            ), 33554432)
          )
        )
      ),
      CAST(26 - (
        BITAND((
          BITSHIFTRIGHT("INDEX", 52)
        ), 31)
      ) AS INT)
    ) AS _wf_y
  FROM native_quadbinenrich_1_ring_cells
), native_quadbinenrich_1_ring AS (
  SELECT
    native_quadbinenrich_1_tile.*,
    CAST(_wf__wf_dx_rows.value AS BIGINT) AS _wf_dx,
    CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_dy,
    (
      _wf_x + CAST(_wf__wf_dx_rows.value AS BIGINT) + (
        BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
      )
    ) % (
      BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
    ) AS _wf_kx,
    _wf_y + CAST(_wf__wf_dy_rows.value AS BIGINT) AS _wf_ky
  FROM native_quadbinenrich_1_tile, LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      -LEAST(
        1,
        CAST(TRUNC((
          (
            BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
          ) - 1
        ) / 2) AS BIGINT)
      ),
      LEAST(
        1,
        CAST(TRUNC((
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) / 2) AS BIGINT)
      ) + 1
    )
  ) AS _wf__wf_dx_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS), LATERAL FLATTEN(
    INPUT => ARRAY_GENERATE_RANGE(
      GREATEST(-1, -_wf_y),
      LEAST(1, (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(_wf_z AS INT))
        ) - 1
      ) - _wf_y) + 1
    )
  ) AS _wf__wf_dy_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)
), native_quadbinenrich_1_neighbours AS (
  SELECT
    "INDEX",
    BITOR(
      BITOR(
        BITOR(
          BITOR(
            BITOR(
              BITOR(
                BITOR(
                  BITOR(
                    BITOR(
                      BITOR(
                        BITOR(
                          BITOR(
                            BITOR(
                              BITOR(
                                BITOR(
                                  BITOR(
                                    BITOR(
                                      BITOR(
                                        BITOR(
                                          BITOR(
                                            BITOR(
                                              BITOR(
                                                BITOR(
                                                  BITOR(
                                                    BITOR(
                                                      BITOR(
                                                        BITOR(
                                                          BITOR(
                                                            BITOR(
                                                              BITOR(
                                                                BITOR(
                                                                  BITOR(
                                                                    BITOR(
                                                                      BITOR(
                                                                        BITOR(
                                                                          BITOR(
                                                                            BITOR(
                                                                              BITOR(
                                                                                BITOR(
                                                                                  BITOR(
                                                                                    BITOR(
                                                                                      BITOR(
                                                                                        BITOR(
                                                                                          BITOR(
                                                                                            BITOR(
                                                                                              BITOR(
                                                                                                BITOR(
                                                                                                  BITOR(
                                                                                                    BITOR(
                                                                                                      BITOR(
                                                                                                        BITOR(
                                                                                                          BITOR(
                                                                                                            BITOR(
                                                                                                              BITOR(5188146770730811392, (
                                                                                                                BITSHIFTLEFT(_wf_z, 52)
                                                                                                              )),
                                                                                                              (
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              )
                                                                                                            ),
                                                                                                            (
                                                                                                              BITSHIFTLEFT((
                                                                                                                BITAND((
                                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                                ), 1)
                                                                                                              ), 1)
                                                                                                            )
                                                                                                          ),
                                                                                                          (
                                                                                                            BITSHIFTLEFT((
                                                                                                              BITAND((
                                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                              ), 2)
                                                                                                            ), 1)
                                                                                                          )
                                                                                                        ),
                                                                                                        (
                                                                                                          BITSHIFTLEFT((
                                                                                                            BITAND((
                                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                            ), 2)
                                                                                                          ), 2)
                                                                                                        )
                                                                                                      ),
                                                                                                      (
                                                                                                        BITSHIFTLEFT((
                                                                                                          BITAND((
                                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                          ), 4)
                                                                                                        ), 2)
                                                                                                      )
                                                                                                    ),
                                                                                                    (
                                                                                                      BITSHIFTLEFT((
                                                                                                        BITAND((
                                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                        ), 4)
                                                                                                      ), 3)
                                                                                                    )
                                                                                                  ),
                                                                                                  (
                                                                                                    BITSHIFTLEFT((
                                                                                                      BITAND((
                                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                      ), 8)
                                                                                                    ), 3)
                                                                                                  )
                                                                                                ),
                                                                                                (
                                                                                                  BITSHIFTLEFT((
                                                                                                    BITAND((
                                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                    ), 8)
                                                                                                  ), 4)
                                                                                                )
                                                                                              ),
                                                                                              (
                                                                                                BITSHIFTLEFT((
                                                                                                  BITAND((
                                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                                  ), 16)
                                                                                                ), 4)
                                                                                              )
                                                                                            ),
                                                                                            (
                                                                                              BITSHIFTLEFT((
                                                                                                BITAND((
                                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                                ), 16)
                                                                                              ), 5)
                                                                                            )
                                                                                          ),
                                                                                          (
                                                                                            BITSHIFTLEFT((
                                                                                              BITAND((
                                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                              ), 32)
                                                                                            ), 5)
                                                                                          )
                                                                                        ),
                                                                                        (
                                                                                          BITSHIFTLEFT((
                                                                                            BITAND((
                                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                            ), 32)
                                                                                          ), 6)
                                                                                        )
                                                                                      ),
                                                                                      (
                                                                                        BITSHIFTLEFT((
                                                                                          BITAND((
                                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                          ), 64)
                                                                                        ), 6)
                                                                                      )
                                                                                    ),
                                                                                    (
                                                                                      BITSHIFTLEFT((
                                                                                        BITAND((
                                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                        ), 64)
                                                                                      ), 7)
                                                                                    )
                                                                                  ),
                                                                                  (
                                                                                    BITSHIFTLEFT((
                                                                                      BITAND((
                                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                      ), 128)
                                                                                    ), 7)
                                                                                  )
                                                                                ),
                                                                                (
                                                                                  BITSHIFTLEFT((
                                                                                    BITAND((
                                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                    ), 128)
                                                                                  ), 8)
                                                                                )
                                                                              ),
                                                                              (
                                                                                BITSHIFTLEFT((
                                                                                  BITAND((
                                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                                  ), 256)
                                                                                ), 8)
                                                                              )
                                                                            ),
                                                                            (
                                                                              BITSHIFTLEFT((
                                                                                BITAND((
                                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                                ), 256)
                                                                              ), 9)
                                                                            )
                                                                          ),
                                                                          (
                                                                            BITSHIFTLEFT((
                                                                              BITAND((
                                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                              ), 512)
                                                                            ), 9)
                                                                          )
                                                                        ),
                                                                        (
                                                                          BITSHIFTLEFT((
                                                                            BITAND((
                                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                            ), 512)
                                                                          ), 10)
                                                                        )
                                                                      ),
                                                                      (
                                                                        BITSHIFTLEFT((
                                                                          BITAND((
                                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                          ), 1024)
                                                                        ), 10)
                                                                      )
                                                                    ),
                                                                    (
                                                                      BITSHIFTLEFT((
                                                                        BITAND((
                                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                        ), 1024)
                                                                      ), 11)
                                                                    )
                                                                  ),
                                                                  (
                                                                    BITSHIFTLEFT((
                                                                      BITAND((
                                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                      ), 2048)
                                                                    ), 11)
                                                                  )
                                                                ),
                                                                (
                                                                  BITSHIFTLEFT((
                                                                    BITAND((
                                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                    ), 2048)
                                                                  ), 12)
                                                                )
                                                              ),
                                                              (
                                                                BITSHIFTLEFT((
                                                                  BITAND((
                                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                                  ), 4096)
                                                                ), 12)
                                                              )
                                                            ),
                                                            (
                                                              BITSHIFTLEFT((
                                                                BITAND((
                                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                                ), 4096)
                                                              ), 13)
                                                            )
                                                          ),
                                                          (
                                                            BITSHIFTLEFT((
                                                              BITAND((
                                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                              ), 8192)
                                                            ), 13)
                                                          )
                                                        ),
                                                        (
                                                          BITSHIFTLEFT((
                                                            BITAND((
                                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                            ), 8192)
                                                          ), 14)
                                                        )
                                                      ),
                                                      (
                                                        BITSHIFTLEFT((
                                                          BITAND((
                                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                          ), 16384)
                                                        ), 14)
                                                      )
                                                    ),
                                                    (
                                                      BITSHIFTLEFT((
                                                        BITAND((
                                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                        ), 16384)
                                                      ), 15)
                                                    )
                                                  ),
                                                  (
                                                    BITSHIFTLEFT((
                                                      BITAND((
                                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                      ), 32768)
                                                    ), 15)
                                                  )
                                                ),
                                                (
                                                  BITSHIFTLEFT((
                                                    BITAND((
                                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                    ), 32768)
                                                  ), 16)
                                                )
                                              ),
                                              (
                                                BITSHIFTLEFT((
                                                  BITAND((
                                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                                  ), 65536)
                                                ), 16)
                                              )
                                            ),
                                            (
                                              BITSHIFTLEFT((
                                                BITAND((
                                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                                ), 65536)
                                              ), 17)
                                            )
                                          ),
                                          (
                                            BITSHIFTLEFT((
                                              BITAND((
                                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                              ), 131072)
                                            ), 17)
                                          )
                                        ),
                                        (
                                          BITSHIFTLEFT((
                                            BITAND((
                                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                            ), 131072)
                                          ), 18)
                                        )
                                      ),
                                      (
                                        BITSHIFTLEFT((
                                          BITAND((
                                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                          ), 262144)
                                        ), 18)
                                      )
                                    ),
                                    (
                                      BITSHIFTLEFT((
                                        BITAND((
                                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                        ), 262144)
                                      ), 19)
                                    )
                                  ),
                                  (
                                    BITSHIFTLEFT((
                                      BITAND((
                                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                      ), 524288)
                                    ), 19)
                                  )
                                ),
                                (
                                  BITSHIFTLEFT((
                                    BITAND((
                                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                    ), 524288)
                                  ), 20)
                                )
                              ),
                              (
                                BITSHIFTLEFT((
                                  BITAND((
                                    BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                                  ), 1048576)
                                ), 20)
                              )
                            ),
                            (
                              BITSHIFTLEFT((
                                BITAND((
                                  BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                                ), 1048576)
                              ), 21)
                            )
                          ),
                          (
                            BITSHIFTLEFT((
                              BITAND((
                                BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                              ), 2097152)
                            ), 21)
                          )
                        ),
                        (
                          BITSHIFTLEFT((
                            BITAND((
                              BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                            ), 2097152)
                          ), 22)
                        )
                      ),
                      (
                        BITSHIFTLEFT((
                          BITAND((
                            BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                          ), 4194304)
                        ), 22)
                      )
                    ),
                    (
                      BITSHIFTLEFT((
                        BITAND((
                          BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                        ), 4194304)
                      ), 23)
                    )
                  ),
                  (
                    BITSHIFTLEFT((
                      BITAND((
                        BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                      ), 8388608)
                    ), 23)
                  )
                ),
                (
                  BITSHIFTLEFT((
                    BITAND((
                      BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                    ), 8388608)
                  ), 24)
                )
              ),
              (
                BITSHIFTLEFT(
                  (
                    BITAND((
                      BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                    ), 16777216)
                  ),
                  24
                )
              )
            ),
            (
              BITSHIFTLEFT(
                (
                  BITAND((
                    BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
                  ), 16777216)
                ),
                25
              )
            )
          ),
          (
            BITSHIFTLEFT(
              (
                BITAND((
                  BITSHIFTLEFT(_wf_kx, CAST(26 - _wf_z AS INT))
                ), 33554432)
              ),
              25
            )
          )
        ),
        (
          BITSHIFTLEFT(
            (
              BITAND((
                BITSHIFTLEFT(_wf_ky, CAST(26 - _wf_z AS INT))
              ), 33554432)
            ),
            26
          )
        )
      ),
      (
        (
          BITSHIFTLEFT(CAST(1 AS BIGINT), CAST(52 - 2 * _wf_z AS INT))
        ) - 1
      )
    ) AS kring_index,
    GREATEST(ABS(_wf_dx), ABS(_wf_dy)) AS distance
  FROM native_quadbinenrich_1_ring
), native_quadbinenrich_1_weights AS (
  SELECT
    "INDEX",
    kring_index,
    1.0 / (
      1.0 + CAST(distance AS DOUBLE)
    ) AS _wf_w
  FROM native_quadbinenrich_1_neighbours
), native_quadbinenrich_1_smoothed AS (
  SELECT
    r.index AS _wf_key,
    SUM(r._wf_w * e.zone_id_avg) / NULLIF(SUM(CASE WHEN NOT e.zone_id_avg IS NULL THEN r._wf_w END), 0) AS zone_id_avg
  FROM native_quadbinenrich_1_weights AS r
  INNER JOIN native_quadbinenrich_1_enriched AS e
    ON r.kring_index = e._wf_key
  GROUP BY
    r.index
), native_quadbinenrich_1 AS (
  SELECT
    t.*,
    e.zone_id_avg
  FROM analytics.cells AS t
  LEFT JOIN native_quadbinenrich_1_smoothed AS e
    ON t.quadbin = e._wf_key
)
SELECT
  *
FROM native_quadbinenrich_1;

-- case enrichpoints
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_enrichpoints_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(zone_id AS DOUBLE) AS _wf_v0,
    zone AS _wf_v1
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
), native_enrichpoints_1_shapes AS (
  SELECT
    geom AS _wf_key,
    geom AS _wf_geo
  FROM analytics.people
  WHERE
    NOT geom IS NULL
  GROUP BY
    geom
), native_enrichpoints_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1
  FROM native_enrichpoints_1_shapes AS s
  INNER JOIN native_enrichpoints_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_enrichpoints_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0) AS zone_id_sum,
    AVG(_wf_v0) AS zone_id_avg,
    MAX(_wf_v1) AS zone_max,
    COUNT(_wf_v0) AS zone_id_count
  FROM native_enrichpoints_1_pairs
  GROUP BY
    _wf_key
), native_enrichpoints_1 AS (
  SELECT
    t.*,
    e.zone_id_sum,
    e.zone_id_avg,
    e.zone_max,
    e.zone_id_count
  FROM analytics.people AS t
  LEFT JOIN native_enrichpoints_1_enriched AS e
    ON t.geom = e._wf_key
)
SELECT
  *
FROM native_enrichpoints_1;

-- case enrichpolygons
-- stage save_o
CREATE OR REPLACE TABLE analytics.o AS
WITH native_enrichpolygons_1_features AS (
  SELECT
    geom AS _wf_geo,
    CAST(score AS DOUBLE) AS _wf_v0,
    CAST(age AS DOUBLE) AS _wf_v1,
    name AS _wf_v2,
    id AS _wf_v3,
    ST_AREA(geom) AS _wf_area,
    ST_LENGTH(geom) AS _wf_length
  FROM analytics.people
  WHERE
    NOT geom IS NULL
), native_enrichpolygons_1_shapes AS (
  SELECT
    geom AS _wf_key,
    geom AS _wf_geo
  FROM analytics.zones
  WHERE
    NOT geom IS NULL
  GROUP BY
    geom
), native_enrichpolygons_1_pairs AS (
  SELECT
    s._wf_key,
    f._wf_v0,
    f._wf_v1,
    f._wf_v2,
    f._wf_v3,
    CASE
      WHEN f._wf_area > 0
      THEN ST_AREA(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      WHEN f._wf_length > 0
      THEN ST_LENGTH(ST_INTERSECTION(s._wf_geo, f._wf_geo))
      ELSE 1.0
    END AS _wf_part,
    CASE
      WHEN f._wf_area > 0
      THEN f._wf_area
      WHEN f._wf_length > 0
      THEN f._wf_length
      ELSE 1.0
    END AS _wf_whole
  FROM native_enrichpolygons_1_shapes AS s
  INNER JOIN native_enrichpolygons_1_features AS f
    ON ST_INTERSECTS(s._wf_geo, f._wf_geo)
), native_enrichpolygons_1_enriched AS (
  SELECT
    _wf_key,
    SUM(_wf_v0 * (
      _wf_part / _wf_whole
    )) AS score_sum,
    SUM(_wf_v1 * _wf_part) / NULLIF(SUM(CASE WHEN NOT _wf_v1 IS NULL THEN _wf_part END), 0) AS age_avg,
    MIN(_wf_v2) AS name_min,
    COUNT(_wf_v3) AS id_count
  FROM native_enrichpolygons_1_pairs
  GROUP BY
    _wf_key
), native_enrichpolygons_1 AS (
  SELECT
    t.*,
    e.score_sum,
    e.age_avg,
    e.name_min,
    e.id_count
  FROM analytics.zones AS t
  LEFT JOIN native_enrichpolygons_1_enriched AS e
    ON t.geom = e._wf_key
)
SELECT
  *
FROM native_enrichpolygons_1;
