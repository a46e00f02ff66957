/* The learning-center's additions to Decap CMS (served at /admin/ only; see site_build/editor/admin.py).
 * - the preview pane uses the site's own stylesheets and fonts, and shows a write-up the way the site does;
 * - before saving, empty optional values are dropped, so index.md holds only what staff filled in
 *   (the write-up schema rejects "" for a number, an empty publicity record, an empty caption). */
(function () {
  "use strict";
  var me = document.currentScript;
  var styles = ((me && me.getAttribute("data-styles")) || "").split(" ").filter(Boolean);
  styles.forEach(function (href) { CMS.registerPreviewStyle(new URL(href, me.src).href); });

  function isEmpty(value) {
    return value === undefined || value === null || value === "" ||
      (value && typeof value.toJS === "function" && value.size === 0);
  }
  function prune(value) {
    if (value && typeof value.toJS === "function" && typeof value.filter === "function") {
      return value.map(prune).filter(function (v) { return !isEmpty(v); });
    }
    return typeof value === "string" && value.trim() === "" ? "" : value;
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (args) {
      var data = args.entry.get("data");
      var body = data.get("body");
      return prune(data).set("body", body === undefined || body === null ? "" : body);
    },
  });

  var h = window.h;
  var Preview = window.createClass({
    render: function () {
      var props = this.props;
      var data = props.entry.get("data");
      var photos = (data.get("photos") || []);
      var figures = photos.map(function (photo, i) {
        var file = photo.get("file");
        var asset = file ? props.getAsset(file) : null;
        return h("figure", { key: i, className: "lc-preview__photo" },
          asset ? h("img", { src: asset.toString(), alt: photo.get("alt") || "" }) : null,
          photo.get("caption") ? h("figcaption", {}, photo.get("caption")) : null);
      });
      return h("div", { className: "md-content lc-preview", "data-md-component": "content" },
        h("article", { className: "md-content__inner md-typeset" },
          h("h1", {}, data.get("title") || ""),
          h("p", { className: "lc-preview__meta" }, data.get("date") || ""),
          data.get("summary") ? h("p", { className: "lc-preview__summary" }, data.get("summary")) : null,
          props.widgetFor("body"),
          h("div", { className: "lc-preview__gallery" }, figures.toArray ? figures.toArray() : figures)));
    },
  });
  CMS.registerPreviewTemplate("activities", Preview);
})();
