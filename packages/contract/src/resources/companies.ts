import { createRoute, z } from '@hono/zod-openapi';
import {
  CursorParam,
  IdempotencyHeader,
  UpdateHeaders,
  idSchema,
  idsParam,
  LimitParam,
  Money,
  page,
  Timestamp,
  text,
  Version,
  plainString,
} from '../common.js';
import { bearer, json, jsonBody, problems } from '../http.js';

export const Company = z
  .object({
    id: idSchema('company'),
    name: text(160, 'Company name.', 'Northwind Studios'),
    domain: plainString()
      .max(253)
      .nullable()
      .openapi({ description: 'Web domain. Stored as sent (not trimmed).', example: 'northwind.example' }),
    industry: plainString()
      .max(80)
      .nullable()
      .openapi({ description: 'Stored as sent (not trimmed).', example: 'Media' }),
    ownerId: idSchema('user').nullable(),
    // A union rather than `.nullable()`: the latter turns the $ref into an allOf that generated types cannot satisfy.
    estimatedAnnualWallet: z.union([Money, z.null()]).openapi({
      description: 'What the company spends a year on what we sell, for share of wallet.',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('Company', { description: 'An account: the organisation contacts work for.' });

export const CreateCompany = z
  .object({
    name: Company.shape.name,
    domain: Company.shape.domain.optional(),
    industry: Company.shape.industry.optional(),
    ownerId: Company.shape.ownerId.optional(),
    estimatedAnnualWallet: Company.shape.estimatedAnnualWallet.optional(),
  })
  .strict()
  .openapi('CreateCompany');

export const UpdateCompany = CreateCompany.partial().strict().openapi('UpdateCompany');

const tags = ['Companies'];
const CompanyId = z.object({ id: idSchema('company') });

export const listCompanies = createRoute({
  method: 'get',
  path: '/v1/companies',
  tags,
  summary: 'List or batch-read companies',
  security: bearer,
  request: {
    query: z.object({
      limit: LimitParam,
      cursor: CursorParam,
      ids: idsParam('company'),
      ownerId: idSchema('user').optional(),
      q: plainString()
        .trim()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'Text search in name and domain; trimmed of surrounding whitespace.' }),
    }),
  },
  responses: { 200: json(page(Company, 'CompanyPage'), 'A page of companies.'), ...problems(403) },
});

export const createCompany = createRoute({
  method: 'post',
  path: '/v1/companies',
  tags,
  summary: 'Create a company',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateCompany, 'The new company.') },
  responses: { 201: json(Company, 'The created company.'), ...problems(403, 404, 422) },
});

export const getCompany = createRoute({
  method: 'get',
  path: '/v1/companies/{id}',
  tags,
  summary: 'Read a company',
  security: bearer,
  request: { params: CompanyId },
  responses: { 200: json(Company, 'The company.'), ...problems(403, 404) },
});

export const updateCompany = createRoute({
  method: 'patch',
  path: '/v1/companies/{id}',
  tags,
  summary: 'Update a company',
  security: bearer,
  request: { params: CompanyId, headers: UpdateHeaders, body: jsonBody(UpdateCompany, 'Fields to change.') },
  responses: { 200: json(Company, 'The updated company.'), ...problems(403, 404, 412, 422, 428) },
});
