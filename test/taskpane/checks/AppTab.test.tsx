/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../../src/taskpane/components/App";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { shimBrowser } from "../audit/setup";

beforeAll(shimBrowser);

describe("the pane's tabs include the three panels", () => {
  it("input checks, audit and builder open from their tabs (Japanese)", async () => {
    render(<App host={new FakeHost({ sheets: { 入力: { A1: "炉サイズ (t)", B1: "排出量 (t-CO2)", A2: "１０", B2: 5 } } })} />);
    fireEvent.click(screen.getByRole("tab", { name: "入力チェック" }));
    await waitFor(() => expect((screen.getByRole("combobox", { name: "対象" }) as HTMLSelectElement).value).toBe("入力"));
    fireEvent.click(await screen.findByRole("button", { name: "チェックを実行" }));
    expect(await screen.findByText(/数値のセルに文字列「１０」があります（全角）/)).toBeTruthy();
    fireEvent.click(screen.getAllByRole("tab")[2] as HTMLElement);
    expect(await screen.findByRole("button", { name: "選択セルを監査" })).toBeTruthy();
    fireEvent.click(screen.getAllByRole("tab")[1] as HTMLElement);
    expect(await screen.findByLabelText("関数を検索（名前・説明）", { selector: "input" })).toBeTruthy();
  });
});
