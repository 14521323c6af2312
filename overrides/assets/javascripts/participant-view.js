// Participant view: hide trainer notes and answer keys on screen and in print.
// Shown only on pages that have trainer-only blocks; the choice is remembered per browser.
(function () {
  var KEY = "curriculum.participant-view";
  var LABELS = {
    es: ["Vista de participantes: ocultar notas para facilitación", "Mostrar notas para facilitación"],
    en: ["Participant view: hide trainer notes", "Show trainer notes"]
  };
  function stored() { try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; } }
  function store(on) { try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) {} }
  function apply(on, button) {
    document.documentElement.classList.toggle("participant-view", on);
    if (button) {
      var labels = LABELS[document.documentElement.lang] || LABELS.en;
      button.textContent = on ? labels[1] : labels[0];
      button.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }
  function setup() {
    var content = document.querySelector(".md-content__inner");
    if (!content || !content.querySelector(".trainer-only")) { apply(false); return; }
    var wrap = document.createElement("p");
    wrap.className = "participant-toggle";
    var button = document.createElement("button");
    button.type = "button";
    wrap.appendChild(button);
    var h1 = content.querySelector("h1");
    if (h1 && h1.nextSibling) content.insertBefore(wrap, h1.nextSibling); else content.prepend(wrap);
    apply(stored(), button);
    button.addEventListener("click", function () {
      var on = !document.documentElement.classList.contains("participant-view");
      store(on); apply(on, button);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
