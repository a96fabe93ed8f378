import { html, raw } from 'hono/html';

interface Operation {
  summary?: string;
  description?: string;
  operationId?: string;
  tags?: string[];
  parameters?: { name: string; in: string; description?: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string }>;
}
interface Document {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>> | undefined;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:2rem;color:#1b1f24}
h2{margin-top:2.5rem;border-bottom:1px solid #d0d7de}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:4px}
.op{margin:1rem 0;padding:.75rem 1rem;border:1px solid #d0d7de;border-radius:8px}.m{font-weight:700;text-transform:uppercase;margin-right:.5rem}
.get{color:#0969da}.post{color:#1a7f37}.patch{color:#9a6700}.delete{color:#cf222e}ul{margin:.25rem 0}small{color:#57606a}`;

/** A readable API reference, rendered on the server from the same document: no script, no CDN. */
export function renderReference(document: Document) {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const sections = [...byTag].map(
    ([tag, ops]) => html`<h2 id="${tag}">${tag}</h2>
      ${ops.map(
        ({ method, path, op }) => html`<div class="op" id="${op.operationId ?? ''}">
          <div><span class="m ${method}">${method}</span><code>${path}</code> <small>${op.operationId ?? ''}</small></div>
          <div><strong>${op.summary ?? ''}</strong></div>
          ${op.description ? html`<p>${op.description}</p>` : ''}
          ${
            op.parameters?.length
              ? html`<ul>${op.parameters.map(
                  (p) =>
                    html`<li><code>${p.name}</code> <small>${p.in}${p.required ? ', required' : ''}</small> ${p.description ?? ''}</li>`,
                )}</ul>`
              : ''
          }
          ${
            op.requestBody
              ? html`<div>Body: <code>${
                  Object.values(op.requestBody.content ?? {})[0]
                    ?.schema?.$ref?.split('/')
                    .pop() ?? 'JSON'
                }</code></div>`
              : ''
          }
          <div>Responses: ${Object.entries(op.responses ?? {}).map(([code, r]) => html`<code title="${r.description ?? ''}">${code}</code> `)}</div>
        </div>`,
      )}`,
  );
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
    <title>${document.info.title}</title><style>${raw(STYLE)}</style></head><body>
    <h1>${document.info.title} <small>${document.info.version}</small></h1>
    <p>${document.info.description ?? ''}</p>
    <p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
    <nav>${[...byTag.keys()].map((tag) => html`<a href="#${tag}">${tag}</a> · `)}</nav>
    ${sections}</body></html>`;
}
