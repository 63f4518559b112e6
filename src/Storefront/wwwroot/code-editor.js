/* Line numbers for .code-editor: the gutter follows the textarea's lines and its scroll. Listeners on the document, so
   that editors on pages reached by enhanced navigation work too. */
(() => {
  const sync = area => {
    const gutter = area.closest('.code-editor')?.querySelector('.gutter');
    if (!gutter) return;
    const lines = area.value.split('\n').length;
    if (gutter.dataset.lines !== String(lines)) {
      gutter.textContent = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
      gutter.dataset.lines = String(lines);
    }
    gutter.scrollTop = area.scrollTop;
  };
  document.addEventListener('input', e => { if (e.target.matches('.code-editor textarea')) sync(e.target); });
  document.addEventListener('scroll', e => { if (e.target.matches?.('.code-editor textarea')) sync(e.target); }, true);
})();
