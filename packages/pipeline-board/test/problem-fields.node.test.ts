import { ChorusValidationError } from '@chorus/sdk';
import { describe, expect, it } from 'vitest';
import { fieldsNamed } from '../src/problem-fields.js';

const FIELDS = { 'body.title': 'title', 'body.value': 'amount' } as const;
const refusal = (...paths: string[]) =>
  new ChorusValidationError({
    type: '/problems/validation',
    title: 'Invalid request',
    status: 400,
    errors: paths.map((path) => ({ path, message: 'bad' })),
  });

describe('fieldsNamed', () => {
  it("names each form field a refusal's problem details point into, once", () => {
    expect(fieldsNamed(refusal('body.value.amount', 'body.title', 'body.value'), FIELDS)).toEqual([
      'amount',
      'title',
    ]);
  });

  it('names nothing for paths outside the form, or for an error that is not a problem', () => {
    expect(fieldsNamed(refusal('body.stageId'), FIELDS)).toEqual([]);
    expect(fieldsNamed(new Error('offline'), FIELDS)).toEqual([]);
  });
});
