/* <resellerkit-credits>: Razor components rendered by the Storefront over a Blazor circuit, into a shadow
   root on the agency's page. The element maps its attributes to the component's parameters. Until the circuit is
   live it shows the same component rendered on the Storefront (/widget/screen), whose Buy buttons already work. */
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

  // A form post (no preflight) of the element's attributes and more, to the Storefront; JSON or HTML back.
  const post = (path, element, extra = {}) => {
    const body = new URLSearchParams(extra);
    for (const attribute of Object.keys(attrs)) if (element.hasAttribute(attribute)) body.set(attribute, element.getAttribute(attribute));
    const agency = encodeURIComponent(element.getAttribute('agency') || '');
    return fetch(`${origin}${path}?agency=${agency}`, { method: 'POST', body, credentials: 'omit' });
  };

  class CreditsElement extends HTMLElement {
    static observedAttributes = Object.keys(attrs);

    connectedCallback() {
      elements.add(this);
      this.failed = false;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      const turn = this.turn = (this.turn || 0) + 1;
      if (!this.component) {
        root.innerHTML = '<style>:host{display:block;min-height:22rem}</style><p role="status">Loading credits…</p>';
        this.live = null;
        this.showFirstScreen(turn);
      }
      start(this.getAttribute('agency'));
      enabled.then(async () => {
        if (turn !== this.turn || this.component) return;
        const container = this.live = document.createElement('div');
        // Behind the first screen, the live widget renders off the page and takes its place once it holds the packs.
        if (this.screen?.isConnected) this.takeOver(container, turn);
        else root.replaceChildren(container);
        const parameters = this.parameters();
        this.component = await Blazor.rootComponents.add(container, 'resellerkit-credits', parameters);
        // A Buy on the first screen may have started a checkout while the component was being added: hand it over.
        if (this.checkout !== parameters.checkout) this.component.setParameters(this.parameters());
      });
    }

    // The first screen: the same component rendered on the Storefront, shown while the circuit starts. Its Buy
    // buttons work at once (see buy); the custom quantity waits for the live widget, which prices what is typed.
    async showFirstScreen(turn) {
      let answer;
      try { answer = await post('/widget/screen', this); } catch { return; }
      if (answer.status === 403) return turn === this.turn && this.fail();
      const html = answer.ok ? await answer.text() : null;
      if (!html || turn !== this.turn || this.live) return;
      const screen = this.screen = document.createElement('div');
      screen.innerHTML = html;
      screen.querySelectorAll('form.rk-custom input').forEach(i => i.disabled = true);
      screen.addEventListener('click', e => {
        const button = e.target.closest('button[data-pack]');
        if (button) this.buy(screen, { pack: button.dataset.pack });
      });
      screen.addEventListener('submit', e => {
        e.preventDefault();
        const credits = e.target.querySelector('input[type=number]')?.value;
        if (credits) this.buy(screen, { credits });
      });
      this.shadowRoot.replaceChildren(screen);
    }

    // A Buy on the first screen starts the checkout on the Storefront, as the live widget would, and hands it to the
    // live widget (its checkout parameter), which watches it until the credits land.
    async buy(screen, choice) {
      if (this.buying) return;
      screen.querySelectorAll('button').forEach(b => b.disabled = true);
      let done;
      this.buying = new Promise(r => done = r);
      try {
        const response = await post('/widget/checkout', this, choice);
        const answer = await response.json();
        if (response.ok) {
          this.checkout = answer.started.checkoutId;
          screen.innerHTML = answer.html;
          screen.querySelectorAll('form.rk-custom input').forEach(i => i.disabled = true);
          this.component?.setParameters(this.parameters());
          this.emit({ type: 'purchase-started', detail: answer.started });
        } else this.refused(screen, answer.detail);
      } catch {
        this.refused(screen, 'The checkout could not be started. Please try again.');
      } finally {
        this.buying = null;
        done();
      }
    }

    refused(screen, message) {
      screen.querySelectorAll('button').forEach(b => b.disabled = false);
      const status = screen.querySelector('.rk-status');
      if (status) {
        status.classList.add('rk-error');
        status.setAttribute('role', 'alert');
        status.replaceChildren(Object.assign(document.createElement('p'), { textContent: message }));
      }
      this.emit({ type: 'error', detail: { code: 'checkout_failed', message } });
    }

    // The live widget replaces the first screen once it shows the packs (and no first-screen purchase is on its way).
    takeOver(container, turn) {
      const ready = () => container.querySelector('section.rk[aria-busy="false"]');
      const swap = async () => {
        observer.disconnect();
        await this.buying;
        if (turn !== this.turn) return;
        this.shadowRoot.replaceChildren(container);
        this.screen = null;
      };
      const observer = new MutationObserver(() => ready() && swap());
      observer.observe(container, { childList: true, subtree: true, attributes: true });
    }

    disconnectedCallback() {
      elements.delete(this);
      this.turn++;
      this.component?.dispose();
      this.component = null;
    }

    attributeChangedCallback() { this.component?.setParameters(this.parameters()); }

    parameters() {
      const p = { onEvent: e => this.emit(e), checkout: this.checkout ?? null };
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
