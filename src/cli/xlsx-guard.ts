/**
 * Checks an .xlsx file before ExcelJS sees it, so that a hostile or broken file ends with one clear
 * message in bounded memory and time (SPEC 6):
 *  - size on disk ≤ LIMITS.fileBytes; a zip (PK\3\4), not an OLE file (encrypted or legacy .xls);
 *  - the zip's central directory is read (no ZIP64, ≤ LIMITS.entries entries) and the declared
 *    uncompressed sizes are summed (≤ LIMITS.uncompressedBytes) and each entry's ratio is bounded;
 *  - every entry is actually inflated with `maxOutputLength` = its declared size, so a lying header
 *    cannot make it grow (the real zip-bomb defence), and its CRC is not trusted blindly: size must match;
 *  - worksheet XML is scanned for cells (<c …>) and formulas (<f …>): ≤ LIMITS.cells, ≤ LIMITS.formulas;
 *    the shared-string table for strings (<si>): ≤ LIMITS.cells.
 * See docs/decisions/302-hostile-workbooks.md.
 */
import { inflateRawSync } from "node:zlib";

export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  uncompressedBytes: 200 * 1024 * 1024,
  entries: 10_000,
  /** Ratio uncompressed/compressed allowed for an entry larger than 1 MB. */
  ratio: 200,
  cells: 500_000,
  formulas: 200_000,
};

export class WorkbookRejected extends Error {
  override readonly name = "WorkbookRejected";
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export interface GuardReport {
  readonly entries: number;
  readonly uncompressedBytes: number;
  readonly cells: number;
  readonly formulas: number;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

function reject(msg: string): never {
  throw new WorkbookRejected(msg);
}

/** The central directory of a zip held in memory. */
export function readCentralDirectory(buf: Buffer, limits = LIMITS): ZipEntry[] {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) reject("this is an OLE file (a password-protected workbook or a legacy .xls), not an .xlsx");
  if (buf.length < 22 || buf.readUInt32LE(0) !== LFH) reject("not an .xlsx file (not a zip archive)");
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) reject("the file is truncated or damaged (no zip central directory)");
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) reject("ZIP64 archives are not accepted (far larger than any workbook ALCN reads)");
  if (count > limits.entries) reject(`the archive has ${count} entries (limit ${limits.entries})`);
  if (cdOffset + cdSize > eocd) reject("the file is truncated or damaged (central directory out of bounds)");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CDH) reject("the file is truncated or damaged (bad central directory entry)");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (flags & 1) reject(`the archive entry ${name} is encrypted`);
    if (method !== 0 && method !== 8) reject(`the archive entry ${name} uses an unsupported compression method (${method})`);
    total += size;
    if (total > limits.uncompressedBytes) reject(`the workbook unpacks to more than ${mb(limits.uncompressedBytes)} (zip bomb or far too large)`);
    if (size > 1024 * 1024 && size > limits.ratio * Math.max(1, compressedSize)) reject(`the archive entry ${name} expands ${Math.round(size / Math.max(1, compressedSize))}× (zip bomb)`);
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

/** The inflated bytes of one entry, never more than its declared size. */
export function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LFH) reject(`the file is truncated or damaged (entry ${e.name})`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) reject(`the file is truncated (entry ${e.name} is cut off)`);
  const data = buf.subarray(start, end);
  if (e.method === 0) {
    if (data.length !== e.size) reject(`the archive entry ${e.name} is damaged (stored size mismatch)`);
    return data;
  }
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) reject(`the archive entry ${e.name} expands beyond its declared size (zip bomb)`);
    reject(`the archive entry ${e.name} is damaged (${(err as Error).message})`);
  }
  if (out.length !== e.size) reject(`the archive entry ${e.name} is damaged (size ${out.length}, declared ${e.size})`);
  return out;
}

function countTags(xml: Buffer, tag: "c" | "f" | "si"): number {
  // "<c " / "<c>" and "<f " / "<f>" / "<f/>" — not <col, <cols, <font …
  let n = 0;
  const open = Buffer.from(`<${tag}`);
  let i = xml.indexOf(open);
  while (i >= 0) {
    const next = xml[i + open.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
    i = xml.indexOf(open, i + open.length);
  }
  return n;
}

/** Check a workbook held in memory; returns what was counted, or throws WorkbookRejected. */
export function guardXlsx(buf: Buffer, limits = LIMITS): GuardReport {
  if (buf.length > limits.fileBytes) reject(`the file is ${mb(buf.length)} (limit ${mb(limits.fileBytes)})`);
  const entries = readCentralDirectory(buf, limits);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) reject("the zip is not an Excel workbook (no xl/workbook.xml)");
  let cells = 0;
  let formulas = 0;
  let bytes = 0;
  for (const e of entries) {
    const data = inflateEntry(buf, e);
    bytes += data.length;
    if (e.name === "xl/sharedStrings.xml" && countTags(data, "si") > limits.cells) reject(`the workbook has more than ${limits.cells.toLocaleString("en")} shared strings (limit)`);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      cells += countTags(data, "c");
      formulas += countTags(data, "f");
      if (cells > limits.cells) reject(`the workbook has more than ${limits.cells.toLocaleString("en")} cells (limit)`);
      if (formulas > limits.formulas) reject(`the workbook has more than ${limits.formulas.toLocaleString("en")} formulas (limit)`);
    }
  }
  return { entries: entries.length, uncompressedBytes: bytes, cells, formulas };
}
