/* The check page: upload progress, text result first, file size checks, copy button.
   Works with htmx (vendored); without JavaScript the form posts and the page reloads. */
(function () {
  "use strict";
  const form = document.getElementById("verification");
  const result = document.getElementById("resultat");
  if (!form || !result) return;
  const fileInput = document.getElementById("id_media");
  // The error paragraphs are replaced by htmx's out-of-band swaps: look them up each time.
  const mediaError = { set textContent(v) { document.getElementById("erreur-media").textContent = v; } };
  const textError = { set textContent(v) { document.getElementById("erreur-texte").textContent = v; } };
  const progressBox = document.getElementById("progression");
  const progressBar = document.getElementById("barre-progression");
  const progressText = document.getElementById("texte-progression");
  const VIDEO = /\.(mp4|mov|m4v|webm|avi|3gp|mkv)$/i;
  let fullArrived = false;

  function cookie(name) {
    const found = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
    return found ? decodeURIComponent(found.split("=")[1]) : "";
  }

  function megabytes(bytes) { return Math.round(bytes / 1024 / 1024); }

  /* Refuse a file over the limit before sending it over a phone connection. */
  function checkFiles() {
    const files = Array.from(fileInput.files || []);
    const maxFiles = Number(form.dataset.maxFiles);
    if (files.length > maxFiles) {
      return `Ajoutez au plus ${maxFiles} fichiers à la fois.`;
    }
    for (const file of files) {
      const video = file.type.startsWith("video/") || VIDEO.test(file.name);
      const limit = Number(video ? form.dataset.maxVideo : form.dataset.maxPhoto);
      if (file.size > limit) {
        const what = video ? "La vidéo" : "La photo";
        return `${what} « ${file.name} » pèse ${megabytes(file.size)} Mo; la limite est de ${megabytes(limit)} Mo. ` +
          "Choisissez une version plus légère (par exemple en la partageant en taille moyenne).";
      }
    }
    return "";
  }

  fileInput.addEventListener("change", () => {
    const problem = checkFiles();
    mediaError.textContent = problem;
    if (problem) fileInput.value = "";
  });

  function showProgress(label, value) {
    progressBox.hidden = false;
    progressText.textContent = label;
    if (value === null) progressBar.removeAttribute("value"); else progressBar.value = value;
  }

  /* The text's result comes back in a fraction of a second; photos take longer. */
  function textFirst() {
    const data = new FormData(form);
    data.delete("media");
    data.set("etape", "texte");
    data.set("csrfmiddlewaretoken", cookie("csrftoken") || data.get("csrfmiddlewaretoken"));
    fetch(form.action, { method: "POST", body: data, headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then((r) => r.text())
      .then((html) => {
        if (fullArrived) return;
        const holder = document.createElement("div");
        holder.innerHTML = html;
        holder.querySelectorAll("[hx-swap-oob]").forEach((el) => el.remove());
        result.innerHTML = holder.innerHTML;
      })
      .catch(() => {});
  }

  form.addEventListener("htmx:configRequest", (event) => {
    const token = cookie("csrftoken");
    if (token) event.detail.parameters["csrfmiddlewaretoken"] = token; // fresh after a new sign-in
  });

  form.addEventListener("htmx:beforeRequest", (event) => {
    const problem = checkFiles();
    if (problem) {
      mediaError.textContent = problem;
      event.preventDefault();
      return;
    }
    fullArrived = false;
    form.setAttribute("aria-busy", "true");
    const hasFiles = fileInput.files && fileInput.files.length > 0;
    if (hasFiles) {
      showProgress("Envoi des fichiers : 0 %", 0);
      if (document.getElementById("id_text").value.trim()) textFirst();
    }
  });

  form.addEventListener("htmx:xhr:progress", (event) => {
    const { loaded, total, lengthComputable } = event.detail;
    if (!fileInput.files || !fileInput.files.length) return;
    if (lengthComputable && total > 0 && loaded < total) {
      const percent = Math.floor((loaded / total) * 100);
      showProgress(`Envoi des fichiers : ${percent} %`, percent);
    } else if (lengthComputable && loaded >= total) {
      showProgress("Fichiers reçus; analyse des visages et du logo en cours…", null);
    }
  });

  form.addEventListener("htmx:afterRequest", () => {
    fullArrived = true;
    form.removeAttribute("aria-busy");
    progressBox.hidden = true;
  });

  form.addEventListener("htmx:sendError", () => {
    textError.textContent = "La connexion a été interrompue. Votre texte est toujours là; réessayez dans un instant.";
  });

  document.body.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target !== result) return;
    const heading = result.querySelector("#titre-verdict");
    if (heading) heading.focus();
  });

  result.addEventListener("click", (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) return;
    const source = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector(".copy-status");
    const done = () => { if (status) status.textContent = "Texte copié."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(done, () => { source.select(); document.execCommand("copy"); done(); });
    } else {
      source.select();
      document.execCommand("copy");
      done();
    }
  });

  /* "Who is in this photo?": filter the roster's names as the person types. */
  function plain(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  result.addEventListener("input", (event) => {
    const box = event.target.closest("[data-filter]");
    if (!box) return;
    const list = document.getElementById(box.dataset.filter);
    const wanted = plain(box.value.trim());
    list.querySelectorAll("li").forEach((item) => {
      item.hidden = wanted !== "" && !plain(item.textContent).includes(wanted);
    });
  });

  /* "Ask the direction": the draft goes along (in the POST body, never a URL) only when ticked. */
  result.addEventListener("submit", (event) => {
    const question = event.target.closest("form[data-question]");
    if (!question) return;
    const attach = question.querySelector("[name=attach_draft]");
    const draft = question.querySelector("[name=draft]");
    if (draft) draft.disabled = !(attach && attach.checked);
  });

  const text = document.getElementById("id_text");
  const counter = document.getElementById("compteur");
  text.addEventListener("input", () => {
    counter.textContent = text.value.length > 15000 ? `(${text.value.length} / 20 000 caractères)` : "";
  });

  /* Shared while signed out: the share page kept the text in this tab's sessionStorage (never
     on the server) and sent the person to sign in; restore it once, forget it, check it. */
  const SHARED = "balise:partage";
  let shared = null;
  try {
    shared = JSON.parse(sessionStorage.getItem(SHARED) || "null");
    sessionStorage.removeItem(SHARED);
  } catch (e) { shared = null; }
  if (shared && typeof shared.text === "string") {
    if (!text.value.trim()) text.value = shared.text;
    if (shared.files > 0) {
      const note = document.createElement("p");
      note.className = "notice";
      note.setAttribute("role", "status");
      note.textContent = "Les photos ou la vidéo partagées n'ont pas pu être gardées pendant la connexion : ajoutez-les de nouveau.";
      form.insertAdjacentElement("beforebegin", note);
    }
    if (text.value.trim()) {
      // After htmx has set the form up (on DOMContentLoaded), so the check comes back in place.
      const go = () => form.requestSubmit();
      if (document.readyState === "complete") go(); else window.addEventListener("load", go, { once: true });
    }
  }

  const script = document.currentScript || document.querySelector("script[data-sw]");
  if ("serviceWorker" in navigator && script && script.dataset.sw) {
    navigator.serviceWorker.register(script.dataset.sw, { scope: "/verifier/" }).catch(() => {});
  }
})();
