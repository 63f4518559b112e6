/* The account switcher (<details class="switcher">) is keyboard-friendly: Escape closes it and puts focus back on its
   button; a click elsewhere closes it. One listener each on the document, so that it works after enhanced navigation. */
document.addEventListener('keydown', event => {
  if (event.key !== 'Escape') return;
  const open = document.querySelector('details.switcher[open]');
  if (!open) return;
  open.open = false;
  open.querySelector('summary').focus();
  event.preventDefault();
});
document.addEventListener('click', event => {
  for (const open of document.querySelectorAll('details.switcher[open]')) {
    if (!open.contains(event.target)) open.open = false;
  }
});
