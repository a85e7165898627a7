import { BadRequestException } from '@nestjs/common';
import type { JSONSchemaType } from 'ajv';
import { inputValidator, isUuid } from './validation';

interface Input {
  name: string;
  count?: number;
  mode: 'a' | 'b';
}

const schema: JSONSchemaType<Input> = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'mode'],
  properties: {
    name: { type: 'string', minLength: 1 },
    count: { type: 'integer', minimum: 0, nullable: true },
    mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
  },
};

describe('input validation at the edge', () => {
  const validate = inputValidator(schema);

  it('returns a validated copy with defaults, leaving the input untouched', () => {
    const body = { name: 'x' };
    expect(validate(body)).toEqual({ name: 'x', mode: 'a' });
    expect(body).toEqual({ name: 'x' });
  });

  it('rejects with every field error at once', () => {
    try {
      validate({ count: -1, extra: true, mode: 'c' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      const body = (error as BadRequestException).getResponse() as { errors: Array<{ field: string; message: string }> };
      expect(body.errors).toEqual(
        expect.arrayContaining([
          { field: '/name', message: 'is required' },
          { field: '/extra', message: 'is not allowed' },
          { field: '/count', message: 'must be >= 0' },
          { field: '/mode', message: 'must be equal to one of the allowed values' },
        ]),
      );
    }
  });

  it('rejects a body that is not an object', () => {
    expect(() => validate('text')).toThrow(BadRequestException);
    expect(() => validate(null)).toThrow(BadRequestException);
  });
});

describe('isUuid', () => {
  it('takes UUIDs only', () => {
    expect(isUuid('5f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b')).toBe(true);
    expect(isUuid('5F1E2D3C-4B5A-4987-8A6B-5C4D3E2F1A0B')).toBe(true);
    expect(isUuid('------------------------------------')).toBe(false);
    expect(isUuid('5f1e2d3c4b5a49878a6b5c4d3e2f1a0b')).toBe(false);
    expect(isUuid(null)).toBe(false);
  });
});
