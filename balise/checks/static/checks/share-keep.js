/* Shared while signed out: keep the text in this tab's sessionStorage (never on the server),
   then go to sign in; the check page restores it, removes it and checks it. */
(function () {
  "use strict";
  const data = document.getElementById("partage");
  const link = document.getElementById("aller-connexion");
  if (!data || !link) return;
  try {
    sessionStorage.setItem("balise:partage", data.textContent);
  } catch (e) {
    return; // storage refused (private mode with no quota): the person signs in and shares again
  }
  window.location.replace(link.href);
})();
