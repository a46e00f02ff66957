/*
 * Site search in the header (markup: overrides/partials/lc-search.html; index: site_build/search/).
 *
 * Pagefind proposes candidate pages twice: with the query as typed (its own Thai word segmentation and
 * ranking) and with the query's Thai runs as coded letter trigrams (site_build/search/terms.py), which
 * find a word anywhere, even inside a compound the segmenter split differently (ราชการ in ข้าราชการ).
 * A candidate is shown only when its text really contains the query under the same rule as
 * site_build/search/text.py: NFKC, lower case, Thai digits = Arabic digits, no zero-width characters or
 * thousands commas, one space for any whitespace; Thai matches anywhere, Latin words and numbers from
 * their start. So สินบน also finds รับสินบน, 2566 and ๒๕๖๖ find each other, and no page is listed that
 * lacks the words. Excerpts and <mark> highlights are cut from that exact match.
 *
 * Results in the page's language come first (Pagefind's "lang" filter, site_build/search/context.py); a
 * result whose title another result shares shows its section and year beside the title.
 *
 * Pagefind itself loads only on first focus or typing. Keyboard: Enter searches, Arrow Down/Up (or Tab)
 * moves through the results, Escape closes the panel.
 */
(() => {
  "use strict";

  const root = document.querySelector("[data-lc-search]");
  if (!root) return;
  const form = root.querySelector("form");
  const input = root.querySelector("input[type=search]");
  const panel = root.querySelector(".lc-search__panel");
  const status = root.querySelector(".lc-search__status");
  const list = root.querySelector(".lc-search__results");
  const more = root.querySelector(".lc-search__more");
  const base = new URL(root.dataset.base || "./", location.href);
  const thaiDigits = root.dataset.digits !== "arabic";
  /* The visitor's language is the page's: its pages are listed first (site_build/search/context.py). */
  const english = (document.documentElement.lang || "th").toLowerCase().startsWith("en");
  const LANGS = english ? ["en", "th"] : ["th", "en"];
  const TEXT = english ? {
    none: (q) => `No page contains “${q}”`,
    first: (n, q) => `The first ${n} pages that contain “${q}”`,
    found: (n, q) => `${n} ${n === "1" ? "page contains" : "pages contain"} “${q}”`,
    busy: "Searching…",
    broken: "Sorry, search is not available at the moment. Please try again later.",
    fromDisk: "Search works on the published site only; a preview opened from files on this computer cannot search.",
  } : {
    none: (q) => `ไม่พบหน้าที่มีคำว่า “${q}”`,
    first: (n, q) => `แสดง ${n} หน้าแรกที่มีคำว่า “${q}”`,
    found: (n, q) => `พบ ${n} หน้าที่มีคำว่า “${q}”`,
    busy: "กำลังค้นหา…",
    broken: "ขออภัย ระบบค้นหาไม่พร้อมใช้งานในขณะนี้ โปรดลองใหม่อีกครั้ง",
    fromDisk: "การค้นหาใช้ได้บนเว็บไซต์ที่เผยแพร่แล้วเท่านั้น ตัวอย่างที่เปิดจากไฟล์ในเครื่องค้นหาไม่ได้",
  };

  const PAGE = 20; // results shown per step ("แสดงผลเพิ่มเติม" shows the next step)
  const BATCH = 10; // page texts fetched at once while checking candidates
  const MIN_TYPED = 2; // characters before searching as you type (Enter searches any length)
  const DELAY = 250; // ms of quiet typing before searching

  const THAI = "๐๑๒๓๔๕๖๗๘๙";
  const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/;
  const TERMS = /\s*\u27e6[^\u27e7]*\u27e7/g; // "⟦ 2566 vava… ⟧": the index-only extra terms, never shown
  const MARK = /\p{M}/u;
  const WORDISH = /[0-9a-z]/;

  const arabic = (s) => s.replace(/[๐-๙]/g, (d) => String(THAI.indexOf(d)));
  const localDigits = (n) => (thaiDigits && !english ? String(n).replace(/[0-9]/g, (d) => THAI[d]) : String(n));
  const displayText = (s) => Array.from(s).filter((c) => !INVISIBLE.test(c)).join("").replace(TERMS, "");
  const cleanQuery = (s) => s.replace(/["“”\u27e6\u27e7]/g, " ");

  /* Two Latin letters per Thai letter, as site_build/search/terms.py codes the index's trigrams. */
  const code = (letters) => Array.from(letters, (ch) => {
    const n = ch.codePointAt(0) - 0x0e00;
    return String.fromCharCode(118 + Math.floor(n / 26), 97 + (n % 26));
  }).join("");

  /* The normalised query with each Thai run replaced by trigram words that cover it. */
  function trigramQuery(query) {
    const words = [];
    const runs = query.split(/([\u0e01-\u0e4f]+)/);
    runs.forEach((part, i) => {
      if (i % 2 === 0) {
        if (part.trim()) words.push(part.trim());
      } else if (part.length >= 3) {
        for (let at = 0; at < part.length; at += 3) words.push(code(part.substr(Math.min(at, part.length - 3), 3)));
      } else if (part.length === 2 || runs.length === 3) {
        words.push(code(part)); // shorter than a trigram: Pagefind matches it as a word start
      }
    });
    return words.join(" ");
  }

  /* The comparable form of a text, with map[i] = index in `text` of the character behind out[i]. */
  function normalise(text) {
    const chars = Array.from(text);
    const map = [];
    let out = "";
    let at = 0;
    chars.forEach((ch, i) => {
      const here = at;
      at += ch.length;
      if (INVISIBLE.test(ch)) return;
      if (ch === "," && /[0-9]$/.test(out) && i + 1 < chars.length && /[0-9๐-๙]/.test(chars[i + 1])) return;
      for (const piece of arabic(ch.normalize("NFKC").toLowerCase())) {
        if (/\s/.test(piece)) {
          if (out && !out.endsWith(" ")) {
            out += " ";
            map.push(here);
          }
        } else {
          out += piece;
          for (let k = 0; k < piece.length; k += 1) map.push(here);
        }
      }
    });
    const end = out.endsWith(" ") ? out.length - 1 : out.length;
    return { text: out.slice(0, end), map: map.slice(0, end) };
  }

  /* Excerpt around the first match: [[text, highlighted], ...], or null when the text lacks the query. */
  function excerpt(text, query) {
    const { text: norm, map } = normalise(text);
    const hits = [];
    const bounded = WORDISH.test(query[0]);
    for (let k = norm.indexOf(query); k !== -1 && hits.length < 30; k = norm.indexOf(query, k + 1)) {
      if (bounded && k > 0 && WORDISH.test(norm[k - 1])) continue; // Latin words and numbers match from their start
      if (hits.length && map[k] < hits[hits.length - 1][1]) continue;
      const last = map[k + query.length - 1];
      let end = last + (text.codePointAt(last) > 0xffff ? 2 : 1);
      while (end < text.length && MARK.test(text[end])) end += 1;
      hits.push([map[k], end]);
    }
    if (!hits.length) return null;
    let start = Math.max(0, hits[0][0] - 60);
    let stop = Math.min(text.length, hits[0][1] + 140);
    if (start > 0) {
      const space = text.slice(start, hits[0][0]).search(/\s/);
      if (space !== -1 && space < 25) start += space + 1;
      while (start < hits[0][0] && MARK.test(text[start])) start += 1;
    }
    if (stop < text.length) {
      const space = text.slice(hits[0][1], stop).search(/\s\S*$/);
      if (space !== -1 && stop - (hits[0][1] + space) < 25) stop = hits[0][1] + space;
      while (stop < text.length && MARK.test(text[stop])) stop += 1;
    }
    const parts = start > 0 ? [["… ", false]] : [];
    let cursor = start;
    for (const [from, to] of hits) {
      if (from >= stop) break;
      if (to > stop && to - stop < 40) stop = to;
      if (from < cursor) continue;
      parts.push([text.slice(cursor, from), false], [text.slice(from, Math.min(to, stop)), true]);
      cursor = Math.min(to, stop);
    }
    parts.push([text.slice(cursor, stop), false]);
    if (stop < text.length) parts.push([" …", false]);
    return parts;
  }

  let pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(async (pf) => {
        await pf.options({ baseUrl: base.pathname });
        await pf.init();
        return pf;
      });
      pagefind.catch((error) => {
        console.warn("site search: could not load pagefind/pagefind.js", error);
        pagefind = null;
      });
    }
    return pagefind;
  }

  function render(hit) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    const title = document.createElement("span");
    const text = document.createElement("span");
    item.className = "lc-search__result";
    link.className = "lc-search__link";
    link.href = hit.url;
    title.className = "lc-search__title";
    title.textContent = hit.title;
    const context = document.createElement("span");
    context.className = "lc-search__context";
    context.textContent = hit.context || "";
    context.hidden = true; // shown when another result has the same title (see markDuplicates)
    text.className = "lc-search__excerpt";
    for (const [piece, highlighted] of hit.excerpt) {
      if (!highlighted) {
        text.append(piece);
      } else {
        const mark = document.createElement("mark");
        mark.textContent = piece;
        text.append(mark);
      }
    }
    link.append(title, context, text);
    item.append(link);
    return item;
  }

  function open() {
    panel.hidden = false;
    root.classList.add("lc-search--open");
  }

  /* Results are complete for `query` (tests and assistive technology can rely on aria-busy). */
  function done(query) {
    list.setAttribute("aria-busy", "false");
    root.dataset.query = query;
  }

  function close() {
    panel.hidden = true;
    root.classList.remove("lc-search--open");
  }

  let generation = 0;
  let state = null;

  function describe(st) {
    const n = localDigits(st.shown);
    if (!st.shown && st.next >= st.candidates.length) return TEXT.none(st.raw);
    if (st.next < st.candidates.length) return TEXT.first(n, st.raw);
    return TEXT.found(n, st.raw);
  }

  /* Two results with the same title (a document and its yearly version) show their section and year. */
  function markDuplicates() {
    const items = Array.from(list.querySelectorAll(".lc-search__result"));
    const count = new Map();
    for (const item of items) {
      const key = item.querySelector(".lc-search__title").textContent;
      count.set(key, (count.get(key) || 0) + 1);
    }
    for (const item of items) {
      const context = item.querySelector(".lc-search__context");
      context.hidden = !context.textContent || count.get(item.querySelector(".lc-search__title").textContent) < 2;
    }
  }

  /* Check candidates in Pagefind's ranking order until `want` more pages are shown or none are left. */
  async function fill(st, want) {
    let added = 0;
    let first = null;
    while (added < want && st.next < st.candidates.length) {
      const batch = st.candidates.slice(st.next, st.next + BATCH);
      st.next += batch.length;
      const pages = await Promise.all(batch.map((result) => result.data()));
      if (st.gen !== generation) return null;
      for (const page of pages) {
        const parts = excerpt(displayText(page.content || ""), st.query);
        if (!parts) continue;
        const meta = page.meta || {};
        const item = render({ url: page.url, title: displayText(meta.title || page.url), context: meta.context, excerpt: parts });
        list.append(item);
        first = first || item;
        st.shown += 1;
        added += 1;
      }
    }
    markDuplicates();
    more.hidden = st.next >= st.candidates.length;
    status.textContent = describe(st);
    done(st.raw);
    return first;
  }

  async function search(raw) {
    const text = cleanQuery(raw).trim();
    const query = normalise(text).text;
    const gen = ++generation;
    state = null;
    list.setAttribute("aria-busy", "true");
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      close();
      done("");
      return;
    }
    open();
    status.textContent = TEXT.busy;
    let candidates;
    try {
      const pf = await loadPagefind();
      const typed = arabic(text);
      const coded = trigramQuery(query);
      // The visitor's language first, each in Pagefind's ranking order (as typed, then by trigrams).
      const runs = LANGS.flatMap((lang) => [typed, coded === typed ? null : coded]
        .map((q) => (q === null ? null : pf.search(q, { filters: { lang } }))));
      const seen = new Set();
      candidates = (await Promise.all(runs)).flatMap((found) => (found ? found.results : []))
        .filter((result) => !seen.has(result.id) && seen.add(result.id));
    } catch (error) {
      if (gen === generation) {
        // a preview opened from disk (CONTRIBUTING.md) cannot fetch the index: say so, not "try again"
        status.textContent = location.protocol === "file:" ? TEXT.fromDisk : TEXT.broken;
        done(text);
      }
      return;
    }
    if (gen !== generation) return;
    list.replaceChildren();
    more.hidden = true;
    state = { gen, raw: text, query, candidates, next: 0, shown: 0 };
    await fill(state, PAGE);
  }

  let timer = 0;
  input.addEventListener("focus", () => {
    loadPagefind().catch(() => {});
    if (state && input.value.trim()) open();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const typed = normalise(cleanQuery(input.value)).text;
    if (typed.length >= MIN_TYPED || !typed) timer = setTimeout(() => search(input.value), typed ? DELAY : 0);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  more.addEventListener("click", async () => {
    if (!state) return;
    list.setAttribute("aria-busy", "true");
    const first = await fill(state, PAGE);
    if (first) first.querySelector("a").focus();
  });

  // Result links are plain links: keep theme scripts from rerouting them (Material treats any click on a
  // link into /en/… as a language switch when the page head lists rel=alternate language roots).
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) event.stopPropagation();
  });

  const links = () => Array.from(list.querySelectorAll("a"));
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      close();
      input.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = links();
    if (panel.hidden || !all.length) return;
    const at = all.indexOf(document.activeElement);
    if (event.target === input && event.key === "ArrowDown") {
      all[0].focus();
    } else if (at !== -1) {
      if (event.key === "ArrowUp" && at === 0) input.focus();
      else all[Math.max(0, Math.min(all.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))].focus();
    } else {
      return;
    }
    event.preventDefault();
  });
  root.addEventListener("focusout", () => {
    setTimeout(() => {
      if (!root.contains(document.activeElement)) close();
    }, 0);
  });
  document.addEventListener("pointerdown", (event) => {
    if (!root.contains(event.target)) close();
  });

  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    search(asked);
  }
})();
