import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ProblemError } from '@cms/contracts';
import { ProblemException } from './problem.exception';

/** Flattens class-validator errors to one entry per field at fault, with dotted paths. */
export function fieldErrors(errors: ValidationError[], parent = ''): ProblemError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      code: error.constraints?.whitelistValidation === message ? 'UNKNOWN_FIELD' : 'INVALID_FIELD',
      field,
      message: error.constraints?.whitelistValidation === message ? `${field} is not a known field` : message,
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** DTOs are validated strictly: unknown fields are refused, types are not coerced silently. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ProblemException.validation(fieldErrors(errors)),
  });
}
