import { formatCsv, formatCsvRecord, readCsvRecords, readCsvText, type CsvRecord, type CsvSource } from './csv-records';

async function readAll(source: CsvSource): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(source)) records.push(record);
  return records;
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('readCsvText', () => {
  it('gives each record the physical line it starts on, a quoted line break spanning lines', () => {
    expect(readCsvText('a,b\r\n"c\nd",e\r\nf,"g\r\nh\r\ni"\r\nj,k\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c\nd', 'e'] },
      { line: 4, fields: ['f', 'g\r\nh\r\ni'] },
      { line: 7, fields: ['j', 'k'] },
    ]);
  });

  it('accepts LF, CRLF and lone CR line ends in one file, a byte order mark and no last line end', () => {
    expect(readCsvText('\uFEFFa,b\nc,d\r\ne,f\rg,h')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
      { line: 4, fields: ['g', 'h'] },
    ]);
  });

  it('skips blank lines but counts them', () => {
    expect(readCsvText('a\r\n\r\n\r\nb\n\nc\n\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
      { line: 6, fields: ['c'] },
    ]);
  });

  it('reads quoted fields: commas, doubled quotes, empty quoted fields', () => {
    expect(readCsvText('"a,b","say ""hi""",,""\n"",x')).toEqual([
      { line: 1, fields: ['a,b', 'say "hi"', '', ''] },
      { line: 2, fields: ['', 'x'] },
    ]);
  });

  it('keeps records of any number of fields (the caller checks the count)', () => {
    expect(readCsvText('a,b,c\nd\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['d'] },
    ]);
  });

  it('reports a stray double quote with its line and field, and reads on', () => {
    expect(readCsvText('a,b\n"x\ny",c"d,e\nf,g\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: [], error: 'unexpected double quote inside an unquoted field (field 2)' },
      { line: 4, fields: ['f', 'g'] },
    ]);
  });

  it('reports text after a closing quote where the record starts, and reads the next line as it stands', () => {
    // Not read on inside the badly closed field up to a quote that can close it ("e"), which would
    // take the good records on lines 3 and 4 with it.
    expect(readCsvText('a\r\n"b"x,c\r\nd\r\n"e",f\r\ng\r\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: [], error: 'unexpected text after a closing double quote (field 1)' },
      { line: 3, fields: ['d'] },
      { line: 4, fields: ['e', 'f'] },
      { line: 5, fields: ['g'] },
    ]);
  });

  it('reports the first fault of a record', () => {
    expect(readCsvText('x,"a"b"c,d"e\n"f"g,"open')).toEqual([
      { line: 1, fields: [], error: 'unexpected text after a closing double quote (field 2)' },
      { line: 2, fields: [], error: 'unexpected text after a closing double quote (field 1)' },
    ]);
  });

  it('reports a quoted field left open at the end, with the line its record starts on', () => {
    expect(readCsvText('a\nb,"open\nmore\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: [], error: 'unterminated quoted field (field 2)' },
    ]);
  });

  it('reads nothing from an empty text or blank lines', () => {
    expect(readCsvText('')).toEqual([]);
    expect(readCsvText('\r\n\n')).toEqual([]);
  });
});

describe('readCsvRecords', () => {
  const text =
    '\uFEFFh1,h2\r\n' +
    '"multi\r\nline",x\r\n' +
    '\r\n' +
    'bad"quote,y\r\n' +
    '"a ""quoted"" word","b,c"\n' +
    'plain,after\r' +
    '"p"q,r\r\n' + // text after a closing quote: reported, and the next line read as it stands
    '"s",t\r\n' +
    'last,"end\r\n"';

  it('gives the same records as the whole text, whatever the chunk size', async () => {
    const whole = readCsvText(text);
    expect(whole.map((record) => record.line)).toEqual([1, 2, 5, 6, 7, 8, 9, 10]);

    for (const size of [1, 2, 3, 7, 64, text.length]) {
      expect(await readAll(chunks(text, size))).toEqual(whole);
    }
  });

  it('counts a CRLF split between chunks once', async () => {
    expect(await readAll(['a,b\r', '\nc,"d\r', '\ne"\r\nf'])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd\r\ne'] },
      { line: 4, fields: ['f'] },
    ]);
  });

  it('reads UTF-8 bytes split inside a character', async () => {
    const bytes = Buffer.from('name\r\nZoë Brontë,Dŵr\r\n', 'utf8');
    const split = bytes.indexOf(0xc3) + 1;

    expect(await readAll([bytes.subarray(0, split), bytes.subarray(split)])).toEqual([
      { line: 1, fields: ['name'] },
      { line: 2, fields: ['Zoë Brontë', 'Dŵr'] },
    ]);
  });

  it('passes a failure of the source on to the reader', async () => {
    async function* failing() {
      yield 'a,b\n';
      throw new Error('disk gone');
    }

    await expect(readAll(failing())).rejects.toThrow('disk gone');
  });
});

describe('formatCsvRecord', () => {
  it('quotes a field holding a comma, a double quote, CR or LF, and doubles its quotes', () => {
    expect(formatCsvRecord(['plain', 'a,b', 'say "hi"', 'a\rb', 'a\nb', 'a\r\nb', '', ' spaced '])).toBe(
      'plain,"a,b","say ""hi""","a\rb","a\nb","a\r\nb",, spaced ',
    );
  });

  it('writes records that read back as they were', () => {
    const records = [
      ['h1', 'h2'],
      ['Smith, Jones & "Partners"', 'Line one\nline two'],
      ['', 'x'],
    ];

    const text = formatCsv(records);

    expect(text).toBe('h1,h2\r\n"Smith, Jones & ""Partners""","Line one\nline two"\r\n,x\r\n');
    expect(readCsvText(text)).toEqual([
      { line: 1, fields: records[0] },
      { line: 2, fields: records[1] },
      { line: 4, fields: records[2] },
    ]);
  });
});
