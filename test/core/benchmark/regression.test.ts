import { readFileSync } from "fs";
import fc from "fast-check";
import { D } from "../../../src/core/decimal";
import { evaluateForm, REG_FORMS, regressorsOf, type RegForm } from "../../../src/core/benchmark/forms";
import { type CellMatrix, type FinalOutput, type FinalScalar } from "../../../src/core";
import { call, codeOf } from "../../helpers";
import { exactOls, lre, Q } from "./exact-ols";

interface NistSet {
  model: string;
  degree: number | null;
  intercept: boolean;
  y: string[];
  x: (string | string[])[];
  certified: { beta: string[]; residual_sd: string; r_squared: string };
}

const NIST_PATH = "/work/shared/reference/nist-strd-linear.json";
const nist = JSON.parse(readFileSync(NIST_PATH, "utf8")) as { datasets: Record<string, NistSet> };

const col = (v: readonly (number | string | null)[]): CellMatrix => v.map((c) => [c]);
function matrix(out: FinalOutput): FinalScalar[][] {
  if (!Array.isArray(out)) throw new Error(`expected an array, got ${JSON.stringify(out)}`);
  return out;
}
function nums(row: readonly FinalScalar[] | undefined): number[] {
  return (row ?? []).map((c) => {
    if (typeof c !== "number") throw new Error(`expected a number, got ${JSON.stringify(c)}`);
    return c;
  });
}

describe("REGFIT on NIST StRD linear regression (LRE ≥ 12)", () => {
  const summary: string[] = [];
  afterAll(() => {
    console.log(`REGFIT worst LRE per NIST dataset (coefs, SEs vs exact rational OLS, residual SD, R²):\n${summary.join("\n")}`);
  });

  for (const [name, ds] of Object.entries(nist.datasets)) {
    it(`${name} (${ds.model})`, () => {
      const poly = ds.degree !== null && ds.degree > 1;
      const form = poly ? `poly${ds.degree}` : "linear";
      const xCells: CellMatrix = ds.x.map((r) => (Array.isArray(r) ? r.map(Number) : [Number(r)]));
      const out = matrix(call("REGFIT", col(ds.y.map(Number)), xCells, form, null, true, ds.intercept));
      expect(out).toHaveLength(5);
      const coefs = nums(out[0]);
      const ses = ds.intercept ? nums(out[1]) : [0, ...nums(out[1]?.slice(1))];
      const [r2, sd] = nums(out[2]?.slice(0, 2));

      // Certified coefficients (NoInt sets certify b1 only; our b0 is then exactly 0).
      const est = ds.intercept ? coefs : coefs.slice(1);
      if (!ds.intercept) expect(coefs[0]).toBe(0);
      expect(est).toHaveLength(ds.certified.beta.length);
      const coefLre = est.map((b, j) => lre(b, ds.certified.beta[j] as string));
      const sdLre = lre(sd as number, ds.certified.residual_sd);
      const r2Lre = lre(r2 as number, ds.certified.r_squared);

      // Standard errors against exact rational least squares.
      const rowsQ = ds.x.map((r) => {
        if (Array.isArray(r)) return r.map((v) => Q.parse(v));
        const x = Q.parse(r);
        const terms = [x];
        for (let i = 2; i <= (ds.degree ?? 1); i++) terms.push((terms[i - 2] as Q).mul(x));
        return terms;
      });
      const exact = exactOls(rowsQ, ds.y.map((v) => Q.parse(v)), ds.intercept);
      const seEst = ds.intercept ? ses : ses.slice(1);
      if (!ds.intercept) expect(codeOf(out[1]?.[0] as FinalOutput)).toBe("NA");
      const seLre = seEst.map((s, j) => lre(s, exact.se[j] as never));
      // The oracle also re-derives the certified values (sanity of the oracle itself).
      for (let j = 0; j < exact.coefs.length; j++) expect(lre(exact.coefs[j] as never, ds.certified.beta[j] as string)).toBeGreaterThanOrEqual(13);

      const worst = Math.min(...coefLre, ...seLre, sdLre, r2Lre);
      summary.push(
        `  ${name.padEnd(9)} worst ${worst.toFixed(1)}  (coefs ${Math.min(...coefLre).toFixed(1)}, SEs ${Math.min(...seLre).toFixed(1)}, sd ${sdLre.toFixed(1)}, R² ${r2Lre.toFixed(1)})`,
      );
      for (const v of [...coefLre, ...seLre, sdLre, r2Lre]) expect(v).toBeGreaterThanOrEqual(12);
    });
  }
});

