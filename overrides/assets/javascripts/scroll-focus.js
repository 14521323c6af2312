// A box that scrolls must take keyboard focus, or a keyboard user cannot read its hidden
// columns (WCAG 2.1.1; axe: scrollable-region-focusable). Tables of our pages arrive wrapped in
// such a box with tabindex (scripts/curriculum/tables.py); this covers any table Material still
// wraps in the browser (.md-typeset__scrollwrap), and leaves the others untouched.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
    box.tabIndex = 0;
  });
});
