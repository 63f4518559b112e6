// The checkout return page while the payment is being confirmed: asks this page again, sooner at first and then less
// often, and shows the result (the credits added and the new balance) in place once it is no longer pending.
(function () {
  var status = document.querySelector('[data-checkout-state="pending"]');
  if (!status || !window.fetch || !window.DOMParser) return;
  var delay = 400, waited = 0, giveUpAfter = 120000;

  function later() {
    waited += delay;
    if (waited > giveUpAfter) return;
    setTimeout(check, delay);
    delay = Math.min(Math.round(delay * 1.5), 5000);
  }

  function check() {
    fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        var next = html && new DOMParser().parseFromString(html, 'text/html').querySelector('[data-checkout-state]');
        var state = next && next.getAttribute('data-checkout-state');
        if (!state || state === 'pending') return later();
        status.replaceChildren.apply(status, Array.prototype.map.call(next.childNodes, function (node) { return document.importNode(node, true); }));
        status.setAttribute('data-checkout-state', state);
      }, later);
  }

  later();
})();
