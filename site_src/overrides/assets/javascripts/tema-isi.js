/* The theme's tab-anchor helper (partials/javascripts/content.html of Material
   for MkDocs), loaded as a file: open the tab a link points at. */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