describe("REGFIT standard errors against NIST's certificate", () => {
  it("Longley: every SE to LRE ≥ 12 (NIST certifies them; the JSON file carries only the coefficients)", () => {
    // NIST StRD Longley, "Certified Regression Statistics", standard deviation of each estimate.
    const certifiedSe = ["890420.383607373", "84.9149257747669", "0.334910077722432E-01", "0.488399681651699", "0.214274163161675", "0.226073200069370", "455.478499142212"];
    const ds = nist.datasets.Longley as NistSet;
    const out = matrix(call("REGFIT", col(ds.y.map(Number)), ds.x.map((r) => (r as string[]).map(Number)), "linear", null, true));
    nums(out[1]).forEach((se, j) => expect(lre(se, certifiedSe[j] as string)).toBeGreaterThanOrEqual(12));
  });
});

describe("REGFIT examples", () => {
  const y = [1, 2, 3.1];
  const x = [1, 2, 3];

  it("returns a row b0, b1 (b0 first)", () => {
    const out = matrix(call("REGFIT", col(y), col(x)));
    expect(out).toHaveLength(1);
    const [b0, b1] = nums(out[0]);
    expect(b0).toBeCloseTo(-0.0666666666666667, 14);
    expect(b1).toBeCloseTo(1.05, 14);
  });

  it("lays out the stats block like LINEST, b0 first, #N/A fillers", () => {
    const out = matrix(call("REGFIT", col(y), col(x), "linear", null, true));
    expect(out).toHaveLength(5);
    for (const r of out) expect(r).toHaveLength(2);
    const [b0, b1] = nums(out[0]);
    expect(b1).toBeCloseTo(1.05, 14);
    expect(b0).toBeCloseTo(-1 / 15, 14);
    const sse = 1 / 600; // residuals 1/60, −1/30, 1/60
    const sxx = 2;
    const s2 = sse / 1;
    expect(nums(out[1])[1]).toBeCloseTo(Math.sqrt(s2 / sxx), 14);
    expect(nums(out[1])[0]).toBeCloseTo(Math.sqrt(s2 * (1 / 3 + 4 / sxx)), 14);
    const sst = 2.2066666666666666;
    expect(nums(out[2])[0]).toBeCloseTo(1 - sse / sst, 14);
    expect(nums(out[2])[1]).toBeCloseTo(Math.sqrt(s2), 14);
    expect(nums(out[3])[0]).toBeCloseTo((sst - sse) / s2, 8);
    expect(nums(out[3])[1]).toBe(1);
    expect(nums(out[4])[0]).toBeCloseTo(sst - sse, 14);
    expect(nums(out[4])[1]).toBeCloseTo(sse, 14);

    // With three regressors the block is 4 wide and rows 3–5 end in #N/A.
    const wide = matrix(
      call("REGFIT", col([3, 5, 4, 8, 9, 12, 11]), [[1, 2, 0], [2, 1, 1], [3, 5, 0], [4, 2, 3], [5, 7, 1], [6, 3, 2], [7, 8, 5]], "linear", null, true),
    );
    expect(wide).toHaveLength(5);
    for (const r of wide) expect(r).toHaveLength(4);
    for (const i of [2, 3, 4]) {
      expect(typeof wide[i]?.[0]).toBe("number");
      expect(typeof wide[i]?.[1]).toBe("number");
      expect(codeOf(wide[i]?.[2] as FinalOutput)).toBe("NA");
      expect(codeOf(wide[i]?.[3] as FinalOutput)).toBe("NA");
    }
    expect(wide[3]?.[1]).toBe(3); // df = 7 − 4
  });

  it("fits two regressors (size, charges)", () => {
    // y = 2 + 0.5·size − 0.25·charges exactly.
    const xs = [[10, 2], [20, 3], [15, 5], [40, 1], [30, 4], [25, 6]];
    const ys = xs.map(([s, c]) => 2 + 0.5 * (s as number) - 0.25 * (c as number));
    const [b0, b1, b2] = nums(matrix(call("REGFIT", col(ys), xs))[0]);
    expect(b0).toBeCloseTo(2, 13);
    expect(b1).toBeCloseTo(0.5, 13);
    expect(b2).toBeCloseTo(-0.25, 13);
  });

  it("an exact fit reports SEs and residual SD 0, R² 1 and F #DIV/0!", () => {
    const xs = [[10, 2], [20, 3], [15, 5], [40, 1], [30, 4], [25, 6]];
    const ys = xs.map(([s, c]) => 2 + 0.5 * (s as number) - 0.25 * (c as number));
    const out = matrix(call("REGFIT", col(ys), xs, "linear", null, true));
    expect(out[1]).toEqual([0, 0, 0]);
    expect(out[2]?.slice(0, 2)).toEqual([1, 0]);
    expect(codeOf(out[3]?.[0] as FinalOutput)).toBe("DIV0");
    expect(out[3]?.[1]).toBe(3);
    expect(out[4]?.[1]).toBe(0);
  });

  it("reads a row of y with the observations of x in columns, and a row of x against a column of y", () => {
    const xs = [[10, 2], [20, 3], [15, 5], [40, 1], [30, 4]];
    const ys = [7, 9.5, 8.1, 20.2, 14];
    const a = matrix(call("REGFIT", col(ys), xs));
    const b = matrix(call("REGFIT", [ys], [xs.map((r) => r[0] as number), xs.map((r) => r[1] as number)]));
    expect(nums(b[0])).toEqual(nums(a[0]).map((v) => expect.closeTo(v, 12) as unknown as number));
    const c = matrix(call("REGFIT", col(ys), [xs.map((r) => r[0] as number)]));
    const d = matrix(call("REGFIT", [ys], col(xs.map((r) => r[0] as number))));
    expect(nums(c[0])).toEqual(nums(d[0]));
  });

  it("intercept = FALSE forces b0 = 0 and reports the uncentred R²", () => {
    const ys = [2.1, 3.9, 6.2, 7.8];
    const xs = [1, 2, 3, 4];
    const out = matrix(call("REGFIT", col(ys), col(xs), "linear", null, true, false));
    const sxy = xs.reduce((s, v, i) => s + v * (ys[i] as number), 0);
    const sxx = xs.reduce((s, v) => s + v * v, 0);
    const b1 = sxy / sxx;
    expect(out[0]?.[0]).toBe(0);
    expect(out[0]?.[1]).toBeCloseTo(b1, 14);
    const sse = xs.reduce((s, v, i) => s + ((ys[i] as number) - b1 * v) ** 2, 0);
    const syy = ys.reduce((s, v) => s + v * v, 0);
    expect(nums(out[2])[0]).toBeCloseTo(1 - sse / syy, 14);
    expect(out[3]?.[1]).toBe(3); // df = n − k
    expect(codeOf(out[1]?.[0] as FinalOutput)).toBe("NA");
  });

  it("power fits ln y = b0 + b1·ln x; log fits y = b0 + b1·ln x", () => {
    const xs = [1, 2, 4, 8, 16];
    const pw = nums(matrix(call("REGFIT", col(xs.map((v) => 3 * v ** 0.5)), col(xs), "power"))[0]);
    expect(pw[0]).toBeCloseTo(Math.log(3), 13);
    expect(pw[1]).toBeCloseTo(0.5, 13);
    const lg = nums(matrix(call("REGFIT", col(xs.map((v) => 1 + 2 * Math.log(v))), col(xs), "LOG"))[0]);
    expect(lg[0]).toBeCloseTo(1, 13);
    expect(lg[1]).toBeCloseTo(2, 13);
  });

  it("equal-sized exactly determined fit gives the coefficients and #DIV/0! where df = 0 is divided by", () => {
    const out = matrix(call("REGFIT", col([1, 3]), col([0, 1]), "linear", null, true));
    expect(nums(out[0])).toEqual([1, 2]);
    expect(codeOf(out[1]?.[0] as FinalOutput)).toBe("DIV0");
    expect(codeOf(out[2]?.[1] as FinalOutput)).toBe("DIV0");
    expect(out[3]?.[1]).toBe(0);
  });
});

