// Material wraps every table in a box that scrolls sideways on a narrow screen
// (.md-typeset__scrollwrap). A box that scrolls must take keyboard focus, or a keyboard user
// cannot read its hidden columns (WCAG 2.1.1; axe: scrollable-region-focusable).
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    box.tabIndex = 0;
  });
});
