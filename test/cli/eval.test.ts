import { main } from "../../src/cli/main";

async function run(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, lines };
}

describe("alcn eval", () => {
  it("prints SPEC 6's example", async () => {
    expect(await run("eval", "=ALCN.PROGRESS(146,105.4,100)")).toEqual({ code: 0, lines: ["0.8826086956521739"] });
  });
  it("prints errors as code and message, arrays as {a,b;c,d}, booleans as TRUE/FALSE", async () => {
    const { lines } = await run("eval", "=ALCN.INTENSITY(5,0)", "={1,2;3,4}", "=1=1", "=ROUND(ALCN.CHANGERATE(110,100),2)");
    expect(lines[0]).toMatch(/^#DIV\/0! /);
    expect(lines.slice(1)).toEqual(["{1,2;3,4}", "TRUE", "0.1"]);
  });
  it("a formula the engine cannot parse is one line saying where, not the parser's token list", async () => {
    const { code, lines } = await run("eval", "", "=", "=1+", "=1)", "=1%%");
    expect(code).toBe(0);
    expect(lines).toEqual([
      "#ERROR! the formula could not be parsed: it ends too early",
      "#ERROR! the formula could not be parsed: it ends too early",
      "#ERROR! the formula could not be parsed: it ends too early",
      '#ERROR! the formula could not be parsed near ")"',
      '#ERROR! the formula could not be parsed near "%"',
    ]);
  });
  it("exits non-zero with usage when no formula is given", async () => {
    expect((await run("eval")).code).toBe(2);
  });
});
