import type { Locator, Page } from 'playwright-core';
import { launchChromium, originsOf, type RecordedPage, recordPage, screenshot, type TestBrowser } from '../helpers/browser';
import { type HttpTestService, postGraphQL, startHttpService } from '../helpers/http-service';
import { type FixtureGraphData, MARKUP_ORGANIZATION, MARKUP_PLACE, markupGraphData, SECOND_PARAGRAPH } from '../helpers/markup-graph-data';

// One Chromium for the file; each test opens its own page. A loaded machine needs more than Jest's 5 s to start it.
jest.setTimeout(30_000);

let data: FixtureGraphData;
let service: HttpTestService;
let browser: TestBrowser;
let opened: RecordedPage | undefined;

beforeAll(async () => {
  data = markupGraphData();
  [service, browser] = await Promise.all([startHttpService({ GRAPH_DATA_DIR: data.dir }), launchChromium()]);
});

afterEach(async () => {
  await opened?.stop();
  opened = undefined;
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  data?.remove();
});

/** Opens a page of the service, recording what it does. */
async function open(path: string): Promise<RecordedPage> {
  opened = await recordPage(browser.context, service.origin);
  await opened.page.goto(`${service.origin}${path}`);
  return opened;
}

/** Runs an operation against the service, for the values the page must show. */
async function api(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const reply = await postGraphQL(service.url, { query, variables });
  expect(reply.json.errors).toBeUndefined();
  return reply.json.data;
}

/** An attribute of each element the locator finds. */
function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
  return locator.evaluateAll((elements, attribute) => elements.map((element) => element.getAttribute(attribute)), name);
}

/** The items of the details panel's list under a heading. */
function detailsList(page: Page, heading: string): Locator {
  return page
    .locator('#details h4')
    .filter({ hasText: new RegExp(`^${heading}`) })
    .locator('xpath=following-sibling::ul[1]/li');
}

/** Waits until the drawing's summary (an aria-live line) ends with `note`. */
async function drawn(page: Page, note: string): Promise<void> {
  await page.locator('#drawing-summary').filter({ hasText: note }).waitFor();
}

/** The ids of the nodes the text list shows, in its order, and those it says are on the path. */
async function listedNodes(page: Page): Promise<{ all: (string | null)[]; onPath: (string | null)[] }> {
  return {
    all: await attributes(page.locator('#node-list > li'), 'data-node-id'),
    onPath: await attributes(page.locator('#node-list > li[data-on-path="true"]'), 'data-node-id'),
  };
}

// The drawing itself is read through cytoscape's instance, which it keeps on its container (`_cyreg.cy`, how it finds one to replace).

/** Where a drawn node is on the screen. */
function nodeOnScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.locator('#graph').evaluate((container: any, nodeId) => {
    const position = container._cyreg.cy.getElementById(nodeId).renderedPosition();
    const box = container.getBoundingClientRect();
    return { x: box.left + position.x, y: box.top + position.y };
  }, id);
}

/** The ids of the nodes and of the edges drawn with a class (sorted). */
function drawnWithClass(page: Page, className: string): Promise<{ nodes: string[]; edges: string[] }> {
  return page.locator('#graph').evaluate((container: any, name) => {
    const cy = container._cyreg.cy;
    const ids = (elements: any) => elements.map((element: any) => element.id()).sort();
    return { nodes: ids(cy.nodes(`.${name}`)), edges: ids(cy.edges(`.${name}`)) };
  }, className);
}

const NEIGHBORHOOD = 'query ($id: ID!) { neighborhood(id: $id, depth: 1, limit: 100) { nodes { id label } edges { id } } }';

/** Checks what every test of a page must hold: nothing went wrong in it, and it asked nothing of another origin. */
function expectCleanAndOffline(recorded: RecordedPage): void {
  expect(recorded.record.errors).toEqual([]);
  expect(originsOf(recorded.record)).toEqual([service.origin]);
}

