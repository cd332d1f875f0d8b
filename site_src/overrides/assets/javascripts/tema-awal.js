/* The theme's start-up helpers (partials/javascripts/base.html of Material for
   MkDocs), loaded as a file: the site root is found from this file's own address. */
var __md_scope = new URL("../../", document.currentScript.src),
  __md_hash = function (e) {
    return [].slice.call(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  },
  __md_get = function (e, s, t) {
    s = s || localStorage; t = t || __md_scope;
    return JSON.parse(s.getItem(t.pathname + "." + e));
  },
  __md_set = function (e, v, s, t) {
    s = s || localStorage; t = t || __md_scope;
    try { s.setItem(t.pathname + "." + e, JSON.stringify(v)); } catch (err) { /* full or blocked */ }
  };
