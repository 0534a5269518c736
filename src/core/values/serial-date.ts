// Excel's 1900-system date serials, computed: 1 = 1900-01-01, 60 = the fictional 1900-02-29 Excel
// keeps for Lotus compatibility, 45658 = 2025-01-01. Shared by the date reader, aggregation and the sample.

/** 9999-12-31, the last day Excel can show. */
export const MAX_SERIAL = 2958465;
/** 1904-01-01 in the 1900 system: add it to a 1904-system serial. */
export const EPOCH_1904_OFFSET = 1462;
/** 1970-01-01 in the 1900 system. */
export const UNIX_EPOCH_SERIAL = 25569;
export const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil, as "YYYY-MM-DD". */
function civilFromDays(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const DAYS_1900_01_01 = daysFromCivil(1900, 1, 1);

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A real calendar date Excel can hold: 1900-01-01 … 9999-12-31. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** Serial of a valid date. Excel counts the fictional 1900-02-29 as day 60, so later days shift by one. */
export function serialOf(y: number, m: number, d: number): number {
  const offset = daysFromCivil(y, m, d) - DAYS_1900_01_01;
  return offset < 59 ? offset + 1 : offset + 2;
}

/**
 * Excel 1900-system serial of a calendar date: (2025, 1, 1) → 45658. (1900, 2, 29) → 60, Excel's
 * fictional leap day. Throws RangeError for anything else that is not a date between 1900-01-01 and
 * 9999-12-31 — use parseDate for user input.
 */
export function isoDateToSerial(y: number, m: number, d: number): number {
  if (y === 1900 && m === 2 && d === 29) return 60;
  if (!isValidYmd(y, m, d)) throw new RangeError(`Not a date Excel can hold: ${y}-${m}-${d}`);
  return serialOf(y, m, d);
}

/**
 * "YYYY-MM-DD" of a 1900-system serial; the time of day is dropped. 60 → "1900-02-29", as Excel shows
 * it. Throws RangeError outside 1 … 2958465.
 */
export function serialToIsoDate(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) {
    throw new RangeError(`Not an Excel date serial: ${serial}`);
  }
  const day = Math.floor(serial);
  if (day === 60) return '1900-02-29';
  return civilFromDays(DAYS_1900_01_01 + (day < 60 ? day - 1 : day - 2));
}

