// name: docs_per_year
// description: Documents per year and level, for the overview chart.
MATCH (d:Document)
WHERE d.year IS NOT NULL
RETURN d.year AS year, d.level AS level, count(*) AS documents
ORDER BY year
