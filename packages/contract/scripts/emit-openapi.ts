// Writes openapi.json from the route objects. Run by `npm run build`; the drift test compares against it.
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../src/document.js';
import { serializeDocument } from '../src/serialize.js';

const target = new URL('../openapi.json', import.meta.url);
writeFileSync(target, serializeDocument(buildOpenApiDocument()));
console.log(`wrote ${target.pathname}`);
