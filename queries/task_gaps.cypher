// name: task_gaps
// description: Measures of a document that name no owner at all, or owners but no lead, counting what they inherit: an item without owners of its own is owned by the nearest item above it that names owners, and one without a lead of its own is led by the nearest item above it that names a lead (the plans' own convention); section headings with sub-items are left out (at most {row_cap} rows).
// param doc (document): a document's number (any brackets), words of its title, or its id. Example: 甘肃省
MATCH (m:Measure {doc_id: $doc})
WHERE NOT (m)-[:HAS_MEASURE]->(:Measure)
OPTIONAL MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m)
WITH m, count(a) AS own, count(CASE WHEN r.role = 'lead' THEN 1 END) AS own_leads
OPTIONAL MATCH (p:Measure)-[:HAS_MEASURE*1..6]->(m)
OPTIONAL MATCH (pa:Agency)-[pr:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(p)
WITH m, own, own_leads, p, count(pa) AS p_owners, count(CASE WHEN pr.role = 'lead' THEN 1 END) AS p_leads
ORDER BY p.start DESC
WITH m, own, own_leads,
     collect(CASE WHEN p_owners > 0 THEN [p.path, p_owners] END) AS owning,
     collect(CASE WHEN p_leads > 0 THEN [p.path, p_leads] END) AS leading
WITH m, own, own_leads,
     CASE WHEN own > 0 OR size(owning) = 0 THEN NULL ELSE owning[0] END AS owners_above,
     CASE WHEN own_leads > 0 OR size(leading) = 0 THEN NULL ELSE leading[0] END AS lead_above
WITH m, own + coalesce(owners_above[1], 0) AS owners, own_leads + coalesce(lead_above[1], 0) AS leads,
     owners_above, lead_above
WHERE owners = 0 OR leads = 0
RETURN CASE WHEN owners = 0 THEN 'no owner' ELSE 'no lead' END AS gap, m.path AS path, m.heading AS measure,
       owners, CASE WHEN owners_above IS NULL THEN NULL ELSE 'inherited from ' + owners_above[0] END AS owners_from,
       m.doc_label AS document, m.id AS measure_id
ORDER BY m.start
LIMIT $row_cap
