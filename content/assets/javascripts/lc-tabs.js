/* Material for MkDocs' content script (partials/javascripts/content.html), loaded as a file for CSP. */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
