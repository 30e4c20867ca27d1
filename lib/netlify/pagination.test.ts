import { describe, expect, it } from "vitest";
import { NetlifyApiError } from "./errors";
import { collectAllPages, type Page, parseLinkHeader, parseTotalHeader, toPage } from "./pagination";

const base = "https://api.netlify.com/api/v1/agent_runners";

describe("parseLinkHeader", () => {
  it("reads next and last page numbers from Netlify's Link header", () => {
    const header = `<${base}?page=2&per_page=100>; rel="next", <${base}?page=5&per_page=100>; rel="last"`;
    expect(parseLinkHeader(header)).toEqual({ next: 2, last: 5 });
  });

  it("reads first and prev, unquoted rels and several rels in one value", () => {
    const header = `<${base}?page=1>; rel=first, <${base}?per_page=10&page=3>; rel="prev next"`;
    expect(parseLinkHeader(header)).toEqual({ first: 1, prev: 3, next: 3 });
  });

  it("returns nothing for a missing header and skips links without a usable page", () => {
    expect(parseLinkHeader(null)).toEqual({});
    expect(parseLinkHeader(`<${base}>; rel="next", <${base}?page=abc>; rel="last"`)).toEqual({});
  });

  it("accepts relative link targets", () => {
    expect(parseLinkHeader('</api/v1/sites?page=4>; rel="next"')).toEqual({ next: 4 });
  });
});

describe("parseTotalHeader", () => {
  it("reads a non-negative integer and treats anything else as unknown", () => {
    expect(parseTotalHeader("42")).toBe(42);
    expect(parseTotalHeader(" 0 ")).toBe(0);
    expect(parseTotalHeader(null)).toBeNull();
    expect(parseTotalHeader("-1")).toBeNull();
    expect(parseTotalHeader("many")).toBeNull();
  });
});

describe("toPage", () => {
  it("has no next page on a single page that only carries rel=last, as Netlify sends it", () => {
    const headers = new Headers({ Total: "3", Link: `<${base}?page=1>; rel="last"` });
    expect(toPage(["a", "b", "c"], headers, { page: 1, perPage: 100 })).toEqual({
      items: ["a", "b", "c"],
      total: 3,
      page: 1,
      nextPage: null,
      lastPage: 1,
    });
  });

  it("falls back to Total and perPage when there is no Link header at all", () => {
    const headers = new Headers({ Total: "250" });
    expect(toPage([], headers, { page: 2, perPage: 100 })).toMatchObject({ nextPage: 3, lastPage: 3 });
    expect(toPage([], headers, { page: 3, perPage: 100 })).toMatchObject({ nextPage: null, lastPage: 3 });
  });

  it("reports unknown total and no next page when neither header is present", () => {
    expect(toPage([1], new Headers(), { page: 1, perPage: 100 })).toMatchObject({
      total: null,
      nextPage: null,
    });
  });
});

function pageOf<T>(items: T[], page: number, nextPage: number | null): Page<T> {
  return { items, total: null, page, nextPage, lastPage: null };
}

describe("collectAllPages", () => {
  it("walks pages at per_page=100 following rel=next until there is none", async () => {
    const requests: Array<{ page: number; perPage: number }> = [];
    const items = await collectAllPages(async (request) => {
      requests.push(request);
      return pageOf([`item-${request.page}`], request.page, request.page < 3 ? request.page + 1 : null);
    });
    expect(items).toEqual(["item-1", "item-2", "item-3"]);
    expect(requests).toEqual([
      { page: 1, perPage: 100 },
      { page: 2, perPage: 100 },
      { page: 3, perPage: 100 },
    ]);
  });

  it("stops on an empty page even if the upstream still links a next one", async () => {
    let calls = 0;
    const items = await collectAllPages(async (request) => {
      calls += 1;
      return pageOf(request.page === 1 ? ["a"] : [], request.page, request.page + 1);
    });
    expect(items).toEqual(["a"]);
    expect(calls).toBe(2);
  });

  it("throws invalid_response instead of looping when rel=next points back", async () => {
    const walk = collectAllPages(async (request) => pageOf(["a"], request.page, 1));
    await expect(walk).rejects.toBeInstanceOf(NetlifyApiError);
    await expect(walk).rejects.toMatchObject({ errorCode: "invalid_response" });
  });

  it("throws once maxPages is exceeded rather than returning a truncated list", async () => {
    const walk = collectAllPages(async (request) => pageOf(["a"], request.page, request.page + 1), {
      maxPages: 5,
    });
    await expect(walk).rejects.toMatchObject({ status: 502, errorCode: "invalid_response" });
  });

  it("keeps one copy of an item that shifted onto the next page while walking", async () => {
    const pages = [pageOf([{ id: "r2" }, { id: "r1" }], 1, 2), pageOf([{ id: "r1" }, { id: "r0" }], 2, null)];
    const items = await collectAllPages(async (request) => pages[request.page - 1] ?? pageOf([], 0, null), {
      idOf: (item) => item.id,
    });
    expect(items.map((item) => item.id)).toEqual(["r2", "r1", "r0"]);
  });
});