describe("REGFIT weights", () => {
  const xs = [1, 2, 3, 4, 5, 6];
  const ys = [1.2, 1.9, 3.2, 3.8, 5.3, 5.9];

  it("integer weights equal repeating rows; zero weight equals leaving the row out; constant weights change nothing", () => {
    const w = [1, 2, 0, 3, 1, 2];
    const weighted = nums(matrix(call("REGFIT", col(ys), col(xs), "linear", col(w)))[0]);
    const rx: number[] = [];
    const ry: number[] = [];
    w.forEach((k, i) => {
      for (let j = 0; j < k; j++) {
        rx.push(xs[i] as number);
        ry.push(ys[i] as number);
      }
    });
    const repeated = nums(matrix(call("REGFIT", col(ry), col(rx)))[0]);
    expect(weighted[0]).toBeCloseTo(repeated[0] as number, 13);
    expect(weighted[1]).toBeCloseTo(repeated[1] as number, 13);

    const plain = nums(matrix(call("REGFIT", col(ys), col(xs)))[0]);
    const constant = nums(matrix(call("REGFIT", col(ys), col(xs), "linear", col(xs.map(() => 7.5))))[0]);
    expect(constant[0]).toBeCloseTo(plain[0] as number, 13);
    expect(constant[1]).toBeCloseTo(plain[1] as number, 13);
  });

  it("a zero-weighted row does not count as an observation", () => {
    const out = matrix(call("REGFIT", col(ys), col(xs), "linear", col([1, 1, 1, 1, 1, 0]), true));
    expect(out[3]?.[1]).toBe(3); // 5 used rows − 2 coefficients
  });

  it("rejects negative, all-zero and mis-sized weights", () => {
    expect(codeOf(call("REGFIT", col(ys), col(xs), "linear", col([1, 1, -1, 1, 1, 1])))).toBe("NUM");
    expect(codeOf(call("REGFIT", col(ys), col(xs), "linear", col([0, 0, 0, 0, 0, 0])))).toBe("NUM");
    expect(codeOf(call("REGFIT", col(ys), col(xs), "linear", col([1, 1, 1])))).toBe("VALUE");
    expect(codeOf(call("REGFIT", col(ys), col(xs), "linear", col([1, 0, 0, 0, 0, 0])))).toBe("NUM"); // 1 usable row
  });
});

