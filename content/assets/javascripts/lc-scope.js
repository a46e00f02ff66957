/* Material for MkDocs' page bootstrap (partials/javascripts/base.html), loaded as a file for CSP. */
var __md_scope = new URL(document.currentScript.getAttribute("data-md-scope") || ".", location),
  __md_hash = function (e) { return [].slice.call(e).reduce(function (e, _) { return (e << 5) - e + _.charCodeAt(0); }, 0); },
  __md_get = function (e, _, t) { _ = _ || localStorage; t = t || __md_scope; return JSON.parse(_.getItem(t.pathname + "." + e)); },
  __md_set = function (e, _, t, a) { t = t || localStorage; a = a || __md_scope; try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (err) {} };

/* Material fetches sitemap.xml beside every <link rel="alternate"> when the page starts, to map pages between
   languages for its language switch. This site's switch already links each page's own translation (from the
   build), and its hreflang links are absolute URLs (as search engines require) to the public address, which
   is not where a preview or a test serves the site: hide them from Material while it starts (it reads them
   once, on DOMContentLoaded; this file runs just before its bundle), then put them back for crawlers and tools. */
(function () {
  var links = [].slice.call(document.querySelectorAll('link[rel="alternate"][hreflang]'));
  if (!links.length) return;
  links.forEach(function (link) { link.rel = "lc-alternate"; });
  document.addEventListener("DOMContentLoaded", function () {
    setTimeout(function () { links.forEach(function (link) { link.rel = "alternate"; }); }, 0);
  }, { once: true });
})();
