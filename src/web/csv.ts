// CSV that opens as it should in Excel and LibreOffice: UTF-8 with a byte-order
// mark (without it Excel reads UTF-8 as the local code page, and "Companies
// House – Wales" turns to mojibake), CRLF line ends, and every field quoted
// (RFC 4180), so commas, quotes and line breaks in names stay in their cell.

function field(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would be run as a formula by a spreadsheet: an apostrophe keeps it text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}
