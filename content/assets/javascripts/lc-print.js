/* "Print this manual" buttons: shown only when scripts run (no inline handlers, for CSP). */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-lc-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
