import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { PROBLEM_TYPES } from '@chorus/contract';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

/**
 * `GET /demo/chorus-rating.js`: the rating widget's script-tag bundle, served by the demo API so the
 * two lines of the widget's README work before the package is on a CDN. Any page may load it (it is
 * a public script, like a CDN's copy); what it may do is still decided by the publishable key.
 * Beside it, its translation chunks (`chorus-rating.de-….js`), which it imports from its own URL
 * when a widget's locale asks for one, as it would from a CDN.
 */
export function mountDemoWidget(app: OpenAPIHono<AppEnv>, scriptPath: string): void {
  app.get('/demo/chorus-rating.js', async (c) => {
    const script = await readFile(scriptPath, 'utf8').catch(() => null);
    if (script === null) {
      return problemResponse(c, {
        type: PROBLEM_TYPES.notFound,
        title: 'Not found',
        status: 404,
        detail: `The rating widget is not built (${scriptPath}); \`npm start\` builds it, or run \`npm run build -w @chorus/rating-widget\`.`,
      });
    }
    return c.body(script, 200, SCRIPT_HEADERS);
  });
  // Only names the widget's build writes: letters, digits and dashes between `chorus-rating.` and `.js`.
  app.get('/demo/:chunk{chorus-rating\\.[A-Za-z0-9-]+\\.js}', async (c) => {
    const chunk = await readFile(join(dirname(scriptPath), c.req.param('chunk')), 'utf8').catch(() => null);
    if (chunk === null) {
      return problemResponse(c, {
        type: PROBLEM_TYPES.notFound,
        title: 'Not found',
        status: 404,
        detail: 'No such chunk of the rating widget.',
      });
    }
    return c.body(chunk, 200, SCRIPT_HEADERS);
  });
}

const SCRIPT_HEADERS = {
  'Content-Type': 'text/javascript; charset=utf-8',
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'no-cache',
};