describe("REGFIT errors", () => {
  const ys = [1, 2, 3, 4];
  const xs = [1, 2, 4, 3];
  it.each([
    ["text in y", col([1, "abc", 3, 4]), col(xs), "VALUE"],
    ["thousands separator text", col([1, "1,234", 3, 4]), col(xs), "VALUE"],
    ["full-width digits", col([1, "１２", 3, 4]), col(xs), "VALUE"],
    ["a blank in y", col([1, null, 3, 4]), col(xs), "VALUE"],
    ["a blank in x", col(ys), col([1, 2, null, 3]), "VALUE"],
    ["an error value in x", col(ys), [[1], [2], [{ kind: "CellError", code: "#REF!" }], [3]], "VALUE"],
    ["a boolean in x", col(ys), col([1, 2, true as unknown as number, 3]), "VALUE"],
    ["mismatched lengths", col(ys), col([1, 2, 3]), "VALUE"],
    ["y is a block", [[1, 2], [3, 4]], col(xs), "VALUE"],
    ["all-blank y", col([null, null, null, null]), col(xs), "NUM"],
    ["missing y", undefined, col(xs), "VALUE"],
    ["missing x", col(ys), undefined, "VALUE"],
    ["collinear columns", col(ys), [[1, 2], [2, 4], [3, 6], [4, 8]], "NUM"],
    ["a column equal to the intercept", col(ys), [[1, 5], [2, 5], [3, 5], [4, 5]], "NUM"],
    ["fewer rows than coefficients", col([1, 2]), [[1, 2], [3, 5]], "NUM"],
  ] as [string, CellMatrix | undefined, CellMatrix | undefined, string][])("%s → %s", (_label, y, x, code) => {
    expect(codeOf(call("REGFIT", y, x))).toBe(code);
  });

  it("checks the form's domain and shape", () => {
    expect(codeOf(call("REGFIT", col(ys), col([1, 0, 2, 3]), "log"))).toBe("NUM");
    expect(codeOf(call("REGFIT", col([1, -2, 3, 4]), col(xs), "power"))).toBe("NUM");
    expect(codeOf(call("REGFIT", col(ys), [[1, 2], [2, 1], [3, 3], [4, 1]], "poly2"))).toBe("VALUE");
    expect(codeOf(call("REGFIT", col(ys), col(xs), "cubic"))).toBe("VALUE");
    expect(codeOf(call("REGFIT", col(ys), col(xs), "poly4"))).toBe("NUM"); // 5 coefficients from 4 rows
  });
});

