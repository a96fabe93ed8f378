import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/document.js';
import { METRIC_NAMES, METRICS } from '../src/metrics.js';
import { routes } from '../src/routes.js';
import { serializeDocument } from '../src/serialize.js';

const committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');

describe('the committed contract', () => {
  it('openapi.json is exactly what the route objects produce (run `npm run build` after a change)', () => {
    expect(committed).toBe(serializeDocument(buildOpenApiDocument()));
  });

  it('the generated path types are what openapi-typescript makes of openapi.json', async () => {
    const generated = readFileSync(new URL('../src/generated/openapi.ts', import.meta.url), 'utf8');
    const fresh = astToString(
      await openapiTS(JSON.parse(committed), {
        rootTypes: true,
        alphabetize: true,
        defaultNonNullable: false,
      }),
    );
    // The CLI adds a header comment; compare the body.
    expect(generated.replace(/^[\s\S]*?export/, 'export').trim()).toBe(
      fresh.replace(/^[\s\S]*?export/, 'export').trim(),
    );
  });

  it('lists every route once, with a summary and an operation id', () => {
    const document = JSON.parse(committed) as {
      paths: Record<string, Record<string, { summary?: string; operationId?: string }>>;
    };
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations).toHaveLength(Object.keys(routes).length);
    for (const operation of operations) {
      expect(operation.summary).toBeTruthy();
      expect(operation.operationId).toBeTruthy();
    }
  });

  it('describes every schema and every property with a description or example', () => {
    const document = JSON.parse(committed) as {
      components: { schemas: Record<string, { properties?: Record<string, object> }> };
    };
    const undescribed: string[] = [];
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      for (const [property, definition] of Object.entries(schema.properties ?? {})) {
        const text = JSON.stringify(definition);
        if (!/"(description|example|examples|\$ref)"/.test(text)) undescribed.push(`${name}.${property}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('gives every metric a written definition of some substance', () => {
    for (const name of METRIC_NAMES) expect(METRICS[name].definition.length).toBeGreaterThan(40);
  });
});
