/* <resellerkit-credits>: Razor components rendered by the Storefront over a Blazor circuit, into a shadow
   root on the agency's page. The element maps its attributes to the component's parameters. */
(() => {
  if (customElements.get('resellerkit-credits')) return;
  const origin = new URL(document.currentScript.src).origin;
  const attrs = { agency: 'agency', 'client-secret': 'clientSecret', locale: 'locale', accent: 'accent' };
  const elements = new Set();
  let enable, started, isEnabled = false, agencySlug;
  let enabled = new Promise(resolve => enable = () => { isEnabled = true; resolve(); });
  // A refused connection (an origin the agency has not allowed) leaves Blazor.start() pending forever: watch the
  // connection's own start instead, and time out as a last resort.
  const failAll = () => isEnabled || elements.forEach(e => e.fail());
  // Why it failed: the hub's refusal of a site the agency has not allowed is unreadable here, so ask (once) in a plain request.
  let diagnosis;
  const diagnose = () => diagnosis ??= fetch(`${origin}/widget/origin?agency=${encodeURIComponent(agencySlug || '')}`, { credentials: 'omit' })
    .then(r => r.ok ? r.json() : null, () => null);
  function connectTo(builder, hub) {
    const build = builder.withUrl(hub).build.bind(builder);
    builder.build = () => {
      const connection = build(), begin = connection.start.bind(connection);
      connection.start = () => begin().catch(e => { failAll(); throw e; });
      return connection;
    };
  }

  function start(agency) {
    if (started) return;
    started = true;
    agencySlug = agency;
    const hub = `${origin}/widget/_blazor?agency=${encodeURIComponent(agency || '')}`;
    // Closing the tab must end the circuit on the Storefront, not post to the host page's origin.
    const beacon = navigator.sendBeacon.bind(navigator);
    if (!navigator.sendBeacon.patched) navigator.sendBeacon = Object.assign((url, data) =>
      beacon(String(url).endsWith('_blazor/disconnect') ? hub.replace('?', '/disconnect?') : url, data), { patched: true });
    const script = document.createElement('script');
    script.src = `${origin}/_framework/blazor.server.js`;
    script.setAttribute('autostart', 'false');
    script.onload = () => Blazor.start({
      configureSignalR: b => connectTo(b, hub),
      initializers: { beforeStart: [], afterStarted: [] }, // else it fetches _blazor/initializers from the host page
      reconnectionHandler: { onConnectionDown: reconnect, onConnectionUp: () => offline(false) },
    }).then(enable, failAll); // started: the circuit has enabled JavaScript root components
    setTimeout(failAll, 30000);
    document.head.appendChild(script);
  }

  // Our own reconnect, so that Blazor's default overlay never covers the agency's page. Behind a load balancer the
  // node that held the circuit may be gone: the balancer then sends us to another node, which does not know the
  // circuit, and we start a new one there (the widget keeps no state worth more than a fresh render).
  async function reconnect() {
    offline(true);
    for (let i = 0; i < 10; i++) {
      await new Promise(r => setTimeout(r, Math.min(1000 * 2 ** i, 15000)));
      try {
        if (await Blazor.reconnect()) return offline(false);
        return restart();
      } catch { }
    }
    elements.forEach(e => e.fail());
  }

  // A fresh copy of blazor.server.js: each copy starts one circuit, and the old one's is gone.
  function restart() {
    diagnosis = undefined;
    started = isEnabled = false;
    enabled = new Promise(resolve => enable = () => { isEnabled = true; resolve(); });
    document.querySelectorAll(`script[src="${origin}/_framework/blazor.server.js"]`).forEach(s => s.remove());
    const current = [...elements];
    current.forEach(e => { e.component = null; e.turn = (e.turn || 0) + 1; });
    start(agencySlug);
    current.forEach(e => e.connectedCallback());
    offline(false);
  }
  const offline = on => elements.forEach(e => e.toggleAttribute('data-offline', on));

  class CreditsElement extends HTMLElement {
    static observedAttributes = Object.keys(attrs);

    connectedCallback() {
      elements.add(this);
      this.failed = false;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      if (!this.component) root.innerHTML = '<style>:host{display:block;min-height:22rem}</style><p role="status">Loading credits…</p>';
      const turn = this.turn = (this.turn || 0) + 1;
      start(this.getAttribute('agency'));
      enabled.then(async () => {
        if (turn !== this.turn || this.component) return;
        const container = document.createElement('div');
        root.replaceChildren(container);
        this.component = await Blazor.rootComponents.add(container, 'resellerkit-credits', this.parameters());
      });
    }

    disconnectedCallback() {
      elements.delete(this);
      this.turn++;
      this.component?.dispose();
      this.component = null;
    }

    attributeChangedCallback() { this.component?.setParameters(this.parameters()); }

    parameters() {
      const p = { onEvent: e => this.emit(e) };
      for (const [attribute, name] of Object.entries(attrs)) p[name] = this.getAttribute(attribute);
      return p;
    }

    // resellerkit:ready, :purchase-started (opens the checkout unless the page calls preventDefault), :purchase-completed, :error
    emit({ type, detail }) {
      const event = new CustomEvent(`resellerkit:${type}`, { detail, bubbles: true, composed: true, cancelable: true });
      if (this.dispatchEvent(event) && type === 'purchase-started') window.open(detail.url, '_blank', 'noopener');
    }

    fail() {
      if (this.failed) return;
      this.failed = true;
      this.component = null;
      const turn = this.turn;
      diagnose().then(answer => {
        if (turn !== this.turn) return;
        const refused = answer?.allowed === false;
        const detail = refused
          ? { code: 'origin_not_allowed', message: `This site (${location.origin}) is not allowed to show this widget; the agency can add it in its back office under Embed the widget > Allowed origins.` }
          : { code: 'connection_failed', message: 'The widget could not reach the server.' };
        if (refused) console.warn(detail.message);
        this.shadowRoot.innerHTML = '<style>:host{display:block;min-height:22rem}</style><p role="alert"></p>';
        this.shadowRoot.querySelector('p').textContent = refused
          ? 'These credits cannot be shown on this site.' : 'The credits are not available right now. Please reload the page.';
        this.emit({ type: 'error', detail });
      });
    }
  }
  customElements.define('resellerkit-credits', CreditsElement);
})();
