import { readFile } from 'node:fs/promises';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { PROBLEM_TYPES } from '@chorus/contract';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

/**
 * `GET /demo/chorus-rating.js`: the rating widget's script-tag bundle, served by the demo API so the
 * two lines of the widget's README work before the package is on a CDN. Any page may load it (it is
 * a public script, like a CDN's copy); what it may do is still decided by the publishable key.
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
    return c.body(script, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-cache',
    });
  });
}
