// name: top_agencies
// description: The busiest agencies by role (generic holders left out), for the overview chart.
MATCH (a:Agency)
WHERE a.tasks > 0 AND NOT a.generic
UNWIND [['lead', a.tasks_lead], ['responsible', a.tasks_responsible], ['support', a.tasks_support]] AS held
WITH a.name AS agency, held[0] AS role, held[1] AS tasks
WHERE tasks > 0
RETURN agency, role, tasks
ORDER BY tasks DESC
LIMIT 60
