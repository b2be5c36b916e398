import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The `limit` query parameter of a paged list: how many items a page holds, a whole number from 1
 * to `max`, `default` when it is not given. Documented, converted from the query string and
 * validated in one place.
 */
export function PageSizeParam(size: { max: number; default: number; description?: string }): PropertyDecorator {
  const decorators = [
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: size.max, default: size.default, description: size.description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(size.max),
  ];
  // applyDecorators runs them first to last; stacked on a property they run last to first, and
  // class-validator reports the checks in the order it was given them: reversed, the messages
  // come in the order they always have.
  return applyDecorators(...decorators.reverse());
}
