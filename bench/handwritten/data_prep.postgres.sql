-- b. Data preparation, written by hand for PostgreSQL: adult customers who spend, scored by their
-- normalised yearly spend and tier, summed per region and tier. Only the columns the result needs.
DROP TABLE IF EXISTS bench.hand_data_prep;
CREATE TABLE bench.hand_data_prep AS
WITH spenders AS (
    SELECT customer_id, spend, district_id,
           spend / greatest(age - 17, 1) AS spend_per_year,
           CASE segment WHEN 'gold' THEN 3 WHEN 'silver' THEN 2 ELSE 1 END AS tier
    FROM bench.customers
    WHERE age >= 18 AND spend > 20 AND segment IS NOT NULL
), scored AS (
    SELECT customer_id, spend, district_id, tier,
           (spend_per_year - min(spend_per_year) OVER ())
             / nullif(max(spend_per_year) OVER () - min(spend_per_year) OVER (), 0) * tier AS score
    FROM spenders
)
SELECT d.region AS region_joined, s.tier, count(s.customer_id) AS customer_id_count, sum(s.spend) AS spend_sum,
       avg(s.score) AS score_avg
FROM scored AS s
JOIN bench.districts AS d USING (district_id)
WHERE s.score > 0.05
GROUP BY d.region, s.tier
ORDER BY spend_sum DESC;
