import { BadRequestException } from '@nestjs/common';
import Ajv, { type JSONSchemaType, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: false, useDefaults: true, removeAdditional: false });
addFormats(ajv);

export interface FieldError {
  /** JSON pointer of the field, e.g. `/precinctCode` (`/` for the whole body). */
  field: string;
  message: string;
}

/** Field-level errors of a body against a JSON Schema. */
export function fieldErrors(validate: ValidateFunction): FieldError[] {
  return (validate.errors ?? []).map((e) => {
    const field =
      e.keyword === 'required'
        ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`
        : e.keyword === 'additionalProperties'
          ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`
          : e.instancePath || '/';
    const message =
      e.keyword === 'required' ? 'is required' : e.keyword === 'additionalProperties' ? 'is not allowed' : (e.message ?? 'is invalid');
    return { field, message };
  });
}

/**
 * Compiles an input validator. A rejected input throws 400 with every field error at once,
 * before anything is written.
 */
export function inputValidator<T>(schema: JSONSchemaType<T>): (body: unknown) => T {
  const validate = ajv.compile(schema);
  return (body: unknown) => {
    const copy = body && typeof body === 'object' ? structuredClone(body) : body;
    if (!validate(copy)) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'invalid input', errors: fieldErrors(validate) });
    }
    return copy;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID (checked before it reaches a `uuid` column, where a malformed one is a server error). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
