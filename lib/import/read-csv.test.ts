import { englishMessage } from '@/lib/i18n/english';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readCsv } from './read-csv';

const bytes = (text: string) => new TextEncoder().encode(text);
const options = { required: ['name'], known: ['name', 'email'] };

describe('readCsv', () => {
  it('reads a header and rows, skipping a BOM and blank lines, and numbers rows by file line', () => {
    const result = readCsv(bytes('\uFEFFName,email\r\nAda,ada@x.test\r\n\r\n,\r\n"Grace, Rear Admiral",\r\n'), options);
    expect(result).toEqual({
      ok: true,
      columns: ['name', 'email'],
      records: [
        { row: 2, values: { name: 'Ada', email: 'ada@x.test' } },
        { row: 5, values: { name: 'Grace, Rear Admiral', email: '' } },
      ],
    });
  });

  it('skips a million empty lines quickly', () => {
    const started = Date.now();
    const result = readCsv(bytes(`name,email\nAda,\n${'\n'.repeat(1_000_000)}`), options);
    expect(result).toMatchObject({ ok: true, records: [{ row: 2 }] });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ['', /empty/],
    ['name,email\n', /no rows/],
    ['email\nx@y.test\n', /missing: “name”/i],
    ['name,colour\nAda,red\n', /unknown: “colour”/i],
    ['name,name\nAda,Ada\n', /repeated: “name”/i],
    ['name\n"Ada\n', /not valid CSV/],
  ])('refuses %j with a clear message', (text, message) => {
    const result = readCsv(bytes(text), options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(englishMessage(result.message)).toMatch(message);
  });

  it('refuses text that is not UTF-8', () => {
    const latin1 = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x4a, 0xf6, 0x72, 0x67, 0x0a]);
    expect(readCsv(latin1, options)).toMatchObject({ ok: false, message: /not UTF-8/ });
    expect(readCsv(new Uint8Array([0xff, 0xfe, 0x6e, 0x00]), options)).toMatchObject({ ok: false, message: /UTF-16/ });
  });

  it('names each row with the wrong number of values', () => {
    const result = readCsv(bytes('name,email\nAda\nGrace,g@x.test\nLin,a,b\n'), options);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { row: 2, column: '(row)' },
        { row: 4, column: '(row)' },
      ],
    });
  });

  it('refuses an oversized file before reading it', () => {
    expect(readCsv(new Uint8Array(MAX_IMPORT_BYTES + 1), options)).toMatchObject({
      ok: false,
      message: /larger than 50 MB/,
    });
  });

  it('refuses more rows than the limit', () => {
    expect(readCsv(bytes('name\na\nb\nc\n'), { ...options, maxRows: 2 })).toMatchObject({
      ok: false,
      message: /more than 2 rows/,
    });
  });
});

describe('readCsv with a column mapping', () => {
  it('reads another tool’s headers mapped to ours, leaving out the columns mapped to nothing', () => {
    const text = 'Full Name,E-mail Address,Loyalty tier\nAda,ada@x.test,Gold\n';
    expect(readCsv(bytes(text), options)).toMatchObject({ ok: false, message: /unknown “full name”/ });
    const result = readCsv(bytes(text), {
      ...options,
      mapping: { 'Full Name': 'name', 'e-mail address': 'email', 'Loyalty tier': '' },
    });
    expect(result).toEqual({
      ok: true,
      columns: ['name', 'email'],
      records: [{ row: 2, values: { name: 'Ada', email: 'ada@x.test' } }],
    });
  });

  it('refuses a mapping that sends two columns to one of ours', () => {
    const result = readCsv(bytes('A,B\nx,y\n'), { ...options, mapping: { a: 'name', b: 'name' } });
    expect(result).toMatchObject({ ok: false, message: /repeated “name”/ });
  });
});
