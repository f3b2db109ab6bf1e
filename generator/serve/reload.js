// ismsgen serve: reloads the page when a rebuild changed it, shows the
// errors of a failed rebuild over the last good page until they are fixed,
// and the warnings of the page's document behind a small button.
// Served by `ismsgen serve` only; never part of a built site.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = Number(script && script.getAttribute("data-build")) || 0;
  var server = null;
  var zh = /^zh/i.test(document.documentElement.lang || "");
  var overlay = null;

  function here() {
    var p = location.pathname;
    try {
      p = decodeURI(p);
    } catch (e) {
      // keep it encoded
    }
    return p.replace(/index\.html$/, "");
  }

  // Styles are set through the CSSOM: the site's Content-Security-Policy
  // forbids inline style attributes and elements, not this.
  function styled(tag, css, text) {
    var el = document.createElement(tag);
    Object.keys(css).forEach(function (k) {
      el.style[k] = css[k];
    });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function show(errors) {
    hide();
    overlay = styled("div", {
      position: "fixed", left: "0", right: "0", bottom: "0", maxHeight: "60vh", overflow: "auto",
      zIndex: "2147483647", background: "#3b0d0d", color: "#fff", padding: "1rem 1.25rem",
      font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      boxShadow: "0 -4px 16px rgba(0,0,0,.4)", borderTop: "4px solid #e5484d"
    });
    overlay.id = "ismsgen-errors";
    overlay.setAttribute("role", "alert");
    var title = zh
      ? "重新生成失败（" + errors.length + " 个错误）。页面为上一次成功生成的版本，修正后自动刷新。"
      : "The rebuild failed (" + errors.length + " error" + (errors.length === 1 ? "" : "s") +
        "). This is the last good version of the page; it reloads when the errors are fixed.";
    var head = styled("p", { margin: "0 2rem .75rem 0", fontWeight: "bold" }, title);
    var close = styled("button", {
      position: "absolute", top: ".5rem", right: ".75rem", background: "transparent", color: "#fff",
      border: "1px solid #fff", borderRadius: "4px", cursor: "pointer", font: "inherit"
    }, "×");
    close.type = "button";
    close.setAttribute("aria-label", zh ? "关闭" : "Close");
    close.addEventListener("click", hide);
    var list = styled("ol", { margin: "0", paddingLeft: "1.5rem" });
    errors.forEach(function (e) {
      var item = styled("li", { marginBottom: ".5rem" });
      item.appendChild(styled("div", { whiteSpace: "pre-wrap" }, e.text));
      if (e.hint) item.appendChild(styled("div", { color: "#f5c2c2", whiteSpace: "pre-wrap" }, e.hint));
      list.appendChild(item);
    });
    overlay.appendChild(head);
    overlay.appendChild(close);
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  // The warnings: a button in a corner says how many the page's document
  // has (else the site), and opens their list; the whole list is
  // /__ismsgen/warnings/. Never printed: a printed page is a copy of the
  // document, not of the preview.
  var warningsPage = "/__ismsgen/warnings/";
  var badge = null;

  function warnings() {
    if (here() === warningsPage || !window.fetch) return;
    fetch("/__ismsgen/warnings?page=" + encodeURIComponent(here()), { cache: "no-store" })
      .then(function (r) {
        return r.json();
      })
      .then(showWarnings, function () {});
  }

  function showWarnings(m) {
    if (badge) badge.remove();
    badge = null;
    var mine = m.warnings || [];
    if (!m.total) return;
    badge = styled("div", {
      position: "fixed", left: ".75rem", bottom: ".75rem", zIndex: "2147483646", maxWidth: "min(44rem, calc(100vw - 1.5rem))",
      background: "#fff8e1", color: "#3d2c00", border: "1px solid #8a6100", borderRadius: "6px",
      font: "13px/1.45 system-ui, sans-serif", boxShadow: "0 2px 10px rgba(0,0,0,.25)"
    });
    badge.id = "ismsgen-warnings";
    var label = mine.length
      ? (zh ? "本文件有 " + mine.length + " 个警告" : mine.length + " warning" + (mine.length === 1 ? "" : "s") + " in this document")
      : (zh ? "站点有 " + m.total + " 个警告" : m.total + " warning" + (m.total === 1 ? "" : "s") + " in the site");
    var button = styled("button", {
      background: "transparent", color: "inherit", border: "0", padding: ".35rem .6rem", cursor: "pointer", font: "inherit",
      fontWeight: "bold"
    }, "⚠ " + label);
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "ismsgen-warnings-list");
    var panel = styled("div", { display: "none", padding: "0 .75rem .6rem", maxHeight: "40vh", overflow: "auto" });
    panel.id = "ismsgen-warnings-list";
    if (mine.length) {
      var list = styled("ol", { margin: "0 0 .4rem", paddingLeft: "1.25rem" });
      mine.forEach(function (w) {
        var item = styled("li", { marginBottom: ".35rem" });
        item.appendChild(styled("div", { whiteSpace: "pre-wrap", fontFamily: "ui-monospace, Menlo, Consolas, monospace" }, w.text));
        if (w.hint) item.appendChild(styled("div", { whiteSpace: "pre-wrap", color: "#5c4400" }, w.hint));
        list.appendChild(item);
      });
      panel.appendChild(list);
    }
    var all = styled("a", { color: "#5c3b00" }, zh ? "全站 " + m.total + " 个警告" : "All " + m.total + " warning" + (m.total === 1 ? "" : "s") + " of the site");
    all.href = warningsPage;
    panel.appendChild(all);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      panel.style.display = open ? "block" : "none";
    });
    badge.appendChild(button);
    badge.appendChild(panel);
    document.body.appendChild(badge);
  }

  window.addEventListener("beforeprint", function () {
    if (badge) badge.style.display = "none";
  });
  window.addEventListener("afterprint", function () {
    if (badge) badge.style.display = "";
  });

  // The server learns which page this is and which build it shows, and
  // says whether the page changed since: another page's rebuild that
  // this one missed while it reloaded is no reason to reload again.
  var events = new EventSource("/__ismsgen/events?page=" + encodeURIComponent(here()) + "&build=" + build);
  events.addEventListener("hello", function (e) {
    var m = JSON.parse(e.data);
    // A restarted server, or a change of this page that it missed: reload.
    if ((server !== null && m.server !== server) || m.stale) {
      location.reload();
      return;
    }
    server = m.server;
    build = Math.max(build, m.build);
  });
  events.addEventListener("reload", function (e) {
    var m = JSON.parse(e.data);
    if (m.all || (m.pages || []).indexOf(here()) >= 0 || here() === warningsPage) {
      location.reload();
      return;
    }
    build = Math.max(build, m.build);
    warnings(); // a save of another file may have changed the count
  });
  warnings();
  events.addEventListener("errors", function (e) {
    var m = JSON.parse(e.data);
    if (m.errors && m.errors.length) show(m.errors);
    else hide();
  });
})();
