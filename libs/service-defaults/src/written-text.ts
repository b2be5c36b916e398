import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** Control characters other than the layout ones a person types (tab, line feed, carriage return). */
const NO_CONTROL_CHARACTERS_BUT_LAYOUT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
/** A UTF-16 surrogate without its pair: not text, and it cannot be stored or sent on as UTF-8. */
const NO_LONE_SURROGATE = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

/**
 * The three checks below as one pattern, for the document: characters other than the refused
 * control characters, at least one of them neither a control character nor whitespace (JavaScript's
 * whitespace, which `\S` tests, spelled out: other engines' `\s` differ). A test proves the two agree.
 */
export const WRITTEN_TEXT_PATTERN =
  /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*[^\u0000-\u0020\u007F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF][^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/**
 * A body field a person writes for another to read (a question, an answer, a reason, a note):
 * text with something in it, at most `maxLength` characters (UTF-16 units, as the event schemas
 * count: libs/contracts `Text`), line breaks and tabs allowed, other control characters and broken
 * characters refused. Documented and validated in one place; the use case trims it.
 */
export function WrittenText(options: { maxLength: number; description: string; example?: string }): PropertyDecorator {
  const decorators = [
    ApiProperty({ type: 'string', minLength: 1, maxLength: options.maxLength, pattern: WRITTEN_TEXT_PATTERN.source, description: options.description, example: options.example }),
    IsString(),
    Matches(/\S/, { message: '$property must not be blank' }),
    MaxLength(options.maxLength),
    Matches(NO_CONTROL_CHARACTERS_BUT_LAYOUT, { message: '$property must not contain control characters other than line breaks and tabs' }),
    Matches(NO_LONE_SURROGATE, { message: '$property contains characters that are not valid text' }),
  ];
  // Stacked on a property, decorators run last to first: reversed, the checks report in this order.
  return applyDecorators(...decorators.reverse());
}
