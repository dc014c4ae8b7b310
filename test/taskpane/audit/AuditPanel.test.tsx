/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { AuditPanel } from "../../../src/taskpane/components/audit/AuditPanel";
import { actionsFromHost } from "../../../src/taskpane/components/audit/actions";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { InLang, shimBrowser } from "./setup";

beforeAll(shimBrowser);

function hostWith(cells: Record<string, number | string>, select: string): FakeHost {
  const host = new FakeHost({ sheets: { 炉データ: cells, Other: { A1: 7 } } });
  host.select("炉データ", select);
  return host;
}

describe("AuditPanel", () => {
  it("explains a CORRFACTOR cell: rule, arguments, f(avg), f(own), CF, ✓, native formula", async () => {
    const host = hostWith({ B4: 10, C4: 2, E1: 1, F1: 0.1, G1: 0.2, D4: "=ALCN.CORRFACTOR(B4,C4,E1:G1,20,3)" }, "D4");
    render(
      <InLang lang="en">
        <AuditPanel actions={actionsFromHost(host)} />
      </InLang>,
    );
    await screen.findByTestId("audit-result");
    expect(screen.getByText(/intensity the regression expects at the industry-average furnace/)).toBeTruthy();
    expect(screen.getByText("f(avg)")).toBeTruthy();
    expect(screen.getByText("3.6")).toBeTruthy();
    expect(screen.getByText("f(own)")).toBeTruthy();
    expect(screen.getByTestId("audit-core").textContent).toBe("1.5");
    expect(screen.getByTestId("audit-check").textContent).toContain("✓");
    expect(screen.getByText(/agrees with the cell/)).toBeTruthy();
    expect(screen.getByTestId("audit-native").textContent).toBe("=(INDEX(E1:G1,1,1)+INDEX(E1:G1,1,2)*20+INDEX(E1:G1,1,3)*3)/(INDEX(E1:G1,1,1)+INDEX(E1:G1,1,2)*B4+INDEX(E1:G1,1,3)*C4)");
  });

  it("reads references on other sheets and workbook names, in Japanese", async () => {
    const host = new FakeHost({ sheets: { 入力: { A1: 900, A2: 1000 }, 計算: { B2: "=ALCN.BALANCE(入力!A1,入力!A2,LIMIT)" }, 表: { C3: 150 } } });
    host.names.set("LIMIT", { name: "LIMIT", sheet: "表", ref: "$C$3" });
    host.select("計算", "B2");
    render(
      <InLang lang="ja">
        <AuditPanel actions={actionsFromHost(host)} />
      </InLang>,
    );
    await screen.findByTestId("audit-result");
    expect(screen.getByText("使用できるクレジット")).toBeTruthy();
    expect(screen.getByTestId("audit-core").textContent).toBe("0");
    expect(screen.getByTestId("audit-check").textContent).toContain("✓");
    expect(screen.getAllByText(/J-クレジット/).length).toBeGreaterThan(0);
    // the credit cap comes from the shipped edition, with its source
    expect(screen.getByText("bm.credit_cap_pct")).toBeTruthy();
    expect(screen.getByText(/meti-al-2025-10-draft: GX-ETS/)).toBeTruthy();
  });

  it("says when the selected cell has no ALCN function, and audits again on request", async () => {
    const host = hostWith({ A1: "=SUM(1,2)", B1: "=ALCN.INTENSITY(300,120)" }, "A1");
    render(
      <InLang lang="en">
        <AuditPanel actions={actionsFromHost(host)} />
      </InLang>,
    );
    expect(await screen.findByText(/has no ALCN function/)).toBeTruthy();
    host.select("炉データ", "B1");
    fireEvent.click(screen.getByRole("button", { name: "Audit the selected cell" }));
    await waitFor(() => expect(screen.getByTestId("audit-core").textContent).toBe("2.5"));
  });

  it("computes a nested ALCN call in an argument with the core", async () => {
    const host = hostWith(
      { A1: 10, A2: 20, B1: 2, B2: 3, C1: 100, C2: 300, D1: 1, E1: 0.1, F1: 0.2, H1: 1000, H2: 500, G1: "=ALCN.UPINTENSITY(H1,H2,ALCN.COMPANYCF(A1:A2,B1:B2,C1:C2,D1:F1,20,3))" },
      "G1",
    );
    render(
      <InLang lang="en">
        <AuditPanel actions={actionsFromHost(host)} />
      </InLang>,
    );
    await screen.findByTestId("audit-result");
    expect(screen.queryByText("(cannot evaluate)")).toBeNull();
    expect(screen.getByTestId("audit-core").textContent).toBe("2.25"); // 1000 / 500 × 1.125
    expect(screen.getByTestId("audit-check").textContent).toContain("✓");
  });

  it("marks arguments it cannot evaluate and still shows the rule", async () => {
    const host = hostWith({ A1: 300, A2: 120, B1: "=ALCN.INTENSITY(SUM(A1),A2)" }, "B1");
    render(
      <InLang lang="en">
        <AuditPanel actions={actionsFromHost(host)} />
      </InLang>,
    );
    await screen.findByTestId("audit-result");
    expect(screen.getByText("(cannot evaluate)")).toBeTruthy();
    expect(screen.getByText(/could not be evaluated/)).toBeTruthy();
  });
});
