{% load static %}/* Balise's service worker: caches the page shell only (styles, scripts, icons).
   Never a check, a result, a page with a draft, or anything posted. */
const SHELL = "balise-shell-v1";
const FILES = [
  "{% static 'balise/balise.css' %}",
  "{% static 'checks/check.css' %}",
  "{% static 'checks/check.js' %}",
  "{% static 'checks/htmx.min.js' %}",
  "{% static 'checks/icon-192.png' %}",
];
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return; // checks and shares always go to the server
  const url = new URL(request.url);
  if (url.origin === self.location.origin && FILES.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});
