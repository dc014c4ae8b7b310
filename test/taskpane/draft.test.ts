import fc from "fast-check";
import { decodeDraft, draftKey, encodeDraft } from "../../src/taskpane/draft";
import { demoFollowupState } from "../../src/taskpane/followup/state";
import { demoState } from "../../src/taskpane/wizard/demo";
import { YEAR_STATUSES } from "../../src/taskpane/wizard/state";

const demo = () => ({ wizard: demoState("ja"), followup: demoFollowupState("ja", { mode: "native", replace: true }) });

describe("the pane's draft", () => {
  it("round-trips every input (row keys are new)", () => {
    const d = demo();
    const back = decodeDraft(encodeDraft(d));
    expect(back && draftKey(back.wizard, back.followup)).toBe(draftKey(d.wizard, d.followup));
    const keys = back?.wizard.furnaces.map((r) => r.key) ?? [];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toEqual(d.wizard.furnaces.map((r) => r.key));
  });

  it("is nothing when the text is not a draft of this version", () => {
    for (const text of ["", "not json", "null", "[]", "42", '"x"', JSON.stringify({ v: 2, wizard: {} }), JSON.stringify({ wizard: {} })]) expect(decodeDraft(text)).toBeUndefined();
  });

  it("a field of the wrong type or an unknown choice falls back to the empty form's; the rest is kept", () => {
    const d = demo();
    const raw = JSON.parse(encodeDraft(d)) as { wizard: Record<string, unknown>; followup: Record<string, unknown> };
    raw.wizard.company = 42;
    raw.wizard.form = "cubic";
    raw.wizard.fy = "2026";
    (raw.wizard.products as { side: string; statuses: string[] }[])[0]!.side = "sideways";
    (raw.wizard.products as { side: string; statuses: string[] }[])[1]!.statuses = ["normal", "bogus", "none"];
    (raw.wizard.outlook as { fy: number }[])[0]!.fy = 1999;
    (raw.followup.columns as { kind: string }[])[0]!.kind = "outlook";
    raw.wizard.__proto__polluted = { x: 1 };
    const back = decodeDraft(JSON.stringify(raw));
    expect(back?.wizard.company).toBe("");
    expect(back?.wizard.form).toBe("power");
    expect(back?.wizard.fy).toBe(2026);
    expect(back?.wizard.products[0]?.side).toBe("up");
    expect(back?.wizard.products[1]?.statuses).toEqual(["normal", "normal", "none"]);
    expect(back?.wizard.outlook[0]?.fy).toBe(2026);
    expect(back?.followup.columns[0]?.kind).toBe("base");
    expect(back?.wizard.furnaces).toHaveLength(d.wizard.furnaces.length);
    expect(back?.wizard.furnaces[0]?.capacity).toBe(d.wizard.furnaces[0]?.capacity);
    expect(Object.keys(back?.wizard ?? {})).not.toContain("__proto__polluted");
  });

  it("rows: none or more than 10 000 fall back to the empty form's; tuples keep their length", () => {
    const raw = JSON.parse(encodeDraft(demo())) as { wizard: Record<string, unknown> };
    raw.wizard.furnaces = [];
    (raw.wizard.products as { values: string[] }[])[0]!.values = ["1", "2"];
    let back = decodeDraft(JSON.stringify(raw));
    expect(back?.wizard.furnaces).toHaveLength(1);
    expect(back?.wizard.products[0]?.values).toEqual(["", "", ""]);
    raw.wizard.furnaces = Array.from({ length: 10_001 }, () => ({ id: "x" }));
    back = decodeDraft(JSON.stringify(raw));
    expect(back?.wizard.furnaces).toHaveLength(1);
  });

  it("property: any JSON in the draft decodes without throwing to a form the pane can hold", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (wizard, followup) => {
        const back = decodeDraft(JSON.stringify({ v: 1, wizard, followup }));
        expect(back).toBeDefined();
        expect(back?.wizard.furnaces.length).toBeGreaterThan(0);
        for (const p of back?.wizard.products ?? []) for (const st of p.statuses) expect(YEAR_STATUSES).toContain(st);
        expect(back?.followup.columns).toHaveLength(5);
        expect(typeof back?.wizard.company).toBe("string");
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
