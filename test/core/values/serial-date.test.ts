// core/values/serial-date.ts: Excel serial dates to and from ISO dates (with Excel's fictional 1900-02-29).
import { describe, it, expect } from 'vitest';
import { isoDateToSerial, serialToIsoDate } from '../../../src/core/values/serial-date.ts';

describe('isoDateToSerial / serialToIsoDate', () => {
  it.each<[number, number, number, number]>([
    [1900, 1, 1, 1],
    [1900, 1, 31, 31],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60], // Excel's fictional leap day
    [1900, 3, 1, 61],
    [1904, 1, 1, 1462],
    [1970, 1, 1, 25569],
    [2000, 2, 29, 36585],
    [2025, 1, 1, 45658],
    [2025, 3, 1, 45717],
    [9999, 12, 31, 2958465],
  ])('%d-%d-%d ⇄ %d', (y, m, d, serial) => {
    expect(isoDateToSerial(y, m, d)).toBe(serial);
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    expect(serialToIsoDate(serial)).toBe(iso);
  });

  it('drops the time of day', () => {
    expect(serialToIsoDate(45658.999)).toBe('2025-01-01');
  });

  it.each<[number, number, number]>([
    [2025, 2, 29],
    [2025, 2, 30],
    [2025, 4, 31],
    [2025, 13, 1],
    [2025, 0, 1],
    [2025, 1, 0],
    [1899, 12, 31],
    [10000, 1, 1],
    [2025.5, 1, 1],
    [NaN, 1, 1],
  ])('isoDateToSerial(%d, %d, %d) throws', (y, m, d) => {
    expect(() => isoDateToSerial(y, m, d)).toThrow(RangeError);
  });

  it.each([0, 0.5, -1, 2958466, NaN, Infinity])('serialToIsoDate(%d) throws', (s) => {
    expect(() => serialToIsoDate(s)).toThrow(RangeError);
  });
});
