/**
 * The landing page's one script: it writes this service's own endpoint into
 * the page (its address is only known in the browser) and into the link that
 * opens Apollo Studio's Sandbox on it. Without it the page still works.
 */
const endpoint = new URL('/graphql', location.href).href;

for (const id of ['endpoint', 'endpoint-in-example']) {
  const element = document.getElementById(id);
  if (element) element.textContent = endpoint;
}

const studio = document.getElementById('studio-link');
if (studio instanceof HTMLAnchorElement) {
  const url = new URL(studio.href);
  url.searchParams.set('endpoint', endpoint);
  studio.href = url.href;
}

export {};
