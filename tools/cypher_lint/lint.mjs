#!/usr/bin/env node
// Lint Cypher queries with Neo4j's own linter (@neo4j-cypher/language-support),
// offline: no Neo4j server is needed.
//
// stdin : JSON array  [{"name": str, "query": str, "params": [str, ...]}, ...]
// stdout: JSON array  [{"name": str,
//                       "errors":   [{"message", "line", "column", "severity"}],
//                       "warnings": [{"message", "line", "column", "severity"}]}]
//
// line and column are 1-based (as in Neo4j's own error messages).
// Only diagnostics of severity "Error" go to "errors"; everything else
// (Warning, Information, Hint) goes to "warnings".
//
// Schema: the function and procedure signatures the package ships for a
// Neo4j 5 database (testData.mockSchema: built-ins plus APOC and GDS), for
// both Cypher versions the linter knows ('CYPHER 5' is the default; a query
// may opt into 'CYPHER 25' with a prefix). Labels, relationship types and
// property keys are deliberately NOT given, so no "not present in the
// database" warnings are raised for them. The declared parameter names are
// given as `parameters`; the linter reports any `$param` not declared there
// as the error "Parameter $name is not defined.".
//
// Exit codes: 0 on success (whatever was found), 2 on bad input.

import { readFileSync } from 'node:fs';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'Error', 2: 'Warning', 3: 'Information', 4: 'Hint' };

const shipped = testData.mockSchema;
const baseSchema = {
  functions: shipped.functions,
  procedures: shipped.procedures,
  defaultLanguage: 'CYPHER 5',
};

function fail(message) {
  process.stderr.write(`lint.mjs: ${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(2);
}

function toIssue(diagnostic) {
  return {
    message: diagnostic.message,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    severity: SEVERITY[diagnostic.severity] ?? 'Error',
  };
}

function lintOne(item) {
  const parameters = Object.fromEntries(
    item.params.map((name) => [name, null]),
  );
  const schema = { ...baseSchema, parameters };
  const errors = [];
  const warnings = [];
  try {
    const { diagnostics } = lintCypherQuery(item.query, schema, {
      consoleCommandsEnabled: false,
    });
    for (const diagnostic of diagnostics) {
      const issue = toIssue(diagnostic);
      (issue.severity === 'Error' ? errors : warnings).push(issue);
    }
  } catch (err) {
    errors.push({
      message: `Linter crashed: ${err?.message ?? String(err)}`,
      line: 1,
      column: 1,
      severity: 'Error',
    });
  }
  return { name: item.name, errors, warnings };
}

let input;
try {
  input = JSON.parse(readFileSync(0, 'utf8'));
} catch (err) {
  fail(`stdin is not valid JSON: ${err.message}`);
}
if (!Array.isArray(input)) fail('stdin must be a JSON array');
input.forEach((item, i) => {
  if (
    item === null ||
    typeof item !== 'object' ||
    typeof item.name !== 'string' ||
    typeof item.query !== 'string' ||
    !Array.isArray(item.params ?? []) ||
    !(item.params ?? []).every((p) => typeof p === 'string')
  ) {
    fail(`item ${i} must be {"name": str, "query": str, "params": [str]}`);
  }
});

const results = input.map((item) => lintOne({ ...item, params: item.params ?? [] }));
process.stdout.write(JSON.stringify(results) + '\n');
