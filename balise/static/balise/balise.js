/* Small enhancements; every page works without them. */
(() => {
  "use strict";
  /* The styled file pickers: say in French which files were chosen. */
  const describe = (input, out) => {
    const files = Array.from(input.files || []).map((f) => f.name);
    if (!files.length) out.textContent = out.dataset.empty || "";
    else if (files.length === 1) out.textContent = files[0];
    else out.textContent = `${files.length} fichiers : ${files.join(", ")}`;
  };
  document.querySelectorAll(".file-picker").forEach((picker) => {
    const input = picker.querySelector("input[type=file]");
    const out = picker.querySelector(".file-names");
    if (!input || !out) return;
    describe(input, out);
    input.addEventListener("change", () => describe(input, out));
    if (input.form) input.form.addEventListener("reset", () => setTimeout(() => describe(input, out)));
  });
  /* The menu closes with Escape and gives the focus back to its button. */
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const menu = document.querySelector(".menu-disclosure[open]");
    if (menu && getComputedStyle(menu.querySelector("summary")).display !== "none") {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
