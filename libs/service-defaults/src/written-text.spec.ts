import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { WRITTEN_TEXT_PATTERN, WrittenText } from './written-text';

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

describe('the pattern the document states for written text', () => {
  // Every character class the checks tell apart, each alone and beside a letter.
  const characters = [
    ...Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code)),
    '\u0085', '\u00A0', '\u1680', '\u2000', '\u200A', '\u200B', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF', '\u180E', 'é', '🙂',
  ];
  const samples = characters.flatMap((character) => [character, `${character}x`, `x${character}`, `${character} ${character}`]);

  it('takes exactly what the checks take, character by character', () => {
    const disagreements = samples.filter((sample) => WRITTEN_TEXT_PATTERN.test(sample) !== (problems(sample).length === 0));
    expect(disagreements).toEqual([]);
    expect(samples.filter((sample) => WRITTEN_TEXT_PATTERN.test(sample)).length).toBeGreaterThan(100);
  });
});
