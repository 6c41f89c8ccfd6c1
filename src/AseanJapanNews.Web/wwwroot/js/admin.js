// Admin editor niceties. Everything here is optional: without JavaScript the form still saves,
// previews (the "Xem trước" button) and checks the slug on the server.
(function () {
  "use strict";
  const form = document.getElementById("article-form");
  const token = () => document.querySelector('input[name="__RequestVerificationToken"]')?.value ?? "";
  const debounce = (fn, ms) => { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; };

  document.querySelectorAll("form[data-confirm]").forEach(f =>
    f.addEventListener("submit", e => { if (!confirm(f.dataset.confirm)) e.preventDefault(); }));

  // One post per click: a second click while the save is on its way made a second (and third) article.
  // The pressed button's name and value still go with the post (a disabled button sends nothing), in a
  // hidden field. Registered after the confirm handlers, so a cancelled confirm disables nothing.
  // (The full fix is server-side, a one-time key per form; this stops the everyday double click.)
  document.querySelectorAll('form[method="post" i]').forEach(f =>
    f.addEventListener("submit", e => {
      if (e.defaultPrevented) return;
      const pressed = e.submitter;
      if (pressed?.name) {
        const carried = document.createElement("input");
        carried.type = "hidden";
        carried.name = pressed.name;
        carried.value = pressed.value;
        carried.dataset.pressed = "";
        f.append(carried);
      }
      f.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]").forEach(b => { b.disabled = true; });
    }));
  // Back to a page the browser kept in memory: its buttons work again.
  window.addEventListener("pageshow", e => {
    if (!e.persisted) return;
    document.querySelectorAll("form [data-pressed]").forEach(i => i.remove());
    document.querySelectorAll("form button, form input[type=submit]").forEach(b => { b.disabled = false; });
  });

  if (!form) return;

  // Live slug: derived by the server's own slug rules, with a clear message when it is taken.
  const title = form.querySelector("[data-slug-source]");
  const slug = form.querySelector("[data-slug-target]");
  const slugMessage = form.querySelector("[data-slug-message]");
  let slugEdited = slug.value !== "";
  slug.addEventListener("input", () => { slugEdited = slug.value !== ""; checkSlug(); });
  const checkSlug = debounce(async () => {
    const params = new URLSearchParams({ title: title.value, slug: slugEdited ? slug.value : "", id: slug.dataset.articleId ?? "" });
    const response = await fetch("/admin/articles/slug?" + params, { credentials: "same-origin" });
    if (!response.ok) return;
    const result = await response.json();
    if (!slugEdited) slug.placeholder = result.slug || "để trống: tạo từ tiêu đề";
    slugMessage.textContent = result.takenBy ? `Đường dẫn “${result.slug}” đã được dùng cho bài “${result.takenBy}”.`
      : (slugEdited && !result.valid ? "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối." : "");
  }, 300);
  title.addEventListener("input", checkSlug);

  // Live preview, rendered by the site's Markdown pipeline.
  const source = form.querySelector("[data-preview-source]");
  const target = document.querySelector("[data-preview-target]");
  const preview = debounce(async () => {
    const body = new URLSearchParams({ body: source.value });
    const response = await fetch("/admin/articles/preview", {
      method: "POST", credentials: "same-origin", body,
      headers: { "RequestVerificationToken": token() },
    });
    if (response.ok) target.innerHTML = await response.text();
  }, 400);
  source.addEventListener("input", preview);
  if (!target.innerHTML.trim()) preview();

  // Clicking a suggested tag appends it to the comma-separated list.
  const tags = form.querySelector("[data-tag-input]");
  document.querySelectorAll(".tag-suggestion").forEach(button => button.addEventListener("click", () => {
    const current = tags.value.split(",").map(t => t.trim()).filter(Boolean);
    if (!current.includes(button.dataset.tag)) current.push(button.dataset.tag);
    tags.value = current.join(", ");
  }));
})();
