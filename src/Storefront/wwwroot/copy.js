/* Back-office copy buttons: <button type="button" data-copy="id"> copies the text of #id and says so in #id-copied.
   One listener on the document, so that buttons on pages reached by enhanced navigation work too. */
document.addEventListener('click', async event => {
  const button = event.target.closest('button[data-copy]');
  const source = button && document.getElementById(button.dataset.copy);
  if (!source) return;
  const status = document.getElementById(button.dataset.copy + '-copied');
  try {
    await navigator.clipboard.writeText(source.textContent);
    if (status) status.textContent = 'Copied.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(source);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    if (status) status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
});
