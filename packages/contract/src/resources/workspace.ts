import { createRoute, z } from '@hono/zod-openapi';
import { idSchema, Timestamp, text } from '../common.js';
import { KEY_KINDS, SESSION_SCOPES } from '../enums.js';
import { bearer, json, jsonBody, problems } from '../http.js';

const KeyKind = z.enum(KEY_KINDS).openapi('KeyKind', {
  description:
    '`secret` keys have full access and belong on servers; `publishable` keys may only call the public rating endpoints from allowed origins.',
});
const SessionScope = z
  .enum(SESSION_SCOPES)
  .openapi('SessionScope', { description: '`read` lets the token read; `write` lets it change data too.' });

export const Workspace = z
  .object({
    id: idSchema('workspace'),
    name: text(120, 'Display name of the workspace.', 'Acme Audio'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .openapi({ description: 'Currency of money metrics.', example: 'EUR' }),
    allowedOrigins: z.array(z.url()).openapi({
      description: 'Origins from which publishable keys and session tokens may be used.',
      example: ['https://shop.example.com'],
    }),
    createdAt: Timestamp,
  })
  .openapi('Workspace', {
    description: 'The tenant: every other resource belongs to exactly one workspace.',
  });

export const User = z
  .object({
    id: idSchema('user'),
    name: text(120, 'Full name.', 'Ana Lima'),
    email: z.email().openapi({ example: 'ana@acme.example' }),
  })
  .openapi('User', { description: 'A member of the workspace who can own contacts and deals.' });

export const ApiKey = z
  .object({
    id: idSchema('key'),
    kind: KeyKind,
    label: text(120, 'What the key is for.', 'Website rating widget'),
    hint: z
      .string()
      .openapi({ description: 'The last characters of the key, to recognise it.', example: '…f3k9' }),
    createdAt: Timestamp,
    revokedAt: Timestamp.nullable(),
  })
  .openapi('ApiKey');

export const CreatedApiKey = ApiKey.extend({
  token: z
    .string()
    .openapi({ description: 'The key itself, shown only once.', example: 'pk_live_5f2c9a1e7b3d4c6a8e0f' }),
}).openapi('CreatedApiKey');

export const CreateApiKey = z
  .object({
    kind: KeyKind,
    label: text(120, 'What the key is for.', 'Website rating widget'),
  })
  .openapi('CreateApiKey');

export const CreateSession = z
  .object({
    scopes: z
      .array(SessionScope)
      .min(1)
      .default(['read'])
      .openapi({ description: 'What the token may do.', example: ['read', 'write'] }),
    ttlSeconds: z
      .number()
      .int()
      .min(60)
      .max(86_400)
      .default(3600)
      .openapi({ description: 'Lifetime, 60 s to 24 h.', example: 3600 }),
    subject: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: "Your app's id for the signed-in user, for audit.", example: 'user-42' }),
  })
  .openapi('CreateSession');

export const Session = z
  .object({
    token: z.string().openapi({
      description: 'Send as `Authorization: Bearer <token>` from the browser.',
      example: 'st_9c1f0e2d3b4a5c6d7e8f',
    }),
    scopes: z.array(SessionScope).openapi({ description: 'What the token may do.' }),
    expiresAt: Timestamp,
  })
  .openapi('Session', { description: 'A short-lived token for a signed-in user of the embedding app.' });

const tags = ['Workspace'];

export const getWorkspace = createRoute({
  method: 'get',
  path: '/v1/workspace',
  tags,
  summary: "The key's workspace",
  security: bearer,
  responses: { 200: json(Workspace, 'The workspace.'), ...problems(403) },
});

export const listUsers = createRoute({
  method: 'get',
  path: '/v1/users',
  tags,
  summary: 'Members of the workspace',
  security: bearer,
  responses: {
    200: json(z.object({ data: z.array(User) }).openapi('UserList'), 'All users.'),
    ...problems(403),
  },
});

export const listKeys = createRoute({
  method: 'get',
  path: '/v1/keys',
  tags,
  summary: 'API keys (secret key only)',
  security: bearer,
  responses: {
    200: json(z.object({ data: z.array(ApiKey) }).openapi('ApiKeyList'), 'All keys.'),
    ...problems(403),
  },
});

export const createKey = createRoute({
  method: 'post',
  path: '/v1/keys',
  tags,
  summary: 'Create an API key (secret key only)',
  security: bearer,
  request: { body: jsonBody(CreateApiKey, 'The key to create.') },
  responses: { 201: json(CreatedApiKey, 'The new key; its token is shown only now.'), ...problems(403, 422) },
});

export const revokeKey = createRoute({
  method: 'delete',
  path: '/v1/keys/{id}',
  tags,
  summary: 'Revoke an API key (secret key only)',
  security: bearer,
  request: { params: z.object({ id: idSchema('key') }) },
  responses: { 200: json(ApiKey, 'The revoked key.'), ...problems(403, 404) },
});

export const createSession = createRoute({
  method: 'post',
  path: '/v1/sessions',
  tags,
  summary: 'Mint a session token for a browser (secret key only)',
  description:
    "Your backend calls this with its secret key for its signed-in user and hands the token to the browser; the SDK's `getToken()` refreshes it on 401.",
  security: bearer,
  request: { body: jsonBody(CreateSession, 'Scopes and lifetime.') },
  responses: { 201: json(Session, 'The session token.'), ...problems(403, 422) },
});
