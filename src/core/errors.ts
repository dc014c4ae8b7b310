/**
 * Errors are values in the core, converted once at the Excel / CLI edge.
 * Each error has an Excel code and a message id from MESSAGES (ja and en); tests assert the code.
 */
export type ErrorCode = "VALUE" | "NUM" | "DIV0" | "NA";
export type Lang = "ja" | "en";

export interface CalcError {
  readonly kind: "CalcError";
  readonly code: ErrorCode;
  readonly id: MessageId;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Excel's spelling of each code. */
export const EXCEL_CODE: Record<ErrorCode, string> = {
  VALUE: "#VALUE!",
  NUM: "#NUM!",
  DIV0: "#DIV/0!",
  NA: "#N/A",
};

type Template = { ja: string; en: string };

/** Every message the functions can show. {name} placeholders are filled from params. */
export const MESSAGES = {
  missing: { ja: "{arg} が入力されていません", en: "{arg} is missing" },
  notNumber: { ja: "{arg} は数値ではありません（値: {value}）", en: "{arg} is not a number (value: {value})" },
  numericText: {
    ja: "{arg} は数値に見える文字列です（値: {value}）。全角数字・桁区切り「,」を使わず、数値で入力してください",
    en: "{arg} is text that looks like a number (value: {value}); enter it as a number, without full-width digits or thousands separators",
  },
  notText: { ja: "{arg} は文字列で指定してください", en: "{arg} must be text" },
  notBoolean: { ja: "{arg} は TRUE または FALSE で指定してください", en: "{arg} must be TRUE or FALSE" },
  notScalar: { ja: "{arg} には単一のセルを指定してください", en: "{arg} must be a single cell, not a range" },
  errorInput: { ja: "{arg} にエラー値 {value} が含まれています", en: "{arg} contains the error value {value}" },
  notFinite: { ja: "{arg} が有限の数値ではありません", en: "{arg} is not a finite number" },
  negative: { ja: "{arg} は 0 以上で指定してください（値: {value}）", en: "{arg} must be zero or more (value: {value})" },
  notPositive: { ja: "{arg} は正の数で指定してください（値: {value}）", en: "{arg} must be greater than zero (value: {value})" },
  outOfRange: { ja: "{arg} は {min}〜{max} の範囲で指定してください（値: {value}）", en: "{arg} must be between {min} and {max} (value: {value})" },
  zeroDivisor: { ja: "{arg} が 0 のため割り算できません", en: "{arg} is zero, so the division is undefined" },
  emptyRange: { ja: "{arg} に数値がありません", en: "{arg} contains no numbers" },
  shapeMismatch: { ja: "{arg} と {other} の大きさが一致しません（{a} 個と {b} 個）", en: "{arg} and {other} differ in size ({a} and {b} values)" },
  ragged: { ja: "{arg} の行ごとのセル数がそろっていません。長方形の範囲を指定してください", en: "the rows of {arg} differ in length; pass a rectangular range" },
  unknownOption: { ja: "{arg} に「{value}」は指定できません。指定できる値: {allowed}", en: "{arg} cannot be \"{value}\"; accepted values: {allowed}" },
  overflow: { ja: "計算結果が Excel で扱える範囲を超えました", en: "the result is outside the range Excel can hold" },
  notSet: { ja: "{what} が設定されていません。{how}", en: "{what} is not set. {how}" },
  unknownParam: { ja: "パラメータ「{value}」はエディション {edition} にありません", en: "parameter \"{value}\" is not in edition {edition}" },
  unpublished: { ja: "パラメータ「{value}」は未公表です（エディション {edition}）", en: "parameter \"{value}\" is not published (edition {edition})" },
  tooManyArgs: { ja: "引数が多すぎます（最大 {max} 個）", en: "too many arguments (at most {max})" },
  emptyResult: { ja: "結果が空です", en: "the result is empty" },
  internal: { ja: "内部エラー: {detail}", en: "internal error: {detail}" },
  tooFewRows: {
    ja: "回帰に使えるデータが {n} 行しかありません（係数 {p} 個には {p} 行以上が必要です）",
    en: "only {n} usable rows for the regression; {p} coefficients need at least {p} rows",
  },
  collinear: {
    ja: "説明変数の {column} 列目がほかの列（または定数項）の一次結合になっているため、回帰係数が一意に決まりません。その列を除いてください",
    en: "regressor column {column} is a linear combination of the other columns (or the intercept), so the coefficients are not unique; remove that column",
  },
  blankCell: {
    ja: "{arg} の {pos} 番目のセルが空白です。回帰のデータに空白は使えません",
    en: "cell {pos} of {arg} is blank; regression data cannot contain blanks",
  },
  notVector: { ja: "{arg} には 1 行または 1 列の範囲を指定してください", en: "{arg} must be a single row or a single column" },
  allZeroWeights: { ja: "{arg} がすべて 0 です", en: "{arg} are all zero" },
  statsFiller: { ja: "この位置には値がありません（LINEST の統計ブロックと同じ #N/A）", en: "no value at this position (the #N/A filler of LINEST's statistics block)" },
  noIntercept: { ja: "定数項なし（intercept = FALSE）で当てはめたため、b0 の標準誤差はありません", en: "fitted without intercept (intercept = FALSE), so b0 has no standard error" },
  unknownEdition: { ja: "エディション「{value}」はありません。利用できるもの: {allowed}", en: "there is no edition \"{value}\"; available: {allowed}" },
  // benchmark (SPEC 3.1, 3.5)
  regNotSet: {
    ja: "回帰式の係数が設定されていません（{value}）。パラメータシートに入力するか、引数 coefs・avg_size・avg_charges・form で指定してください",
    en: "regression coefficients are not set ({value}); enter them on the Parameters sheet or pass coefs, avg_size, avg_charges and form as arguments",
  },
  paramType: { ja: "パラメータ「{value}」の値の型が正しくありません（{expected} が必要）", en: "parameter \"{value}\" has the wrong type ({expected} expected)" },
  notInteger: { ja: "{arg} は整数で指定してください（値: {value}）", en: "{arg} must be a whole number (value: {value})" },
  notFiscalYear: {
    ja: "{arg} は西暦の年度（1900〜9999、例: 2027）で指定してください（値: {value}）。令和の年は西暦に直してください（令和7年度 = 2025年度）",
    en: "{arg} must be a fiscal year in the Western calendar, 1900–9999, e.g. 2027 (value: {value}); convert Reiwa years (Reiwa 7 = FY2025)",
  },
  yearOutsidePath: { ja: "{arg} {value}年度は BM 推移の期間（{min}〜{max}年度）の外です", en: "{arg} FY{value} is outside the benchmark path FY{min}–FY{max}" },
  yearOrder: { ja: "{arg}（{value}）は {other}（{max}）より前の年度にしてください", en: "{arg} ({value}) must be earlier than {other} ({max})" },
  priceYear: { ja: "上下限価格は {min}年度からです（値: {value}）", en: "the price band starts in FY{min} (value: {value})" },
  noUsableYear: { ja: "{arg} に使える年度がありません（すべて休止・空白です）", en: "{arg} has no usable year (every year is not operating or blank)" },
  noPreviousYear: { ja: "災害の年度（{value} 番目）に使う前年度の値がありません", en: "the disaster year (entry {value}) has no previous year's value to use" },
  multipleOpening: { ja: "{arg} で新設（opening）を指定できるのは1つの年度だけです", en: "{arg} can mark only one year as opening" },
  // emissions, follow-up, circular (SPEC 3.2–3.4)
  unknownFuel: { ja: "燃料「{value}」は使用できません。使用できる燃料: {allowed}", en: "unknown fuel \"{value}\"; accepted fuels: {allowed}" },
  fuelNotInEdition: {
    ja: "燃料「{value}」の係数はエディション {edition} にありません（この版に掲載されていない燃料です）",
    en: "edition {edition} has no factor for the fuel \"{value}\" (that version does not list it)",
  },
  factorNotNumber: { ja: "パラメータ「{value}」の値が数値ではありません（エディション {edition}）", en: "parameter \"{value}\" is not a number (edition {edition})" },
  logOfZero: {
    ja: "{arg} が 0 です。LMDI 法は対数を使うため、すべての値が正である必要があります（method \"simple\" も参照）",
    en: "{arg} is zero; the LMDI method takes logarithms, so every value must be greater than zero (see method \"simple\")",
  },
} satisfies Record<string, Template>;

export type MessageId = keyof typeof MESSAGES;

export function calcError(code: ErrorCode, id: MessageId, params: Record<string, string | number> = {}): CalcError {
  return { kind: "CalcError", code, id, params };
}

export function isCalcError(v: unknown): v is CalcError {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "CalcError";
}

/** The message of an error in the user's language (in ja, an argument's Japanese name `<key>_ja` if known). */
export function messageOf(e: CalcError, lang: Lang): string {
  const t: Template = MESSAGES[e.id];
  return t[lang].replace(/\{(\w+)\}/g, (_m, k: string) => {
    const v = (lang === "ja" ? e.params[`${k}_ja`] : undefined) ?? e.params[k];
    return v === undefined ? `{${k}}` : String(v);
  });
}

/** Thrown inside a computation to abort with a CalcError; caught by the function runner. */
export class CalcAbort extends Error {
  constructor(readonly error: CalcError) {
    super(`${EXCEL_CODE[error.code]} ${messageOf(error, "en")}`);
    this.name = "CalcAbort";
  }
}

/** Abort the current computation with an error value. */
export function fail(code: ErrorCode, id: MessageId, params: Record<string, string | number> = {}): never {
  throw new CalcAbort(calcError(code, id, params));
}
