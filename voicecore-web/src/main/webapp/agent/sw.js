/*
 * The softphone's service worker: makes it installable and lets the shell open without a network.
 * It caches only the shell (the files below, all static). API answers (/api/), WebSockets (/ws/) and
 * anything else are never cached or even intercepted: they carry tenant data and tokens.
 */
'use strict';

const CACHE = 'voicecore-softphone-v1';
const SHELL = [
    './',
    'index.html',
    'softphone.css',
    'softphone.js',
    'manifest.webmanifest',
    'icons/icon-192.png',
    'icons/icon-512.png',
    'icons/icon-maskable-512.png',
    'vendor/twilio.min.js'
];
const SHELL_URLS = new Set(SHELL.map((path) => new URL(path, self.registration.scope).href));

self.addEventListener('install', (event) => {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
    event.waitUntil(caches.keys()
        .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
        .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') {
        return;
    }
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    if (!SHELL_URLS.has(url.href)) {
        return; // the network as usual, nothing stored
    }
    // network first, so a deployed update shows at once; the cached shell when offline
    event.respondWith(fetch(request)
        .then((response) => {
            if (response.ok) {
                const copy = response.clone();
                caches.open(CACHE).then((cache) => cache.put(url.href, copy));
            }
            return response;
        })
        .catch(() => caches.match(url.href).then((cached) => cached || Response.error())));
});
