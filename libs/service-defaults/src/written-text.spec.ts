import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { WrittenText } from './written-text';

class Reply {
  @WrittenText({ maxLength: 10, description: 'The answer.' })
  text!: string;
}

function problems(text: unknown): string[] {
  return validateSync(plainToInstance(Reply, { text })).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('text a person writes', () => {
  it.each(['Yes.', 'One\nTwo', 'a\tb\r\nc', '🙂 fine'])('takes %j', (text) => {
    expect(problems(text)).toEqual([]);
  });

  it('refuses blank text, too long text, control characters and broken characters, saying which', () => {
    expect(problems('   \n ')).toEqual(['text must not be blank']);
    expect(problems('x'.repeat(11))).toEqual(['text must be shorter than or equal to 10 characters']);
    expect(problems('bell\u0007')).toEqual(['text must not contain control characters other than line breaks and tabs']);
    expect(problems('half \uD83D')).toEqual(['text contains characters that are not valid text']);
    expect(problems(42)).toContain('text must be a string');
  });
});
