/* Back-office dialogs marked data-modal are rendered open (so that they show without script) and made modal here:
   showModal() makes the page behind inert, moves focus into the dialog and closes it on Escape. A closed one leaves the
   page (with the secret it showed) and focus goes to the page's heading. Runs on load and after enhanced navigation. */
(() => {
  const showModals = () => {
    for (const dialog of document.querySelectorAll('dialog[data-modal]:not([data-shown])')) {
      dialog.dataset.shown = '';
      if (dialog.open) dialog.close();
      dialog.showModal();
      dialog.addEventListener('close', () => {
        if (dialog.open) return; // the close() above, reported after showModal() reopened it
        dialog.remove();
        const heading = document.querySelector('main h1');
        if (heading) { heading.tabIndex = -1; heading.focus(); }
      });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showModals); else showModals();
  new MutationObserver(showModals).observe(document.documentElement, { childList: true, subtree: true });
})();