describe('the explorer at /explore', () => {
  it('finds a misspelt name, moves through the results with the keyboard, and draws and describes the one chosen', async () => {
    const recorded = await open('/explore');
    const { page } = recorded;
    await page.locator('#search-input:focus').waitFor();
    await page.keyboard.type('Whitfeld');
    await page.keyboard.press('Enter');
    const options = page.locator('#search-results [role="option"]');
    await options.first().waitFor();
    const found = await api('query ($text: String!) { search(query: $text, first: 10) { nodes { node { id label } } } }', { text: 'Whitfeld' });
    expect(await attributes(options, 'data-node-id')).toEqual(found.search.nodes.map((hit: any) => hit.node.id));
    expect(await page.locator('#search-results .result-label').allTextContents()).toEqual(found.search.nodes.map((hit: any) => hit.node.label));
    expect(found.search.nodes[0].node).toEqual({ id: 'person:dana-whitfield', label: 'Dana Whitfield' });

    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#search-input').getAttribute('aria-activedescendant')).toBe('search-result-0');
    expect(await attributes(options, 'aria-selected')).toEqual(found.search.nodes.map((_: unknown, index: number) => String(index === 0)));
    expect(await options.first().evaluate((option) => option.ownerDocument.defaultView?.getComputedStyle(option).outlineStyle)).toBe('solid');
    expect(await page.locator('#search-input').evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await drawn(page, 'Drew the neighbourhood of Dana Whitfield.');

    const neighborhood = (await api(NEIGHBORHOOD, { id: 'person:dana-whitfield' })).neighborhood;
    expect((await listedNodes(page)).all).toEqual(neighborhood.nodes.map((node: any) => node.id));
    expect(await attributes(page.locator('#edge-list > li'), 'data-edge-id')).toEqual(neighborhood.edges.map((edge: any) => edge.id));
    expect(await page.locator('#drawing-summary').textContent()).toBe(
      `The drawing shows ${neighborhood.nodes.length} nodes and ${neighborhood.edges.length} edges. Selected: Dana Whitfield. Drew the neighbourhood of Dana Whitfield.`,
    );

    await page.locator('#details h3').filter({ hasText: 'Dana Whitfield' }).waitFor();
    const person = (
      await api(
        'query ($id: ID!) { node(id: $id) { ... on Person { roles { title organization { label } spans { text } } quotes(first: 20) { nodes { text } } claims(role: ANY, first: 20) { nodes { text attribution } } } } }',
        { id: 'person:dana-whitfield' },
      )
    ).node;
    expect(await detailsList(page, 'Roles').allTextContents()).toEqual(
      person.roles.map((role: any) => `${role.title} at ${role.organization.label}${role.spans.map((span: any) => span.text).join('')}`),
    );
    expect(await detailsList(page, 'Roles').allTextContents()).toEqual([
      `director at ${MARKUP_ORGANIZATION}Dana Whitfield, the director of the ${MARKUP_ORGANIZATION}`,
    ]);
    expect(await detailsList(page, 'Quotes').allTextContents()).toEqual(person.quotes.nodes.map((quote: any) => `“${quote.text}”`));
    expect(await detailsList(page, 'Claims').allTextContents()).toEqual(
      person.claims.nodes.map((claim: any) => `${claim.text} ${claim.attribution.toLowerCase().replace('_', ' ')}`),
    );
    // Names that are markup stay text: no element was made from them, no script ran.
    expect(await page.locator('#details b, #search-results b, #node-list b, #edge-list b, body script:not([src])').count()).toBe(0);
    expectCleanAndOffline(recorded);
  });

  it('marks the exact words a quote, a claim and a figure rest on, in their paragraph of the article', async () => {
    const article = (
      await api(
        '{ article(id: "article:lighthouse") { text quotes { nodes { id span { start end text } } } claims { nodes { id span { start end text } } } figures { nodes { id span { start end text } } } } }',
      )
    ).article;
    const paragraphs: string[] = article.text.split('\n');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]).toBe(SECOND_PARAGRAPH);
    const facts = [article.quotes.nodes[0], article.claims.nodes[0], article.figures.nodes[0]];
    expect(facts.map((fact) => fact.id)).toEqual([
      'quote:lighthouse/belongs-to-everyone',
      'claim:lighthouse/trust-will-restore-lighthouse',
      'figure:lighthouse/restoration-cost',
    ]);
    for (const fact of facts) {
      const recorded = await open(`/explore?node=${encodeURIComponent(fact.id)}`);
      const { page } = recorded;
      const mark = page.locator('#details .evidence mark');
      await mark.waitFor();
      const shown = await page.locator('#details .evidence').evaluate((paragraph) => ({
        text: paragraph.textContent,
        before: paragraph.querySelector('mark')?.previousSibling?.textContent,
        marks: paragraph.querySelectorAll('mark').length,
      }));
      // The text starts with a character of two UTF-16 code units: offsets counted in code points would mark other words.
      expect([fact.id, await mark.textContent(), shown.marks, shown.text, shown.before]).toEqual([
        fact.id,
        fact.span.text,
        1,
        paragraphs[0],
        article.text.slice(0, fact.span.start),
      ]);
      expect(await page.evaluate((name) => performance.getEntriesByName(name).length, 'explorer:first-drawing')).toBe(1);
      expectCleanAndOffline(recorded);
      await recorded.stop();
      opened = undefined;
    }
  });

  it('expands the selected node with the button, and a node double-clicked in the drawing, merging their neighbours into it', async () => {
    const recorded = await open('/explore?node=person%3Adana-whitfield');
    const { page } = recorded;
    await drawn(page, 'Drew the neighbourhood of Dana Whitfield.');
    const first = (await api(NEIGHBORHOOD, { id: 'person:dana-whitfield' })).neighborhood;
    const second = (await api(NEIGHBORHOOD, { id: 'organization:harbor-lantern-trust' })).neighborhood;
    const union: string[] = [...new Set([...first.nodes, ...second.nodes].map((node: any) => node.id))];
    const added = union.length - first.nodes.length;
    expect(added).toBeGreaterThan(0);

    await page.locator('#node-list > li[data-node-id="organization:harbor-lantern-trust"] > button').click();
    await page.locator('#details h3').filter({ hasText: MARKUP_ORGANIZATION }).waitFor();
    expect(await page.locator('#expand-button').textContent()).toBe(`Expand neighbours of ${MARKUP_ORGANIZATION}`);
    await page.locator('#expand-button').click();
    await drawn(page, `Expanded ${MARKUP_ORGANIZATION}: ${added} new nodes, ${union.length} in all.`);
    expect((await listedNodes(page)).all).toEqual(union);

    const third = (await api(NEIGHBORHOOD, { id: 'article:lighthouse' })).neighborhood;
    const grown: string[] = [...new Set([...union, ...third.nodes.map((node: any) => node.id)])];
    expect(grown.length - union.length).toBe(1);
    const article = await nodeOnScreen(page, 'article:lighthouse');
    await page.mouse.dblclick(article.x, article.y);
    await drawn(page, `Expanded Trust to restore the old lighthouse: 1 new node, ${grown.length} in all.`);
    expect((await listedNodes(page)).all).toEqual(grown);
    await page.locator('#details h3').filter({ hasText: 'Trust to restore the old lighthouse' }).waitFor();
    expectCleanAndOffline(recorded);
  });

  it('finds a path to a search result and highlights it in the drawing and its text list', async () => {
    const recorded = await open('/explore?node=person%3Adana-whitfield');
    const { page } = recorded;
    await drawn(page, 'Drew the neighbourhood of Dana Whitfield.');
    const before = (await listedNodes(page)).all;
    await page.locator('#search-input').fill('Ellery');
    await page.keyboard.press('Enter');
    await page.locator('#search-results [data-node-id="place:port-ellery"]').waitFor();

    await page.locator('#path-from').selectOption('person:dana-whitfield');
    await page.locator('#path-to').selectOption('place:port-ellery');
    await page.locator('#path-button').click();
    const path = (await api('{ path(from: "person:dana-whitfield", to: "place:port-ellery", maxHops: 6) { hops nodes { id label } edges { id } } }')).path;
    const expected = `Path of ${path.hops} edges: ${path.nodes.map((node: any) => node.label).join(' → ')}.`;
    expect(expected).toMatch(new RegExp(`^Path of 2 edges: Dana Whitfield → .+ → ${MARKUP_PLACE}\\.$`));
    await page.locator('#path-status').filter({ hasText: expected }).waitFor();
    await drawn(page, `Highlighted a path of ${expected.slice('Path of '.length)}`);

    const listed = await listedNodes(page);
    const pathIds: string[] = path.nodes.map((node: any) => node.id);
    expect(listed.all).toEqual([...before, ...pathIds.filter((id) => !before.includes(id))]);
    expect(listed.all.length).toBe(before.length + 1);
    expect([...listed.onPath].sort()).toEqual([...pathIds].sort());
    expect((await attributes(page.locator('#edge-list > li[data-on-path="true"]'), 'data-edge-id')).sort()).toEqual(
      path.edges.map((edge: any) => edge.id).sort(),
    );
    expect(await drawnWithClass(page, 'on-path')).toEqual({ nodes: [...pathIds].sort(), edges: path.edges.map((edge: any) => edge.id).sort() });

    console.log(`explorer screenshot: ${await screenshot(page, 'explorer-path')}`);
    expectCleanAndOffline(recorded);
  });
});

