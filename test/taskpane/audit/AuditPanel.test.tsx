/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { AuditPanel } from "../../../src/taskpane/components/audit/AuditPanel";
import { actionsFromHost } from "../../../src/taskpane/components/audit/actions";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { OfficeHost } from "../../../src/taskpane/host/office-host";
import { MockWorkbookState, mockRun } from "../host/excel-mock";
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

  it("while a cell is being edited in Excel, says so and how to finish, in Japanese; then audits", async () => {
    const host = hostWith({ B1: "=ALCN.INTENSITY(300,120)" }, "B1");
    host.cellEditMode = true;
    render(
      <InLang lang="ja">
        <AuditPanel actions={actionsFromHost(host)} />
      </InLang>,
    );
    expect(await screen.findByText(/Excel でセルを編集中のため、ブックを読み書きできません。Enter キーまたは Esc キーで編集を終えてから/)).toBeTruthy();
    host.cellEditMode = false;
    fireEvent.click(screen.getByRole("button", { name: "選択セルを監査" }));
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

  describe("follows the selection", () => {
    const pause = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));

    it("audits the newly selected cell by itself, once after a burst of moves (debounced)", async () => {
      const host = hostWith({ A1: "=SUM(1,2)", B1: "=ALCN.INTENSITY(300,120)", C1: "=ALCN.INTENSITY(100,50)" }, "A1");
      let reads = 0;
      const read = host.readSelection.bind(host);
      host.readSelection = () => {
        reads++;
        return read();
      };
      render(
        <InLang lang="en">
          <AuditPanel actions={actionsFromHost(host)} debounceMs={40} />
        </InLang>,
      );
      expect(await screen.findByText(/has no ALCN function/)).toBeTruthy();
      expect(reads).toBe(1);
      act(() => host.select("炉データ", "B1"));
      await waitFor(() => expect(screen.getByTestId("audit-core").textContent).toBe("2.5"));
      expect(reads).toBe(2);
      // arrow keys across three cells within the pause: one audit, of the last one
      act(() => host.select("炉データ", "A1"));
      act(() => host.select("炉データ", "B1"));
      act(() => host.select("炉データ", "C1"));
      await pause(10);
      expect(reads).toBe(2);
      await waitFor(() => expect(screen.getByTestId("audit-core").textContent).toBe("2"));
      await pause(80);
      expect(reads).toBe(3);
      // the button still works
      fireEvent.click(screen.getByRole("button", { name: "Audit the selected cell" }));
      await waitFor(() => expect(reads).toBe(4));
    });

    it("in Excel: registers a selection handler, re-audits on the user's selection, removes the handler on close", async () => {
      const state = new MockWorkbookState();
      state.sheets.push({ name: "計算", cells: new Map([["B1", { formula: "=ALCN.INTENSITY(300,120)", value: 2.5 }], ["C1", { formula: "=ALCN.INTENSITY(100,50)", value: 2 }]]) });
      state.selection = { sheet: "計算", address: "B1" };
      const office = new OfficeHost(mockRun(state));
      const view = render(
        <InLang lang="en">
          <AuditPanel actions={actionsFromHost(office)} debounceMs={10} />
        </InLang>,
      );
      await waitFor(() => expect(screen.getByTestId("audit-core").textContent).toBe("2.5"));
      await waitFor(() => expect(state.selectionHandlers).toHaveLength(1));
      await act(() => state.userSelects("計算", "C1"));
      await waitFor(() => expect(screen.getByTestId("audit-core").textContent).toBe("2"));
      expect(screen.getByText(/agrees with the cell/)).toBeTruthy();
      view.unmount();
      await waitFor(() => expect(state.selectionHandlers).toHaveLength(0));
      expect(state.ops.filter((o) => o.op.startsWith("onSelectionChanged")).map((o) => o.op)).toEqual(["onSelectionChanged.add", "onSelectionChanged.remove"]);
    });

    it("does not subscribe with follow={false}", async () => {
      const host = hostWith({ A1: "=ALCN.INTENSITY(300,120)", B1: "=ALCN.INTENSITY(100,50)" }, "A1");
      let subscribed = 0;
      const on = host.onSelectionChanged.bind(host);
      host.onSelectionChanged = (cb) => {
        subscribed++;
        return on(cb);
      };
      render(
        <InLang lang="en">
          <AuditPanel actions={actionsFromHost(host)} follow={false} debounceMs={5} />
        </InLang>,
      );
      await waitFor(() => expect(screen.getByTestId("audit-core").textContent).toBe("2.5"));
      act(() => host.select("炉データ", "B1"));
      await pause(40);
      expect(screen.getByTestId("audit-core").textContent).toBe("2.5");
      expect(subscribed).toBe(0);
    });
  });
});
