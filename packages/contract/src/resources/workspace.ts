import { createRoute, z } from '@hono/zod-openapi';
import {
  IdempotencyHeader,
  idSchema,
  OriginSchema,
  plainString,
  Timestamp,
  text,
  UpdateHeaders,
  Version,
} from '../common.js';
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
    allowedOrigins: z
      .array(OriginSchema)
      .max(50)
      .openapi({
        description: 'Origins from which publishable keys and session tokens may be used (up to 50).',
        example: ['https://shop.example.com'],
      }),
    createdAt: Timestamp,
    version: Version,
  })
  .openapi('Workspace', {
    description: 'The tenant: every other resource belongs to exactly one workspace.',
  });

export const UpdateWorkspace = z
  .object({ name: Workspace.shape.name, allowedOrigins: Workspace.shape.allowedOrigins })
  .partial()
  .strict()
  .openapi('UpdateWorkspace', {
    description: 'The fields to change; others are kept. `allowedOrigins` replaces the whole list.',
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
  .strict()
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
    subject: plainString().max(200).optional().openapi({
      description: "Your app's id for the signed-in user, for audit; stored as sent.",
      example: 'user-42',
    }),
  })
  .strict()
  .openapi('CreateSession');

export const SessionRecord = z
  .object({
    id: idSchema('session'),
    keyId: idSchema('key')
      .nullable()
      .openapi({ description: 'The secret key that minted it; revoking that key ends the session.' }),
    scopes: z.array(SessionScope).openapi({ description: 'What the token may do.' }),
    subject: z
      .string()
      .nullable()
      .openapi({ description: 'What you sent as `subject`.', example: 'user-42' }),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    revokedAt: Timestamp.nullable().openapi({
      description: 'When it was ended, by `DELETE /v1/sessions/{id}` or by revoking its key.',
    }),
  })
  .openapi('SessionRecord', {
    description: 'A session as lists and revocation show it: by its id, never by its token.',
  });

export const Session = z
  .object({
    id: idSchema('session').openapi({
      description: 'Lists and `DELETE /v1/sessions/{id}` use this, not the token.',
    }),
    token: z.string().openapi({
      description:
        'Send as `Authorization: Bearer <token>` from the browser. Shown only in this answer: the API keeps only its hash.',
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
  responses: { 200: json(Workspace, 'The workspace (with its version as `ETag`).'), ...problems(403) },
});

export const updateWorkspace = createRoute({
  method: 'patch',
  path: '/v1/workspace',
  tags,
  summary: 'Rename the workspace or change its allowed origins (secret key only)',
  description:
    'Needs `If-Match` with the version you read. `allowedOrigins` replaces the list: read, add your origin, send the whole list back.',
  security: bearer,
  request: { headers: UpdateHeaders, body: jsonBody(UpdateWorkspace, 'Fields to change.') },
  responses: { 200: json(Workspace, 'The updated workspace.'), ...problems(403, 412, 422, 428) },
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
  request: { headers: IdempotencyHeader, body: jsonBody(CreateApiKey, 'The key to create.') },
  responses: {
    201: json(CreatedApiKey, 'The new key; its token is shown only now.'),
    ...problems(403, 409, 422),
  },
});

export const revokeKey = createRoute({
  method: 'delete',
  path: '/v1/keys/{id}',
  tags,
  summary: 'Revoke an API key (secret key only)',
  security: bearer,
  description: 'Revoking a secret key also ends every session token it minted. Revoking twice is harmless.',
  request: { params: z.object({ id: idSchema('key') }), headers: IdempotencyHeader },
  responses: { 200: json(ApiKey, 'The revoked key.'), ...problems(403, 404, 422) },
});

export const createSession = createRoute({
  method: 'post',
  path: '/v1/sessions',
  tags,
  summary: 'Mint a session token for a browser (secret key only)',
  description:
    "Your backend calls this with its secret key for its signed-in user and hands the token to the browser; the SDK's `getToken()` refreshes it on 401.",
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateSession, 'Scopes and lifetime.') },
  responses: { 201: json(Session, 'The session token.'), ...problems(403, 409, 422) },
});

export const listSessions = createRoute({
  method: 'get',
  path: '/v1/sessions',
  tags,
  summary: 'Sessions that have not expired, newest first (secret key only)',
  security: bearer,
  responses: {
    200: json(
      z.object({ data: z.array(SessionRecord) }).openapi('SessionList'),
      'Live and ended sessions not yet expired.',
    ),
    ...problems(403),
  },
});

export const revokeSession = createRoute({
  method: 'delete',
  path: '/v1/sessions/{id}',
  tags,
  summary: 'End a session token (secret key only)',
  description: 'The token is refused from then on (401). Ending it twice is harmless.',
  security: bearer,
  request: { params: z.object({ id: idSchema('session') }), headers: IdempotencyHeader },
  responses: { 200: json(SessionRecord, 'The ended session.'), ...problems(403, 404, 422) },
});