describe('GraphiQL at /graphiql', () => {
  it('loads with no internet, runs the query of its address and shows the answer', async () => {
    const recorded = await open(`/graphiql?query=${encodeURIComponent('{ stats { nodeCount edgeCount } }')}`);
    const { page } = recorded;
    await page.locator('.graphiql-query-editor .view-lines').filter({ hasText: 'edgeCount' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response .view-lines');
    await response.filter({ hasText: 'edgeCount' }).waitFor();
    const answer = await api('{ stats { nodeCount edgeCount } }');
    // Monaco draws spaces as no-break spaces: compare the words and punctuation.
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(words(await response.innerText())).toBe(words(JSON.stringify({ data: answer }, null, 2)));
    console.log(`GraphiQL screenshot: ${await screenshot(page, 'graphiql')}`);
    expectCleanAndOffline(recorded);
  });
});

describe('the landing page and Apollo Sandbox', () => {
  it('shows the landing page offline, with this endpoint in the link to Apollo Studio', async () => {
    const recorded = await open('/');
    const { page } = recorded;
    const endpoint = `${service.origin}/graphql`;
    await page.locator('#endpoint').filter({ hasText: endpoint }).waitFor();
    expect(await page.locator('#studio-link').getAttribute('href')).toBe(
      `https://studio.apollographql.com/sandbox/explorer?endpoint=${encodeURIComponent(endpoint)}`,
    );
    expect(await page.locator('main a').evaluateAll((links) => links.map((link) => link.textContent))).toEqual([
      'Graph explorer',
      'GraphiQL',
      'Apollo Sandbox',
      'Apollo Studio',
      '/healthz',
      '/readyz',
    ]);
    expectCleanAndOffline(recorded);
  });

  it('says, offline, that Sandbox could not be loaded and where the pages that work offline are', async () => {
    const recorded = await open('/sandbox');
    const { page } = recorded;
    const status = page.locator('#sandbox-status.offline');
    await status.waitFor();
    expect((await status.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'Apollo Sandbox could not be loaded: this browser seems to be offline. Apollo Sandbox is loaded from apollographql.com and needs internet. ' +
        'Without it, use GraphiQL or the explorer, which this service serves itself.',
    );
    expect(await status.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/graphiql', '/explore']);
    // The one request that leaves: Apollo's script, refused here as it would fail offline.
    expect(recorded.record.requests.filter((url) => !url.startsWith(service.origin))).toEqual([
      'https://embeddable-sandbox.cdn.apollographql.com/v2/embeddable-sandbox.umd.production.min.js',
    ]);
    expect(recorded.record.errors).toEqual(['Failed to load resource: net::ERR_INTERNET_DISCONNECTED']);
  });
});