/** Exact small-integer data for each form: coefficients from the generator, x in a safe range. */
describe("REGFIT recovers the coefficients of noiseless data for every form (property)", () => {
  const forms = REG_FORMS;
  it.each(forms.map((f) => [f]))("%s", (form) => {
    const deg = form.startsWith("poly") ? Number(form.slice(4)) : 0;
    const k = deg > 0 ? 1 : 2;
    const p = (deg > 0 ? deg : k) + 1;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: p, maxLength: p }),
        deg > 0
          ? fc.uniqueArray(fc.integer({ min: -6, max: 6 }), { minLength: p, maxLength: 13 })
          : fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: p + 2, maxLength: 9 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 13, maxLength: 13 }),
        (coefs, firstCol, secondCol) => {
          const xs = firstCol.map((v, i) => (k === 1 ? [v] : [v, (secondCol[i] as number) + (i % 3) * 7]));
          const cd = coefs.map((c) => new D(c));
          const ys = xs.map((r) => Number(evaluateForm(form, form === "power" ? cd.map((c) => c.div(10)) : cd, r.map((v) => new D(v))).toString()));
          const out = call("REGFIT", col(ys), xs, form);
          if (!Array.isArray(out)) {
            // Two-regressor draws can be collinear after all (e.g. ln of proportional columns); that must be #NUM!.
            expect(codeOf(out)).toBe("NUM");
            return;
          }
          const got = nums(out[0]);
          const want = form === "power" ? coefs.map((c) => c / 10) : coefs;
          const tol = form === "linear" || deg > 0 ? 1e-7 : 1e-6;
          got.forEach((g, j) => expect(Math.abs(g - (want[j] as number))).toBeLessThan(tol * Math.max(1, Math.abs(want[j] as number))));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("forms", () => {
  it("builds the regressors of each form", () => {
    const x = [new D(2), new D(3)];
    expect(regressorsOf("linear", x).map(String)).toEqual(["2", "3"]);
    expect(regressorsOf("log", x).map((d) => d.toFixed(30))).toEqual(["0.693147180559945309417232121458", "1.098612288668109691395245236923"]);
    expect(regressorsOf("poly3", [new D(2)]).map(String)).toEqual(["2", "4", "8"]);
    expect(() => regressorsOf("log", [new D(0)])).toThrow();
    expect(() => regressorsOf("poly2", x)).toThrow();
  });
  it("evaluates f(x) for each form", () => {
    const f = (form: RegForm, c: number[], x: number[]): number => evaluateForm(form, c.map((v) => new D(v)), x.map((v) => new D(v))).toNumber();
    expect(f("linear", [1, 2, 3], [10, 100])).toBe(321);
    expect(f("log", [1, 2], [Math.E])).toBeCloseTo(3, 14);
    expect(f("power", [Math.log(3), 2], [5])).toBeCloseTo(75, 12);
    expect(f("poly2", [1, 2, 3], [2])).toBe(17);
    expect(() => f("linear", [1, 2], [1, 2])).toThrow();
  });
});

describe("REGPREDICT", () => {
  it("evaluates the fitted form at one row", () => {
    expect(call("REGPREDICT", [[10, 100]], [[1, 2, 3]])).toBe(321);
    expect(call("REGPREDICT", col([10, 100]), col([1, 2, 3]))).toBe(321);
    expect(call("REGPREDICT", 2, [[1, 2, 3]], "poly2")).toBe(17);
    expect(call("REGPREDICT", 5, [[Math.log(3), 2]], "power") as number).toBeCloseTo(75, 12);
    expect(call("REGPREDICT", Math.E, [[1, 2]], "log") as number).toBeCloseTo(3, 14);
  });

  it("reproduces the fitted values of REGFIT, also from the stats block", () => {
    const xs = [[10, 2], [20, 3], [15, 5], [40, 1], [30, 4]];
    const ys = [7, 9.5, 8.1, 20.2, 14];
    const coefs = matrix(call("REGFIT", col(ys), xs)) as CellMatrix;
    const block = matrix(call("REGFIT", col(ys), xs, "linear", null, true)) as unknown as CellMatrix;
    const fitted = xs.map((r) => call("REGPREDICT", [r], coefs) as number);
    expect(xs.map((r) => call("REGPREDICT", [r], block))).toEqual(fitted);
    // Residuals of a least-squares fit with intercept sum to zero.
    expect(Math.abs(fitted.reduce((s, f, i) => s + (ys[i] as number) - f, 0))).toBeLessThan(1e-12);
  });

  it("answers bad input with the right error", () => {
    expect(codeOf(call("REGPREDICT", [[1, 2]], [[1, 2]]))).toBe("VALUE"); // 2 regressors, 1 slope
    expect(codeOf(call("REGPREDICT", 0, [[1, 2]], "log"))).toBe("NUM");
    expect(codeOf(call("REGPREDICT", -1, [[1, 2]], "power"))).toBe("NUM");
    expect(codeOf(call("REGPREDICT", "1,234", [[1, 2]]))).toBe("VALUE");
    expect(codeOf(call("REGPREDICT", null, [[1, 2]]))).toBe("VALUE");
    expect(codeOf(call("REGPREDICT", 1, [[1, null]]))).toBe("VALUE");
    expect(codeOf(call("REGPREDICT", 1, [[1, 2]], "cubic"))).toBe("VALUE");
    expect(codeOf(call("REGPREDICT", 1000, [[0, 1000]], "power"))).toBe("NUM"); // overflow
  });
});

// Speed is measured by `npm run bench` (regfit_10k_ms), not asserted here.
describe("REGFIT on a large table", () => {
  it("fits 10 000 rows × 2 regressors with stats", () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    let seed = 12345;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 10000; i++) {
      const size = Math.round(rnd() * 1e5) / 100;
      const charges = Math.round(rnd() * 1e4) / 1000;
      xs.push([size, charges]);
      ys.push(Math.round((0.8 - 0.002 * size + 0.03 * charges + rnd() * 0.1) * 1e4) / 1e4);
    }
    const out = matrix(call("REGFIT", col(ys), xs, "linear", null, true));
    expect(nums(out[0])[1]).toBeCloseTo(-0.002, 3);
  });
});
