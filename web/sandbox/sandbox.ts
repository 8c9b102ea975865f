/**
 * Starts Apollo's embedded Sandbox (loaded by the page from Apollo's CDN) on
 * this service's /graphql, with the options Apollo Server's own landing page
 * passes (@apollo/server, plugin/landingPage/default/getEmbeddedHTML.js);
 * when the script could not be loaded (offline), says so and points to the
 * pages that work without internet.
 */
interface EmbeddedSandboxOptions {
  target: string;
  initialEndpoint: string;
  initialState: { includeCookies: boolean };
  endpointIsEditable: boolean;
  hideCookieToggle: boolean;
  runTelemetry: boolean;
  allowDynamicStyles: boolean;
}

const Sandbox = (window as unknown as { EmbeddedSandbox?: new (options: EmbeddedSandboxOptions) => unknown }).EmbeddedSandbox;
const status = document.getElementById('sandbox-status');

if (Sandbox) {
  new Sandbox({
    target: '#embedded-sandbox',
    initialEndpoint: new URL('/graphql', location.href).href,
    initialState: { includeCookies: false },
    endpointIsEditable: false,
    hideCookieToggle: false,
    runTelemetry: false,
    allowDynamicStyles: false,
  });
} else if (status) {
  status.classList.add('offline');
  status.prepend('Apollo Sandbox could not be loaded: this browser seems to be offline. ');
}

export {};
