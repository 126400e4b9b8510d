import { describe, expect, it } from 'vitest';
import type { RawTextItem } from './pdf-thread';
import { groupLines, meaningfulChars } from './text-lines';

const run = (str: string, x: number, y: number, w = str.length * 5, h = 10, angle = 0): RawTextItem => ({ str, x, y, w, h, angle });
const texts = (items: RawTextItem[]) => groupLines(items).map((l) => l.text);

describe('groupLines', () => {
  it('orders lines top to bottom and runs left to right, whatever the drawing order', () => {
    expect(texts([run('123.45', 300, 200), run('Rechnung', 50, 40, 80, 20), run('Total CHF', 50, 200), run('Datum 1.2.2024', 50, 100)])).toEqual([
      'Rechnung',
      'Datum 1.2.2024',
      'Total CHF 123.45',
    ]);
  });

  it('keeps runs a little off the baseline (mixed font sizes, raised text) on their line', () => {
    expect(texts([run('Total', 50, 200, 25, 12), run('CHF', 80, 201.5, 15, 8), run('1)', 99, 196, 5, 6), run('next line', 50, 214)])).toEqual([
      'Total CHF 1)',
      'next line',
    ]);
  });

  it('joins pieces of a word split for kerning and spaces words apart', () => {
    expect(texts([run('Rech', 50, 50, 20), run('nung', 70.3, 50, 20), run('Nr.', 95, 50, 10)])).toEqual(['Rechnung Nr.']);
  });

  it('uses space runs as word breaks even when their width is nonsense', () => {
    // A form: "Seite ___ von ___" with the numbers filled in over stretched spaces.
    const items = [run('Seite', 494, 829, 13.78, 7), run(' ', 507.78, 829, 11.54, 7), run('von', 519.33, 829, 10.3, 7), run('1', 509, 829, 3.54, 7), run(' ', 512.54, 829, 21.46, 7), run('2', 534, 829, 3.54, 7)];
    expect(texts(items)).toEqual(['Seite 1 von 2']);
  });

  it('counts text drawn twice on the same spot (fake bold) once', () => {
    expect(texts([run('TOTAL', 50, 50), run('TOTAL', 50.4, 50), run('9.90', 120, 50)])).toEqual(['TOTAL 9.90']);
  });

  it('puts sideways text after the page text instead of scattering it', () => {
    const items = [
      run('Beispiel-Rechnung (c) 2022', 20, 700, 120, 7, -90),
      run('Rechnung', 60, 80),
      run('Seite 1', 30, 400, 40, 7, -90),
      run('Total 5.00', 60, 120),
    ];
    const lines = groupLines(items);
    expect(lines.map((l) => [l.text, l.angle])).toEqual([
      ['Rechnung', 0],
      ['Total 5.00', 0],
      ['Beispiel-Rechnung (c) 2022', -90],
      ['Seite 1', -90],
    ]);
    // Running up the page from y = 700: the box is tall and narrow.
    expect(lines[2]!.bbox).toMatchObject({ x0: 14.4, x1: 21.4, y0: 580, y1: 700 });
  });

  it('drops lines of nothing but spaces', () => {
    expect(texts([run('  ', 50, 50), run('a', 50, 80)])).toEqual(['a']);
    expect(groupLines([])).toEqual([]);
  });
});

describe('meaningfulChars', () => {
  it('counts letters, digits, punctuation and symbols, not spaces or unmapped glyphs', () => {
    expect(meaningfulChars('Total CHF 12.50 €')).toBe(14);
    expect(meaningfulChars('\uFFFD\uFFFD \uE001\uE002')).toBe(0);
    expect(meaningfulChars('')).toBe(0);
  });
});
